"""Press conferences, briefings, interviews and press approaches, and their index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from workflows.mixins import RestrictedInfoMixin
from workflows.panels import ModeratedTabbedInterface

from ..blocks import BriefingMaterialsBlock
from ..feeds import BriefingFeed, index_feed
from ..ical import briefing_calendar_response, upcoming_calendar_response
from ..routes import ContributedRoutesMixin
from ..search import analysed_fields
from .base import ListingMixin, PressPageMixin

#: Wagtail hook: functions returning URL patterns (``press_pages.routes.page_path``) that every
#: briefing page serves, such as the registration of journalists.
BRIEFING_ROUTES_HOOK = "register_briefing_page_routes"
#: Wagtail hook: functions ``(briefing) -> template name or None``. Each template is included in
#: the briefing page below the event's facts, with the page's context, unless it is cancelled.
BRIEFING_SECTIONS_HOOK = "register_briefing_page_sections"


class BriefingIndexPage(RoutablePageMixin, ListingMixin, PressPageMixin, Page):
    """Upcoming and past press events, with feeds and an iCal calendar."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = ["press_pages.BriefingPage"]
    max_count = None
    max_count_per_parent = 1

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    feed_class = BriefingFeed

    class Meta:
        verbose_name = _("briefing index")

    def briefings(self):
        return BriefingPage.objects.live().child_of(self)

    def upcoming(self):
        """Events that have not ended yet, soonest first."""
        return self.briefings().filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        """Events that have ended, latest first."""
        return self.briefings().filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        past = self.past()
        year = self.parse_year(request)
        if year is not None:
            past = past.filter(starts_at__year=year)
        context.update(
            upcoming=self.upcoming(),
            past=self.paginate(request, past),
            years=[d.year for d in self.briefings().dates("starts_at", "year", order="DESC")],
            selected_year=year,
        )
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return index_feed(request, self, "rss")

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return index_feed(request, self, "atom")

    @path("ical/", name="ical")
    def ical_feed(self, request):
        return upcoming_calendar_response(request, self)


class BriefingPage(ContributedRoutesMixin, RestrictedInfoMixin, PressPageMixin, Page):
    """A press event: its announcement before, and its materials after.

    Apps add their own routes (:data:`BRIEFING_ROUTES_HOOK`) and sections of the page
    (:data:`BRIEFING_SECTIONS_HOOK`): the accreditation app adds the registration of journalists.
    """

    class Kind(models.TextChoices):
        PRESS_CONFERENCE = "press_conference", _("Press conference")
        BRIEFING = "briefing", _("Briefing")
        INTERVIEW = "interview", _("Interview")
        PRESS_APPROACH = "press_approach", _("Press approach")

    parent_page_types = ["press_pages.BriefingIndexPage"]
    subpage_types = []
    max_count = None
    routes_hook = BRIEFING_ROUTES_HOOK

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.BRIEFING)
    starts_at = models.DateTimeField(_("starts"), help_text=_("Local time, Asia/Almaty."))
    ends_at = models.DateTimeField(_("ends"), help_text=_("Local time, Asia/Almaty."))
    venue = models.CharField(_("venue"), max_length=255)
    stream_url = models.URLField(
        _("online stream"), blank=True, help_text=_("Where the event is streamed live, if it is.")
    )
    accreditation_required = models.BooleanField(
        _("accreditation required"),
        default=False,
        help_text=_("Only accredited journalists may attend."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Journalists must register before this time. Leave empty if no registration is needed."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "How many journalists may register; the rest join a waiting list. Empty: no limit."
        ),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Tick to cancel the event: registered journalists are told at once."),
    )
    announcement = RichTextField(
        _("announcement"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("What the event is about and who should attend."),
    )
    materials = StreamField(
        BriefingMaterialsBlock(),
        blank=True,
        verbose_name=_("materials"),
        help_text=_("Transcript, video, photos and documents, added after the event."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("venue"),
                FieldPanel("stream_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accreditation_required"),
                FieldPanel("registration_deadline"),
                FieldPanel("capacity"),
                FieldPanel("cancelled"),
            ],
            heading=_("Attendance"),
        ),
        InlinePanel("speakers", label=_("Speakers"), min_num=1),
        FieldPanel("announcement"),
        FieldPanel("materials"),
    ]
    edit_handler = ModeratedTabbedInterface()

    search_fields = [
        *Page.search_fields,
        *analysed_fields("announcement", "venue", "materials"),
        index.SearchField("announcement"),
        index.SearchField("venue"),
        index.SearchField("materials"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]

    class Meta:
        verbose_name = _("briefing")
        verbose_name_plural = _("briefings")

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if (
            self.registration_deadline
            and self.starts_at
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _("Registration must close before the event starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_upcoming(self) -> bool:
        return self.ends_at >= timezone.now()

    @property
    def registration_open(self) -> bool:
        return (
            self.registration_deadline is not None and self.registration_deadline >= timezone.now()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contributed_sections"] = [
            name for section in hooks.get_hooks(BRIEFING_SECTIONS_HOOK) if (name := section(self))
        ]
        return context

    @path("ical/", name="ics")
    def ics(self, request):
        return briefing_calendar_response(request, self)


class BriefingSpeaker(TranslatableMixin, Orderable):
    """A person who speaks at a briefing.

    Translatable: each speaker carries a locale and a translation key, so wagtail-localize gives
    the name and position to translators as strings and keeps their translations when it syncs
    the page again (a plain child row would be copied from the source, in its language).
    """

    page = ParentalKey(BriefingPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)

    panels = [FieldPanel("name"), FieldPanel("position")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return f"{self.name}, {self.position}"
