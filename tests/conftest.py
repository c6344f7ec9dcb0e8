"""Every test starts with empty caches and the default language; the django-q2 broker on request."""

from django.core.cache import cache
from django.utils import translation

import pytest
from django_q.brokers import get_broker

from agency.cache import forget_generation
from workflows.guard import clear_scan_cache


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    cache.clear()
    forget_generation()
    clear_scan_cache()
    yield
    cache.clear()
    translation.activate("kk")


@pytest.fixture
def broker():
    """The configured django-q2 broker, empty before and after the test.

    Run its jobs with ``tests.agency.queue.waiting_jobs`` and ``run_in_worker``.
    """
    broker = get_broker()
    broker.purge_queue()
    yield broker
    broker.purge_queue()
