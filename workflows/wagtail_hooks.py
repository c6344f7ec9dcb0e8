"""Wagtail hooks of the moderation app, grouped by what they serve."""

from wagtail.snippets.models import register_snippet

from .hooks import editor, guard, names, reviews, submission, translations  # noqa: F401
from .hooks.viewsets import StopListTermViewSet

register_snippet(StopListTermViewSet)
