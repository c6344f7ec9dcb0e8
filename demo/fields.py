"""What each demo page says, in one language: the values of its translatable fields.

The same functions give the kk source page its fields and build the unsaved
ru and en instances whose texts are fed to wagtail-localize. For that pairing
to work, StreamField blocks get ids derived from the page and block position,
so every language version of a body has the same block ids.
"""

import html
import uuid

from agency.models import AgencyProfile
from press_pages.models import BriefingSpeaker

from .content import (
    AGENCY,
    AGENCY_EMAIL,
    CLOSING_PARAGRAPH,
    DEPARTMENTS,
    DOCUMENTS,
    FOOTER_LINKS,
    HERO_IMAGES,
    JOURNALIST,
    LEGAL_ACTS,
    MORE_DETAILS,
    PHOTO_IMAGES,
    PHOTOS_TITLE,
    PRESS_EMAIL,
    SPEAKERS,
    TABLES,
    TOPIC_IMAGES,
    TOPIC_PIECES,
    VENUES,
    speaker_line,
)
from .generated import generated_news
from .records import BriefingItem, FAQItem, ImageSpec, NewsItem, ObligatoryItem
from .text import slug_for

# Changing this namespace would make every demo object look new to the seed.
NAMESPACE = uuid.UUID("6b1f7f3e-8f0c-4d8e-9a57-5b3a2f1c0d42")


def demo_key(kind: str, key: str) -> uuid.UUID:
    """The translation key shared by every language version of one demo object."""
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def stream(owner: str, blocks: list[tuple[str, object]]) -> list[dict]:
    """Raw StreamField data with ids that depend only on ``owner`` and position."""
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid5(NAMESPACE, f"{owner}#{number}"))}
        for number, (kind, value) in enumerate(blocks)
    ]


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)


def image_spec(key: str) -> ImageSpec:
    return next(spec for spec in (*HERO_IMAGES, *PHOTO_IMAGES) if spec.key == key)


def hero_spec(topic: str, number: int) -> ImageSpec:
    """The hero picture of the ``number``-th item on ``topic``; the body uses the other one."""
    return image_spec(TOPIC_IMAGES[topic][number % 2])


def with_translated_table(body, extra: str, code: str) -> list[dict]:
    """``body`` as raw data, with its table in ``code``.

    wagtail-localize does not extract strings from ``TableBlock``, so it
    copies the kk table into every translation; this puts the right one back.
    """
    kind, _, key = extra.partition(":")
    raw = [dict(block) for block in body.raw_data]
    if kind == "table":
        for block in raw:
            if block["type"] == "table":
                block["value"] = TABLES[key][code]
    return raw


def quote_block(topic: str, code: str) -> tuple[str, dict]:
    pieces = TOPIC_PIECES[topic]
    return "quote", {
        "quote": pieces.quote[code],
        "attribution": speaker_line(pieces.quote_by)[code],
    }


def speakers(
    item: BriefingItem, code: str, translation_keys: list | None = None
) -> list[BriefingSpeaker]:
    """The briefing's speakers in ``code``; with the kk speakers' keys for a translation."""
    rows = [
        BriefingSpeaker(name=SPEAKERS[key][0][code], position=SPEAKERS[key][1][code], sort_order=n)
        for n, key in enumerate(item.speakers)
    ]
    for row, translation_key in zip(rows, translation_keys or (), strict=False):
        row.translation_key = translation_key
    return rows


def agency_profile(code: str) -> AgencyProfile:
    links = [
        ("link", {"label": label[code], "page": None, "url": url}) for label, url in FOOTER_LINKS
    ]
    return AgencyProfile(
        **{field: text[code] for field, text in AGENCY.items()},
        email=AGENCY_EMAIL,
        press_secretary_email=PRESS_EMAIL,
        footer_links=stream("agency:footer", links),
    )


class PageTexts:
    """Field values that refer to the demo's pictures and documents.

    ``images`` and ``documents`` map the keys used in the content to
    saved Wagtail images and documents.
    """

    def __init__(self, images: dict, documents: dict):
        self.images = images
        self.documents = documents

    def image_value(self, spec: ImageSpec, code: str) -> dict:
        """A ``CaptionedImageBlock`` value with alt text and caption in ``code``."""
        return {
            "image": {
                "image": self.images[spec.key].pk,
                "decorative": False,
                "alt_text": spec.alt[code],
            },
            "caption": spec.caption[code],
        }

    def document_value(self, key: str, code: str) -> dict:
        return {"document": self.documents[key].pk, "label": DOCUMENTS[key].title[code]}

    # --- news ----------------------------------------------------------
    def news(self, number: int, item: NewsItem, code: str) -> dict:
        """Title, slug, lead, hero texts and body of a hand-written news item."""
        topic = item.topics[0]
        pieces = TOPIC_PIECES[topic]
        kind, _, key = item.extra.partition(":")
        if kind == "image":
            extra = ("image", self.image_value(hero_spec(topic, number + 1), code))
        elif kind == "quote":
            extra = quote_block(topic, code)
        elif kind == "table":
            extra = ("table", TABLES[key][code])
        else:
            extra = ("document", self.document_value(key, code))
        blocks = [
            ("paragraph", paragraphs(item.text[code])),
            ("heading", {"text": pieces.heading[code], "level": "h2"}),
            ("paragraph", paragraphs(pieces.background[number % 2][code])),
            extra,
            ("paragraph", paragraphs(CLOSING_PARAGRAPH[code])),
        ]
        hero = hero_spec(topic, number)
        return {
            "title": item.title[code],
            "slug": slug_for(item.title[code]),
            "lead": item.lead[code],
            "hero_image_alt": hero.alt[code],
            "hero_image_caption": hero.caption[code],
            "body": stream(f"news:{item.key}", blocks),
        }

    def obligatory_message(self, number: int, item: ObligatoryItem, code: str) -> dict:
        """Title, slug, lead, hero texts and body of an Art. 37 obligatory message."""
        hero = hero_spec(item.topics[0], number)
        texts = [paragraph[code] for paragraph in item.text]
        return {
            "title": item.title[code],
            "slug": slug_for(item.title[code]),
            "lead": item.lead[code],
            "hero_image_alt": hero.alt[code],
            "hero_image_caption": hero.caption[code],
            "body": stream(
                f"obligatory:{item.key}", [("paragraph", paragraphs(text)) for text in texts]
            ),
        }

    def generated_news(self, number: int, code: str) -> tuple[dict, str]:
        """Fields of the ``number``-th composed news item, and its topic."""
        item = generated_news(number)
        pieces = TOPIC_PIECES[item.topic]
        hero = hero_spec(item.topic, number)
        # No image block in the body: rendering the stream for the search index
        # would look its image up once per page. The hero image is enough.
        blocks = [
            ("paragraph", paragraphs(item.paragraphs[0][code])),
            ("heading", {"text": pieces.heading[code], "level": "h2"}),
            ("paragraph", paragraphs(item.paragraphs[1][code])),
            quote_block(item.topic, code),
        ]
        fields = {
            "title": item.title[code],
            "slug": slug_for(item.title[code], suffix=str(number + 1)),
            "lead": item.lead[code],
            "hero_image": self.images[hero.key],
            "hero_image_alt": hero.alt[code],
            "hero_image_caption": hero.caption[code],
            "body": stream(f"generated-news:{number}", blocks),
        }
        return fields, item.topic

    # --- briefings -----------------------------------------------------
    def briefing(self, item: BriefingItem, code: str) -> dict:
        """Title, slug, venue, announcement and (for past events) materials."""
        return {
            "title": item.title[code],
            "slug": slug_for(item.title[code]),
            "venue": VENUES[item.venue][code],
            "announcement": paragraphs(*(paragraph[code] for paragraph in item.announcement)),
            "materials": self._materials(item, code),
        }

    def _materials(self, item: BriefingItem, code: str) -> list[dict]:
        if item.days_from_now >= 0:
            return []
        owner = f"briefing:{item.key}"
        lines = []
        for who, words in item.transcript:
            name = JOURNALIST[code] if who == "journalist" else SPEAKERS[who][0][code]
            lines.append(
                f"<p><b>{html.escape(name)}:</b> {html.escape(words[code], quote=False)}</p>"
            )
        photos = stream(
            f"{owner}:photos",
            [("item", self.image_value(spec, code)) for spec in PHOTO_IMAGES],
        )
        blocks = [
            ("transcript", {"text": "".join(lines)}),
            ("photos", {"title": PHOTOS_TITLE[code], "photos": photos}),
        ]
        if item.document:
            blocks.append(("document", self.document_value(item.document, code)))
        return stream(owner, blocks)

    # --- FAQ -----------------------------------------------------------
    def faq(self, item: FAQItem, code: str) -> dict:
        """Question, slug, answers, department and legal acts of an FAQ answer."""
        blocks = [("paragraph", paragraphs(item.paragraphs[0][code]))]
        if len(item.paragraphs) > 1:
            blocks.append(("heading", {"text": MORE_DETAILS[code], "level": "h2"}))
            rest = (paragraph[code] for paragraph in item.paragraphs[1:])
            blocks.append(("paragraph", paragraphs(*rest)))
        kind, _, key = item.extra.partition(":")
        if kind == "table":
            blocks.append(("table", TABLES[key][code]))
        elif kind == "document":
            blocks.append(("document", self.document_value(key, code)))
        acts = []
        for key in item.legal_acts:
            title, reference, url = LEGAL_ACTS[key]
            acts.append(
                ("legal_act", {"title": title[code], "reference": reference[code], "url": url})
            )
        return {
            "title": item.question[code],
            "slug": slug_for(item.question[code]),
            "short_answer": item.short[code],
            "full_answer": stream(f"faq:{item.key}", blocks),
            "department": DEPARTMENTS[item.department][code],
            "legal_acts": stream(f"faq:{item.key}:acts", acts),
        }
