"""Wagtail hooks of the accreditation app: each admin area registers itself from its own module."""

from .admin import (
    accreditations,  # noqa: F401
    applications,  # noqa: F401
    audit,  # noqa: F401
    cards,  # noqa: F401
    events,  # noqa: F401
    intakes,  # noqa: F401
)
