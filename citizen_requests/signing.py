"""The signing step of the request forms: what the requester signs with their ЭЦП, and how.

Once the form is valid, the site builds the request's canonical document from the validated
values (:func:`content`) and issues it (:func:`esign.services.issue_document`): the page shows
it in words, NCALayer signs its exact bytes, and the signature comes back with the form's values
(hidden fields) and the files kept in the session (:mod:`citizen_requests.uploads`). The server
verifies it against the document it issued and against the IIN/BIN of the form, and checks that
the form sent back still says what was signed; only then is the request registered.

Whether a request may also be sent without a signature is the office's choice
(:class:`~citizen_requests.models.RequestSettings`, AIL Art. 11 p.5).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from esign import canonical
from esign.services import issue_document

from .kinds import Channel, RequesterType, RequestKind, Signature, UnsignedPolicy

PURPOSE = "citizen_request"

#: The ``step`` a form submission asks for: show the document to sign (blank), check the
#: signature, send without one, or go back to the form.
SIGN = "sign"
UNSIGNED = "unsigned"
EDIT = "edit"

#: What each part of the document is called on the page.
LABELS = {
    "recipient.name": _("Recipient"),
    "recipient.bin": _("Recipient's BIN"),
    "kind": _("Kind of request"),
    "requester.type": _("Filed as"),
    "requester.name": _("Full name"),
    "requester.iin": _("IIN"),
    "requester.organisation": _("Legal entity"),
    "requester.bin": _("BIN"),
    "requester.signatory_position": _("Signatory's position"),
    "requester.outgoing_number": _("Outgoing number"),
    "requester.outgoing_date": _("Date of the letter"),
    "requester.outlet": _("Media outlet"),
    "requester.accreditation_number": _("Accreditation card number"),
    "contacts.email": _("E-mail"),
    "contacts.phone": _("Phone"),
    "contacts.postal_address": _("Postal address"),
    "channel": _("Answer by"),
    "subject": _("Subject"),
    "text": _("Text of the request"),
    "attachments.name": _("Attachment %(number)s: name"),
    "attachments.size": _("Attachment %(number)s: size in bytes"),
    "attachments.sha256": _("Attachment %(number)s: SHA-256"),
}

_REQUESTER_FIELDS = (
    "organisation",
    "bin",
    "signatory_position",
    "outgoing_number",
    "outgoing_date",
    "outlet",
    "accreditation_number",
)


def content(agency, kind: str, data: dict, held: list[dict]) -> dict:
    """The content of a request's canonical document: the recipient (``agency``, the agency
    profile), the validated ``data`` of the form (:meth:`RequestForm.model_data`) and the files
    ``held`` for it (:attr:`HeldFiles.items`). Blank values are left out."""
    requester = {
        "type": data.get("requester_type") or RequesterType.INDIVIDUAL,
        "name": data.get("full_name", ""),
        "iin": data.get("iin", ""),
    }
    for name in _REQUESTER_FIELDS:
        value = data.get(name)
        if name == "outgoing_date" and value:
            value = value.isoformat()
        requester[name] = value or ""
    contacts = {name: data.get(name) or "" for name in ("email", "phone", "postal_address")}
    return {
        "recipient": {
            "name": agency.name if agency else "",
            "bin": (agency.bin if agency else "") or "",
        },
        "kind": str(kind),
        "requester": {key: value for key, value in requester.items() if value},
        "contacts": {key: value for key, value in contacts.items() if value},
        "channel": data.get("channel", ""),
        "subject": data.get("subject", ""),
        "text": data.get("text", ""),
        "attachments": [
            {"name": item["name"], "size": int(item["size"]), "sha256": item["sha256"]}
            for item in held
        ],
    }


_SHOWN = {
    "kind": RequestKind,
    "requester.type": RequesterType,
    "channel": Channel,
}


def readable(document) -> list[dict]:
    """The document's content as rows ``{"label", "value", "path"}`` in the reader's language."""
    found = []
    for path, text in canonical.rows(document.content):
        parts = path.split(".")
        number = ""
        if parts[0] == "attachments" and len(parts) == 3:
            number = str(int(parts[1]) + 1)
            key = f"attachments.{parts[2]}"
        else:
            key = path
        label = LABELS.get(key)
        label = str(label) % {"number": number} if label is not None else path
        choices = _SHOWN.get(key)
        if choices is not None and text in choices.values:
            text = str(choices(text).label)
        found.append({"label": label, "value": text, "path": path})
    return found


def issue(agency, kind: str, data: dict, held: list[dict]):
    """A new canonical document of the request to sign (a new nonce every time it is shown)."""
    return issue_document(PURPOSE, content(agency, kind, data, held))


def may_send_unsigned(request_settings) -> bool:
    return request_settings.unsigned_requests != UnsignedPolicy.REFUSE


def unsigned_value(request_settings) -> str:
    """What an unsigned request is marked as under the office's setting."""
    if request_settings.unsigned_requests == UnsignedPolicy.FLAG:
        return Signature.FLAGGED
    return Signature.UNSIGNED
