"""The demo's content as Python objects, built from the YAML files in ``demo/data``.

The fictional ministry, its news, briefings, answers, pictures, documents and pages are
data: ``data/<kind>.yaml`` holds ids and structure, ``data/kk``, ``data/ru`` and
``data/en`` the texts (see :mod:`demo.loader`). The files are read once, at import, and
every text and cross-reference is checked then. Everything here is invented for the demo:
the ministry, its people, figures and addresses; laws and their numbers are real (see
``/work/shared/domain/legal-basis.md``).
"""

import functools
from pathlib import Path

from .loader import (
    DATA_DIR,
    SOURCE_LANGUAGE,
    ContentError,
    Record,
    Texts,
    display,
    read_structure,
)
from .records import (
    BriefingItem,
    Category,
    Content,
    DocumentSpec,
    Event,
    FAQItem,
    ImageSpec,
    NewsItem,
    ObligatoryItem,
    TopicPieces,
)
from .text import LANGUAGES, L

PAGE_FIELDS = ("title", "slug", "intro")


def _page(texts: Texts, *path: str) -> dict[str, L]:
    return {name: texts.text(*path, name) for name in PAGE_FIELDS}


def _start(value: str, where: str) -> tuple[int, int]:
    hours, _, minutes = str(value).partition(":")
    if not (hours.isdigit() and minutes.isdigit()):
        raise ContentError(f"{where}: start should be a time such as '11:00', not {value!r}")
    return int(hours), int(minutes)


def _news(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "news")
    texts = Texts(data_dir, "news")
    pieces = {
        key: TopicPieces(
            heading=texts.text("topic_pieces", key, "heading"),
            background=texts.texts("topic_pieces", key, "background"),
            quote=texts.text("topic_pieces", key, "quote"),
            quote_by=entry["quote_by"],
        )
        for key, entry in structure["topic_pieces"].items()
    }
    news = [
        NewsItem(
            key,
            entry["days_ago"],
            tuple(entry["topics"]),
            entry["extra"],
            texts.text("news", key, "title"),
            texts.text("news", key, "lead"),
            texts.text("news", key, "text"),
        )
        for key, entry in structure["news"].items()
    ]
    obligatory = [
        ObligatoryItem(
            key,
            entry["days_ago"],
            _start(entry["event_at"], f"{display(entry.file)}: obligatory_messages.{key}"),
            _minutes_within(
                entry["published_after_minutes"],
                f"{display(entry.file)}: obligatory_messages.{key}",
            ),
            tuple(entry["topics"]),
            texts.text("obligatory_messages", key, "title"),
            texts.text("obligatory_messages", key, "lead"),
            texts.texts("obligatory_messages", key, "text"),
        )
        for key, entry in structure.get("obligatory_messages", {}).items()
    ]
    texts.check_all_read()
    return {"topic_pieces": pieces, "news": news, "obligatory_messages": obligatory}


def _minutes_within(value, where: str) -> int:
    """Minutes from an Art. 37 event to its message: the law allows at most 3 hours."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 180:
        raise ContentError(
            f"{where}: published_after_minutes should be a whole number of minutes under 180 "
            f"(the law's 3 hours), not {value!r}"
        )
    return value


def _briefing(key: str, entry: Record, texts: Texts) -> BriefingItem:
    speakers = entry.get("transcript", [])
    lines = texts.texts("briefings", key, "transcript") if speakers else ()
    if len(lines) != len(speakers):
        raise ContentError(
            f"{display(texts.files[SOURCE_LANGUAGE])}: briefings.{key}.transcript has {len(lines)} lines, "
            f"but {display(entry.file)} names {len(speakers)} speakers for it"
        )
    return BriefingItem(
        key=key,
        kind=entry["kind"],
        days_from_now=entry["days_from_now"],
        start=_start(entry["start"], f"{display(entry.file)}: briefings.{key}"),
        minutes=entry["minutes"],
        venue=entry["venue"],
        speakers=tuple(entry["speakers"]),
        accreditation_required=entry["accreditation_required"],
        registration_hours_before=entry["registration_hours_before"],
        streamed=entry["streamed"],
        title=texts.text("briefings", key, "title"),
        announcement=texts.texts("briefings", key, "announcement"),
        transcript=tuple(zip(speakers, lines, strict=True)),
        document=entry.get("document", ""),
    )


def _briefings(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "briefings")
    texts = Texts(data_dir, "briefings")
    briefings = [_briefing(key, entry, texts) for key, entry in structure["briefings"].items()]
    journalist = texts.text("journalist")
    texts.check_all_read()
    return {"journalist": journalist, "briefings": briefings}


def _faq(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "faq")
    texts = Texts(data_dir, "faq")
    faq = [
        FAQItem(
            key,
            entry["category"],
            entry["department"],
            entry["reviewed_days_ago"],
            tuple(entry["legal_acts"]),
            texts.text("faq", key, "question"),
            texts.text("faq", key, "short"),
            texts.texts("faq", key, "paragraphs"),
            entry.get("extra", ""),
        )
        for key, entry in structure["faq"].items()
    ]
    texts.check_all_read()
    return {"faq": faq}


def _site(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "site")
    texts = Texts(data_dir, "site")
    agency_record = structure["agency"]
    agency = {name: texts.text("agency", name) for name in agency_record.ids("fields")}
    speakers = {
        key: (texts.text("speakers", key, "name"), texts.text("speakers", key, "position"))
        for key in structure.ids("speakers")
    }
    # The press secretary speaks under the agency profile's name and position.
    speakers["press-secretary"] = (
        agency["press_secretary_name"],
        agency["press_secretary_position"],
    )
    site = {
        "agency": agency,
        "agency_email": agency_record["email"],
        "press_email": agency_record["press_secretary_email"],
        "footer_links": [
            (texts.text("footer_links", key), url) for key, url in structure["footer_links"].items()
        ],
        "social_links": dict(structure["social_links"].data),
        "stream_url": structure["stream_url"],
        "home": _page(texts, "home"),
        "indexes": {key: _page(texts, "indexes", key) for key in structure.ids("indexes")},
        "topics": {key: texts.text("topics", key) for key in structure.ids("topics")},
        "faq_categories": {
            key: Category(
                texts.text("faq_categories", key, "name"),
                texts.text("faq_categories", key, "description"),
            )
            for key in structure.ids("faq_categories")
        },
        "departments": {
            key: texts.text("departments", key) for key in structure.ids("departments")
        },
        "speakers": speakers,
        "venues": {key: texts.text("venues", key) for key in structure.ids("venues")},
        "legal_acts": {
            key: (
                texts.text("legal_acts", key, "title"),
                texts.text("legal_acts", key, "reference"),
                url,
            )
            for key, url in structure["legal_acts"].items()
        },
        "closing_paragraph": texts.text("closing_paragraph"),
        "photos_title": texts.text("labels", "photos"),
        "more_details": texts.text("labels", "more_details"),
    }
    texts.check_all_read()
    return site


def _table(caption: str, rows: list[list[str]]) -> dict:
    """A ``TableBlock`` value with a header row."""
    return {
        "data": rows,
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": caption,
        "cell": [],
        "mergedCells": [],
    }


def _tables(texts: Texts, key: str) -> dict[str, dict]:
    caption = texts.text("tables", key, "caption")
    rows = [
        texts.texts("tables", key, "rows", row) for row in range(texts.count("tables", key, "rows"))
    ]
    return {
        code: _table(caption[code], [[cell[code] for cell in row] for row in rows])
        for code in LANGUAGES
    }


def _media(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "media")
    texts = Texts(data_dir, "media")

    def image(key: str, motif: str) -> ImageSpec:
        return ImageSpec(
            key, motif, texts.text("images", key, "alt"), texts.text("images", key, "caption")
        )

    documents, text_documents = {}, {}
    for key, entry in structure["documents"].items():
        documents[key] = DocumentSpec(
            key, entry["kind"], texts.text("documents", key, "title"), entry["filename"]
        )
        if entry["kind"] == "text":
            lines = texts.texts("documents", key, "lines")
            text_documents[key] = {code: [line[code] for line in lines] for code in LANGUAGES}
    notice = texts.text("demo_notice")
    media = {
        "hero_images": [image(key, motif) for key, motif in structure["hero_images"].items()],
        "photo_images": [image(key, motif) for key, motif in structure["photo_images"].items()],
        "topic_images": {topic: tuple(keys) for topic, keys in structure["topic_images"].items()},
        "logo_alt": texts.text("logo_alt"),
        "documents": documents,
        "text_documents": text_documents,
        "demo_notice": " / ".join(notice[code] for code in LANGUAGES),
        "tables": {key: _tables(texts, key) for key in structure.ids("tables")},
    }
    texts.check_all_read()
    return media


def _generated(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "generated")
    texts = Texts(data_dir, "generated")
    generated = {
        "regions": [texts.text("regions", key) for key in structure.ids("regions")],
        "events": [
            Event(
                topic,
                texts.text("events", key, "title"),
                texts.text("events", key, "lead"),
                texts.text("events", key, "detail"),
            )
            for key, topic in structure["events"].items()
        ],
        "general_sentences": [
            texts.text("general_sentences", key) for key in structure.ids("general_sentences")
        ],
    }
    texts.check_all_read()
    return generated


def _pages(data_dir: Path) -> dict:
    structure = read_structure(data_dir, "pages")
    texts = Texts(data_dir, "pages")
    pages = {
        "request_forms": {
            kind: _page(texts, "request_forms", kind) for kind in structure.ids("request_forms")
        },
        "anonymous_notice": texts.text("anonymous_notice"),
        "request_status": _page(texts, "request_status"),
        "accreditation_page": _page(texts, "accreditation"),
        "accreditation_announcement": texts.text("accreditation_announcement"),
    }
    texts.check_all_read()
    return pages


def _check_references(content: Content, data_dir: Path) -> None:
    """Every key that one item uses to point at another names one that exists."""
    tables_and_documents = {
        **{f"table:{key}": key for key in content.tables},
        **{f"document:{key}": key for key in content.documents},
    }
    image_keys = {spec.key for spec in content.hero_images}
    checks = [
        ("news", "topics", [t for item in content.news for t in item.topics], content.topics),
        (
            "news",
            "topics",
            [t for item in content.obligatory_messages for t in item.topics],
            content.topics,
        ),
        (
            "news",
            "extra",
            [i.extra for i in content.news],
            {"image", "quote", *tables_and_documents},
        ),
        ("news", "quote_by", [p.quote_by for p in content.topic_pieces.values()], content.speakers),
        ("news", "topic_pieces", list(content.topics), content.topic_pieces),
        ("briefings", "venue", [b.venue for b in content.briefings], content.venues),
        (
            "briefings",
            "speakers",
            [s for b in content.briefings for s in b.speakers],
            content.speakers,
        ),
        (
            "briefings",
            "transcript",
            [who for b in content.briefings for who, _words in b.transcript],
            {"journalist", *content.speakers},
        ),
        (
            "briefings",
            "document",
            [b.document for b in content.briefings],
            {"", *content.documents},
        ),
        ("faq", "category", [a.category for a in content.faq], content.faq_categories),
        ("faq", "department", [a.department for a in content.faq], content.departments),
        ("faq", "legal_acts", [k for a in content.faq for k in a.legal_acts], content.legal_acts),
        ("faq", "extra", [a.extra for a in content.faq], {"", *tables_and_documents}),
        ("media", "topic_images", list(content.topic_images), content.topics),
        ("media", "topic_images", list(content.topics), content.topic_images),
        (
            "media",
            "topic_images",
            [k for ks in content.topic_images.values() for k in ks],
            image_keys,
        ),
        ("generated", "events", [e.topic for e in content.events], content.topics),
    ]
    for kind, name, used, known in checks:
        for key in used:
            if key not in known:
                raise ContentError(
                    f"{display(data_dir / f'{kind}.yaml')}: {name} names {key!r}, which is not "
                    f"one of: {', '.join(sorted(known))}"
                )


@functools.cache
def load_content(data_dir: Path = DATA_DIR) -> Content:
    """Read and check every data file in ``data_dir``; read once per directory."""
    content = Content(
        **_news(data_dir),
        **_briefings(data_dir),
        **_faq(data_dir),
        **_site(data_dir),
        **_media(data_dir),
        **_generated(data_dir),
        **_pages(data_dir),
    )
    _check_references(content, data_dir)
    return content


def speaker_line(key: str) -> L:
    """ "Name, position" in each language, for quote attributions."""
    name, position = SPEAKERS[key]
    return L(
        kk=f"{name.kk}, {position.kk[0].lower()}{position.kk[1:]}",
        ru=f"{name.ru}, {position.ru[0].lower()}{position.ru[1:]}",
        en=f"{name.en}, {position.en}",
    )


CONTENT = load_content(DATA_DIR)

TOPIC_PIECES = CONTENT.topic_pieces
NEWS = CONTENT.news
OBLIGATORY_MESSAGES = CONTENT.obligatory_messages
JOURNALIST = CONTENT.journalist
BRIEFINGS = CONTENT.briefings
FAQ = CONTENT.faq
AGENCY = CONTENT.agency
# E-mail fields are synchronised, not translated: one address for all languages.
AGENCY_EMAIL = CONTENT.agency_email
PRESS_EMAIL = CONTENT.press_email
FOOTER_LINKS = CONTENT.footer_links
SOCIAL_LINKS = CONTENT.social_links
STREAM_URL = CONTENT.stream_url
HOME = CONTENT.home
INDEXES = CONTENT.indexes
TOPICS = CONTENT.topics
FAQ_CATEGORIES = CONTENT.faq_categories
DEPARTMENTS = CONTENT.departments
SPEAKERS = CONTENT.speakers
VENUES = CONTENT.venues
LEGAL_ACTS = CONTENT.legal_acts
CLOSING_PARAGRAPH = CONTENT.closing_paragraph
PHOTOS_TITLE = CONTENT.photos_title
MORE_DETAILS = CONTENT.more_details
HERO_IMAGES = CONTENT.hero_images
PHOTO_IMAGES = CONTENT.photo_images
TOPIC_IMAGES = CONTENT.topic_images
LOGO_ALT = CONTENT.logo_alt
DOCUMENTS = CONTENT.documents
TEXT_DOCUMENTS = CONTENT.text_documents
DEMO_NOTICE = CONTENT.demo_notice
TABLES = CONTENT.tables
REGIONS = CONTENT.regions
EVENTS = CONTENT.events
GENERAL_SENTENCES = CONTENT.general_sentences
REQUEST_FORMS = CONTENT.request_forms
ANONYMOUS_NOTICE = CONTENT.anonymous_notice
REQUEST_STATUS = CONTENT.request_status
ACCREDITATION_PAGE = CONTENT.accreditation_page
ACCREDITATION_ANNOUNCEMENT = CONTENT.accreditation_announcement
