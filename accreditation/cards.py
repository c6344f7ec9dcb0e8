"""The accreditation card: a printable PDF with the holder's photo, name, outlet, validity,
card number and a QR code that leads to the public verification page.

The card is the size of a bank card (ID-1, 85.6 × 54 mm), so it prints on a card printer or,
cut out, from any office printer at 100 %. It is set in the holder's language (the language of
the outlet's application) in DejaVu Sans, the font the letters use, so Kazakh letters print.

The QR code carries only the verification address with the card's token: 256 random bits
(``accreditation.models.new_token``), so it cannot be guessed from the card number or the name.
"""

from __future__ import annotations

import io
import logging

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Locale

import segno
from fpdf import FPDF
from PIL import Image, ImageOps, UnidentifiedImageError

from agency.addresses import page_url
from agency.letters import FONT, add_fonts
from agency.models import AgencyProfile

from .models import Accreditation, AccreditationType
from .pages import AccreditationPage

logger = logging.getLogger(__name__)

#: ID-1 card, landscape, in millimetres.
CARD_WIDTH = 85.6
CARD_HEIGHT = 54.0
PHOTO_WIDTH = 20.0
PHOTO_HEIGHT = PHOTO_WIDTH * 4 / 3
QR_SIZE = 21.0
#: Pixels of the photo as embedded: about 380 dpi at the printed size, small in the PDF.
PHOTO_PIXELS = (300, 400)
NAVY = (12, 59, 99)
GOLD = (254, 197, 12)
INK = (27, 39, 51)
MUTED = (74, 90, 106)


class NoAccreditationPage(Exception):
    """There is no live accreditation page, so a card would have nowhere to point."""


def holder_language(accreditation: Accreditation) -> str:
    """The card holder's language: that of the outlet's application, else the site default."""
    journalist = accreditation.journalist
    language = journalist.application.language if journalist else ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def accreditation_page(language: str) -> AccreditationPage | None:
    """The live accreditation page in ``language``, else in the default language, else any."""
    pages = AccreditationPage.objects.live().select_related("locale")
    for code in (language, settings.LANGUAGE_CODE):
        locale = Locale.objects.filter(language_code=code).first()
        page = pages.filter(locale=locale).first() if locale else None
        if page is not None:
            return page
    return pages.first()


def verify_path(page: AccreditationPage, token: str) -> str:
    """The verification page's path on ``page`` (relative, for links on the site)."""
    return page.url + page.reverse_subpage("verify", kwargs={"token": token})


def photo_path(page: AccreditationPage, token: str) -> str:
    return page.url + page.reverse_subpage("verify_photo", kwargs={"token": token})


def verify_url(accreditation: Accreditation, request=None) -> str:
    """The absolute verification address that the card's QR code carries.

    On the address the officer's ``request`` reached (the site and its admin share one
    address), else on ``WAGTAILADMIN_BASE_URL`` when the site's record has no hostname.
    """
    page = accreditation_page(holder_language(accreditation))
    if page is None:
        raise NoAccreditationPage
    base = page_url(page, request)
    return base + page.reverse_subpage("verify", kwargs={"token": accreditation.token})


def qr_code(url: str) -> segno.QRCode:
    """The QR code of ``url``, with medium error correction (survives a scratched card)."""
    return segno.make_qr(url, error="m", boost_error=False)


def qr_png(url: str, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=0)
    return buffer.getvalue()


def qr_svg(url: str, scale: int = 4) -> str:
    """The QR code as inline SVG, for previews in the admin."""
    buffer = io.BytesIO()
    qr_code(url).save(
        buffer,
        kind="svg",
        scale=scale,
        border=2,
        xmldecl=False,
        svgns=True,
        title=_("QR code of the verification page"),
        svgclass="card-preview__qr",
        lineclass=None,
    )
    return buffer.getvalue().decode()


def photo_jpeg(accreditation: Accreditation) -> bytes | None:
    """The holder's photo cropped to 3:4 and re-encoded as a plain JPEG, or ``None``.

    Re-encoding drops EXIF (camera, place) and turns the photo upright; a photo that is
    missing from storage or unreadable gives ``None`` so the card still prints.
    """
    if not accreditation.photo:
        return None
    try:
        with accreditation.photo.open("rb") as handle:
            image = Image.open(handle)
            image.load()
    except (OSError, UnidentifiedImageError, ValueError):
        logger.warning("Photo of accreditation %s cannot be read", accreditation.pk)
        return None
    image = ImageOps.exif_transpose(image).convert("RGB")
    image = ImageOps.fit(image, PHOTO_PIXELS, method=Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


class CardPDF(FPDF):
    def __init__(self):
        super().__init__(orientation="L", unit="mm", format=(CARD_HEIGHT, CARD_WIDTH))
        add_fonts(self)
        self.set_margins(0, 0, 0)
        self.set_auto_page_break(False)


def _fit_font(
    pdf: FPDF, text: str, width: float, style: str, size: float, smallest: float, lines: int = 2
) -> float:
    """Shrink the font from ``size`` towards ``smallest`` until ``text`` fits ``lines`` lines."""
    while size > smallest:
        pdf.set_font(FONT, style, size)
        if pdf.get_string_width(text) <= width * (lines - 0.15):
            break
        size -= 0.5
    pdf.set_font(FONT, style, size)
    return size


def _text(pdf: FPDF, x: float, width: float, height: float, text: str, lines: int) -> None:
    """``text`` at ``x`` in at most ``lines`` lines, the last cut with an ellipsis."""
    wrapped = pdf.multi_cell(width, height, text, dry_run=True, output="LINES")
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        last = wrapped[-1]
        while last and pdf.get_string_width(last + "…") > width - 1:
            last = last[:-1]
        wrapped[-1] = last.rstrip() + "…"
    for line in wrapped:
        pdf.set_x(x)
        pdf.cell(width, height, line, new_x="LEFT", new_y="NEXT")


def _date(value) -> str:
    return date_format(value, "d.m.Y")


def render_card(accreditation: Accreditation, url: str | None = None, request=None) -> bytes:
    """The card as PDF bytes, in the holder's language; its QR code carries ``url``, by
    default the verification address on the address ``request`` reached.

    Raises :class:`NoAccreditationPage` when no accreditation page is live to verify it on.
    """
    language = holder_language(accreditation)
    url = url or verify_url(accreditation, request)
    with translation.override(language):
        return _render(accreditation, url, language)


def _render(accreditation: Accreditation, url: str, language: str) -> bytes:
    agency = AgencyProfile.for_language(language)
    pdf = CardPDF()
    pdf.set_title(_("Accreditation card %(number)s") % {"number": accreditation.card_number})
    pdf.set_creator("Baspasoz")
    pdf.set_lang(language)
    pdf.add_page()

    # The band: the agency and what the card is.
    pdf.set_fill_color(*NAVY)
    pdf.rect(0, 0, CARD_WIDTH, 10.5, style="F")
    pdf.set_fill_color(*GOLD)
    pdf.rect(0, 10.5, CARD_WIDTH, 0.8, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(3.5, 1.4)
    agency_name = agency.name if agency else ""
    _fit_font(pdf, agency_name, 78.6, "", 6, 4.5, lines=1)
    _text(pdf, 3.5, 78.6, 3, agency_name, 1)
    pdf.set_xy(3.5, 5.0)
    pdf.set_font(FONT, "B", 8.5)
    pdf.cell(78.6, 4.2, _("ACCREDITATION CARD").upper())

    # The photo, or a framed space for one.
    photo = photo_jpeg(accreditation)
    top = 13.0
    if photo:
        pdf.image(io.BytesIO(photo), x=3.5, y=top, w=PHOTO_WIDTH, h=PHOTO_HEIGHT)
    else:
        pdf.set_draw_color(*MUTED)
        pdf.rect(3.5, top, PHOTO_WIDTH, PHOTO_HEIGHT)

    # Who, for which outlet: at most 2 + 1 + 2 lines, so it never runs into the bottom row.
    text_x, text_w = 26.5, 34.5
    pdf.set_text_color(*INK)
    pdf.set_xy(text_x, top)
    size = _fit_font(pdf, accreditation.full_name, text_w, "B", 8, 6)
    _text(pdf, text_x, text_w, size * 0.42, accreditation.full_name, 2)
    if accreditation.position:
        pdf.set_font(FONT, "", 5.5)
        pdf.set_text_color(*MUTED)
        _text(pdf, text_x, text_w, 2.5, accreditation.position, 1)
    pdf.set_xy(text_x, pdf.get_y() + 0.8)
    pdf.set_text_color(*INK)
    pdf.set_font(FONT, "", 5)
    pdf.cell(text_w, 2.3, _("Media outlet"), new_x="LEFT", new_y="NEXT")
    _fit_font(pdf, accreditation.outlet.name, text_w, "B", 6.5, 5)
    _text(pdf, text_x, text_w, 2.8, accreditation.outlet.name, 2)

    # The QR code and what it is for.
    qr_x = CARD_WIDTH - 3.5 - QR_SIZE
    pdf.image(io.BytesIO(qr_png(url)), x=qr_x, y=top, w=QR_SIZE, h=QR_SIZE)
    pdf.set_xy(qr_x - 1, top + QR_SIZE + 0.6)
    pdf.set_font(FONT, "", 4.5)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(QR_SIZE + 2, 2, _("Scan to verify the card"), align="C")

    # Number, type and validity along the bottom.
    pdf.set_text_color(*INK)
    pdf.set_xy(3.5, 44.0)
    pdf.set_font(FONT, "", 5)
    pdf.cell(31, 2.4, _("Card number"))
    pdf.cell(47.6, 2.4, _("Valid"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(3.5)
    _fit_font(pdf, accreditation.card_number, 30, "B", 7, 5, lines=1)
    pdf.cell(31, 3.4, accreditation.card_number)
    validity = f"{_date(accreditation.valid_from)} – {_date(accreditation.valid_until)}"
    pdf.set_font(FONT, "B", 7)
    pdf.cell(47.6, 3.4, validity, new_x="LMARGIN", new_y="NEXT")
    pdf.set_x(3.5)
    pdf.set_font(FONT, "", 4.8)
    pdf.set_text_color(*MUTED)
    kind = _("Permanent accreditation")
    if accreditation.kind == AccreditationType.TEMPORARY:
        kind = _("Temporary accreditation")
        if accreditation.briefing_id:
            kind = f"{kind}: {accreditation.briefing.title}"
    _text(pdf, 3.5, 78.6, 2.4, kind, 1)

    pdf.set_fill_color(*GOLD)
    pdf.rect(0, CARD_HEIGHT - 1.2, CARD_WIDTH, 1.2, style="F")
    return bytes(pdf.output())


def card_filename(accreditation: Accreditation) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in accreditation.card_number)
    return f"card-{safe}.pdf"
