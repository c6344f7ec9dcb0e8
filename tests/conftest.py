"""Isolation only: every test starts with empty caches and the default language."""

from django.core.cache import cache
from django.utils import translation

import pytest

from workflows.guard import clear_scan_cache


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    cache.clear()
    clear_scan_cache()
    yield
    cache.clear()
    translation.activate("kk")
