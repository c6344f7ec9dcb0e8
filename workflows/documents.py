"""Text of attached documents (PDF, DOCX, plain text), for the restricted-information scanner.

The kind is decided by the content, never by the file name or the declared content type, so a
renamed file cannot slip past the scan. Anything that cannot be read completely raises
:class:`UnreadableDocument`: a document the scanner cannot read must go to a human, not be
waved through. :func:`extract_text` reads the bytes of a file; :func:`document_text` the file
of a stored Wagtail document, cached until the file changes.
"""

import hashlib
import io
import logging
import re
import zipfile
from typing import BinaryIO

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from pypdf import PdfReader

from .scan_cache import cache_get, cache_set

logger = logging.getLogger(__name__)

PAGE_SEPARATOR = "\n\f\n"
# Legacy .doc files and password-protected DOCX are OLE compound files.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A DOCX that inflates beyond this is treated as a zip bomb.
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024

_W_P = qn("w:p")
_W_TEXT = {qn("w:t"), qn("w:delText"), qn("w:instrText")}
_W_TAB = {qn("w:tab"), qn("w:ptab")}
_W_BREAK = {qn("w:br"), qn("w:cr")}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Parts whose text is visible to (or recoverable by) anyone opening the file.
_DOCX_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")


class UnreadableDocument(Exception):
    """The document is encrypted, corrupt, too large or of an unsupported kind."""


def sniff_kind(head: bytes) -> str | None:
    """Return "pdf", "docx" or "text" from the first bytes of a file, or None.

    ``head`` may be the whole file or only its beginning: a ZIP counts as DOCX when its
    directory names ``word/document.xml`` or, for a head too short to hold the directory, when a
    local file header names a ``word/`` part (give at least the first 4 KB). Text
    is UTF-8 without NUL bytes; a multi-byte character cut off at the end of ``head`` is allowed.
    """
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(head)) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else None
        except (zipfile.BadZipFile, OSError, ValueError):
            # A truncated head has no ZIP directory: look at the local file headers instead.
            return "docx" if b"word/" in head else None
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason != "unexpected end of data":
            return None
    return "text"


def extract_text(data: bytes | BinaryIO, *, max_pages: int = 500) -> str:
    """Return the text of a PDF, DOCX or UTF-8 text file.

    PDF pages are joined with ``"\\n\\f\\n"``. A DOCX contributes its body (paragraphs and
    table cells in document order, text boxes, tracked deletions), headers, footers, footnotes,
    endnotes and comments, one paragraph per line.

    Raises :class:`UnreadableDocument` for an encrypted or corrupt file, a PDF of more than
    ``max_pages`` pages (only part of it could be checked) or an unknown kind.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        data = data.read()
    data = bytes(data)
    kind = sniff_kind(data)
    if kind == "pdf":
        return _pdf_text(data, max_pages)
    if kind == "docx":
        return _docx_text(data)
    if kind == "text":
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableDocument("The file is not valid UTF-8 text.") from error
    if data.startswith(_OLE_MAGIC):
        raise UnreadableDocument("Encrypted Office files and legacy .doc files cannot be checked.")
    raise UnreadableDocument("Unsupported document: only PDF, DOCX and UTF-8 text can be checked.")


def _pdf_text(data: bytes, max_pages: int) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableDocument("The PDF is encrypted.")
        count = len(reader.pages)
        if count > max_pages:
            raise UnreadableDocument(
                f"The PDF has {count} pages; at most {max_pages} can be checked."
            )
        return PAGE_SEPARATOR.join(page.extract_text() or "" for page in reader.pages)
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf raises many exception types on malformed input
        raise UnreadableDocument("The PDF is damaged and cannot be read.") from error


def _docx_text(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(info.file_size for info in infos) > MAX_DOCX_UNCOMPRESSED:
                raise UnreadableDocument("The DOCX is too large once uncompressed.")
            names = sorted(
                (info.filename for info in infos if _DOCX_PARTS.match(info.filename)),
                key=lambda name: (not name.startswith("word/document"), name),
            )
            if "word/document.xml" not in names:
                raise UnreadableDocument("The DOCX has no document body.")
            if any(info.flag_bits & 0x1 for info in infos):
                raise UnreadableDocument("The DOCX is encrypted.")
            parts = [_paragraph_lines(parse_xml(archive.read(name))) for name in names]
    except UnreadableDocument:
        raise
    except Exception as error:  # zipfile and lxml raise many exception types on malformed input
        raise UnreadableDocument("The DOCX is damaged and cannot be read.") from error
    return "\n".join(line for lines in parts for line in lines)


def _paragraph_lines(root) -> list[str]:
    """Text of every paragraph under ``root``, in document order, nested paragraphs separately."""
    texts: dict[object, list[str]] = {}
    for paragraph in root.iter(_W_P):
        texts[paragraph] = []
    for element in root.iter():
        tag = element.tag
        if tag in _W_TEXT:
            piece = element.text or ""
        elif tag in _W_TAB:
            piece = "\t"
        elif tag in _W_BREAK:
            piece = "\n"
        else:
            continue
        owner = None
        for ancestor in element.iterancestors():
            if ancestor.tag == _MC_FALLBACK:
                owner = None
                break
            if owner is None and ancestor.tag == _W_P:
                owner = ancestor
        if owner is not None:
            texts[owner].append(piece)
    return ["".join(pieces) for pieces in texts.values() if pieces]


# ---------------------------------------------------------------------------
# Stored documents

DOCUMENT_CACHE_VERSION = 1
DOCUMENT_CACHE_SECONDS = 30 * 24 * 60 * 60
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_DOCUMENT_PAGES = 500


class DocumentNotScanned(Exception):
    """The text of a document could not be extracted; ``reason`` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _document_cache_key(document) -> str:
    identity = f"{document.file_hash}|{document.file_size}|{document.file.name}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"scan:document-text:v{DOCUMENT_CACHE_VERSION}:{document.pk}:{digest}"


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
    cached = cache_get(key)
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

    cache_set(key, result, DOCUMENT_CACHE_SECONDS)
    if "error" in result:
        raise DocumentNotScanned(result["error"])
    return result["text"]
