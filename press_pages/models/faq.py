"""Answers to frequently asked questions, grouped by category."""

from itertools import groupby

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from workflows.mixins import RestrictedInfoMixin
from workflows.panels import ModeratedTabbedInterface

from ..blocks import FAQAnswerBodyBlock, LegalActsBlock
from ..feeds import FAQFeed, index_feed
from ..search import analysed_fields, search_pages
from .base import SEARCH_QUERY_MAX_LENGTH, ListingMixin, PressPageMixin, search_query
from .taxonomy import FAQCategory


class FAQIndexPage(RoutablePageMixin, ListingMixin, PressPageMixin, Page):
    """All answers, grouped by category, with a search box and feeds."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = ["press_pages.FAQAnswerPage"]
    max_count = None
    max_count_per_parent = 1

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    feed_class = FAQFeed

    class Meta:
        verbose_name = _("FAQ index")

    def answers(self):
        return FAQAnswerPage.objects.live().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = search_query(request)
        context["query_max_length"] = SEARCH_QUERY_MAX_LENGTH
        if query:
            outcome = search_pages(
                self.answers(), query, self.locale.language_code, vocabulary_key=f"faq:{self.pk}"
            )
            context.update(
                query=query,
                results=self.paginate(request, outcome.results),
                all_words=outcome.all_words,
                suggestion=outcome.suggestion,
            )
        else:
            answers = (
                self.answers()
                .select_related("category")
                .order_by("category__sort_order", "category__name", "title")
            )
            context["groups"] = [
                (category, list(items))
                for category, items in groupby(answers, key=lambda a: a.category)
            ]
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return index_feed(request, self, "rss")

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return index_feed(request, self, "atom")


class FAQAnswerPage(RestrictedInfoMixin, PressPageMixin, Page):
    """An answer to a frequently asked question; the page title is the question."""

    parent_page_types = ["press_pages.FAQIndexPage"]
    subpage_types = []
    max_count = None

    short_answer = models.TextField(
        _("short answer"),
        max_length=500,
        help_text=_("The answer in one or two sentences; shown in lists and search results."),
    )
    full_answer = StreamField(FAQAnswerBodyBlock(), verbose_name=_("full answer"))
    category = models.ForeignKey(
        FAQCategory,
        on_delete=models.PROTECT,
        related_name="answers",
        verbose_name=_("category"),
    )
    department = models.CharField(
        _("responsible department"),
        max_length=255,
        help_text=_("The unit that owns this answer and keeps it correct."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When the department last confirmed the answer is still correct."),
    )
    legal_acts = StreamField(LegalActsBlock(), blank=True, verbose_name=_("related legal acts"))

    content_panels = [
        FieldPanel("title", help_text=_("The question, as a citizen would ask it.")),
        FieldPanel("short_answer"),
        FieldPanel("full_answer"),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("department"), FieldPanel("last_reviewed")],
            heading=_("Ownership"),
        ),
        FieldPanel("legal_acts"),
    ]
    edit_handler = ModeratedTabbedInterface()

    search_fields = [
        *Page.search_fields,
        *analysed_fields("short_answer", "full_answer"),
        index.SearchField("short_answer"),
        index.SearchField("full_answer"),
        index.FilterField("category"),
    ]

    class Meta:
        verbose_name = _("FAQ answer")
        verbose_name_plural = _("FAQ answers")
