"""News items and their index."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from agency.cache import current_generation
from workflows.mixins import RestrictedInfoMixin
from workflows.panels import ModeratedTabbedInterface

from ..blocks import NewsBodyBlock
from ..feeds import NewsFeed, index_feed
from ..search import analysed_fields
from .base import ListingMixin, PressPageMixin, listing_image_renditions
from .taxonomy import Topic

# A safety net only: publishing changes the key, which is what keeps these fresh.
LISTING_FACTS_SECONDS = 60 * 60


class NewsIndexPage(RoutablePageMixin, ListingMixin, PressPageMixin, Page):
    """The list of news items, newest first, with year and topic filters and feeds."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = ["press_pages.NewsPage", "press_pages.ObligatoryMessagePage"]
    max_count = None
    max_count_per_parent = 1

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    feed_class = NewsFeed

    class Meta:
        verbose_name = _("news index")

    def news_items(self):
        """Live news items of this index, newest first."""
        return (
            NewsPage.objects.live()
            .child_of(self)
            .order_by("-display_date", "-first_published_at", "-pk")
        )

    @staticmethod
    def with_topics(items):
        """``items`` with their topics, in one query for the whole list."""
        return items.prefetch_related(
            Prefetch("topic_links", queryset=NewsPageTopic.objects.select_related("topic"))
        )

    def listing_facts(self, items, year: int | None, topic: Topic | None) -> tuple[int, list[int]]:
        """How many items the filtered list holds, and the years that have news.

        Both read every news item of the index, so they are cached until the
        next publish, unpublish, move or deletion (any of which changes
        ``current_generation()``).
        """
        generation = current_generation()
        count_key = (
            f"press:news-count:{generation}:{self.pk}:{year or ''}:{topic.pk if topic else ''}"
        )
        years_key = f"press:news-years:{generation}:{self.pk}"
        cached = cache.get_many([count_key, years_key])
        if count_key not in cached:
            cached[count_key] = items.count()
            cache.set(count_key, cached[count_key], LISTING_FACTS_SECONDS)
        if years_key not in cached:
            dates = self.news_items().dates("display_date", "year", order="DESC")
            cached[years_key] = [d.year for d in dates]
            cache.set(years_key, cached[years_key], LISTING_FACTS_SECONDS)
        return cached[count_key], cached[years_key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.news_items()
        year = self.parse_year(request)
        if year is not None:
            items = items.filter(display_date__year=year)
        topic = None
        topic_slug = request.GET.get("topic", "")
        if topic_slug:
            topic = Topic.objects.filter(locale_id=self.locale_id, slug=topic_slug).first()
            if topic is None:
                raise Http404("Unknown topic")
            items = items.filter(topic_links__topic=topic)
        count, years = self.listing_facts(items, year, topic)
        items = self.with_topics(
            items.defer_streamfields()
            .select_related("hero_image")
            .prefetch_related(listing_image_renditions())
        )
        context.update(
            items=self.paginate(request, items, count=count),
            years=years,
            selected_year=year,
            selected_topic=topic,
        )
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return index_feed(request, self, "rss")

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return index_feed(request, self, "atom")


class NewsPage(RestrictedInfoMixin, PressPageMixin, Page):
    """A news item: a lead, a hero image and a body of text, images and media."""

    parent_page_types = ["press_pages.NewsIndexPage"]
    subpage_types = []
    max_count = None

    lead = models.TextField(
        _("lead"),
        max_length=300,
        help_text=_("One or two sentences that summarise the news; at most 300 characters."),
    )
    display_date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("The date shown with the news item and used to order the list."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "Describe what the image shows for people who cannot see it. Required with an image."
        ),
    )
    hero_image_caption = models.CharField(_("hero image caption"), max_length=300, blank=True)
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("display_date"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
                FieldPanel("hero_image_caption"),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topics")),
        InlinePanel("related_links", label=_("Related pages")),
    ]
    edit_handler = ModeratedTabbedInterface()

    search_fields = [
        *Page.search_fields,
        *analysed_fields("lead", "body"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("display_date"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {
                    "hero_image_alt": _(
                        "Describe the hero image: alt text is required with an image."
                    )
                }
            )

    @property
    def is_obligatory_message(self) -> bool:
        """Whether this is an Art. 37 obligatory message, also when a list loads it as news.

        Compares content types (Django caches them), so a list asks no query per item.
        """
        obligatory = apps.get_model("press_pages", "ObligatoryMessagePage")
        return self.content_type_id == ContentType.objects.get_for_model(obligatory).pk

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = [link.topic for link in self.topic_links.select_related("topic")]
        context["related_pages"] = [
            link.related_page
            for link in self.related_links.select_related("related_page")
            if link.related_page.live
        ]
        return context


class NewsPageTopic(TranslatableMixin, Orderable):
    """A topic a news item belongs to.

    Translatable, so that wagtail-localize points a translated news item at the topic's
    translation in its own language (topics are snippets, translated on their own) instead of
    copying the link to the source language's topic.
    """

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="+", verbose_name=_("topic")
    )

    panels = [FieldPanel("topic")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("topic")


class NewsPageRelatedPage(Orderable):
    """A page readers of a news item may want next."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
