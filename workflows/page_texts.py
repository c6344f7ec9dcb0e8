"""What a page revision would publish: every text in it, with where it comes from.

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
fields (``PAGE_INTERNAL_FIELDS``) and editors' comments. Documents whose text
cannot be read are collected as problems (:class:`PageWalker`), for the scan to
report (``workflows.scanning``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.db import models

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

from .documents import DocumentNotScanned, document_text

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
# The walk


@dataclass(frozen=True)
class DocumentProblem:
    """A document whose text could not be checked."""

    field: str
    title: str
    reason: str
    document_id: int | None


class PageWalker:
    """Yields the texts of a page; documents it could not read end up in ``problems``."""

    def __init__(self):
        self.problems: list[DocumentProblem] = []
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
                DocumentProblem(f"{path}.content", document.title, error.reason, document.pk)
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
    yield from PageWalker().page(page)
