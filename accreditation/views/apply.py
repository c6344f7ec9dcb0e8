"""The public application forms of the accreditation page: permanent accreditation during an
open intake (the page itself) and temporary accreditation for one event (``temporary/``).

They are routes of the accreditation page (:mod:`accreditation.routes`). Nothing here is cached:
the pages carry a CSRF token and, after a submit, personal data. Bad input gives the form back
with every typed value except the files, an error summary and a 400; it never gives a 500. A
valid application goes on to the page where it is signed with ЭЦП (:mod:`.signing`).
"""

import logging

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from agency import ratelimit
from agency.csp import signing_page
from agency.http import no_store
from agency.models import AgencyProfile
from agency.uploads.limits import refuse_over_total
from esign.services import record

from .. import services
from ..forms import MAX_JOURNALISTS, PERSONAL_DATA_ITEMS, ApplicationForm, journalist_formset
from ..models import AccreditationType, Application
from .signing import held_note, held_photos, keep_new_photos, signing_step, with_held_photos

logger = logging.getLogger(__name__)

ACK_SESSION_KEY = "accreditation_ack"


def _language(page) -> str:
    return page.locale.language_code


def announcement(intake, language: str) -> tuple[str, str]:
    """The intake's announcement in ``language`` and the language it is in (kk and ru always
    exist; English falls back to Russian)."""
    if intake is None:
        return "", ""
    if language == "kk":
        return intake.announcement_kk, "kk"
    if language == "en" and intake.announcement_en:
        return intake.announcement_en, "en"
    return intake.announcement_ru, "ru"


def _rows(request) -> int:
    try:
        return max(1, min(MAX_JOURNALISTS, int(request.GET.get("journalists", 1))))
    except (TypeError, ValueError):
        return 1


def _context(page, request, *, kind, form, formset, intake=None, events=None) -> dict:
    context = page.get_context(request)
    language = _language(page)
    text, text_language = announcement(intake, language)
    config = services.rules()
    context.update(
        kind=kind,
        form=form,
        formset=formset,
        journalist_label=_("Journalist %(number)s: %(field)s"),
        intake=intake,
        next_intake=services.announced_intake() if intake is None else None,
        announcement=text,
        announcement_language=text_language if text_language != language else "",
        rules_document=config.rules_document,
        review_days=(
            config.review_working_days_strategic
            if config.strategic_object
            else config.review_working_days
        ),
        permanent_months=config.permanent_months,
        events=events,
        rows=formset.total_form_count() if formset is not None else 1,
        max_rows=MAX_JOURNALISTS,
        personal_data_items=[str(item) for item in PERSONAL_DATA_ITEMS],
        agency=AgencyProfile.for_locale(page.locale),
        temporary_url=page.get_url(request) + page.reverse_subpage("temporary"),
        apply_url=page.get_url(request),
        outlets_url=page.get_url(request) + page.reverse_subpage("outlets"),
    )
    return context


def _submit(page, request, *, kind, form, formset, outcome=None):
    """Register a valid application, with its signed submission when it was signed
    (``outcome``), or add the problem to ``form`` and return ``None``."""
    data = form.application_data(formset)
    allowed = ratelimit.hit("submit_ip", f"accreditation:{ratelimit.client_ip(request)}")
    allowed = ratelimit.hit("submit_email", f"accreditation:{data.contact_email}") and allowed
    if not allowed:
        form.add_error(
            None,
            _(
                "Too many applications have been sent from your connection or e-mail address. "
                "Please try again in an hour."
            ),
        )
        return None
    try:
        with transaction.atomic():
            application, created = services.apply(
                kind=kind,
                data=data,
                language=_language(page),
                submission_token=form.cleaned_data["submission_token"],
                briefing=form.selected_briefing(),
            )
            if created and outcome is not None:
                record(outcome, target=application)
    except services.AccreditationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return None
    request.session[ACK_SESSION_KEY] = application.pk
    route = "" if kind == AccreditationType.PERMANENT else page.reverse_subpage("temporary")
    return no_store(HttpResponseRedirect(f"{page.get_url(request)}{route}?done=1", status=303))


def _serve(page, request, *, kind, template, intake=None, events=None):
    if request.method == "GET" and "done" in request.GET:
        return acknowledgement(page, request)
    accepting = intake is not None if kind == AccreditationType.PERMANENT else bool(events)
    form = formset = held = None
    status = 200
    if request.method == "POST":
        held = held_photos(request)
        files, lost = with_held_photos(request, held)
        form = ApplicationForm(request.POST, request.FILES, briefings=events)
        formset = journalist_formset(request.POST, files)
        if not accepting:
            form.is_valid()
            form.add_error(
                None,
                _("Applications are not being accepted now.")
                if kind == AccreditationType.PERMANENT
                else _("No event is open for temporary accreditation now."),
            )
        else:
            try:
                valid = form.is_valid() & formset.is_valid()
            except Exception:  # a tampered management form
                logger.info("Malformed accreditation application", exc_info=True)
                formset = journalist_formset(rows=1)
                form.add_error(None, _("Your application could not be sent. Please try again."))
                valid = False
            if refuse_over_total(request, form):
                valid = False
            if lost is not None:
                form.add_error(None, lost)
                valid = False
            if valid:
                keep_new_photos(request, held, formset)
                response = signing_step(
                    page,
                    request,
                    kind=kind,
                    form=form,
                    formset=formset,
                    held=held,
                    submit=lambda outcome: _submit(
                        page, request, kind=kind, form=form, formset=formset, outcome=outcome
                    ),
                )
                if response is not None:
                    return response
        status = 400 if form.errors or formset.total_error_count() else 200
    elif accepting:
        form = ApplicationForm(
            briefings=events,
            initial={"briefing": request.GET.get("event")} if events else None,
        )
        formset = journalist_formset(rows=_rows(request))
    context = _context(
        page, request, kind=kind, form=form, formset=formset, intake=intake, events=events
    )
    context["held_note"] = held_note(held) if held is not None else ""
    response = TemplateResponse(request, template, context, status=status)
    return no_store(response)


@signing_page
def permanent_application(request, page):
    """The accreditation page: how to apply, the intake's announcement and, while an intake is
    open, the application for permanent accreditation."""
    return _serve(
        page,
        request,
        kind=AccreditationType.PERMANENT,
        template=page.get_template(request),
        intake=services.current_intake(),
    )


@signing_page
def temporary_application(request, page):
    """The application for temporary accreditation to one event."""
    return _serve(
        page,
        request,
        kind=AccreditationType.TEMPORARY,
        template="accreditation/temporary.html",
        events=services.temporary_events(page.locale),
    )


def acknowledgement(page, request):
    application_id = request.session.pop(ACK_SESSION_KEY, None)
    application = None
    if application_id:
        application = (
            Application.objects.filter(pk=application_id)
            .select_related("outlet", "briefing")
            .prefetch_related("journalists")
            .first()
        )
    context = page.get_context(request)
    context.update(
        application=application,
        apply_url=page.get_url(request),
        temporary_url=page.get_url(request) + page.reverse_subpage("temporary"),
    )
    response = TemplateResponse(request, "accreditation/acknowledgement.html", context)
    return no_store(response)
