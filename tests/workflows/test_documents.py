"""Text extraction from attachments: kind by content, every visible part, unreadable files refused."""

import io
import zipfile

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from workflows.documents import PAGE_SEPARATOR, UnreadableDocument, extract_text, sniff_kind
from workflows.restricted import scan_text

from .pdf_builder import build_pdf


def make_docx(*paragraphs, table=None, header="", footer=""):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        cells = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in enumerate(table):
            for column, value in enumerate(values):
                cells.cell(row, column).text = value
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rewrite_member(archive_bytes, name, change):
    """Return the ZIP with ``change(xml_text)`` applied to one member."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == name:
                data = change(data.decode()).encode()
            target.writestr(info, data)
    return buffer.getvalue()


def zip_of(**members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


def encrypted_pdf():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(build_pdf(["ID 900115300122"]))))
    writer.encrypt("secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


DOCX = make_docx("Hello")
OLE_HEAD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (build_pdf(["x"]), "pdf"),
        (b"%PDF-1.7\n", "pdf"),
        (DOCX, "docx"),
        (DOCX[:4096], "docx"),
        (zip_of(xl__workbook_xml=b"<workbook/>"), None),
        (b"PK\x03\x04truncated", None),
        ("Пресс-релиз\nИИН 900115300122".encode(), "text"),
        ("Қазақ".encode()[:3], "text"),
        ("Қазақ".encode("utf-16"), None),
        (b"caf\xe9 latin-1", None),
        (b"text with a NUL\x00 byte", None),
        (OLE_HEAD, None),
        (b"\x89PNG\r\n\x1a\n", None),
    ],
)
def test_sniff_kind_by_content(head, kind):
    assert sniff_kind(head) == kind


def test_pdf_text_with_pages():
    pdf = build_pdf(["Press release\nApplicant ID 900115300122", "Page two\nend"])
    text = extract_text(pdf)
    assert text.split(PAGE_SEPARATOR) == [
        "Press release\nApplicant ID 900115300122",
        "Page two\nend",
    ]
    assert [f.category for f in scan_text(text)] == ["iin"]


def test_pdf_from_a_file_object():
    assert "ID 900115300122" in extract_text(io.BytesIO(build_pdf(["ID 900115300122"])))


def test_builder_makes_many_page_pdfs():
    pdf = build_pdf([f"Page {n}\nline two (with brackets)\\" for n in range(20)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 20
    assert extract_text(pdf).count(PAGE_SEPARATOR) == 19
    assert "line two (with brackets)\\" in extract_text(pdf)


def test_docx_paragraphs_tables_headers_and_footers():
    data = make_docx(
        "Брифинг өтті.",
        "ИИН 900115300122",
        table=[["Аты", "Телефон"], ["Айгүл", "+7 701 234 56 78"]],
        header="ДСП",
        footer="Экз. № 2",
    )
    text = extract_text(data)
    lines = text.split("\n")
    assert lines[:6] == [
        "Брифинг өтті.",
        "ИИН 900115300122",
        "Аты",
        "Телефон",
        "Айгүл",
        "+7 701 234 56 78",
    ]
    assert {"ДСП", "Экз. № 2"} <= set(lines)
    assert {f.category for f in scan_text(text)} == {"iin", "phone", "secrecy_marking"}


def test_docx_tracked_deletions_are_read():
    def add_deletion(xml):
        deleted = (
            '<w:p><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z">'
            "<w:r><w:delText>ИИН 050721603459</w:delText></w:r></w:del></w:p>"
        )
        assert "<w:sectPr" in xml
        return xml.replace("<w:sectPr", deleted + "<w:sectPr", 1)

    data = rewrite_member(make_docx("Visible"), "word/document.xml", add_deletion)
    assert "ИИН 050721603459" in extract_text(data)


def test_plain_text():
    assert extract_text("\ufeffПресс-релиз".encode()) == "Пресс-релиз"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(encrypted_pdf(), id="encrypted-pdf"),
        pytest.param(b"%PDF-1.4\nthis is not a pdf", id="corrupt-pdf"),
        pytest.param(build_pdf(["x"])[:40], id="truncated-pdf"),
        pytest.param(DOCX[: len(DOCX) // 2], id="truncated-docx"),
        pytest.param(
            rewrite_member(DOCX, "word/document.xml", lambda xml: xml[: len(xml) // 2]),
            id="broken-xml-docx",
        ),
        pytest.param(zip_of(xl__workbook_xml=b"<workbook/>"), id="other-zip"),
        pytest.param(OLE_HEAD, id="legacy-doc-or-encrypted-docx"),
        pytest.param(b"caf\xe9", id="not-utf8"),
        pytest.param(b"\x89PNG\r\n\x1a\n", id="image"),
    ],
)
def test_unreadable_documents(data):
    with pytest.raises(UnreadableDocument):
        extract_text(data)


def test_too_many_pages():
    pdf = build_pdf(["one", "two", "three"])
    assert extract_text(pdf, max_pages=3)
    with pytest.raises(UnreadableDocument, match="3 pages"):
        extract_text(pdf, max_pages=2)
