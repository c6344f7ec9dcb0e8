"""The agency's translatable profile, and the site settings that do not depend on the language."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Settings that do not depend on the language: logo and social networks."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown in the header of every page. A square emblem works best."),
    )
    telegram_url = models.URLField(_("Telegram"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("telegram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(network name, URL) pairs for the networks that are filled in."""
        networks = [
            ("Telegram", self.telegram_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(name, url) for name, url in networks if url]


class FooterLinkBlock(blocks.StructBlock):
    """A link in the footer: a page of the site or an outside address."""

    label = blocks.CharBlock(label=_("label"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("outside address"))

    class Meta:
        icon = "link"
        label = _("Footer link")


@register_snippet
class AgencyProfile(TranslatableMixin, models.Model):
    """The state body's name and contacts, one per language.

    Translate it like a page; the site shows the profile of the visitor's
    language and falls back to the Kazakh one.
    """

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    reception_hours = models.CharField(_("reception hours"), max_length=255, blank=True)
    press_secretary_name = models.CharField(_("press secretary"), max_length=255, blank=True)
    press_secretary_position = models.CharField(
        _("press secretary's position"), max_length=255, blank=True
    )
    press_secretary_phone = models.CharField(
        _("press secretary's phone"), max_length=64, blank=True
    )
    press_secretary_email = models.EmailField(_("press secretary's e-mail"), blank=True)
    bin = models.CharField(
        _("BIN"),
        max_length=12,
        blank=True,
        help_text=_(
            "The agency's business identification number: stated as the operator's in every "
            "consent to the processing of personal data (Personal Data Law, Art. 8 p.4)."
        ),
    )
    signatory_name = models.CharField(
        _("signatory's name"),
        max_length=200,
        blank=True,
        help_text=_("Who signs the agency's letters unless the officer names someone else."),
    )
    signatory_position = models.CharField(
        _("signatory's position"),
        max_length=200,
        blank=True,
        help_text=_("Printed under the letters, for example «Head of the press service»."),
    )
    footer_links = StreamField(
        [("link", FooterLinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Extra links shown in the footer, after the main sections."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("address")],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("reception_hours")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("press_secretary_name"),
                FieldPanel("press_secretary_position"),
                FieldPanel("press_secretary_phone"),
                FieldPanel("press_secretary_email"),
            ],
            heading=_("Press secretary"),
        ),
        MultiFieldPanel(
            [FieldPanel("bin"), FieldPanel("signatory_name"), FieldPanel("signatory_position")],
            heading=_("Letters"),
        ),
        FieldPanel("footer_links"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("address"),
        TranslatableField("phone"),
        SynchronizedField("email"),
        TranslatableField("reception_hours"),
        TranslatableField("press_secretary_name"),
        TranslatableField("press_secretary_position"),
        TranslatableField("press_secretary_phone"),
        SynchronizedField("press_secretary_email"),
        SynchronizedField("bin"),
        TranslatableField("signatory_name"),
        TranslatableField("signatory_position"),
        TranslatableField("footer_links"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agency profile")
        verbose_name_plural = _("agency profiles")

    def __str__(self):
        return self.name

    @classmethod
    def for_locale(cls, locale: Locale | None = None) -> "AgencyProfile | None":
        """The profile in ``locale`` (default: the active one), else the default locale's."""
        locale = locale or Locale.get_active()
        profiles = {p.locale_id: p for p in cls.objects.select_related("locale")}
        if locale.pk in profiles:
            return profiles[locale.pk]
        default = Locale.get_default()
        return profiles.get(default.pk) or next(iter(profiles.values()), None)

    @classmethod
    def for_language(cls, language: str) -> "AgencyProfile | None":
        """The profile in the language ``language`` (a code such as ``"ru"``), as the site
        falls back; ``None`` if the language has no locale."""
        locale = Locale.objects.filter(language_code=language).first()
        return cls.for_locale(locale) if locale else None

    @classmethod
    def default_signatory(cls, language: str) -> tuple[str, str]:
        """``(name, position)`` of who signs the agency's letters in ``language``, or blanks."""
        profile = cls.for_language(language)
        if profile is None:
            return "", ""
        return profile.signatory_name.strip(), profile.signatory_position.strip()
