"""What the signing step keeps: issued documents, signed submissions and every check of them.

A :class:`SignedSubmission` is evidence: the exact bytes that were signed, the signature, the
signer's certificate and what was read from it. It is written once and never changed. Each
verification of it, the first and every later one (a revocation status that was unknown, an
audit), is a :class:`SignatureCheck` appended beside it; nothing is overwritten.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reasons import Reason


class ImmutableRecordError(RuntimeError):
    """An attempt to change a record that is evidence."""


class AppendOnlyQuerySet(models.QuerySet):
    """Rows are added and, with what they belong to, removed; never changed in place."""

    def update(self, **kwargs):
        raise ImmutableRecordError(f"{self.model.__name__} rows cannot be changed")


class AppendOnly(models.Model):
    """Refuses to save a row a second time."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(f"{type(self).__name__} {self.pk} cannot be changed")
        super().save(*args, **kwargs)


class SigningNonce(models.Model):
    """A canonical document issued for signing, with its single-use nonce.

    The document's exact bytes are kept here, so what is verified is what the site issued, not
    what the page sends back. The nonce is used up by the first verification that presents it.
    """

    value = models.CharField(_("nonce"), max_length=64, unique=True)
    purpose = models.CharField(_("purpose"), max_length=40)
    document = models.BinaryField(_("document"))
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), db_index=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing nonce")
        verbose_name_plural = _("signing nonces")

    def __str__(self) -> str:
        return f"{self.purpose} {self.value[:8]}…"


class RevocationList(models.Model):
    """A CRL that decided a check, kept once however many checks it decided."""

    sha256 = models.CharField(max_length=64, unique=True)
    issuer = models.CharField(_("issuer"), max_length=500, blank=True)
    this_update = models.DateTimeField(_("issued"), null=True, blank=True)
    der = models.BinaryField()
    kept_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("certificate revocation list")
        verbose_name_plural = _("certificate revocation lists")

    def __str__(self) -> str:
        return f"{self.issuer} {self.this_update}"


class SignedSubmission(AppendOnly):
    """A document signed with an ЭЦП, as it was received: immutable evidence.

    What it was filed as (a request, an accreditation application) is pointed at by content
    type and primary key, so the services link their records here without this app knowing them.
    """

    purpose = models.CharField(_("purpose"), max_length=40)
    document = models.BinaryField(_("signed document"))
    document_sha256 = models.CharField(_("SHA-256 of the document"), max_length=64, db_index=True)
    cms = models.BinaryField(_("signature (CMS)"))
    certificate = models.BinaryField(_("signer's certificate"))
    iin = models.CharField(_("IIN"), max_length=12, blank=True)
    bin = models.CharField(_("BIN"), max_length=12, blank=True)
    name = models.CharField(_("signer's name"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    roles = models.JSONField(_("roles"), default=list, blank=True)
    serial = models.CharField(_("certificate serial number"), max_length=80, blank=True)
    issuer = models.CharField(_("issuer"), max_length=500, blank=True)
    algorithm = models.CharField(_("algorithm"), max_length=40, blank=True)
    algorithm_oid = models.CharField(max_length=64, blank=True)
    signed_at = models.DateTimeField(_("time of signing (timestamp)"), null=True, blank=True)
    expected_iin = models.CharField(_("IIN in the form"), max_length=12, blank=True)
    expected_bin = models.CharField(_("BIN in the form"), max_length=12, blank=True)
    nonce = models.CharField(_("nonce"), max_length=64, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("signed submission")
        verbose_name_plural = _("signed submissions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="signed_target")]
        permissions = [("view_signer_iin", "Can see signers' IINs in the signed submissions")]

    def __str__(self) -> str:
        return f"{self.name} {self.iin} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def latest_check(self) -> "SignatureCheck | None":
        return self.checks.order_by("-checked_at", "-pk").first()


class SignatureCheck(AppendOnly):
    """One verification of a signed submission: the verdict and its evidence. Appended only."""

    class State(models.TextChoices):
        VALID = "valid", _("valid")
        INVALID = "invalid", _("invalid")
        REVOCATION_UNKNOWN = "revocation_unknown", _("revocation status unknown")

    submission = models.ForeignKey(
        SignedSubmission, on_delete=models.CASCADE, related_name="checks"
    )
    state = models.CharField(_("verdict"), max_length=20, choices=State.choices)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    engine = models.CharField(_("engine"), max_length=40, blank=True)
    signed_at = models.DateTimeField(_("time of signing (timestamp)"), null=True, blank=True)
    ocsp_response = models.BinaryField(_("OCSP response"), null=True, blank=True)
    crl = models.ForeignKey(
        RevocationList, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revocation = models.JSONField(_("revocation status of each certificate"), default=list)
    timestamp_revocation = models.JSONField(
        _("revocation status of the timestamp authority's certificates"),
        default=list,
        blank=True,
    )
    anchors = models.JSONField(_("trust anchors (SHA-256)"), default=list)
    anchor = models.CharField(_("trust anchor reached"), max_length=100, blank=True)
    checked_at = models.DateTimeField(_("checked"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("signature check")
        verbose_name_plural = _("signature checks")
        ordering = ["-checked_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_state_display()} {self.checked_at:%Y-%m-%d %H:%M}"

    @property
    def reason_list(self) -> list[Reason]:
        """The reasons, each with its message in the active language."""
        return [Reason.from_dict(item) for item in self.reasons]
