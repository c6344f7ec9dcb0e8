"""Accreditation of journalists, their cards, and registration for press events.

Mass Media Law Art. 28–30 and the Typical Rules of accreditation (legal-basis §2.5, §3). Dates
are local (Asia/Almaty); working days come from ``citizen_requests.deadlines`` and numbers from
``agency.numbering``, so the agency keeps one calendar and one numbering scheme.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agency.dates import local_day
from agency.private_files import private_storage

from .pages import AccreditationPage  # noqa: F401  (a page type of this app)
from .settings_model import AccreditationSettings, UnsignedApplications  # noqa: F401

#: Registration-number prefixes of this app's registers: ``АКК-2026-000017``, ``КАР-2026-000017``.
NUMBER_SERIES = {"accreditation": "АКК", "card": "КАР"}


def new_token() -> str:
    """An unguessable card token: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


class Outlet(models.Model):
    """A media outlet that applies for its journalists."""

    name = models.CharField(_("name"), max_length=255)
    registration_number = models.CharField(
        _("registration certificate"),
        max_length=100,
        blank=True,
        help_text=_("Its entry in the register of media outlets."),
    )
    bin = models.CharField(_("BIN"), max_length=12, blank=True, db_index=True)
    is_foreign = models.BooleanField(_("foreign media"), default=False)
    country = models.CharField(_("country"), max_length=100, blank=True)
    editor_in_chief = models.CharField(_("editor-in-chief"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    website = models.URLField(_("website"), blank=True)
    list_publicly = models.BooleanField(
        _("shown in the public list of accredited outlets"),
        default=False,
        help_text=_("Only when the outlet agreed to it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("media outlet")
        verbose_name_plural = _("media outlets")

    def __str__(self) -> str:
        return self.name


class AccreditationType(models.TextChoices):
    PERMANENT = "permanent", _("Permanent (one year)")
    TEMPORARY = "temporary", _("Temporary (one event)")


class Intake(models.Model):
    """A period in which outlets apply for permanent accreditation, announced in kk and ru."""

    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(
        _("closes on"), help_text=_("Computed from the intake length in working days.")
    )
    announcement_kk = models.TextField(_("announcement in Kazakh"))
    announcement_ru = models.TextField(_("announcement in Russian"))
    announcement_en = models.TextField(_("announcement in English"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("accreditation intake")
        verbose_name_plural = _("accreditation intakes")

    def __str__(self) -> str:
        return f"{local_day(self.opens_on)} – {local_day(self.closes_on)}"

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class Application(models.Model):
    """An outlet's application for one or more of its journalists."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        DECIDED = "decided", _("Decided")

    number = models.CharField(_("number"), max_length=32, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=AccreditationType)
    intake = models.ForeignKey(
        Intake,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("intake"),
    )
    briefing = models.ForeignKey(
        "press_pages.BriefingPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("event"),
        help_text=_("For temporary accreditation."),
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="applications", verbose_name=_("outlet")
    )
    editor_in_chief = models.CharField(_("editor-in-chief"), max_length=255)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=32, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    received_at = models.DateTimeField(_("received"))
    review_due = models.DateField(_("review due"), db_index=True)
    consent_at = models.DateTimeField(_("consent given"))
    submission_token = models.UUIDField(unique=True, null=True, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("accreditation application")
        verbose_name_plural = _("accreditation applications")

    def __str__(self) -> str:
        return self.number


class RefusalGround(models.TextChoices):
    """Why a journalist is not accredited (Typical Rules; Mass Media Law Art. 30)."""

    COURT_SUSPENSION = (
        "court_suspension",
        _("A court decision in force suspended or terminated the media outlet"),
    )
    DOCUMENTS = "documents", _("The required documents were not provided")
    NOT_IN_REGISTER = "not_in_register", _("The outlet is not in the register of media outlets")
    FOREIGN_MEDIA = (
        "foreign_media",
        _("Foreign media are accredited by the Ministry of Foreign Affairs of Kazakhstan"),
    )
    DEPRIVATION_BAR = (
        "deprivation_bar",
        _("The journalist was deprived of accreditation less than six months ago"),
    )
    TOO_LATE = "too_late", _("The application arrived less than one working day before the event")


class ApplicationJournalist(models.Model):
    """One journalist in an application, decided separately."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="journalists"
    )
    full_name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    iin = models.CharField(_("IIN"), max_length=12)
    photo = models.FileField(
        _("photo"), storage=private_storage, upload_to="accreditation/photos/%Y/%m/"
    )
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    notices_opt_in = models.BooleanField(
        _("wants notices of events"),
        default=False,
        help_text=_("Asked on the application form; copied to the accreditation on approval."),
    )
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    refusal_ground = models.CharField(
        _("refusal ground"), max_length=30, choices=RefusalGround, blank=True
    )
    refusal_note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("journalist in an application")
        verbose_name_plural = _("journalists in applications")

    def __str__(self) -> str:
        return self.full_name


class DeprivationGround(models.TextChoices):
    """Why an accreditation is withdrawn (Mass Media Law Art. 28 p.4; Typical Rules)."""

    RULES_BREACH = "rules_breach", _("The journalist broke the accreditation rules")
    COURT_DEFAMATION = (
        "court_defamation",
        _(
            "A court decision in force found that the journalist spread false information defaming the agency"
        ),
    )
    EDITOR_REQUEST = "editor_request", _("The editor-in-chief asked for it")
    COURT_SUSPENSION = (
        "court_suspension",
        _("A court decision suspended the outlet or the distribution of its products"),
    )


class Accreditation(models.Model):
    """An accreditation record and its card."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DEPRIVED = "deprived", _("Deprived")

    card_number = models.CharField(_("card number"), max_length=32, unique=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    kind = models.CharField(_("type"), max_length=20, choices=AccreditationType)
    journalist = models.OneToOneField(
        ApplicationJournalist,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accreditation",
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="accreditations", verbose_name=_("outlet")
    )
    briefing = models.ForeignKey(
        "press_pages.BriefingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("event"),
    )
    full_name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    iin = models.CharField(_("IIN"), max_length=12, db_index=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    photo = models.FileField(
        _("photo"), storage=private_storage, upload_to="accreditation/photos/%Y/%m/"
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    deprived_at = models.DateTimeField(_("deprived"), null=True, blank=True)
    deprivation_ground = models.CharField(
        _("deprivation ground"), max_length=30, choices=DeprivationGround, blank=True
    )
    deprivation_note = models.TextField(_("deprivation note"), blank=True)
    barred_until = models.DateField(
        _("no re-accreditation until"), null=True, blank=True, db_index=True
    )
    notices_opt_in = models.BooleanField(
        _("wants notices of events"),
        default=False,
        help_text=_(
            "Announcements of briefings and the agency's official messages (Law on Mass Media "
            "Art. 37) are e-mailed to the journalist. Only if they asked for them; every notice "
            "has a link to stop them."
        ),
    )
    expiry_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-valid_until"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        permissions = [("deprive_accreditation", "Can deprive a journalist of accreditation")]

    def __str__(self) -> str:
        return self.card_number

    def state(self, today=None) -> str:
        """``active``, ``expired``, ``deprived`` or ``not_yet`` on ``today`` (local)."""
        today = today or timezone.localdate()
        if self.status == self.Status.DEPRIVED:
            return "deprived"
        if today < self.valid_from:
            return "not_yet"
        if today > self.valid_until:
            return "expired"
        return "active"

    def is_valid(self, today=None) -> bool:
        return self.state(today) == "active"


class EventRegistration(models.Model):
    """An accredited journalist's registration for a press event."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting confirmation by e-mail")
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class CancelReason(models.TextChoices):
        JOURNALIST = "journalist", _("Cancelled by the journalist")
        OFFICER = "officer", _("Cancelled by the press office")
        DEPRIVED = "deprived", _("The accreditation was withdrawn")

    briefing = models.ForeignKey(
        "press_pages.BriefingPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    accreditation = models.ForeignKey(
        Accreditation,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("accreditation"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED
    )
    cancel_reason = models.CharField(
        _("reason for cancellation"), max_length=20, choices=CancelReason.choices, blank=True
    )
    confirm_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the journalist registered in; notices use it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["confirmed_at", "created_at"]
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["briefing", "accreditation"], name="registration_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.briefing_id} {self.accreditation_id}"


class EventQuestion(models.Model):
    """A question a registered journalist sends before the event."""

    registration = models.ForeignKey(
        EventRegistration, on_delete=models.CASCADE, related_name="questions"
    )
    text = models.TextField(_("question"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:60]


class EventNotice(models.Model):
    """A notice about an event sent to journalists: what, when, to how many. Keeps notices once."""

    class Kind(models.TextChoices):
        ANNOUNCED = "announced", _("Announcement")
        CHANGED = "changed", _("Change of date or venue")
        CANCELLED = "cancelled", _("Cancellation")
        REMINDER = "reminder", _("Reminder the day before")

    briefing = models.ForeignKey(
        "press_pages.BriefingPage", on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("event notice")
        verbose_name_plural = _("event notices")

    def __str__(self) -> str:
        return f"{self.briefing_id} {self.kind}"


class MessageDelivery(models.Model):
    """An obligatory message (Law on Mass Media Art. 37) e-mailed to the journalists, once."""

    page = models.OneToOneField(
        "press_pages.ObligatoryMessagePage", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("obligatory message delivery")
        verbose_name_plural = _("obligatory message deliveries")

    def __str__(self) -> str:
        return f"{self.page_id} ({self.recipients})"
