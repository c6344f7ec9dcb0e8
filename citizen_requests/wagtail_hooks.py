"""Wagtail hooks of the forms module: each admin area registers itself from its own module."""

from .admin import calendar, cases, reports  # noqa: F401
