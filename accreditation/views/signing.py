"""The signing step of the application forms: the outlet's editor-in-chief (or the person
authorised to sign) signs the application with their ЭЦП before it is filed.

Once the application is valid, the page shows its canonical document
(:func:`accreditation.signing.readable`) and NCALayer signs its exact bytes; the signature comes
back with the application's values (hidden fields) and the journalists' photos kept in the
session (:class:`HeldPhotos`). The server verifies it against the document it issued, the
signer's IIN and the outlet's BIN, and that the application sent back still says what was
signed (:func:`accreditation.signing.check`); only then is it filed, with its signed submission.
Whether an application may also be sent without a signature is the agency's choice
(``AccreditationSettings.unsigned_applications``).
"""

from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from agency.http import no_store
from agency.models import AgencyProfile
from agency.uploads import CheckedFile
from agency.uploads.held import HeldFiles
from esign import canonical

from .. import services, signing
from ..models import UnsignedApplications

#: The ``step`` a submission asks for: show the document to sign (blank), check the signature,
#: send without one, or go back to the form.
SIGN = "sign"
UNSIGNED = "unsigned"
EDIT = "edit"


class HeldPhotos(HeldFiles):
    """The journalists' photos kept for one application form, each for its row's photo field."""

    session_key = "accreditation_held_photos"


def held_photos(request) -> HeldPhotos:
    return HeldPhotos(request, request.POST.get("submission_token"))


def with_held_photos(request, held: HeldPhotos) -> tuple[MultiValueDict, ValidationError | None]:
    """The files of the submission, with the kept photo of each journalist row that names a
    journalist and brings no new photo; and the error if a kept photo was lost."""
    files = MultiValueDict()
    for key, values in request.FILES.lists():
        files.setlist(key, values)
    try:
        kept = held.uploads()
    except ValidationError as error:
        return files, error
    for slot, upload in kept.items():
        row = slot.removesuffix("-photo")
        if slot not in files and request.POST.get(f"{row}-full_name", "").strip():
            files[slot] = upload
    return files, None


def keep_new_photos(request, held: HeldPhotos, formset) -> None:
    """Keep the photos sent with this submission for the next one (the signing step)."""
    for journalist in formset.forms:
        slot = journalist.add_prefix("photo")
        photo = journalist.cleaned_data.get("photo") if journalist.cleaned_data else None
        if slot in request.FILES and isinstance(photo, CheckedFile):
            held.keep([photo], slot=slot)


def held_note(held: HeldPhotos) -> str:
    items = held.items
    if not items:
        return ""
    return _(
        "Your files are kept with this form: %(names)s. You do not need to attach them again."
    ) % {"names": ", ".join(f"“{item['name']}”" for item in items)}


def may_send_unsigned() -> bool:
    return services.rules().unsigned_applications != UnsignedApplications.REFUSE


def signing_step(page, request, *, kind, form, formset, held, submit):
    """What a valid application leads to: the page to sign it on, or the filed application
    (``submit(outcome)`` files it); ``None`` to show the form again (the applicant went back to
    it, or ``submit`` added the problem to the form)."""
    step = request.POST.get("step", "")
    if step == EDIT:
        return None
    agency = AgencyProfile.for_locale(page.locale)
    data = form.application_data(formset)
    signer_iin = form.cleaned_data.get("signer_iin", "")
    briefing = form.selected_briefing()
    errors = []
    if step == SIGN:
        if not signer_iin:
            errors = [
                _("An application is signed with the ЭЦП issued to the signer's IIN: give it.")
            ]
        else:
            outcome, errors = signing.check(
                request.POST.get("nonce", "")[:64],
                request.POST.get("signature", "")[: 2 * canonical.MAX_BYTES],
                signing.content(agency, kind, data, signer_iin, briefing),
            )
            if not errors:
                return _filed(held, submit(outcome))
    elif step == UNSIGNED:
        if may_send_unsigned():
            return _filed(held, submit(None))
        errors = [_("The agency accepts applications only when signed with an ЭЦП.")]
    document = signing.issue(agency, kind, data, signer_iin, briefing)
    context = page.get_context(request)
    context.update(
        kind=kind,
        form=form,
        formset=formset,
        document=document,
        rows=signing.readable(document),
        errors=errors,
        signable=bool(signer_iin),
        may_send_unsigned=may_send_unsigned(),
        steps={"sign": SIGN, "unsigned": UNSIGNED, "edit": EDIT},
        hidden_fields=[field for field in form if field.name != "submission_token"],
        journalist_fields=[
            field for journalist in formset.forms for field in journalist if field.name != "photo"
        ],
    )
    response = TemplateResponse(
        request, "accreditation/signing.html", context, status=400 if errors else 200
    )
    return no_store(response)


def _filed(held: HeldPhotos, response):
    if response is not None:
        held.clear()
    return response
