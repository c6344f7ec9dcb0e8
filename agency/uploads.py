"""Attachments to a request, checked by what they contain rather than what they are called.

A requester may send up to :data:`MAX_FILES` files of at most :data:`MAX_FILE_SIZE` bytes each:
PDF, JPEG, PNG or DOCX. Each file is opened with the library that reads its format (pypdf,
Pillow, python-docx); a file that does not open as what its first bytes claim is refused, and
so is anything else (a renamed executable, a macro-enabled document, a zip bomb). The stored
name comes from the detected type, never from the name the browser sent.
"""

import io
import logging
import re
import unicodedata
import uuid
import warnings
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024
#: Largest picture accepted, in pixels: a 10 MB PNG can declare a gigapixel image.
MAX_IMAGE_PIXELS = 60_000_000
#: A DOCX is a zip archive; refuse one that would unpack to more than this.
MAX_DOCX_UNPACKED = 100 * 1024 * 1024
MAX_PDF_PAGES = 2_000

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ACCEPT = ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png," + DOCX_CONTENT_TYPE


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


def _bad(message, **params) -> ValidationError:
    return ValidationError(message, code="bad_file", params=params)


def clean_name(name: str) -> str:
    """The browser's file name, kept only to show staff: no path, no control characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C"
    )
    name = re.sub(r"\s+", " ", name).strip(" .")
    return name[:200] or "file"


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise _bad(_("“%(name)s” is a password-protected PDF. Send it without a password."))
            pages = len(reader.pages)
    except ValidationError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise _bad(_("“%(name)s” is damaged or is not a real PDF file.")) from None
    if pages < 1 or pages > MAX_PDF_PAGES:
        raise _bad(_("“%(name)s” is damaged or is not a real PDF file."))


def _check_image(data: bytes, expected: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format != expected:
                    raise _bad(_("“%(name)s” is damaged or is not a real picture."))
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise _bad(_("The picture “%(name)s” is too large in pixels."))
                image.verify()
            # verify() checks the structure; decoding the pixels catches truncated files.
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _bad(_("The picture “%(name)s” is too large in pixels.")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _bad(_("“%(name)s” is damaged or is not a real picture.")) from None


def _check_docx(data: bytes) -> None:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    broken = _bad(_("“%(name)s” is damaged or is not a real Word (DOCX) document."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNPACKED:
                raise broken
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise broken
            types = archive.read("[Content_Types].xml")
        if b"macroEnabled" in types or "word/vbaProject.bin" in names:
            raise _bad(
                _("“%(name)s” contains macros. Save it as an ordinary DOCX document and try again.")
            )
        docx.Document(io.BytesIO(data))
    except ValidationError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError, RuntimeError):
        raise broken from None
    except Exception:  # lxml's XMLSyntaxError and friends: a malformed document.
        logger.info("DOCX refused", exc_info=True)
        raise broken from None


def sniff(data: bytes) -> tuple[str, str] | None:
    """The (content type, extension) that the file's first bytes claim, or ``None``."""
    if data.startswith(b"%PDF-"):
        return "application/pdf", ".pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if data.startswith(b"PK\x03\x04"):
        return DOCX_CONTENT_TYPE, ".docx"
    return None


def check_file(upload) -> CheckedFile:
    """Read ``upload`` (a Django ``UploadedFile``) and return it checked, or raise ``ValidationError``."""
    name = clean_name(upload.name or "")
    if upload.size is not None and upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s."),
            code="too_large",
            params={"name": name, "limit": filesizeformat(MAX_FILE_SIZE)},
        )
    upload.seek(0)
    data = upload.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s."),
            code="too_large",
            params={"name": name, "limit": filesizeformat(MAX_FILE_SIZE)},
        )
    if not data:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    kind = sniff(data)
    if kind is None:
        raise ValidationError(
            _("“%(name)s” is not a PDF, JPEG, PNG or DOCX file."),
            code="bad_type",
            params={"name": name},
        )
    content_type, extension = kind
    try:
        if content_type == "application/pdf":
            _check_pdf(data)
        elif content_type == "image/jpeg":
            _check_image(data, "JPEG")
        elif content_type == "image/png":
            _check_image(data, "PNG")
        else:
            _check_docx(data)
    except ValidationError as error:
        error.params = {**(error.params or {}), "name": name}
        raise
    return CheckedFile(
        data=data,
        content_type=content_type,
        extension=extension,
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
