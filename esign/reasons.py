"""Why a signature is not valid: stable codes, and what they mean in the reader's language.

Verdicts keep the codes (and the database keeps them), so a message reads in the language of
whoever looks at it later: the citizen in the form, the officer in the case, the auditor on
the command line.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "signature_missing": _(
        "No signature was received: press “Sign with ЭЦП” and sign the document in NCALayer."
    ),
    "no_anchors": _("Cannot be verified: no trust anchors configured."),
    "malformed": _("The signature cannot be read: it is not a CMS signature of the document."),
    "several_signers": _("The signature has more than one signer; one signer is expected."),
    "signer_missing": _("The signer's certificate is not inside the signature."),
    "unsupported_algorithm": _("The signature algorithm or key type is not supported."),
    "content_mismatch": _("The signature carries a document other than the one issued."),
    "digest_mismatch": _("The signed document differs from the one the site issued."),
    "signature_invalid": _("The signature does not match the document and the certificate."),
    "engine_rejected": _("The verification engine did not confirm the signature."),
    "timestamp_missing": _("The signature has no timestamp from a timestamp authority."),
    "timestamp_invalid": _("The signature's timestamp cannot be verified."),
    "timestamp_outside_window": _(
        "The signature's timestamp lies outside the time the document could be signed."
    ),
    "untrusted": _(
        "The certificate does not lead to a trusted root of the National Certification Authority."
    ),
    "expired": _("The certificate had expired at the time of signing."),
    "not_yet_valid": _("The certificate was not yet valid at the time of signing."),
    "not_signing_key": _(
        "The key is not a signing key: an authentication key cannot sign a request."
    ),
    "iin_missing": _("The certificate does not contain an IIN."),
    "iin_mismatch": _("The IIN in the certificate differs from the IIN in the form."),
    "bin_missing": _("The certificate is not an organisation's certificate with a BIN."),
    "bin_mismatch": _("The BIN in the certificate differs from the BIN in the form."),
    "role_not_allowed": _(
        "The certificate's role does not allow filing on behalf of the organisation."
    ),
    "revoked": _("The certificate was revoked before the time of signing."),
    "revocation_unknown": _(
        "Whether the certificate was revoked could not be checked yet; it will be checked again."
    ),
    "timestamp_revoked": _(
        "The timestamp authority's certificate was revoked before the time of the timestamp."
    ),
    "timestamp_revocation_unknown": _(
        "Whether the timestamp authority's certificate was revoked could not be checked yet; "
        "it will be checked again."
    ),
    "nonce_unknown": _("This signing session is unknown. Please start signing again."),
    "nonce_used": _("This document has already been signed and submitted once."),
    "nonce_expired": _("The time to sign this document has run out. Please start signing again."),
}


@dataclass(frozen=True)
class Reason:
    """One reason: its code and, for the record, a short technical detail (not translated:
    a certificate's name, the stage that failed)."""

    code: str
    detail: str = ""

    @property
    def message(self) -> str:
        return str(MESSAGES.get(self.code, self.code))

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "detail": self.detail}

    @classmethod
    def from_dict(cls, data: dict) -> "Reason":
        return cls(code=str(data.get("code", "")), detail=str(data.get("detail", "")))
