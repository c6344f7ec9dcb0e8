"""What a page revision would publish, and the restricted information in it.

``iter_page_texts`` walks a page object (usually ``revision.as_object()``) and
yields every text it would publish, each with a field path:

* ``title``, ``seo_title``, ``search_description`` and every text field the
  page type adds (``CharField``/``TextField``; rich text as plain text, one
  line per paragraph), found through ``_meta`` so a new field is covered
  without touching this module;
* every StreamField block however deeply nested: ``body[3]`` (a paragraph),
  ``body[5].photos[1].caption``, ``body[2].image.alt``, ``body[6].data[1][2]``
  (a table cell), ``body[6].caption``;
* child rows (``speakers[0].name``), the snippets they or the page point to
  (``topic_links[0].topic``, ``category``: their name as shown) and many-to-many
  values such as tags (``tags[0]``);
* images (``hero_image.title``, ``hero_image.default_alt_text``, and a block's
  own ``.alt``) and documents (``body[4].document.title`` and the text inside
  the file, ``body[4].document.content``), including those linked or embedded
  in rich text (``body[3].documents[0].content``, ``body[3].images[0].alt``).

Not walked: URLs, slugs, choice values, dates and numbers, links to other pages
(each page is checked when it is itself published), Wagtail's own bookkeeping
fields (``PAGE_INTERNAL_FIELDS``) and editors' comments.

``scan_object``/``scan_revision`` run ``workflows.restricted.scan_text`` over
those texts with the current stop-list and the agency's own contacts allowed,
and return a ``Report`` that is safe to store: excerpts are masked.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Count, Max
from django.utils.translation import gettext

from modelcluster.fields import ParentalKey
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText

from .documents import UnreadableDocument, extract_text
from .restricted import BLOCK, WARN, AllowList, Finding, StopList, StopTerm, mask, scan_text

logger = logging.getLogger(__name__)

# Fields of ``wagtailcore.Page`` that a page publishes; its other fields are bookkeeping.
PAGE_PUBLISHED_FIELDS = frozenset({"title", "seo_title", "search_description"})
# Never scanned on any model: tree and URL bookkeeping, translation links, ordering.
# (``Page``'s own fields other than the three above are skipped as a whole.)
PAGE_INTERNAL_FIELDS = frozenset(
    {
        "id",
        "path",
        "depth",
        "url_path",
        "slug",
        "draft_title",
        "locale",
        "translation_key",
        "sort_order",
        "content_type",
        "owner",
        "locked_by",
        "latest_revision",
        "live_revision",
        "alias_of",
    }
)

# Text blocks whose string value is not prose: addresses and fixed choices.
NOT_TEXT_BLOCKS = (blocks.URLBlock, blocks.ChoiceBlock, blocks.MultipleChoiceBlock, EmbedBlock)

DOCUMENT_CACHE_VERSION = 1
DOCUMENT_CACHE_SECONDS = 30 * 24 * 60 * 60
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_PAGES = 500
ALLOW_LIST_CACHE_SECONDS = 24 * 60 * 60

UNREADABLE = "document_unreadable"


@dataclass(frozen=True)
class TextPart:
    """One published text and where it comes from, e.g. ``body[5].photos[1].caption``."""

    field: str
    text: str


# ---------------------------------------------------------------------------
# Rich text


_BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "div",
        "br",
        "hr",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
    }
)
_BLANK_LINES = re.compile(r"[ \t]*\n\s*")


class _RichTextParser(HTMLParser):
    """Plain text of rich text, one line per block; inline markup splits no word.

    Also collects the alt text of embedded images and the ids of linked documents
    and embedded images, which are published with the text.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.image_alts: list[tuple[int | None, str]] = []
        self.document_ids: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")
        attributes = dict(attrs)
        if tag == "a" and attributes.get("linktype") == "document":
            document_id = _int_or_none(attributes.get("id"))
            if document_id is not None:
                self.document_ids.append(document_id)
        elif tag == "embed" and attributes.get("embedtype") == "image":
            self.image_alts.append(
                (_int_or_none(attributes.get("id")), attributes.get("alt") or "")
            )

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.chunks.append("\n")

    def handle_data(self, data):
        self.chunks.append(data)

    def text(self) -> str:
        return _BLANK_LINES.sub("\n", "".join(self.chunks)).strip()


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _parse_rich_text(html: str) -> _RichTextParser:
    parser = _RichTextParser()
    parser.feed(html or "")
    parser.close()
    return parser


def rich_text_to_plain(html: str) -> str:
    """Plain text of a rich text value, paragraphs on their own lines."""
    return _parse_rich_text(html).text()


# ---------------------------------------------------------------------------
# Documents


class DocumentNotScanned(Exception):
    """The text of a document could not be extracted; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _document_cache_key(document) -> str:
    identity = f"{document.file_hash}|{document.file_size}|{document.file.name}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"scan:document-text:v{DOCUMENT_CACHE_VERSION}:{document.pk}:{digest}"


def _cache_get(key):
    try:
        return cache.get(key)
    except Exception:
        logger.exception("Scanner cache unavailable")
        return None


def _cache_set(key, value, timeout) -> None:
    try:
        cache.set(key, value, timeout)
    except Exception:
        logger.exception("Could not store a scan result in the cache")


def document_text(document) -> str:
    """The text inside a document's file, cached until the file changes.

    Raises ``DocumentNotScanned`` with reason ``"unreadable"`` (encrypted,
    damaged or of an unknown format), ``"too_large"`` (over
    ``MAX_DOCUMENT_BYTES``) or ``"missing"`` (no file in storage). The first two
    are cached like a text; a missing file is not, as it may be restored.
    """
    if not document.file:
        raise DocumentNotScanned("missing")
    key = _document_cache_key(document)
    cached = _cache_get(key)
    if cached is not None:
        if "error" in cached:
            raise DocumentNotScanned(cached["error"])
        return cached["text"]

    try:
        size = document.file_size if document.file_size is not None else document.file.size
        if size > MAX_DOCUMENT_BYTES:
            result = {"error": "too_large"}
        else:
            with document.open_file() as handle:
                data = handle.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                result = {"error": "too_large"}
            else:
                try:
                    result = {"text": extract_text(data, max_pages=MAX_DOCUMENT_PAGES)}
                except UnreadableDocument:
                    result = {"error": "unreadable"}
    except OSError:
        logger.warning("Document %s has no readable file %r", document.pk, document.file.name)
        raise DocumentNotScanned("missing") from None

    _cache_set(key, result, DOCUMENT_CACHE_SECONDS)
    if "error" in result:
        raise DocumentNotScanned(result["error"])
    return result["text"]


# ---------------------------------------------------------------------------
# The walk


@dataclass(frozen=True)
class _Problem:
    """A document whose text could not be checked."""

    field: str
    title: str
    reason: str
    document_id: int | None


class _Walker:
    """Yields the texts of a page; documents it could not read end up in ``problems``."""

    def __init__(self):
        self.problems: list[_Problem] = []
        self.image_model = get_image_model()
        self.document_model = get_document_model()

    # -- models ------------------------------------------------------------

    def page(self, page) -> Iterator[TextPart]:
        yield from self.instance(page, "", is_page=True)

    def instance(self, obj, prefix: str, *, is_page: bool = False) -> Iterator[TextPart]:
        for model_field in obj._meta.get_fields():
            if model_field.auto_created or not (model_field.concrete or model_field.many_to_many):
                continue
            name = model_field.name
            if name in PAGE_INTERNAL_FIELDS:
                continue
            if is_page and _declared_on_page(model_field) and name not in PAGE_PUBLISHED_FIELDS:
                continue
            yield from self.model_field(obj, model_field, f"{prefix}{name}")
        for relation in get_all_child_relations(type(obj)):
            related_model = relation.related_model
            if related_model._meta.app_label.startswith("wagtail"):
                continue  # editors' comments and other Wagtail bookkeeping
            accessor = relation.get_accessor_name()
            for index, child in enumerate(getattr(obj, accessor).all()):
                yield from self.instance(child, f"{prefix}{accessor}[{index}].")

    def model_field(self, obj, model_field, path: str) -> Iterator[TextPart]:
        if isinstance(model_field, StreamField):
            yield from self.block(model_field.stream_block, getattr(obj, model_field.name), path)
        elif isinstance(model_field, RichTextField):
            yield from self.rich_text(getattr(obj, model_field.name), path)
        elif model_field.many_to_many:
            # ParentalManyToManyField (kept in the revision), tags, plain many-to-many fields.
            for index, related in enumerate(getattr(obj, model_field.name).all()):
                yield from self.reference(related, f"{path}[{index}]")
        elif isinstance(model_field, models.ForeignKey):
            if isinstance(model_field, ParentalKey):
                return  # the row's link to its page
            related = getattr(obj, model_field.name, None)
            if related is not None:
                yield from self.reference(related, path)
        elif isinstance(model_field, (models.CharField, models.TextField)):
            if model_field.choices or isinstance(model_field, (models.SlugField, models.URLField)):
                return
            yield from _text(getattr(obj, model_field.name), path)

    def reference(self, related, path: str) -> Iterator[TextPart]:
        """A model instance a page points to: an image, a document or a snippet."""
        if isinstance(related, self.image_model):
            yield from self.image(related, path)
        elif isinstance(related, self.document_model):
            yield from self.document(related, path)
        elif isinstance(related, Page) or related._meta.label in _SKIPPED_REFERENCES:
            return
        else:
            yield from _text(str(related), path)

    def image(self, image, path: str, *, alt: str | None = None) -> Iterator[TextPart]:
        yield from _text(image.title, f"{path}.title")
        default_alt = getattr(image, "default_alt_text", "") or ""
        if default_alt and default_alt != image.title:
            yield from _text(default_alt, f"{path}.default_alt_text")
        if alt:
            yield from _text(alt, f"{path}.alt")

    def document(self, document, path: str) -> Iterator[TextPart]:
        yield from _text(document.title, f"{path}.title")
        try:
            content = document_text(document)
        except DocumentNotScanned as error:
            self.problems.append(
                _Problem(f"{path}.content", document.title, error.reason, document.pk)
            )
        else:
            yield from _text(content, f"{path}.content")

    def rich_text(self, value, path: str) -> Iterator[TextPart]:
        source = value.source if isinstance(value, RichText) else (value or "")
        if not source:
            return
        parsed = _parse_rich_text(source)
        yield from _text(parsed.text(), path)
        image_ids = {image_id for image_id, _alt in parsed.image_alts if image_id is not None}
        images = self.image_model.objects.in_bulk(image_ids) if image_ids else {}
        for index, (image_id, alt) in enumerate(parsed.image_alts):
            image = images.get(image_id)
            if image is not None:
                yield from self.image(image, f"{path}.images[{index}]", alt=alt)
            else:
                yield from _text(alt, f"{path}.images[{index}].alt")
        if parsed.document_ids:
            documents = self.document_model.objects.in_bulk(set(parsed.document_ids))
            for index, document_id in enumerate(parsed.document_ids):
                if document_id in documents:
                    yield from self.document(documents[document_id], f"{path}.documents[{index}]")

    # -- blocks ------------------------------------------------------------

    def block(self, block, value, path: str) -> Iterator[TextPart]:
        if block is None or value is None:
            return
        if isinstance(block, blocks.StreamBlock):
            for index, child in enumerate(value):
                yield from self.block(child.block, child.value, f"{path}[{index}]")
        elif isinstance(block, blocks.ListBlock):
            for index, item in enumerate(value):
                yield from self.block(block.child_block, item, f"{path}[{index}]")
        elif isinstance(block, ImageBlock):
            # The value is the image, carrying the block's own alt text.
            decorative = getattr(value, "decorative", False)
            alt = "" if decorative else getattr(value, "contextual_alt_text", "")
            yield from self.image(value, path, alt=alt)
        elif isinstance(block, blocks.StructBlock):
            for name, child_block in block.child_blocks.items():
                yield from self.block(child_block, value.get(name), f"{path}.{name}")
        elif isinstance(block, blocks.RichTextBlock):
            yield from self.rich_text(value, path)
        elif isinstance(block, TypedTableBlock):
            yield from self.typed_table(value, path)
        elif isinstance(block, TableBlock):
            for row_index, row in enumerate(value.get("data") or []):
                for column_index, cell in enumerate(row or []):
                    if isinstance(cell, str):
                        yield from _text(cell, f"{path}.data[{row_index}][{column_index}]")
            yield from _text(value.get("table_caption"), f"{path}.caption")
        elif isinstance(block, ImageChooserBlock):
            yield from self.image(value, path)
        elif isinstance(block, DocumentChooserBlock):
            yield from self.document(value, path)
        elif isinstance(block, blocks.RawHTMLBlock):
            yield from _text(rich_text_to_plain(str(value)), path)
        elif isinstance(block, (blocks.PageChooserBlock, *NOT_TEXT_BLOCKS)):
            return
        elif isinstance(block, blocks.ChooserBlock) and isinstance(value, models.Model):
            yield from self.reference(value, path)
        elif isinstance(value, str):
            # CharBlock, TextBlock, EmailBlock, RegexBlock, BlockQuoteBlock and custom text blocks.
            yield from _text(value, path)

    def typed_table(self, value, path: str) -> Iterator[TextPart]:
        for index, column in enumerate(value.columns):
            yield from _text(column.get("heading"), f"{path}.columns[{index}].heading")
        for row_index, row in enumerate(value.rows):
            for column_index, bound in enumerate(row):
                yield from self.block(
                    bound.block, bound.value, f"{path}.rows[{row_index}][{column_index}]"
                )
        yield from _text(value.caption, f"{path}.caption")


# Models a page may point to whose text is not the page's to publish.
_SKIPPED_REFERENCES = frozenset(
    {
        "wagtailcore.Locale",
        "wagtailcore.Revision",
        "contenttypes.ContentType",
        settings.AUTH_USER_MODEL,
    }
)


def _declared_on_page(model_field) -> bool:
    return model_field.model is Page


def _text(value, path: str) -> Iterator[TextPart]:
    if isinstance(value, str) and value.strip():
        yield TextPart(path, value)


def iter_page_texts(page) -> Iterator[TextPart]:
    """Every text ``page`` would publish, with its field path, in page order.

    Documents whose text cannot be read are skipped here; ``scan_object``
    reports them.
    """
    yield from _Walker().page(page)


# ---------------------------------------------------------------------------
# Reports


@dataclass
class Report:
    """The findings of a scan and how much was scanned; ``as_dict`` is safe to store."""

    findings: list[Finding] = field(default_factory=list)
    scanned_fields: int = 0
    scanned_chars: int = 0
    stop_list_size: int = 0

    def blocking(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == BLOCK]

    def as_dict(self) -> dict:
        return {
            "findings": [finding.as_dict() for finding in self.findings],
            "scanned_fields": self.scanned_fields,
            "scanned_chars": self.scanned_chars,
            "stop_list_size": self.stop_list_size,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        return cls(
            findings=[Finding(**finding) for finding in data.get("findings", [])],
            scanned_fields=data.get("scanned_fields", 0),
            scanned_chars=data.get("scanned_chars", 0),
            stop_list_size=data.get("stop_list_size", 0),
        )


# ---------------------------------------------------------------------------
# Stop-list and allow-list

_stop_list_lock = threading.Lock()
_stop_list_memo: tuple[tuple, StopList] | None = None


def current_stop_list() -> StopList:
    """The active stop-list terms, rebuilt in this process only when they change."""
    global _stop_list_memo
    from .models import StopListTerm

    active = StopListTerm.objects.filter(active=True)
    version = tuple(
        active.aggregate(count=Count("pk"), latest=Max("updated_at"), last=Max("pk")).values()
    )
    memo = _stop_list_memo
    if memo is not None and memo[0] == version:
        return memo[1]
    # Plain tuples: 10,000 model instances (and their dates) cost more than the automaton.
    rows = active.order_by("pk").values_list("pk", "phrase", "severity", "legal_basis", "language")
    terms = [
        StopTerm(
            phrase=phrase,
            severity=severity,
            legal_basis=legal_basis,
            rule=f"stop_list.{pk}",
            language=language,
        )
        for pk, phrase, severity, legal_basis, language in rows
    ]
    stop_list = StopList(terms)
    with _stop_list_lock:
        _stop_list_memo = (version, stop_list)
    return stop_list


def current_allow_list() -> AllowList:
    """The agency's own public phones and e-mails, in every language: never findings."""
    from agency.cache import current_generation
    from agency.models import AgencyProfile

    key = f"scan:allow-list:v1:{current_generation()}"
    cached = _cache_get(key)
    if cached is None:
        phones, emails = set(), set()
        for row in AgencyProfile.objects.values(
            "phone", "email", "press_secretary_phone", "press_secretary_email"
        ):
            phones.update(p for p in (row["phone"], row["press_secretary_phone"]) if p)
            emails.update(e for e in (row["email"], row["press_secretary_email"]) if e)
        cached = (sorted(phones), sorted(emails))
        _cache_set(key, cached, ALLOW_LIST_CACHE_SECONDS)
    phones, emails = cached
    return AllowList.build(phones=phones, emails=emails)


# ---------------------------------------------------------------------------
# Scans


def _problem_note(reason: str) -> str:
    if reason == "too_large":
        return gettext(
            "The document is too large to be checked automatically; check its text by hand."
        )
    if reason == "missing":
        return gettext("The document's file is missing; check it by hand.")
    return gettext(
        "The document could not be read (damaged, encrypted or of an unknown format); "
        "check its text by hand."
    )


def _masked(text: str, findings: list[Finding]) -> str:
    """``text`` with every finding in it masked, for excerpts outside the scanner."""
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = (
            text[: finding.start]
            + mask(finding.category, text[finding.start : finding.end])
            + text[finding.end :]
        )
    return text


def _problem_finding(problem: _Problem, title_findings: list[Finding]) -> Finding:
    identity = f"{UNREADABLE}|{problem.document_id}|{problem.reason}"
    return Finding(
        category=UNREADABLE,
        severity=WARN,
        rule=f"document.{problem.reason}",
        start=0,
        end=0,
        excerpt=_masked(problem.title, title_findings),
        legal_basis=_problem_note(problem.reason),
        field=problem.field,
        fingerprint=hashlib.sha256(identity.encode()).hexdigest()[:16],
    )


def _page_languages(page) -> tuple[str, ...] | None:
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return None
    return (page.locale.language_code,)


def scan_object(
    page,
    *,
    stop_list: StopList | None = None,
    allow_list: AllowList | None = None,
    languages: Iterable[str] | None = None,
) -> Report:
    """Scan what ``page`` (a page object, typically a revision's) would publish.

    The stop-list terms checked are those of the page's language and those for
    any language, unless ``languages`` says otherwise.
    """
    stop_list = current_stop_list() if stop_list is None else stop_list
    allow_list = current_allow_list() if allow_list is None else allow_list
    languages = _page_languages(page) if languages is None else tuple(languages)
    walker = _Walker()
    report = Report(stop_list_size=len(stop_list))
    for part in walker.page(page):
        report.scanned_fields += 1
        report.scanned_chars += len(part.text)
        report.findings.extend(
            scan_text(
                part.text,
                stop_list=stop_list,
                allow_list=allow_list,
                languages=languages,
                field=part.field,
            )
        )
    for problem in walker.problems:
        title_findings = scan_text(
            problem.title, stop_list=stop_list, allow_list=allow_list, languages=languages
        )
        report.findings.append(_problem_finding(problem, title_findings))
    return report


def scan_revision(revision) -> Report:
    """Scan what publishing ``revision`` would put online."""
    return scan_object(revision.as_object())


def scan_text_report(text: str, languages: Iterable[str] | None = None) -> Report:
    """Scan a text on its own (the command line's input); offsets are into ``text``."""
    stop_list = current_stop_list()
    languages = tuple(languages) if languages is not None else None
    findings = scan_text(
        text, stop_list=stop_list, allow_list=current_allow_list(), languages=languages
    )
    return Report(
        findings=findings,
        scanned_fields=1 if text.strip() else 0,
        scanned_chars=len(text),
        stop_list_size=len(stop_list),
    )
