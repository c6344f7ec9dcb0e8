"""Attachments kept across a form error, so the requester does not have to choose them again.

The files of a request pass the content check (:mod:`agency.uploads`) when they are sent. When
the form comes back with an error elsewhere, the checked files are kept in private storage
(outside the public media, with names of our own) and listed in the requester's session under
the form's submission token: only the session that sent them can see, use or remove them. The
form shows them as attached; the next submission of that form uses them without attaching them
again, after checking them once more. They are deleted when the request is registered, when the
requester removes them, and by :func:`discard_stale` after :data:`HOLD_HOURS`.
"""

from __future__ import annotations

import datetime
import logging
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agency.private_files import private_storage
from agency.uploads import CheckedFile, check_file

from .models import RequestAttachment

logger = logging.getLogger(__name__)

SESSION_KEY = "citizen_requests_held_files"
FOLDER = "held"
#: How long a kept file waits for the form to be sent again.
HOLD_HOURS = 24
#: Forms whose files one session may keep at once; the oldest is dropped past it.
MAX_FORMS = 3


def _token(value) -> str | None:
    try:
        return str(uuid.UUID(str(value)))
    except (TypeError, ValueError, AttributeError):
        return None


class HeldFiles:
    """The files kept for one form (its submission ``token``) in the session of ``request``."""

    def __init__(self, request, token):
        self.session = request.session
        self.token = _token(token)

    @property
    def items(self) -> list[dict]:
        """``{"id", "path", "name", "size", "content_type", "sha256"}`` per kept file."""
        if self.token is None:
            return []
        return list(self.session.get(SESSION_KEY, {}).get(self.token, []))

    def __len__(self) -> int:
        return len(self.items)

    def _save(self, items: list[dict]) -> None:
        held = dict(self.session.get(SESSION_KEY, {}))
        if items:
            held[self.token] = items
        else:
            held.pop(self.token, None)
        for token in list(held)[:-MAX_FORMS]:
            _delete(held.pop(token))
        if held:
            self.session[SESSION_KEY] = held
        else:
            self.session.pop(SESSION_KEY, None)

    def keep(self, files: list[CheckedFile]) -> None:
        """Keep checked ``files`` for the next submission of this form."""
        if self.token is None or not files:
            return
        discard_stale()
        items = self.items
        for item in files:
            path = private_storage().save(
                f"{FOLDER}/{item.storage_name}", ContentFile(item.data, name=item.storage_name)
            )
            items.append(
                {
                    "id": uuid.uuid4().hex,
                    "path": path,
                    "name": item.original_name,
                    "size": item.size,
                    "content_type": item.content_type,
                    "sha256": RequestAttachment.digest(item.data),
                }
            )
        self._save(items)

    def remove(self, ids) -> None:
        """Delete the kept files whose ``id`` is in ``ids`` (what the requester unticked)."""
        ids = set(ids)
        if not ids:
            return
        items = self.items
        _delete([item for item in items if item["id"] in ids])
        self._save([item for item in items if item["id"] not in ids])

    def checked(self) -> list[CheckedFile]:
        """The kept files, read back and checked again as a new upload would be.

        A file that is gone or changed is dropped, and named in the ``ValidationError`` raised.
        """
        files, lost = [], []
        for item in self.items:
            try:
                with private_storage().open(item["path"], "rb") as stored:
                    data = stored.read()
                if RequestAttachment.digest(data) != item["sha256"]:
                    raise ValidationError("changed")
                files.append(check_file(SimpleUploadedFile(item["name"], data)))
            except (OSError, ValidationError):
                lost.append(item)
        if lost:
            _delete(lost)
            self._save([item for item in self.items if item not in lost])
            raise ValidationError(
                _("“%(name)s” could not be kept. Please attach it again."),
                code="lost",
                params={"name": lost[0]["name"]},
            )
        return files

    def clear(self) -> None:
        """Delete every kept file of this form: the request was registered with them."""
        if self.token is None or self.token not in self.session.get(SESSION_KEY, {}):
            return
        _delete(self.items)
        self._save([])


def _delete(items: list[dict]) -> None:
    for item in items:
        try:
            private_storage().delete(item["path"])
        except OSError:
            logger.warning("Could not delete the kept file %s", item["path"])


def discard_stale(now=None) -> int:
    """Delete the kept files older than :data:`HOLD_HOURS`; return how many."""
    storage = private_storage()
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=HOLD_HOURS)
    try:
        _dirs, names = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    count = 0
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if storage.get_modified_time(path) < cutoff:
                storage.delete(path)
                count += 1
        except OSError:
            logger.warning("Could not delete the stale kept file %s", path)
    return count
