"""What the editor-in-chief (or the person authorised to sign) signs with their ЭЦП when an
outlet applies for accreditation, and how the signature is checked.

The canonical document is built on the server from the validated application
(:func:`content`): the recipient body, the kind of accreditation and the event, the outlet and
its BIN, the signer's name and IIN, the contacts, the journalists and the name, size and
SHA-256 of each photo. :func:`issue` gives it a single-use nonce; the page shows it in words
(:func:`readable`) and NCALayer signs its exact bytes. :func:`check` verifies the signature
against the signer's IIN and the outlet's BIN and that the application sent back still says
what was signed; the service keeps the outcome with the application
(:func:`esign.services.record`).
"""

from __future__ import annotations

import hashlib

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from esign import canonical
from esign.services import Outcome, issue_document, verify_document

PURPOSE = "accreditation"

#: What each part of the document is called on the page.
LABELS = {
    "recipient.name": _("Recipient"),
    "recipient.bin": _("Recipient's BIN"),
    "kind": _("Kind of accreditation"),
    "event": _("Event"),
    "outlet.name": _("Name of the media outlet"),
    "outlet.bin": _("BIN"),
    "outlet.country": _("Country of the foreign outlet"),
    "outlet.registration_number": _("Registration details"),
    "outlet.website": _("Outlet's website"),
    "signer.name": _("Signed by (editor-in-chief or authorised person)"),
    "signer.iin": _("Signer's IIN"),
    "contacts.email": _("Contact e-mail"),
    "contacts.phone": _("Contact phone"),
    "journalists.full_name": _("Journalist %(number)s: full name"),
    "journalists.position": _("Journalist %(number)s: position"),
    "journalists.iin": _("Journalist %(number)s: IIN"),
    "journalists.email": _("Journalist %(number)s: e-mail"),
    "journalists.phone": _("Journalist %(number)s: phone"),
    "journalists.photo.name": _("Journalist %(number)s: photo"),
    "journalists.photo.size": _("Journalist %(number)s: photo size in bytes"),
    "journalists.photo.sha256": _("Journalist %(number)s: photo SHA-256"),
}


def _file(checked) -> dict:
    return {
        "name": checked.original_name,
        "size": int(checked.size),
        "sha256": hashlib.sha256(checked.data).hexdigest(),
    }


def _journalist(journalist) -> dict:
    row = {
        "full_name": journalist.full_name,
        "position": journalist.position,
        "iin": journalist.iin,
        "email": journalist.email,
        "phone": journalist.phone,
    }
    row = {key: value for key, value in row.items() if value}
    if journalist.photo is not None:
        row["photo"] = _file(journalist.photo)
    return row


def content(agency, kind: str, data, signer_iin: str, briefing=None) -> dict:
    """The content of an application's canonical document: the recipient (``agency``, the
    agency profile), the kind of accreditation and the ``briefing`` for a temporary one, the
    validated application (``accreditation.services.ApplicationData``) and the signer's IIN.
    Blank values are left out."""
    outlet = {
        "name": data.outlet_name,
        "bin": data.bin,
        "country": data.country,
        "registration_number": data.registration_number,
        "website": data.website,
    }
    contacts = {"email": data.contact_email, "phone": data.contact_phone}
    document = {
        "recipient": {
            "name": agency.name if agency else "",
            "bin": (agency.bin if agency else "") or "",
        },
        "kind": str(kind),
        "outlet": {key: value for key, value in outlet.items() if value},
        "signer": {"name": data.editor_in_chief, "iin": signer_iin},
        "contacts": {key: value for key, value in contacts.items() if value},
        "journalists": [_journalist(journalist) for journalist in data.journalists],
    }
    if briefing is not None:
        document["event"] = str(briefing.title)
    return document


def readable(document) -> list[dict]:
    """The document's content as rows ``{"label", "value", "path"}`` in the reader's language."""
    found = []
    for path, text in canonical.rows(document.content):
        parts = path.split(".")
        number = ""
        if parts[0] == "journalists" and len(parts) >= 3:
            number = str(int(parts[1]) + 1)
            key = ".".join(["journalists", *parts[2:]])
        else:
            key = path
        label = LABELS.get(key)
        found.append(
            {
                "label": str(label) % {"number": number} if label is not None else path,
                "value": text,
                "path": path,
            }
        )
    return found


def issue(agency, kind: str, data, signer_iin: str, briefing=None):
    """A new canonical document of the application to sign (a new nonce each time)."""
    return issue_document(PURPOSE, content(agency, kind, data, signer_iin, briefing))


def check(nonce: str, signature, expected: dict) -> tuple[Outcome, list[str]]:
    """Verify ``signature`` over the document issued with ``nonce`` against the signer's IIN
    and the outlet's BIN in ``expected`` (the :func:`content` of the application as sent back);
    the outcome and the messages of why it is refused (none when it may be filed)."""
    outcome = verify_document(
        nonce,
        signature,
        purpose=PURPOSE,
        iin=expected["signer"]["iin"],
        bin_=expected["outlet"].get("bin", ""),
    )
    if not outcome.acceptable:
        return outcome, [reason.message for reason in outcome.verdict.reasons]
    if canonical.parse(outcome.document).content != expected:
        return outcome, [
            gettext("The application has changed since the document was issued. Please sign again.")
        ]
    return outcome, []
