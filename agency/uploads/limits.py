"""All the files of one form submission together: at most ``UPLOAD_REQUEST_TOTAL_MB`` megabytes.

Each file has its own limit, but a form takes several (a request's five attachments, an
application's twenty photos), and every byte is checked and held in memory until it is stored.
:class:`RequestTotalUploadHandler` runs first among Django's upload handlers
(``FILE_UPLOAD_HANDLERS``) and counts the bytes of every file as the request body streams in.
Past the limit it skips the file being received and every later one, so nothing more is kept
in memory or on disk, while the other fields are still read: the form comes back with what the
visitor typed and :func:`refuse_over_total` puts the error, which names the limit, on it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

_FLAG = "_uploads_over_total"


def request_total_limit() -> int:
    """The most bytes all the files of one request may hold together."""
    return int(settings.UPLOAD_REQUEST_TOTAL_MB) * 1024 * 1024


class RequestTotalUploadHandler(FileUploadHandler):
    """Skips every file of a request once the files together pass the limit."""

    def __init__(self, request=None):
        super().__init__(request)
        self.total = 0
        self.limit = request_total_limit()

    def receive_data_chunk(self, raw_data, start):
        self.total += len(raw_data)
        if self.total > self.limit:
            if self.request is not None:
                setattr(self.request, _FLAG, True)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


def over_total(request) -> bool:
    """Whether files of ``request`` were skipped for passing the per-request limit."""
    return bool(getattr(request, _FLAG, False))


def total_error() -> ValidationError:
    return ValidationError(
        _(
            "The files you attached are together larger than %(limit)s. Attach fewer or "
            "smaller files and choose them again."
        ),
        code="request_too_large",
        params={"limit": filesizeformat(request_total_limit())},
    )


def refuse_over_total(request, form, field: str | None = None) -> bool:
    """Put the per-request limit's error on ``form`` (on ``field``, else on the whole form) when
    ``request``'s files passed it, and say whether it did. Call it after ``form.is_valid()``."""
    if not over_total(request):
        return False
    form.add_error(field if field in form.fields else None, total_error())
    return True
