"""The agency's PDF documents (fpdf2): the Unicode fonts, the A4 letter and its letterhead.

Text is set in DejaVu Sans (bundled in ``fonts/`` with its licence) so Kazakh and Russian print
without missing glyphs. The letterhead states the holder's name and postal address, which the
Access to Information Law (Art. 11 p.14) asks of every answer.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.utils.html import escape

from wagtail.rich_text import expand_db_html

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
_DATA_ATTRS = re.compile(r'\s(?:data-[\w-]+|linktype|id|class)="[^"]*"')


def add_fonts(pdf: FPDF) -> None:
    """Register the bundled Unicode font, in all four styles, with ``pdf``."""
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style, str(FONT_DIR / name))


class LetterPDF(FPDF):
    """An A4 letter with the Unicode font and a page number in the footer."""

    def __init__(self):
        super().__init__(format="A4")
        add_fonts(self)
        self.set_margins(25, 20, 15)
        self.set_auto_page_break(True, margin=20)
        self.set_font(FONT, size=11)

    def footer(self):
        self.set_y(-15)
        self.set_font(FONT, size=8)
        self.cell(0, 10, str(self.page_no()), align="C")

    def letterhead(self, agency) -> None:
        """The agency's name in bold and its contacts below, then a gap before the addressee."""
        self.set_font(FONT, "B", 12)
        self.multi_cell(0, 6, agency.name if agency else "", new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, size=9)
        if agency:
            contacts = [agency.address, agency.phone, agency.email]
            self.multi_cell(
                0, 5, "\n".join(c for c in contacts if c), new_x="LMARGIN", new_y="NEXT"
            )
        self.ln(6)

    def addressee(self, lines) -> None:
        """Whom the letter is to, on the right half of the page, then a gap."""
        self.set_font(FONT, size=11)
        self.set_x(110)
        self.multi_cell(0, 5.5, "\n".join(lines), new_x="LMARGIN", new_y="NEXT")
        self.ln(6)

    def reference(self, lines, title: str) -> None:
        """The letter's reference lines (its date, number, what it answers) and its title in
        bold below them."""
        self.set_font(FONT, size=11)
        for line in lines:
            self.multi_cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)
        self.set_font(FONT, "B", 12)
        self.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def signature(self, name: str, position: str) -> None:
        """The signatory's position on the left and their name on the right."""
        self.set_font(FONT, size=11)
        self.multi_cell(95, 5.5, position, new_x="RIGHT", new_y="TOP")
        self.multi_cell(0, 5.5, name, align="R", new_x="LMARGIN", new_y="NEXT")


def html_for_pdf(html: str) -> str:
    """Wagtail rich text as plain HTML fpdf2 understands."""
    return _DATA_ATTRS.sub("", expand_db_html(html or ""))


def paragraphs_html(texts) -> str:
    """Plain texts as escaped HTML paragraphs, skipping empty ones."""
    return "".join(f"<p>{escape(text)}</p>" for text in texts if text)
