"""A request's case: the request itself, its numbering, timeline, sub-tasks, answer and files."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField

from agency.dates import local_moment
from agency.private_files import private_storage

from ..kinds import Channel, RefusalGround, RequesterType, RequestKind, Signature, Status

TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class Unit(models.Model):
    """A structural unit of the agency that prepares answers."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Where reminders are sent."))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name


class CitizenRequest(models.Model):
    """One registered request and everything the law asks to record about it."""

    #: What the requester fills in (the form's values that registration stores).
    FILED_FIELDS = (
        "requester_type",
        "full_name",
        "iin",
        "organisation",
        "bin",
        "signatory_position",
        "outgoing_number",
        "outgoing_date",
        "outlet",
        "accreditation_number",
        "email",
        "phone",
        "postal_address",
        "channel",
        "subject",
        "text",
    )

    kind = models.CharField(_("kind"), max_length=20, choices=RequestKind.choices)
    number = models.CharField(_("registration number"), max_length=32, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, help_text=_("Answer in it.")
    )

    # The requester
    requester_type = models.CharField(_("requester"), max_length=20, choices=RequesterType.choices)
    full_name = models.CharField(
        _("full name"),
        max_length=255,
        help_text=_("The individual, or the legal entity's signatory."),
    )
    iin = models.CharField(_("IIN"), max_length=12, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    bin = models.CharField(_("BIN"), max_length=12, blank=True)
    signatory_position = models.CharField(_("signatory's position"), max_length=255, blank=True)
    outgoing_number = models.CharField(_("outgoing number"), max_length=64, blank=True)
    outgoing_date = models.DateField(_("outgoing date"), null=True, blank=True)
    outlet = models.CharField(_("media outlet"), max_length=255, blank=True)
    accreditation_number = models.CharField(
        _("accreditation card number"), max_length=64, blank=True
    )

    # Contact
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    channel = models.CharField(
        _("answer channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )

    # The request
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("text"))
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)

    # Clocks (dates are local, Asia/Almaty)
    received_at = models.DateTimeField(_("received"))
    registered_on = models.DateField(_("registered on"))
    answer_due = models.DateField(_("answer due"), db_index=True)
    forward_due = models.DateField(_("forward by"), null=True, blank=True)
    refusal_due = models.DateField(_("refuse by"), null=True, blank=True)
    original_answer_due = models.DateField(_("answer due before extension"), null=True, blank=True)
    extended_at = models.DateTimeField(_("extended"), null=True, blank=True)
    extension_reason = models.TextField(_("extension reason"), blank=True)
    extension_notice_sent_at = models.DateTimeField(
        _("extension notice sent"), null=True, blank=True
    )

    # Handling
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="requests",
    )
    executor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("executor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_requests",
    )
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    forwarded_to = models.CharField(_("forwarded to"), max_length=255, blank=True)
    refused_at = models.DateTimeField(_("refused"), null=True, blank=True)
    refusal_ground = models.CharField(
        _("refusal ground"), max_length=30, choices=RefusalGround.choices, blank=True
    )
    refusal_motivation = models.TextField(_("refusal motivation"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    signature = models.CharField(
        _("electronic signature"), max_length=10, choices=Signature.choices, blank=True
    )

    # Tracking and double-submit protection
    tracking_digest = models.CharField(max_length=64, editable=False)
    submission_token = models.UUIDField(unique=True, null=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "sequence"], name="request_kind_year_seq"
            )
        ]
        indexes = [
            models.Index(fields=["status", "answer_due"], name="request_status_due"),
            models.Index(fields=["executor", "status", "answer_due"], name="request_executor_due"),
            models.Index(fields=["unit", "status"], name="request_unit_status"),
            models.Index(fields=["kind", "received_at"], name="request_kind_received"),
        ]
        permissions = [
            ("view_personal_data", "Can see requesters' personal data"),
            ("decide_request", "Can extend, forward, refuse and answer requests"),
            ("view_reports", "Can see request reports"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status not in Status.closed()

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.answer_due < today

    @property
    def requester_name(self) -> str:
        return self.organisation or self.full_name

    @property
    def executor_name(self) -> str:
        """The executor's full name (or username), or an empty string if there is none."""
        if self.executor is None:
            return ""
        return self.executor.get_full_name() or self.executor.get_username()

    # Tracking code: shown once, stored only as a keyed digest.
    @staticmethod
    def new_tracking_code() -> str:
        raw = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(12))
        return "-".join(raw[i : i + 4] for i in range(0, 12, 4))

    @staticmethod
    def tracking_digest_for(code: str) -> str:
        normalised = "".join(ch for ch in code.upper() if ch.isalnum())
        return salted_hmac("citizen_requests.tracking", normalised, algorithm="sha256").hexdigest()

    def set_tracking_code(self, code: str) -> None:
        self.tracking_digest = self.tracking_digest_for(code)

    def check_tracking_code(self, code: str) -> bool:
        return hmac.compare_digest(self.tracking_digest, self.tracking_digest_for(code))


class RequestAttachment(models.Model):
    """A file the requester sent, or one staff attached to the answer. Stored privately."""

    request = models.ForeignKey(
        CitizenRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    answer = models.ForeignKey(
        "Answer", null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to="requests/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name

    @staticmethod
    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()


class RequestEvent(models.Model):
    """One line of the case timeline. ``public`` lines are shown on the requester's status page."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Received")
        REGISTERED = "registered", _("Registered")
        ACKNOWLEDGED = "acknowledged", _("Acknowledgement sent")
        ASSIGNED = "assigned", _("Assigned")
        SUBTASK = "subtask", _("Information asked from a unit")
        SUBTASK_DONE = "subtask_done", _("Unit provided information")
        EXTENDED = "extended", _("Deadline extended")
        NOTICE = "notice", _("Notice sent to the requester")
        FORWARDED = "forwarded", _("Forwarded to another body")
        REFUSED = "refused", _("Refused")
        ANSWERED = "answered", _("Answered")
        DELIVERED = "delivered", _("Answer delivered")
        REMINDED = "reminded", _("Reminder sent")
        ESCALATED = "escalated", _("Overdue, escalated")
        NOTE = "note", _("Note")
        PUBLISHED_FAQ = "published_faq", _("FAQ answer drafted")
        ANONYMISED = "anonymised", _("Personal data removed")

    request = models.ForeignKey(CitizenRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    public = models.BooleanField(_("shown to the requester"), default=False)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.request_id} {self.action}"


class InformationSubtask(models.Model):
    """A question to a unit, with its own due date (Model Regulation 387-НҚ p.10(6))."""

    request = models.ForeignKey(CitizenRequest, on_delete=models.CASCADE, related_name="subtasks")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT)
    question = models.TextField(_("question"))
    due_on = models.DateField(_("due"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    response = models.TextField(_("response"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("information sub-task")
        verbose_name_plural = _("information sub-tasks")

    def __str__(self) -> str:
        return f"{self.request} → {self.unit}"


class Answer(models.Model):
    """The answer letter, in the language of the request, rendered to PDF and delivered."""

    request = models.OneToOneField(CitizenRequest, on_delete=models.CASCADE, related_name="answer")
    body = RichTextField(_("answer"), features=["bold", "italic", "ol", "ul", "link"])
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    signatory_name = models.CharField(_("signatory"), max_length=200)
    signatory_position = models.CharField(_("signatory's position"), max_length=200)
    pdf = models.FileField(
        _("letter (PDF)"), storage=private_storage, upload_to="answers/%Y/%m/", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.request}"


class PersonalDataAccess(models.Model):
    """Who saw a case's personal data, and when (Personal Data Law: every view is logged)."""

    request = models.ForeignKey(
        CitizenRequest, on_delete=models.CASCADE, related_name="personal_data_accesses"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    what = models.CharField(_("what"), max_length=100)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data accesses")

    def __str__(self) -> str:
        return f"{self.user_id} {self.request_id} {local_moment(self.at)}"
