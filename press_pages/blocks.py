"""StreamField blocks of the press pages: one declarative ``StreamBlock`` per body field."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TEMPLATE_DIR = "components/blocks"


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a body; the page title is the only ``h1``."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = f"{TEMPLATE_DIR}/heading_block.html"
        description = _("A section heading")
        preview_value = {"text": "Жаңа бастамалар", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = f"{TEMPLATE_DIR}/captioned_image_block.html"
        description = _("An image with alt text and a caption")


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person it is attributed to."""

    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = f"{TEMPLATE_DIR}/quote_block.html"
        description = _("A quotation with attribution")
        preview_value = {
            "quote": "Ашықтық – сенімнің негізі.",
            "attribution": "Министрдің баспасөз хатшысы",
        }


class VideoBlock(blocks.StructBlock):
    """A video from a hosting service, embedded by its address."""

    video = EmbedBlock(label=_("video address"))
    title = blocks.CharBlock(
        label=_("title"),
        max_length=200,
        help_text=_("Describes the video for screen-reader users."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = f"{TEMPLATE_DIR}/video_block.html"
        description = _("An embedded video")


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, with its format and size shown."""

    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("label"),
        help_text=_("Leave empty to use the document title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = f"{TEMPLATE_DIR}/document_link_block.html"
        description = _("A link to a document")


class DataTableBlock(TableBlock):
    """A table of figures with an optional caption."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = f"{TEMPLATE_DIR}/table_block.html"
        description = _("A table of data")


class LegalActBlock(blocks.StructBlock):
    """A legal act an answer relies on: its title, number and date, and a link."""

    title = blocks.CharBlock(label=_("title"), max_length=300)
    reference = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("number and date"),
        help_text=_("For example: No. 387-НҚ of 29 August 2024"),
    )
    url = blocks.URLBlock(required=False, label=_("link"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Legal act")
        template = f"{TEMPLATE_DIR}/legal_act_block.html"
        description = _("A reference to a legal act")
        preview_value = {
            "title": "«Бұқаралық ақпарат құралдары туралы» Қазақстан Республикасының Заңы",
            "reference": "2024 жылғы 19 маусым",
            "url": "https://adilet.zan.kz/",
        }


class PhotoGalleryBlock(blocks.StructBlock):
    """Photos from an event, shown as a grid."""

    title = blocks.CharBlock(required=False, max_length=200, label=_("title"))
    photos = blocks.ListBlock(CaptionedImageBlock(), label=_("photos"))

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = f"{TEMPLATE_DIR}/photo_gallery_block.html"
        description = _("A grid of photos")


class TranscriptBlock(blocks.StructBlock):
    """The transcript of an event."""

    text = blocks.RichTextBlock(features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "doc-full"
        label = _("Transcript")
        template = f"{TEMPLATE_DIR}/transcript_block.html"
        description = _("A transcript of what was said")
        preview_value = {"text": "<p><b>Спикер:</b> Қайырлы күн, құрметті журналистер.</p>"}


PARAGRAPH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def paragraph_block() -> blocks.RichTextBlock:
    return blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        label=_("Paragraph"),
        icon="pilcrow",
        template=f"{TEMPLATE_DIR}/paragraph_block.html",
        description=_("Text with links and lists"),
        preview_value="<p>Министрлік жаңа бағдарламаны таныстырды.</p>",
    )


class NewsBodyBlock(blocks.StreamBlock):
    """The body of a news item."""

    paragraph = paragraph_block()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    table = DataTableBlock()


class BriefingMaterialsBlock(blocks.StreamBlock):
    """What is added to a briefing after it took place."""

    transcript = TranscriptBlock()
    video = VideoBlock()
    photos = PhotoGalleryBlock()
    document = DocumentLinkBlock()
    paragraph = paragraph_block()


class FAQAnswerBodyBlock(blocks.StreamBlock):
    """The full answer to a frequently asked question."""

    paragraph = paragraph_block()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    table = DataTableBlock()


class LegalActsBlock(blocks.StreamBlock):
    """The legal acts an answer relies on."""

    legal_act = LegalActBlock()
