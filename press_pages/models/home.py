"""The home page of each language tree."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .base import PressPageMixin, listing_image_renditions
from .briefings import BriefingPage
from .faq import FAQAnswerPage
from .news import NewsPage


class HomePage(PressPageMixin, Page):
    """The front page: latest news, upcoming briefings and popular answers."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "press_pages.NewsIndexPage",
        "press_pages.BriefingIndexPage",
        "press_pages.FAQIndexPage",
        "citizen_requests.RequestFormPage",
        "citizen_requests.RequestStatusPage",
        "accreditation.AccreditationPage",
    ]
    max_count = len(settings.WAGTAIL_CONTENT_LANGUAGES)

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences under the agency's name."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .descendant_of(self)
            .select_related("locale", "hero_image")
            .prefetch_related(listing_image_renditions())
            .order_by("-display_date", "-first_published_at")[:4]
        )
        context["upcoming_briefings"] = (
            BriefingPage.objects.live()
            .descendant_of(self)
            .filter(ends_at__gte=timezone.now())
            .order_by("starts_at")[:3]
        )
        context["recent_answers"] = (
            FAQAnswerPage.objects.live()
            .descendant_of(self)
            .select_related("category")
            .order_by("-last_published_at")[:5]
        )
        context["sections"] = self.get_children().live().in_menu().specific()
        return context
