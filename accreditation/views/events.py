"""Public views of press events: registration, its confirmation, questions, interview requests.

The registration page answers a card number the same way whether or not the card exists or may
register: what happened is told in the e-mail to the address on the accreditation, so the form
reveals nothing about anyone's card. Nothing here is cached (each page carries a CSRF token or
a personal link), and the personal pages are ``noindex``.
"""

from __future__ import annotations

import logging

from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from agency import ratelimit
from agency.http import no_store

from .. import events
from ..event_forms import InterviewForm, QuestionForm, RegistrationForm
from ..models import EventRegistration

logger = logging.getLogger(__name__)

INTERVIEW_SESSION_KEY = "accreditation_interview_ack"
ROUTE_CACHE_SECONDS = 3600
Status = EventRegistration.Status


def _language(page) -> str:
    return page.locale.language_code


def _redirect(url: str):
    return no_store(HttpResponseRedirect(url, status=303))


def _subpage_url(request, page, route: str, **kwargs) -> str:
    return (
        page.get_url(request).rstrip("/")
        + "/"
        + page.reverse_subpage(route, kwargs=kwargs).lstrip("/")
    )


def _limited(request, scope_value: str) -> bool:
    """Count a public submission; ``True`` if over the limit (per address and per card)."""
    allowed = ratelimit.hit("submit_ip", f"events:{ratelimit.client_ip(request)}")
    if scope_value:
        allowed = ratelimit.hit("submit_email", f"events:{scope_value}") and allowed
    return not allowed


def _error_summary(form) -> list:
    return [
        {"id": form[name].auto_id if name in form.fields else "", "messages": messages}
        for name, messages in form.errors.items()
    ]


def _accreditation_route(request, page, route: str) -> str:
    """A route of the accreditation page in ``page``'s language (else any language), or ``""``.

    Cached under the page cache's generation, which every publication bumps, so the briefing
    page pays no query for the link and never shows a stale one.
    """
    from agency.cache import current_generation

    from ..pages import AccreditationPage

    key = url = None
    try:
        key = f"accreditation:route:{current_generation()}:{page.locale_id}:{route}"
        url = cache.get(key)
    except Exception:  # the cache is an optimisation only
        logger.warning("Cache unavailable for the accreditation page's address", exc_info=True)
    if url is None:
        pages = AccreditationPage.objects.live().select_related("locale")
        target = pages.filter(locale_id=page.locale_id).first() or pages.first()
        url = _subpage_url(request, target, route) if target is not None else ""
        if key is not None:
            try:
                cache.set(key, url, ROUTE_CACHE_SECONDS)
            except Exception:
                logger.warning("Could not cache the accreditation page's address", exc_info=True)
    return url


def temporary_accreditation_url(request, page) -> str:
    """The temporary-accreditation form in the page's language, for this event, or ``""``."""
    url = _accreditation_route(request, page, "temporary")
    return f"{url}?event={page.pk}" if url else ""


def interview_url(request, page) -> str:
    """The interview-request form on the accreditation page in the page's language, or ``""``."""
    return _accreditation_route(request, page, "interview")


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
        register_url=_subpage_url(request, page, "register"),
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
            if _limited(request, card):
                form.add_error(
                    None,
                    _(
                        "Too many attempts from your connection or for this card. Please try again in an hour."
                    ),
                )
                status = 429
            else:
                try:
                    events.request_registration(page, card, _language(page))
                except events.RegistrationClosed:
                    status = 409
                    context["registration_open"] = False
                else:
                    return _redirect(f"{context['register_url']}?sent=1")
        else:
            status = 400
    context.update(
        form=form or RegistrationForm(),
        sent="sent" in request.GET,
        error_summary=_error_summary(form) if form is not None else [],
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
    own_url = _subpage_url(request, page, "confirm", token=token)
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
                return _redirect(own_url)
        elif action == "cancel":
            if events.changes_open(registration):
                events.cancel(registration)
                return _redirect(f"{own_url}?cancelled=1")
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
        questions_url=_subpage_url(request, page, "questions", token=token),
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
    own_url = _subpage_url(request, page, "questions", token=token)
    status = 200
    form = QuestionForm(request.POST or None) if request.method == "POST" else QuestionForm()
    if request.method == "POST":
        if form.is_valid():
            if _limited(request, registration.confirm_token):
                form.add_error(None, _("Too many questions at once. Please try again in an hour."))
                status = 429
            else:
                try:
                    events.ask(registration, form.cleaned_data["text"])
                except events.QuestionRefused as refused:
                    form.add_error(None, refused.message)
                    status = 409
                else:
                    return _redirect(f"{own_url}?sent=1")
        else:
            status = 400
    context = _event_context(request, page)
    context.update(
        registration=registration,
        form=form,
        error_summary=_error_summary(form) if form.is_bound else [],
        asked=registration.questions.all(),
        may_ask=registration.status in (Status.REGISTERED, Status.WAITLISTED)
        and events.changes_open(registration),
        sent="sent" in request.GET,
        registration_url=_subpage_url(request, page, "confirm", token=token),
    )
    response = TemplateResponse(
        request, "accreditation/events/questions.html", context, status=status
    )
    return no_store(response)


# ---------------------------------------------------------------------------------------------
# Interview requests: media requests of the forms module
# ---------------------------------------------------------------------------------------------
def interview_text(data: dict) -> str:
    """The request's text, in the active language, from the form's fields."""
    formats = dict(InterviewForm.FORMATS)
    official = data["official"]
    if data.get("official_position"):
        official = f"{official}, {data['official_position']}"
    lines = [
        _("Request for an interview with %(official)s.") % {"official": official},
        _("Format: %(format)s") % {"format": formats[data["interview_format"]]},
    ]
    if data.get("preferred_dates"):
        lines.append(_("Preferred dates: %(dates)s") % {"dates": data["preferred_dates"]})
    lines += ["", data["text"].strip()]
    return "\n".join(lines)


def interview_request(request, page):
    """An accredited journalist asks to interview a named official: a media request.

    It is registered by :func:`citizen_requests.registration.register` with the journalist's
    details from the accreditation (not as typed), so it has the media request's deadlines, its
    number, its case view for officers and its answer by e-mail to the accreditation's address.
    """
    from citizen_requests.registration import register as register_request

    if request.method == "GET" and "done" in request.GET:
        return _interview_done(request, page)
    status = 200
    form = InterviewForm(request.POST or None) if request.method == "POST" else InterviewForm()
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            card = events.normalise_card_number(data["card_number"])
            accreditation = events.find_accreditation(card)
            if _limited(request, card):
                form.add_error(
                    None,
                    _(
                        "Too many attempts from your connection or for this card. Please try again in an hour."
                    ),
                )
                status = 429
            elif accreditation is None or not accreditation.is_valid():
                form.add_error(
                    "card_number",
                    _(
                        "We found no valid accreditation with this card number. Interview "
                        "requests are for journalists accredited with us; others can send a "
                        "media request."
                    ),
                )
                status = 400
            else:
                citizen_request, code = register_request(
                    kind="media",
                    language=_language(page),
                    data={
                        "requester_type": "individual",
                        "full_name": accreditation.full_name,
                        "outlet": accreditation.outlet.name,
                        "accreditation_number": accreditation.card_number,
                        "email": accreditation.email,
                        "phone": accreditation.phone,
                        "channel": "email",
                        "subject": (_("Interview: %(official)s") % {"official": data["official"]})[
                            :255
                        ],
                        "text": interview_text(data),
                    },
                    files=[],
                    submission_token=data["submission_token"],
                )
                if code is not None:
                    request.session[INTERVIEW_SESSION_KEY] = {
                        "id": citizen_request.pk,
                        "code": code,
                    }
                url = (
                    page.get_url(request).rstrip("/")
                    + "/"
                    + page.reverse_subpage("interview").lstrip("/")
                )
                return _redirect(f"{url}?done=1")
        else:
            status = 400
    context = page.get_context(request)
    context.update(
        form=form,
        error_summary=_error_summary(form) if form.is_bound else [],
    )
    response = TemplateResponse(
        request, "accreditation/events/interview.html", context, status=status
    )
    return no_store(response)


def _interview_done(request, page):
    from citizen_requests.models import CitizenRequest
    from citizen_requests.registration import status_page_url

    ack = request.session.pop(INTERVIEW_SESSION_KEY, None) if hasattr(request, "session") else None
    citizen_request = None
    if ack:
        citizen_request = CitizenRequest.objects.filter(pk=ack.get("id")).first()
    context = page.get_context(request)
    context.update(
        citizen_request=citizen_request,
        tracking_code=ack.get("code") if ack else None,
        status_url=status_page_url(_language(page)),
    )
    response = TemplateResponse(request, "accreditation/events/interview_done.html", context)
    return no_store(response)
