"""Wagtail hooks of the moderation app, grouped by what they serve."""

from wagtail.snippets.models import register_snippet

from .hooks import (  # noqa: F401
    deadlines,
    editor,
    guard,
    names,
    reviews,
    submission,
    translations,
)
from .hooks.viewsets import StopListTermViewSet

register_snippet(StopListTermViewSet)
