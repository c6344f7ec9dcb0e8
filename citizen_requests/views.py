"""What the public request pages do: file a request, see its acknowledgement, follow its status.

The page models call these from ``serve``; they hold the behaviour so the models stay a list of
fields. Nothing here is cached: the pages carry a CSRF token, personal data or a tracking code.
"""

import hmac
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from agency import ratelimit
from agency.csp import signing_page
from agency.forms import describe_fields
from agency.http import no_store
from agency.models import AgencyProfile
from agency.uploads import MAX_FILES
from agency.uploads.limits import refuse_over_total
from esign import canonical
from esign.services import record, submissions_for, verify_document

from . import signing
from .forms import RequestForm, StatusForm
from .kinds import Signature, Status, UnsignedPolicy
from .models import CitizenRequest, RequestEvent, RequestSettings
from .registration import register
from .services.timeline import in_order
from .uploads import HeldFiles

logger = logging.getLogger(__name__)

#: The checkboxes that remove a file kept from an earlier try.
REMOVE_FIELD = "remove_attachment"
#: Compared against when no request has the number, so a miss takes as long as a wrong code.
_NO_DIGEST = "0" * 64


def _language(page) -> str:
    return page.locale.language_code


# ---------------------------------------------------------------------------
# The request form
# ---------------------------------------------------------------------------
def form_context(page, request, form) -> dict:
    context = page.get_context(request)
    context.update(
        form=form,
        sections=form.visible,
        agency=AgencyProfile.for_locale(page.locale),
        request_settings=RequestSettings.load(request_or_site=request),
        personal_data_items=form.personal_data_items,
        status_page=page.status_page(),
    )
    return context


@signing_page
def serve_form(page, request):
    held = None
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES, kind=page.kind)
        held = HeldFiles(request, request.POST.get("submission_token"))
        held.remove(request.POST.getlist(REMOVE_FIELD))
        valid = form.is_valid()
        if refuse_over_total(request, form, "attachments"):
            describe_fields(form)
        else:
            new = [] if "attachments" in form.errors else form.cleaned_data["attachments"]
            if _fits(form, held, new):
                files = _kept(form, held) if valid else None
                held.keep(new)
                if files is not None:
                    response = _signing_step(page, request, form, held)
                    if response is not None:
                        return response
            describe_fields(form)
    else:
        form = RequestForm(kind=page.kind)
    status = 400 if form.is_bound and form.errors else 200
    context = form_context(page, request, form)
    context["held_files"] = held.items if held is not None else []
    context["remove_field"] = REMOVE_FIELD
    if context["held_files"]:
        context["files_note"] = _(
            "Your files are kept with this form: %(names)s. You do not need to attach them again."
        ) % {"names": ", ".join(f"“{item['name']}”" for item in context["held_files"])}
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    return no_store(response)


def _signing_step(page, request, form, held: HeldFiles):
    """What a valid form leads to: the page to sign it on, or the registered request; ``None``
    to show the form again (the requester went back to it, or the rate limit was hit)."""
    step = request.POST.get("step", "")
    if step == signing.EDIT:
        return None
    agency = AgencyProfile.for_locale(page.locale)
    request_settings = RequestSettings.load(request_or_site=request)
    data = form.model_data()
    errors = []
    if step == signing.SIGN:
        outcome = verify_document(
            request.POST.get("nonce", "")[:64],
            request.POST.get("signature", "")[: 2 * canonical.MAX_BYTES],
            purpose=signing.PURPOSE,
            iin=data.get("iin", ""),
            bin_=data.get("bin", ""),
        )
        expected = signing.content(agency, page.kind, data, held.items)
        if not outcome.acceptable:
            errors = [reason.message for reason in outcome.verdict.reasons]
        elif canonical.parse(outcome.document).content != expected:
            errors = [_("The form has changed since the document was issued. Please sign again.")]
        else:
            return _register_held(page, request, form, held, Signature.SIGNED, outcome)
    elif step == signing.UNSIGNED:
        if signing.may_send_unsigned(request_settings):
            signature = signing.unsigned_value(request_settings)
            return _register_held(page, request, form, held, signature, None)
        errors = [_("This office accepts electronic requests only when signed with an ЭЦП.")]
    document = signing.issue(agency, page.kind, data, held.items)
    context = page.get_context(request)
    context.update(
        form=form,
        document=document,
        rows=signing.readable(document),
        errors=errors,
        held_files=held.items,
        agency=agency,
        may_send_unsigned=signing.may_send_unsigned(request_settings),
        flagged=request_settings.unsigned_requests == UnsignedPolicy.FLAG,
        steps={"sign": signing.SIGN, "unsigned": signing.UNSIGNED, "edit": signing.EDIT},
        hidden_fields=[field for field in form if field.name not in HIDDEN_SKIPPED],
    )
    status = 400 if errors else 200
    response = TemplateResponse(request, "citizen_requests/signing.html", context, status=status)
    return no_store(response)


#: Fields the signing page does not carry: the files are in the session, the token is its own.
HIDDEN_SKIPPED = ("attachments", "submission_token")


def _register_held(page, request, form, held: HeldFiles, signature: str, outcome):
    """Register the request with the files held for it, or ``None`` with the form's error."""
    files = _kept(form, held)
    if files is None:
        return None
    response = _register(page, request, form, files, signature=signature, outcome=outcome)
    if response is not None:
        held.clear()
    return response


def _fits(form, held: HeldFiles, new: list) -> bool:
    """Whether the files kept from an earlier try and the ``new`` ones are not too many; if
    they are, the form says so and the new ones are not kept."""
    if len(held) + len(new) <= MAX_FILES:
        return True
    form.add_error(
        "attachments",
        ValidationError(
            _("Attach at most %(limit)s files, counting those already attached."),
            code="too_many",
            params={"limit": MAX_FILES},
        ),
    )
    return False


def _kept(form, held: HeldFiles) -> list | None:
    """The files kept from an earlier try, checked again; ``None`` with the form's error when
    one of them was lost."""
    try:
        return held.checked()
    except ValidationError as error:
        form.add_error("attachments", error)
        return None


def _register(page, request, form, files, *, signature: str = "", outcome=None):
    """Register the valid ``form`` and acknowledge it, or add the rate-limit error to the form
    and return ``None``.

    The acknowledgement is the POST's own response, not a redirect: the tracking code is never
    stored to be shown later. Reloading it submits the same form again, which registers nothing
    and shows the number without the code. A signed request keeps its signature
    (:func:`esign.services.record`) in the same transaction as its registration.
    """
    data = form.model_data()
    allowed = ratelimit.hit("submit_ip", ratelimit.client_ip(request))
    if data.get("email"):
        allowed = ratelimit.hit("submit_email", data["email"]) and allowed
    if not allowed:
        form.add_error(
            None,
            _(
                "Too many requests have been sent from your connection or e-mail address. "
                "Please try again in an hour, or send your request by post."
            ),
        )
        return None
    with transaction.atomic():
        citizen_request, code = register(
            kind=page.kind,
            language=_language(page),
            data=data,
            files=files,
            submission_token=form.cleaned_data["submission_token"],
            signature=signature,
        )
        if code is not None and outcome is not None:
            record(outcome, target=citizen_request)
    context = page.get_context(request)
    context.update(
        citizen_request=citizen_request,
        tracking_code=code,
        unsigned_notice=citizen_request.signature == Signature.FLAGGED,
        status_page=page.status_page(),
        agency=AgencyProfile.for_locale(page.locale),
    )
    response = TemplateResponse(request, "citizen_requests/acknowledgement.html", context)
    return no_store(response)


# ---------------------------------------------------------------------------
# The status page
# ---------------------------------------------------------------------------
def find_request(number: str, code: str) -> CitizenRequest | None:
    """The request with ``number`` if ``code`` is its tracking code, else ``None``.

    A missing number and a wrong code take the same path: one indexed query and one
    constant-time comparison of keyed digests.
    """
    candidate = (
        CitizenRequest.objects.filter(number=number, anonymised_at__isnull=True)
        .select_related("answer")
        .first()
    )
    digest = CitizenRequest.tracking_digest_for(code)
    expected = candidate.tracking_digest if candidate is not None else _NO_DIGEST
    matches = hmac.compare_digest(expected, digest)
    return candidate if matches and candidate is not None else None


def status_context(citizen_request: CitizenRequest) -> dict:
    events = [
        {**row, "label": row["event"].get_action_display(), "action": row["event"].action}
        for row in in_order(citizen_request, citizen_request.events.filter(public=True))
    ]
    answer = None
    if citizen_request.status == Status.ANSWERED:
        answer = getattr(citizen_request, "answer", None)
    return {
        "citizen_request": citizen_request,
        "events": events,
        "answer": answer,
        "is_open": citizen_request.is_open,
        "refused": citizen_request.status == Status.REFUSED,
        "forwarded": citizen_request.status == Status.FORWARDED,
        "Action": RequestEvent.Action,
        "signature": _signature_status(citizen_request),
    }


def mask_iin(iin: str) -> str:
    """An IIN with its middle hidden (``880101•••••2``): enough to recognise, not to reuse."""
    if len(iin) != 12:
        return "•" * len(iin)
    return f"{iin[:6]}{'•' * 5}{iin[-1]}"


def _signature_status(citizen_request: CitizenRequest) -> dict | None:
    """What the status page says about the request's signature; ``None`` when it was not filed
    through the site's form."""
    if not citizen_request.signature:
        return None
    if citizen_request.signature != Signature.SIGNED:
        return {"signed": False}
    submissions = submissions_for(citizen_request)
    check = submissions[0].latest_check if submissions else None
    return {
        "signed": bool(submissions),
        "verified": check is not None and check.state == "valid",
        "iin": mask_iin(submissions[0].iin) if submissions else "",
    }


def serve_status(page, request):
    form = StatusForm(request.POST) if request.method == "POST" else StatusForm()
    context = page.get_context(request)
    status = 200
    if request.method == "POST":
        address = ratelimit.client_ip(request)
        over_limit = not ratelimit.hit("status_ip", address)
        if not over_limit and form.is_valid():
            # Per number and address: guesses from elsewhere never lock the number's owner out.
            over_limit = not ratelimit.hit(
                "status_number", f"{form.cleaned_data['number']}|{address}"
            )
        if over_limit:
            form.is_valid()
            form.add_error(None, _("Too many attempts. Please wait ten minutes and try again."))
            status = 429
        elif form.is_valid():
            found = find_request(form.cleaned_data["number"], form.cleaned_data["code"])
            if found is not None:
                letter = _letter(found) if request.POST.get("letter") else None
                if letter is not None:
                    return letter
                context.update(status_context(found))
                context["code"] = form.cleaned_data["code"]
            else:
                form.add_error(
                    None,
                    _(
                        "We could not find a request with this number and tracking code. "
                        "Check both and try again."
                    ),
                )
                status = 400
        else:
            status = 400
    context["form"] = form
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    return no_store(response)


def _letter(citizen_request: CitizenRequest):
    answer = getattr(citizen_request, "answer", None)
    if citizen_request.status != Status.ANSWERED or answer is None or not answer.pdf:
        return None
    response = FileResponse(
        answer.pdf.open("rb"),
        as_attachment=True,
        filename=f"{citizen_request.number}.pdf",
        content_type="application/pdf",
    )
    return no_store(response)
