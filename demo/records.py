"""The records that the demo content is made of, as :mod:`demo.content` builds them.

Keys in them (a topic, a speaker, a table) are the ids used in ``demo/data``.
"""

from dataclasses import dataclass, field

from .text import L


@dataclass(frozen=True)
class TopicPieces:
    """What the bodies of news on one topic share."""

    heading: L
    background: tuple[L, L]
    quote: L
    quote_by: str  # a key of ``SPEAKERS``


@dataclass(frozen=True)
class NewsItem:
    """A hand-written news item. ``extra`` is "image", "quote", "table:<key>" or "document:<key>"."""

    key: str
    days_ago: int
    topics: tuple[str, ...]
    extra: str
    title: L
    lead: L
    text: L


@dataclass(frozen=True)
class ObligatoryItem:
    """A Law on Mass Media Art. 37 message: the event's day and time, and how long after it
    the message went live."""

    key: str
    days_ago: int
    event_at: tuple[int, int]
    published_after_minutes: int
    topics: tuple[str, ...]
    title: L
    lead: L
    text: tuple[L, ...]


@dataclass(frozen=True)
class BriefingItem:
    """A press event. ``days_from_now`` is negative for past events."""

    key: str
    kind: str
    days_from_now: int
    start: tuple[int, int]
    minutes: int
    venue: str  # a key of ``VENUES``
    speakers: tuple[str, ...]  # keys of ``SPEAKERS``
    accreditation_required: bool
    registration_hours_before: int | None
    streamed: bool
    title: L
    announcement: tuple[L, ...]
    transcript: tuple[tuple[str, L], ...] = ()  # (speaker key or "journalist", words)
    document: str = ""  # a key of ``DOCUMENTS``


@dataclass(frozen=True)
class FAQItem:
    """An answer. ``extra`` is "", "table:<key>" or "document:<key>"."""

    key: str
    category: str
    department: str
    reviewed_days_ago: int
    legal_acts: tuple[str, ...]
    question: L
    short: L
    paragraphs: tuple[L, ...]
    extra: str = ""


@dataclass(frozen=True)
class Category:
    name: L
    description: L


@dataclass(frozen=True)
class ImageSpec:
    """A picture drawn with Pillow: a motif over a gradient in the ministry's palette."""

    key: str
    motif: str
    alt: L
    caption: L = field(default_factory=lambda: L("", "", ""))


@dataclass(frozen=True)
class DocumentSpec:
    """A document generated for the demo; ``kind`` picks the generator."""

    key: str
    kind: str
    title: L
    filename: str


@dataclass(frozen=True)
class Event:
    """An event template; ``{n}`` and ``{m}`` are numbers, ``{region}`` the region's name."""

    topic: str
    title: L
    lead: L
    detail: L


@dataclass(frozen=True)
class Content:
    """Everything ``seed_demo`` writes, in every language."""

    # news.yaml
    topic_pieces: dict[str, TopicPieces]
    news: list[NewsItem]
    obligatory_messages: list[ObligatoryItem]
    # briefings.yaml
    journalist: L
    briefings: list[BriefingItem]
    # faq.yaml
    faq: list[FAQItem]
    # site.yaml
    agency: dict[str, L]
    agency_email: str
    press_email: str
    footer_links: list[tuple[L, str]]
    social_links: dict[str, str]
    stream_url: str
    home: dict[str, L]
    indexes: dict[str, dict[str, L]]
    topics: dict[str, L]
    faq_categories: dict[str, Category]
    departments: dict[str, L]
    speakers: dict[str, tuple[L, L]]
    venues: dict[str, L]
    legal_acts: dict[str, tuple[L, L, str]]
    closing_paragraph: L
    photos_title: L
    more_details: L
    # media.yaml
    hero_images: list[ImageSpec]
    photo_images: list[ImageSpec]
    topic_images: dict[str, tuple[str, str]]
    logo_alt: L
    documents: dict[str, DocumentSpec]
    text_documents: dict[str, dict[str, list[str]]]
    demo_notice: str
    tables: dict[str, dict[str, dict]]
    # generated.yaml
    regions: list[L]
    events: list[Event]
    general_sentences: list[L]
    # pages.yaml
    request_forms: dict[str, dict[str, L]]
    anonymous_notice: L
    request_status: dict[str, L]
    accreditation_page: dict[str, L]
    accreditation_announcement: L
