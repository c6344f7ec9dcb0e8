"""The check of a Word (DOCX) document: its ZIP directory, then its XML parts read as a stream.

Nothing is unpacked whole and no document model is built. A DOCX is a ZIP archive, and the
archive's central directory says, before anything is inflated, how many parts it has and how
large each unpacks. The check refuses from the directory alone an archive of more than
:data:`MAX_ENTRIES` parts, of more than :data:`MAX_UNPACKED` bytes unpacked, or with a part that
inflates more than :data:`MAX_RATIO` times (a zip bomb; 100:1 is Apache POI's default, and an
ordinary document's XML compresses about 5 to 20 times). It refuses duplicate or escaping part
names, encrypted parts, unknown compression, programs among the parts, and archives inside the
archive except embedded objects (``word/embeddings/``, where Word keeps a chart's workbook), whose
own directory is held to the same limits and which may not nest further.

The XML parts (``.xml`` and ``.rels``) are then read through ``ZipFile.open`` in 64 KB pieces and
fed to expat, with one budget of :data:`MAX_XML_BYTES` bytes for the whole document. A document
type declaration is refused outright (OOXML has none), so no entity is ever declared or
expanded: no "billion laughs", no external entity. In the parts that carry the package's
structure and its text (:data:`STRUCTURE`) elements are counted (:data:`MAX_XML_ELEMENTS` in
all) and nesting is bounded (:data:`MAX_XML_DEPTH`); the other parts (styles, theme, settings)
are parsed for well-formedness only, which costs expat no Python call per element. The budget
bounds the worst file's check to a few tenths of a second (``bench/hostile_uploads.py``) and
admits documents of about six hundred pages; longer ones can be sent as PDF. Macros (a macro-enabled content type, a
``vbaProject.bin`` or ActiveX controls) are refused with their own message.
"""

import io
import posixpath
import struct
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from .sniff import is_program

MAX_ENTRIES = 1_000
MAX_UNPACKED = 64 * 1024 * 1024
#: Parts smaller than this may inflate more: a few kilobytes of zeros are no bomb.
RATIO_FLOOR = 64 * 1024
MAX_RATIO = 100
MAX_XML_BYTES = 16 * 1024 * 1024
MAX_XML_ELEMENTS = 400_000
MAX_XML_DEPTH = 128
CHUNK = 64 * 1024

MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
REQUIRED = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")
#: The parts whose elements are counted and whose nesting is bounded: the package's structure and
#: the text. Styles, themes and the like are only checked to be well-formed and without a DTD.
STRUCTURE = (*REQUIRED, "word/_rels/document.xml.rels")
_ARCHIVE_SUFFIXES = (".zip", ".docx", ".xlsx", ".pptx", ".jar", ".7z", ".rar", ".gz", ".cab")


class Damaged(Exception):
    """Not a well-formed DOCX."""


class TooComplex(Exception):
    """Past a limit of the check: a bomb, or a document too large to check."""


class Macros(Exception):
    """A document with macros or ActiveX controls."""


@dataclass
class _Budget:
    xml_bytes: int = MAX_XML_BYTES
    elements: int = MAX_XML_ELEMENTS
    content_types: list[tuple[str, str]] = field(default_factory=list)


def check_docx(data: bytes) -> None:
    """Raise :class:`Damaged`, :class:`TooComplex` or :class:`Macros`, or return if ``data`` is
    an ordinary DOCX."""
    _count_entries(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = _directory(archive, nested=False)
            names = {info.filename for info in infos}
            if not all(name in names for name in REQUIRED):
                raise Damaged
            if "word/vbaProject.bin" in names or any(n.startswith("word/activeX/") for n in names):
                raise Macros
            _peek_parts(archive, infos)
            budget = _Budget()
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    _parse(archive, info, budget, elements=info.filename in STRUCTURE)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError):
        raise Damaged from None
    except (OSError, ValueError, RuntimeError) as error:  # a bad CRC, a broken deflate stream
        raise Damaged from error
    _check_content_types(budget.content_types)


def _count_entries(data: bytes) -> None:
    """Refuse an archive whose end record declares too many parts, before ``zipfile`` reads its
    directory (one Python object per part). 0xFFFF means "see the ZIP64 record": a document
    under 10 MB never needs one."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 22 - 65_535))
    if end < 0 or end + 22 > len(data):
        raise Damaged
    (entries,) = struct.unpack_from("<H", data, end + 10)
    if entries > MAX_ENTRIES:
        raise TooComplex


def _directory(archive: zipfile.ZipFile, *, nested: bool) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise TooComplex
    total, seen = 0, set()
    for info in infos:
        name = info.filename
        if name in seen or name.startswith("/") or "\\" in name or ".." in name.split("/"):
            raise Damaged
        seen.add(name)
        if info.flag_bits & 0x1 or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise Damaged
        total += info.file_size
        if total > MAX_UNPACKED:
            raise TooComplex
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TooComplex
        if name.lower().endswith(_ARCHIVE_SUFFIXES) and (nested or not _embedded(name)):
            raise TooComplex
    return infos


def _embedded(name: str) -> bool:
    return posixpath.dirname(name) == "word/embeddings"


def _peek_parts(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Read each part's first bytes: programs are refused anywhere, archives outside the embedded
    objects; an embedded archive's own directory is checked."""
    for info in infos:
        if info.is_dir() or info.file_size == 0:
            continue
        with archive.open(info) as part:
            head = part.read(8)
        if is_program(head):
            raise Damaged
        if head.startswith(b"PK"):
            if not _embedded(info.filename):
                raise TooComplex
            with zipfile.ZipFile(io.BytesIO(archive.read(info))) as inner:
                _directory(inner, nested=True)


def _parse(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget, *, elements: bool):
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0
    is_types = info.filename == "[Content_Types].xml"

    def refuse_dtd(*_args):
        raise Damaged

    def start(name, attrs):
        nonlocal depth
        depth += 1
        budget.elements -= 1
        if depth > MAX_XML_DEPTH or budget.elements < 0:
            raise TooComplex
        if is_types and name in ("Override", "Default"):
            budget.content_types.append(
                (attrs.get("PartName") or attrs.get("Extension", ""), attrs.get("ContentType", ""))
            )

    def end(_name):
        nonlocal depth
        depth -= 1

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_dtd
    parser.ExternalEntityRefHandler = refuse_dtd
    if elements:
        parser.StartElementHandler = start
        parser.EndElementHandler = end
    try:
        with archive.open(info) as part:
            while chunk := part.read(CHUNK):
                budget.xml_bytes -= len(chunk)
                if budget.xml_bytes < 0:
                    raise TooComplex
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError:
        raise Damaged from None


def _check_content_types(declared: list[tuple[str, str]]) -> None:
    if any("macroEnabled" in kind or "vbaProject" in kind for _part, kind in declared):
        raise Macros
    if ("/word/document.xml", MAIN_TYPE) not in declared:
        raise Damaged
