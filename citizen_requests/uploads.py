"""Attachments kept across a form error or the signing step, so the requester does not have to
choose them again (:mod:`agency.uploads.held`). They are deleted when the request is registered,
when the requester removes them, and by :func:`discard_stale` after :data:`HOLD_HOURS`.
"""

from agency.uploads import held
from agency.uploads.held import FOLDER, HOLD_HOURS, MAX_FORMS, discard_stale

__all__ = ["FOLDER", "HOLD_HOURS", "MAX_FORMS", "SESSION_KEY", "HeldFiles", "discard_stale"]

SESSION_KEY = "citizen_requests_held_files"


class HeldFiles(held.HeldFiles):
    """The attachments kept for one request form."""

    session_key = SESSION_KEY
