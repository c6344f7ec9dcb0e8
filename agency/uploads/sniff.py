"""What a file's bytes say it is, before any reader opens it.

The name the browser sends is never trusted: the type comes from the first bytes, and the file
is stored under that type's extension. A real picture named ``letter.pdf`` is therefore accepted
as the picture it is, which is harmless; what must never pass is a file that is *also* something
else to another program:

- **programs and scripts** (Windows ``MZ``, Linux ``ELF``, macOS Mach-O, ``#!`` scripts, PHP and
  HTML pages) are refused whatever their name, with a message that says so;
- **polyglots**, files that two readers open as two different things, are refused: a PDF, JPEG
  or PNG with a ZIP archive's end record in its last 64 KB (a ZIP reader finds an archive from
  its end, so an appended archive makes a picture a working archive too), any file with an
  HTML or script tag in its first kilobyte (where browsers and old mail clients sniff for HTML),
  and a DOCX with a PDF header in its first kilobyte (PDF readers look for ``%PDF-`` anywhere
  there). Data appended after a JPEG's end is otherwise allowed, since phones append their
  own (motion photos); a PNG must end with its end chunk (:mod:`agency.uploads.pictures`).

Each check reads a bounded slice of the bytes, in C (``bytes.startswith``, ``in``, ``re``), so
it costs microseconds whatever the file.
"""

import re

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOCX: ".docx"}

_SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"PK\x03\x04", DOCX),
)

#: First bytes of programs and scripts: PE (MZ), ELF, Mach-O (both byte orders, 32/64-bit and
#: universal), and interpreter scripts.
_PROGRAMS = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)
_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|\?php)\b", re.IGNORECASE
)
_ZIP_END = b"PK\x05\x06"
#: A ZIP end record sits within its 22 bytes plus a comment of at most 65,535 bytes of the end.
_ZIP_END_WINDOW = 22 + 65_535


def sniff(data: bytes) -> str | None:
    """The content type the file's first bytes claim, or ``None``."""
    for signature, content_type in _SIGNATURES:
        if data.startswith(signature):
            return content_type
    return None


def is_program(data: bytes) -> bool:
    """Whether the file starts like a program or a script (a PHP or HTML page included)."""
    head = data[:64].lstrip()
    return data.startswith(_PROGRAMS) or bool(_MARKUP.match(head))


def is_polyglot(data: bytes, content_type: str) -> bool:
    """Whether another reader would open the file as something else (see the module's text)."""
    if _MARKUP.search(data[:1024]):
        return True
    if content_type == DOCX:
        return b"%PDF-" in data[:1024]
    return _ZIP_END in data[-_ZIP_END_WINDOW:]
