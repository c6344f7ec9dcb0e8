"""Wagtail hooks of the accreditation app: each admin area registers itself from its own module."""

from .admin import (
    audit,  # noqa: F401
    cards,  # noqa: F401
    events,  # noqa: F401
)
