"""The article step: the full text of items whose source lists only a title or a teaser.

It runs after the feed step, for the items marked ``Item.Text.WANTED`` (those of a source
with "fetch article text", and those a sitemap listed without a title). Each page is fetched
with the same limits and politeness as the feeds, and its text extracted (trafilatura). A page
that names a canonical address on the same site gives the item that address; when another
item already has it, the two are one, and the later one is removed. A canonical address on
another site (a syndicated copy pointing at the original) joins the original's story instead.
The items are then searched for the watch terms again.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import alerts, mentions
from .fetching import articles, http
from .fetching.feeds import title_from_address
from .fetching.urls import same_site
from .ingest import refresh_stories
from .models import Item, Mention, Story

logger = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    extracted: int = 0
    failed: int = 0
    merged: int = 0
    mentions: list[Mention] = field(default_factory=list)
    alerts: int = 0

    def as_json(self) -> dict:
        return {
            "extracted": self.extracted,
            "failed": self.failed,
            "merged": self.merged,
            "mentions": len(self.mentions),
            "alerts": self.alerts,
        }


def wanted(source_id: int | None = None, limit: int | None = None):
    """The items waiting for their article text, newest first."""
    items = Item.objects.filter(text_state=Item.Text.WANTED).order_by("-published_at", "-pk")
    if source_id is not None:
        items = items.filter(source_id=source_id)
    return items[: limit or settings.MONITOR_ARTICLES_PER_POLL]


def read_article(item: Item) -> articles.Article | None:
    try:
        fetched = http.fetch(item.url, accept=http.PAGE_ACCEPT, retries=1)
    except http.FetchError as error:
        logger.info("Article of item %s not fetched: %s", item.pk, error)
        return None
    return articles.extract(fetched.body, fetched.url)


def _apply_canonical(item: Item, canonical: str, touched: set) -> bool:
    """Give ``item`` the page's canonical address; ``False`` when the item was removed as a
    copy of one stored already."""
    if not canonical or canonical == item.canonical_url:
        return True
    other = Item.objects.filter(canonical_url=canonical).exclude(pk=item.pk).first()
    if not same_site(canonical, item.url):
        if other is not None and other.story_id != item.story_id:
            touched.update({item.story_id, other.story_id})
            item.story_id = other.story_id
            Mention.objects.filter(item=item).update(story_id=other.story_id)
        return True
    if other is None:
        try:
            with transaction.atomic():
                Item.objects.filter(pk=item.pk).update(canonical_url=canonical)
            item.canonical_url = canonical
            return True
        except IntegrityError:
            pass
    touched.add(item.story_id)
    item.delete()
    return False


def extract_articles(items, *, alert: bool = True) -> ArticleResult:
    """Fetch and extract the article text of ``items``, then search them again."""
    result = ArticleResult()
    done, touched = [], set()
    for item in list(items):
        article = read_article(item)
        if article is None:
            item.text_state = Item.Text.FAILED
            Item.objects.filter(pk=item.pk).update(text_state=item.text_state)
            result.failed += 1
            continue
        with transaction.atomic():
            if not _apply_canonical(item, article.canonical, touched):
                result.merged += 1
                continue
            item.text = article.text
            item.text_state = Item.Text.EXTRACTED
            if article.title and _stand_in(item):
                Story.objects.filter(pk=item.story_id, title=item.title).update(title=article.title)
                item.title = article.title
            item.save(update_fields=["text", "text_state", "title", "story"])
        done.append(item)
        result.extracted += 1
    if touched:
        with transaction.atomic():
            Story.objects.filter(pk__in=touched, items__isnull=True).delete()
            refresh_stories(touched, timezone.now())
    if done:
        result.mentions = mentions.rematch(done)
    if alert and result.mentions:
        result.alerts = alerts.raise_alerts(result.mentions)
    return result


def _stand_in(item: Item) -> bool:
    """Whether the item's title was made from its address (its source gave none)."""
    return item.title in (item.canonical_url, title_from_address(item.canonical_url))
