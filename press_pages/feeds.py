"""RSS and Atom feeds of the news, briefing and FAQ indexes.

Journalists and aggregators follow a section through its feed, so each index
page serves its own newest items, in its own language, with absolute links.
The index pages route ``feed/rss/`` and ``feed/atom/`` to :func:`index_feed`, and name the
feed class that describes their items (``feed_class``).
"""

import uuid
from functools import cached_property

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils import formats, timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from wagtail.rich_text import get_text_for_indexing

from agency.addresses import page_url
from agency.models import AgencyProfile

FEED_LENGTH = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


def title_with_agency(index, agency: AgencyProfile | None) -> str:
    """The section's title followed by the agency's name, if there is a profile.

    Feeds and calendars are read away from the site, so their titles say whose they are.
    """
    if agency is None:
        return index.title
    return _("%(section)s — %(agency)s") % {"section": index.title, "agency": agency.name}


class IndexFeed(Feed):
    """The newest items of one index page; made afresh for every request.

    Subclasses choose the items and what describes them. Everything is read in
    bulk by ``items()``, so building the feed costs the same few queries
    however many items it holds.
    """

    item_guid_is_permalink = False

    def __init__(self, request, index, kind: str):
        self.request = request
        self.index = index
        self.kind = kind
        self.feed_type = FEED_TYPES[kind]
        self.language = index.locale.language_code

    @cached_property
    def agency(self) -> AgencyProfile | None:
        return AgencyProfile.for_locale(self.index.locale)

    def title(self):
        return title_with_agency(self.index, self.agency)

    def link(self):
        return page_url(self.index, self.request)

    def feed_url(self):
        return self.link() + self.index.reverse_subpage(self.kind)

    def description(self):
        return self.index.intro or self.index.search_description or self.title()

    def subtitle(self):
        return self.index.intro or None

    def author_name(self):
        return self.agency.name if self.agency else None

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        """A URN that survives slug changes and differs between translations."""
        return f"urn:uuid:{uuid.uuid5(item.translation_key, self.language)}"

    def item_pubdate(self, item):
        return item.first_published_at or item.latest_revision_created_at

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)


class NewsFeed(IndexFeed):
    """The newest news items, by their display date."""

    def items(self):
        return self.index.with_topics(self.index.news_items().defer_streamfields())[:FEED_LENGTH]

    def item_description(self, item):
        return item.lead

    def item_categories(self, item):
        return [link.topic.name for link in item.topic_links.all()]


class BriefingFeed(IndexFeed):
    """Upcoming and recent events, the latest-starting first, each with its start time."""

    def items(self):
        return (
            self.index.briefings().defer_streamfields().order_by("-starts_at", "-pk")[:FEED_LENGTH]
        )

    def item_description(self, item):
        when = _("Starts on %(start)s (Astana time), at %(venue)s.") % {
            "start": formats.date_format(timezone.localtime(item.starts_at), "DATETIME_FORMAT"),
            "venue": item.venue,
        }
        return f"{when}\n\n{get_text_for_indexing(item.announcement)}"

    def item_categories(self, item):
        return [item.get_kind_display()]


class FAQFeed(IndexFeed):
    """The most recently published answers."""

    def items(self):
        return (
            self.index.answers()
            .select_related("category")
            .defer_streamfields()
            .order_by(F("last_published_at").desc(nulls_last=True), "-pk")[:FEED_LENGTH]
        )

    def item_description(self, item):
        return item.short_answer

    def item_categories(self, item):
        return [item.category.name]


def index_feed(request, index_page, kind: str):
    """Answer with the ``kind`` ("rss" or "atom") feed of ``index_page``.

    Labels and dates are rendered in the index's language, whatever language
    the request arrived with.
    """
    feed = index_page.feed_class(request, index_page, kind)
    with translation.override(index_page.locale.language_code):
        return feed(request)
