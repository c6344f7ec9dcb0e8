"""Every test starts with empty caches and the default language; the django-q2 broker on request;
Hypothesis's derandomised profile; the test NCA (built once per session) and its pinned anchors."""

from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction
from django.utils import translation

import pytest
from django_q.brokers import get_broker
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from agency import names
from agency.cache import forget_generation
from esign import anchors, revocation
from tests.esign.world import Responder, build
from tests.press_pages.sample_site import build_sample_site
from workflows.guard import clear_scan_cache

# Property tests run the same examples on every run and machine (CI included): few enough to
# keep them within a minute and a half per database, no per-example deadline on a busy machine.
hypothesis_settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=20,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    cache.clear()
    forget_generation()
    clear_scan_cache()
    names.forget()
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


@contextmanager
def built_once(django_db_blocker, build):
    """What ``build()`` makes, in a transaction rolled back when the block ends."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def module_sample_site(request, django_db_setup, django_db_blocker):
    """The sample site, built once for a whole test module that only reads it.

    It is built in a transaction rolled back after the module's last test; each test still
    rolls back its own changes (to a savepoint). ``SAMPLE_SITE_OPTIONS`` in the module are
    passed to ``build_sample_site``.
    """
    options = getattr(request.module, "SAMPLE_SITE_OPTIONS", {})
    with built_once(django_db_blocker, lambda: build_sample_site(**options)) as site:
        yield site


@pytest.fixture(scope="module")
def module_data(request, django_db_setup, django_db_blocker):
    """What the module's ``build_module_data()`` returns, built once for the module the same
    way as ``module_sample_site``."""
    with built_once(django_db_blocker, request.module.build_module_data) as data:
        yield data


@pytest.fixture(scope="session")
def world():
    """The test NCA (``tests/esign/world.py``) with its OCSP responder and CRL server running
    on the loopback address: built once per session, as its GOST keys are slow to make."""
    responder = Responder()
    made = build(responder.base_url)
    responder.start(made)
    yield made
    responder.stop()


@pytest.fixture
def pinned(world, settings, tmp_path):
    """The test NCA with its roots pinned in a fresh anchors folder
    (``settings.ESIGN_ANCHORS_DIR``) and its OCSP and CRL addresses set; no CRL fetched by an
    earlier test is remembered."""
    revocation.forget_fetched()
    folder = tmp_path / "anchors"
    for index, root in enumerate(world.anchors()):
        source = tmp_path / f"root-{index}.pem"
        source.write_bytes(root.pem)
        anchors.add(source, folder)
    settings.ESIGN_ANCHORS_DIR = folder
    settings.ESIGN_OCSP_URLS = [world.ocsp_url]
    settings.ESIGN_CRL_URLS = world.crl_urls
    world.requests.clear()
    yield world
    revocation.forget_fetched()
