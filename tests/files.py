"""Real files of the types the site accepts, made in memory: PDF, PNG/JPEG and DOCX."""

import io

import docx
from PIL import Image
from pypdf import PdfWriter

#: The smallest PDF a reader opens: one empty page, written by hand.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n170\n%%EOF\n"
)


def pdf_bytes(pages: int = 1, password: str | None = None) -> bytes:
    """A PDF of blank pages, encrypted with ``password`` if one is given."""
    writer = PdfWriter()
    for _i in range(pages):
        writer.add_blank_page(width=200, height=200)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(fmt: str = "PNG", size=(8, 8)) -> bytes:
    """A picture of one colour in Pillow's format ``fmt``."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (12, 59, 99)).save(buffer, format=fmt)
    return buffer.getvalue()


def docx_bytes(*paragraphs: str) -> bytes:
    """A Word document with one paragraph per string ("Өтініш" when none is given)."""
    document = docx.Document()
    for paragraph in paragraphs or ("Өтініш",):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
