"""The weekly announcements to the authorised body: where they go, and each sending.

Model regulation p.10.1 and the authorised body's interaction rules: every week the press office
sends the Ministry of Culture and Information the coming week's briefings, press events and
planned publications. :class:`AnnouncementSettings` (Settings → Weekly announcements) holds the
addresses, the hour of the Friday sending and whether it is on; :class:`AnnouncementSending`
records every sending, automatic or by hand.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

#: At most this many addresses receive the weekly announcements.
MAX_RECIPIENTS = 10


def split_addresses(text: str) -> list[str]:
    """The addresses in ``text``: one per line, or separated by commas or semicolons."""
    for separator in ",;":
        text = text.replace(separator, "\n")
    return [line.strip() for line in text.splitlines() if line.strip()]


@register_setting(icon="date")
class AnnouncementSettings(BaseGenericSetting):
    """Where and when the coming week's announcements go to the authorised body."""

    enabled = models.BooleanField(
        _("send every Friday"),
        default=False,
        help_text=_(
            "Every Friday the coming week's announcements go to the addresses below as PDF "
            "files in Kazakh and Russian and a spreadsheet."
        ),
    )
    recipients = models.TextField(
        _("addresses of the authorised body"),
        blank=True,
        help_text=_("One e-mail address per line (at most 10)."),
    )
    send_hour = models.PositiveSmallIntegerField(
        _("hour of sending (Asia/Almaty)"),
        default=15,
        validators=[MinValueValidator(0), MaxValueValidator(23)],
        help_text=_("From 0 to 23. The announcements are sent on Friday from this hour."),
    )

    panels = [FieldPanel("enabled"), FieldPanel("recipients"), FieldPanel("send_hour")]

    class Meta:
        verbose_name = _("weekly announcements")

    @property
    def addresses(self) -> list[str]:
        return split_addresses(self.recipients)

    @property
    def configured(self) -> bool:
        """Whether the Friday sending is on and has somewhere to go."""
        return self.enabled and bool(self.addresses)

    def clean(self):
        super().clean()
        addresses = self.addresses
        wrong = []
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            raise ValidationError(
                {
                    "recipients": ngettext(
                        "This is not an e-mail address: %(addresses)s.",
                        "These are not e-mail addresses: %(addresses)s.",
                        len(wrong),
                    )
                    % {"addresses": ", ".join(wrong)}
                }
            )
        if len(addresses) > MAX_RECIPIENTS:
            raise ValidationError(
                {"recipients": _("Give at most %(count)d addresses.") % {"count": MAX_RECIPIENTS}}
            )
        if self.enabled and not addresses:
            raise ValidationError(
                {"recipients": _("Give at least one address to turn the weekly sending on.")}
            )
        self.recipients = "\n".join(addresses)


class AnnouncementSending(models.Model):
    """One sending of a week's announcements to the authorised body.

    The Friday job sends each week once: a second automatic row for the same week cannot be
    written, so of two workers only one sends (its row and its message are written together).
    """

    week_start = models.DateField(_("week from"), help_text=_("The Monday the week starts on."))
    sent_at = models.DateTimeField(_("sent"))
    automatic = models.BooleanField(_("sent on schedule"), default=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recipients = models.TextField(_("recipients"))
    item_count = models.PositiveIntegerField(_("announcements"), default=0)

    class Meta:
        verbose_name = _("sending of weekly announcements")
        verbose_name_plural = _("sendings of weekly announcements")
        ordering = ["-sent_at", "-pk"]
        permissions = [
            ("send_announcements", _("Can export and send the weekly announcements")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["week_start"],
                condition=models.Q(automatic=True),
                name="media_watch_announcements_once_a_week",
            )
        ]

    def __str__(self) -> str:
        return f"{self.week_start} {self.sent_at}"
