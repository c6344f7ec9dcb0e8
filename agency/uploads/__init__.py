"""Attachments to a request, checked by what they contain rather than what they are called.

A requester may send up to :data:`MAX_FILES` files of at most :data:`MAX_FILE_SIZE` bytes each:
PDF, JPEG, PNG or DOCX; all the files of one form submission together are limited by the
``UPLOAD_REQUEST_TOTAL_MB`` setting (:mod:`agency.uploads.limits`). The first bytes say what a
file is (:mod:`~agency.uploads.sniff`: programs and polyglots are refused there), and the
format's own check reads its structure with bounded time and memory, never the whole document:
:mod:`~agency.uploads.pdf`, :mod:`~agency.uploads.pictures`, :mod:`~agency.uploads.office`.
The stored name comes from the detected type, never from the name the browser sent.
"""

import re
import unicodedata
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import office, pdf, pictures
from .sniff import DOCX, EXTENSIONS, JPEG, PDF, PNG, is_polyglot, is_program, sniff

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
#: Largest picture accepted, in pixels: a 10 MB PNG can declare a gigapixel image.
MAX_IMAGE_PIXELS = 60_000_000
MAX_PDF_PAGES = pdf.MAX_PAGES

DOCX_CONTENT_TYPE = DOCX
ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png," + DOCX
ALL_TYPES = frozenset(EXTENSIONS)


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed the content check, ready to be stored privately."""

    data: bytes
    content_type: str
    extension: str
    original_name: str
    size: int

    @property
    def storage_name(self) -> str:
        return f"{uuid.uuid4().hex}{self.extension}"


def clean_name(name: str) -> str:
    """The browser's file name, kept only to show staff: no path, no control characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C"
    )
    name = re.sub(r"\s+", " ", name).strip(" .")
    return name[:200] or "file"


def _refuse(message, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _check_content(data: bytes, content_type: str, name: str, max_pixels: int) -> None:
    """Run the format's own check, turning what it finds into the visitor's message."""
    try:
        if content_type == PDF:
            pdf.check_pdf(data)
        elif content_type in (JPEG, PNG):
            pictures.check_picture(data, "JPEG" if content_type == JPEG else "PNG", max_pixels)
        else:
            office.check_docx(data)
    except pdf.Encrypted:
        raise _refuse(
            _("“%(name)s” is a password-protected PDF. Send it without a password."),
            "bad_file",
            name=name,
        ) from None
    except pdf.TooManyPages:
        raise _refuse(
            _(
                "“%(name)s” has more than %(limit)s pages or is too complex to check. "
                "Split it into smaller files."
            ),
            "too_complex",
            name=name,
            limit=MAX_PDF_PAGES,
        ) from None
    except pdf.Damaged:
        raise _refuse(
            _("“%(name)s” is damaged or is not a real PDF file."), "bad_file", name=name
        ) from None
    except pictures.TooManyPixels:
        raise _refuse(
            _("The picture “%(name)s” is too large in pixels."), "too_complex", name=name
        ) from None
    except pictures.Damaged:
        raise _refuse(
            _("“%(name)s” is damaged or is not a real picture."), "bad_file", name=name
        ) from None
    except pictures.Trailer:
        raise _polyglot(name) from None
    except office.Macros:
        raise _refuse(
            _("“%(name)s” contains macros. Save it as an ordinary DOCX document and try again."),
            "macros",
            name=name,
        ) from None
    except office.TooComplex:
        raise _refuse(
            _(
                "“%(name)s” unpacks to too much data to be checked. Save it again as an "
                "ordinary document, or send it as a PDF."
            ),
            "too_complex",
            name=name,
        ) from None
    except office.Damaged:
        raise _refuse(
            _("“%(name)s” is damaged or is not a real Word (DOCX) document."),
            "bad_file",
            name=name,
        ) from None


def _polyglot(name: str) -> ValidationError:
    return _refuse(
        _(
            "“%(name)s” has another file hidden in it (for example an archive or a web page). "
            "Send the document on its own."
        ),
        "polyglot",
        name=name,
    )


def _too_large(name: str, limit: int) -> ValidationError:
    return _refuse(
        _("“%(name)s” is larger than %(limit)s."),
        "too_large",
        name=name,
        limit=filesizeformat(limit),
    )


def check_file(upload, *, kinds=ALL_TYPES, max_size=None, max_pixels=None) -> CheckedFile:
    """Read ``upload`` (a Django ``UploadedFile``) and return it checked, or raise ``ValidationError``.

    ``kinds`` narrows the accepted content types (a photo field takes pictures only): another
    type is refused with the code ``bad_type`` before its format's check runs.
    """
    name = clean_name(upload.name or "")
    max_size = max_size or MAX_FILE_SIZE
    if upload.size is not None and upload.size > max_size:
        raise _too_large(name, max_size)
    upload.seek(0)
    data = upload.read(max_size + 1)
    if len(data) > max_size:
        raise _too_large(name, max_size)
    if not data:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    content_type = sniff(data)
    if content_type is None and is_program(data):
        raise _refuse(
            _("“%(name)s” is a program or a script, not a document. It cannot be accepted."),
            "program",
            name=name,
        )
    if content_type is None or content_type not in kinds:
        raise _refuse(_("“%(name)s” is not a PDF, JPEG, PNG or DOCX file."), "bad_type", name=name)
    if is_polyglot(data, content_type):
        raise _polyglot(name)
    _check_content(data, content_type, name, max_pixels or MAX_IMAGE_PIXELS)
    return CheckedFile(
        data=data,
        content_type=content_type,
        extension=EXTENSIONS[content_type],
        original_name=name,
        size=len(data),
    )


def check_files(uploads) -> list[CheckedFile]:
    """Check every upload, collecting all the problems into one ``ValidationError``."""
    uploads = [upload for upload in uploads if upload]
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(limit)s files."), code="too_many", params={"limit": MAX_FILES}
        )
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_file(upload))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return checked
