"""Public views of press events: registration, its confirmation, and questions.

They are routes of every briefing page (``register/``, ``confirm/<token>/``,
``questions/<token>/``), given to it by :mod:`accreditation.routes`. The registration page
answers a card number the same way whether or not the card exists or may register: what happened
is told in the e-mail to the address on the accreditation, so the form reveals nothing about
anyone's card. Nothing here is cached (each page carries a CSRF token or a personal link), and
the personal pages are ``noindex``.
"""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from agency.http import no_store

from .. import events
from ..event_forms import QuestionForm, RegistrationForm
from ..event_links import interview_url, subpage_url, temporary_accreditation_url
from ..models import EventRegistration
from .common import over_limit, page_language, see_other

Status = EventRegistration.Status


def _event_context(request, page) -> dict:
    event = events.event_for(page)
    context = page.get_context(request)
    context.update(
        event=event,
        places=events.places(event),
        registration_open=events.registration_open(event),
        temporary_url=temporary_accreditation_url(request, page)
        if event.accreditation_required
        else "",
        register_url=subpage_url(request, page, "register"),
    )
    return context


# ---------------------------------------------------------------------------------------------
# Registration
# ---------------------------------------------------------------------------------------------
def register(request, page):
    """Ask for a place with a card number; the link goes to the accreditation's e-mail."""
    context = _event_context(request, page)
    status = 200
    form = RegistrationForm(request.POST or None) if request.method == "POST" else None
    if request.method == "POST":
        if not context["registration_open"]:
            status = 409
        elif form.is_valid():
            card = events.normalise_card_number(form.cleaned_data["card_number"])
            if over_limit(request, card):
                form.add_error(
                    None,
                    _(
                        "Too many attempts from your connection or for this card. Please try again in an hour."
                    ),
                )
                status = 429
            else:
                try:
                    events.request_registration(page, card, page_language(page))
                except events.RegistrationClosed:
                    status = 409
                    context["registration_open"] = False
                else:
                    return see_other(f"{context['register_url']}?sent=1")
        else:
            status = 400
    context.update(
        form=form or RegistrationForm(),
        sent="sent" in request.GET,
    )
    response = TemplateResponse(
        request, "accreditation/events/register.html", context, status=status
    )
    return no_store(response)


def _registration_or_404(page, token):
    registration = events.get_registration(page, token)
    if registration is None:
        raise Http404
    return registration


def confirm(request, page, token):
    """The journalist's own registration: confirm it, see the place, cancel it."""
    registration = _registration_or_404(page, token)
    own_url = subpage_url(request, page, "confirm", token=token)
    error = ""
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "confirm":
            try:
                events.confirm(registration)
            except events.RegistrationClosed:
                error = _(
                    "This registration can no longer be confirmed: registration has closed, "
                    "the event was cancelled, or your accreditation is not valid for it."
                )
                status = 409
            else:
                return see_other(own_url)
        elif action == "cancel":
            if events.changes_open(registration):
                events.cancel(registration)
                return see_other(f"{own_url}?cancelled=1")
            error = _("The event has started or was cancelled; the registration cannot change.")
            status = 409
        else:
            status = 400
        registration.refresh_from_db()
    context = _event_context(request, page)
    context.update(
        registration=registration,
        accreditation=registration.accreditation,
        waiting_position=events.waiting_position(registration),
        can_confirm=registration.status == Status.UNCONFIRMED
        and events.confirmation_open(registration),
        can_change=registration.status in (Status.REGISTERED, Status.WAITLISTED)
        and events.changes_open(registration),
        questions_url=subpage_url(request, page, "questions", token=token),
        interview_url=interview_url(request, page),
        just_cancelled="cancelled" in request.GET,
        error=error,
        Status=Status,
    )
    response = TemplateResponse(
        request, "accreditation/events/registration.html", context, status=status
    )
    return no_store(response)


def questions(request, page, token):
    """Questions for the speakers, sent before the event."""
    registration = _registration_or_404(page, token)
    own_url = subpage_url(request, page, "questions", token=token)
    status = 200
    form = QuestionForm(request.POST or None) if request.method == "POST" else QuestionForm()
    if request.method == "POST":
        if form.is_valid():
            if over_limit(request, registration.confirm_token):
                form.add_error(None, _("Too many questions at once. Please try again in an hour."))
                status = 429
            else:
                try:
                    events.ask(registration, form.cleaned_data["text"])
                except events.QuestionRefused as refused:
                    form.add_error(None, refused.message)
                    status = 409
                else:
                    return see_other(f"{own_url}?sent=1")
        else:
            status = 400
    context = _event_context(request, page)
    context.update(
        registration=registration,
        form=form,
        asked=registration.questions.all(),
        may_ask=registration.status in (Status.REGISTERED, Status.WAITLISTED)
        and events.changes_open(registration),
        sent="sent" in request.GET,
        registration_url=subpage_url(request, page, "confirm", token=token),
    )
    response = TemplateResponse(
        request, "accreditation/events/questions.html", context, status=status
    )
    return no_store(response)
