"""Isolation only: every test starts with an empty cache and default language."""

from django.core.cache import cache
from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    cache.clear()
    yield
    cache.clear()
    translation.activate("kk")
