"""Reading a source's document: an RSS or Atom feed (feedparser), or a news sitemap.

Whatever the source calls itself, the document is read for what it is: a ``<urlset>`` or a
``<sitemapindex>`` is a sitemap, anything else goes to feedparser. Each item becomes an
:class:`Entry` with plain text (no markup), its publication time in Asia/Almaty and its declared
language, if any.
"""

import datetime
import html
import re
import zoneinfo
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from django.utils.translation import gettext as _

import feedparser
from lxml import etree

from .language import declared

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"
#: A document lists at most this many items; the rest are not read.
MAX_ENTRIES = 2000
TITLE_LENGTH = 500

_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_SITEMAP_ROOT = re.compile(rb"<(?:[A-Za-z0-9_]+:)?(urlset|sitemapindex)[\s>]")


class UnreadableDocument(Exception):
    """Neither a feed nor a sitemap that can be read."""


@dataclass(frozen=True)
class Entry:
    """One item as its source lists it."""

    url: str
    title: str
    summary: str = ""
    published: datetime.datetime | None = None
    language: str = ""


@dataclass
class Document:
    """What a source's document holds: its items, and for a sitemap index the sitemaps it
    lists (newest first)."""

    kind: str
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    language: str = ""


def plain_text(markup: str) -> str:
    """``markup`` without its tags and entities, on one line."""
    if not markup:
        return ""
    text = _TAGS.sub(" ", markup) if "<" in markup else markup
    return _SPACE.sub(" ", html.unescape(text)).strip()


def local_time(parsed) -> datetime.datetime | None:
    """A feedparser UTC ``struct_time`` as an aware Asia/Almaty datetime."""
    if not parsed:
        return None
    try:
        return datetime.datetime(*parsed[:6], tzinfo=datetime.UTC).astimezone(ALMATY)
    except (TypeError, ValueError, OverflowError):
        return None


def iso_time(value: str) -> datetime.datetime | None:
    """A W3C date or date-time (``2026-05-01``, ``2026-05-01T10:00:00+05:00``) in Asia/Almaty;
    one without an offset is taken as Almaty time."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ALMATY)
    return moment.astimezone(ALMATY)


def title_from_address(url: str) -> str:
    """A readable stand-in title from the last part of an address's path."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    segment = re.sub(r"\.(s?html?|php|aspx?)$", "", segment)
    return _SPACE.sub(" ", re.sub(r"[-_+]+", " ", segment)).strip()[:TITLE_LENGTH] or url


def is_sitemap(body: bytes) -> bool:
    return bool(_SITEMAP_ROOT.search(body[:4096]))


def parse(body: bytes, url: str, content_type: str = "") -> Document:
    """The items of a feed or sitemap ``body`` fetched from ``url``."""
    if is_sitemap(body):
        return parse_sitemap(body, url)
    return parse_feed(body, url, content_type)


def parse_feed(body: bytes, url: str, content_type: str = "") -> Document:
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(
        body, response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        raise UnreadableDocument(_("The document is neither a feed nor a sitemap."))
    language = declared(parsed.feed.get("language"))
    entries = []
    for raw in parsed.entries[:MAX_ENTRIES]:
        link = raw.get("link") or ""
        if not link:
            guid = raw.get("id") or ""
            link = guid if guid.startswith(("http://", "https://")) else ""
        if not link:
            continue
        title = plain_text(raw.get("title", ""))[:TITLE_LENGTH]
        summary = raw.get("summary") or ""
        if not summary and raw.get("content"):
            summary = raw["content"][0].get("value", "")
        detail = raw.get("title_detail") or {}
        entries.append(
            Entry(
                url=urljoin(url, link.strip()),
                title=title or title_from_address(link),
                summary=plain_text(summary),
                published=local_time(raw.get("published_parsed") or raw.get("updated_parsed")),
                language=declared(raw.get("language") or detail.get("language")) or language,
            )
        )
    return Document(kind="feed", entries=entries, language=language)


def _child_text(element, tag: str) -> str:
    child = element.find(tag)
    return (child.text or "").strip() if child is not None and child.text else ""


def parse_sitemap(body: bytes, url: str) -> Document:
    """A news sitemap's ``<url>`` entries (``<loc>``, ``<news:title>``,
    ``<news:publication_date>`` or ``<lastmod>``, ``<news:language>``), or a sitemap index's
    sitemaps, newest first."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        raise UnreadableDocument(_("The sitemap is not well-formed XML.")) from None
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        listed = []
        for child in root.iter(f"{SITEMAP_NS}sitemap"):
            loc = _child_text(child, f"{SITEMAP_NS}loc")
            if loc:
                modified = iso_time(_child_text(child, f"{SITEMAP_NS}lastmod"))
                listed.append((modified.timestamp() if modified else 0.0, urljoin(url, loc)))
        listed.sort(key=lambda pair: -pair[0])
        return Document(kind="sitemap", sitemaps=[loc for _stamp, loc in listed])
    entries = []
    for node in root.iter(f"{SITEMAP_NS}url"):
        loc = _child_text(node, f"{SITEMAP_NS}loc")
        if not loc:
            continue
        news = node.find(f"{NEWS_NS}news")
        title = language = published = ""
        if news is not None:
            title = plain_text(_child_text(news, f"{NEWS_NS}title"))
            published = _child_text(news, f"{NEWS_NS}publication_date")
            publication = news.find(f"{NEWS_NS}publication")
            if publication is not None:
                language = declared(_child_text(publication, f"{NEWS_NS}language"))
        published = published or _child_text(node, f"{SITEMAP_NS}lastmod")
        entries.append(
            Entry(
                url=urljoin(url, loc),
                title=title[:TITLE_LENGTH],
                published=iso_time(published),
                language=language,
            )
        )
        if len(entries) >= MAX_ENTRIES:
            break
    return Document(kind="sitemap", entries=entries)
