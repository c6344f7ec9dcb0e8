"""Files kept between two posts of one public form, so the sender does not choose them again.

The files of a form pass the content check (:mod:`agency.uploads`) when they are sent. When the
form comes back (with an error elsewhere, or with the page to sign it on), the checked files are
kept in private storage (outside the public media, with names of our own) and listed in the
sender's session under the form's submission token: only the session that sent them can see,
use or remove them. The next submission of that form uses them without attaching them again,
after checking them once more. A file may be kept for one field of the form (its ``slot``, such
as one journalist's photo). They are deleted when the form is filed, when the sender removes
them, and by :func:`discard_stale` after :data:`HOLD_HOURS`.

Each form names its own :attr:`HeldFiles.session_key`; all share one folder and one clean-up.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..private_files import private_storage
from . import CheckedFile, check_file

logger = logging.getLogger(__name__)

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


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class HeldFiles:
    """The files kept for one form (its submission ``token``) in the session of ``request``."""

    #: Where the session lists them; each form's subclass names its own.
    session_key = "held_files"

    def __init__(self, request, token):
        self.session = request.session
        self.token = _token(token)

    @property
    def items(self) -> list[dict]:
        """``{"id", "path", "name", "size", "content_type", "sha256", "slot"}`` per kept file."""
        if self.token is None:
            return []
        return list(self.session.get(self.session_key, {}).get(self.token, []))

    def __len__(self) -> int:
        return len(self.items)

    def _save(self, items: list[dict]) -> None:
        held = dict(self.session.get(self.session_key, {}))
        if items:
            held[self.token] = items
        else:
            held.pop(self.token, None)
        for token in list(held)[:-MAX_FORMS]:
            _delete(held.pop(token))
        if held:
            self.session[self.session_key] = held
        else:
            self.session.pop(self.session_key, None)

    def keep(self, files: list[CheckedFile], slot: str = "") -> None:
        """Keep checked ``files`` for the next submission of this form; with a ``slot``, in
        place of the files kept for it before."""
        if self.token is None or not files:
            return
        discard_stale()
        items = self.items
        if slot:
            _delete([item for item in items if item.get("slot") == slot])
            items = [item for item in items if item.get("slot") != slot]
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
                    "sha256": digest(item.data),
                    "slot": slot,
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

    def _read(self, item: dict) -> bytes:
        with private_storage().open(item["path"], "rb") as stored:
            data = stored.read()
        if digest(data) != item["sha256"]:
            raise ValidationError("changed")
        return data

    def _lose(self, lost: list[dict]) -> None:
        _delete(lost)
        self._save([item for item in self.items if item not in lost])
        raise ValidationError(
            _("“%(name)s” could not be kept. Please attach it again."),
            code="lost",
            params={"name": lost[0]["name"]},
        )

    def checked(self) -> list[CheckedFile]:
        """The kept files, read back and checked again as a new upload would be.

        A file that is gone or changed is dropped, and named in the ``ValidationError`` raised.
        """
        files, lost = [], []
        for item in self.items:
            try:
                files.append(check_file(SimpleUploadedFile(item["name"], self._read(item))))
            except (OSError, ValidationError):
                lost.append(item)
        if lost:
            self._lose(lost)
        return files

    def uploads(self) -> dict[str, SimpleUploadedFile]:
        """The files kept for a slot, by slot, as uploads for the form to check again.

        A file that is gone or changed is dropped, and named in the ``ValidationError`` raised.
        """
        found, lost = {}, []
        for item in self.items:
            if not item.get("slot"):
                continue
            try:
                found[item["slot"]] = SimpleUploadedFile(
                    item["name"], self._read(item), item["content_type"]
                )
            except (OSError, ValidationError):
                lost.append(item)
        if lost:
            self._lose(lost)
        return found

    def clear(self) -> None:
        """Delete every kept file of this form: the form was filed with them."""
        if self.token is None or self.token not in self.session.get(self.session_key, {}):
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
