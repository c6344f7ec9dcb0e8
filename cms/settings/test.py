"""Fast, deterministic settings for the test suite.

Inherits from ``base`` (not ``dev``), so tests exercise production-like
settings. ``DATABASE_URL`` and ``REDIS_URL`` still apply, so the same suite runs
against SQLite and locmem or against PostgreSQL and Redis.
"""

import tempfile

from cms import env

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, REDIS_URL, STORAGES

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://testserver"
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="baspasoz-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="baspasoz-test-static-")
if not env.get_str("DATABASE_URL"):
    DATABASES = {"default": {**DATABASES["default"], "NAME": ":memory:"}}
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="baspasoz-test-private-")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "requests": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
if REDIS_URL:
    CACHES = {
        "default": {
            **CACHES["default"],
            "KEY_PREFIX": env.get_str("CACHE_KEY_PREFIX", "baspasoz-test"),
        }
    }
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
}
WAGTAILLOCALIZE_JOBS = {"BACKEND": "wagtail_localize.tasks.ImmediateBackend"}
# Without Redis the page cache's generation is read from the database at most once a second;
# reading it once per test keeps query counts exact. tests/agency/test_cache_generation.py
# sets its own.
PAGE_CACHE_GENERATION_TTL = 3600
# Most tests publish one language at a time; the tests of the "translations go
# together" rule require kk and ru through the moderation settings.
WORKFLOWS_REQUIRED_LOCALES = ["kk"]
# No trust anchor and no revocation address: tests that verify signatures pin their own test
# anchors and run their own OCSP responder and CRLs (tests/esign).
ESIGN_ANCHORS_DIR = tempfile.mkdtemp(prefix="baspasoz-test-anchors-")
ESIGN_OCSP_URLS: list[str] = []
ESIGN_CRL_URLS: list[str] = []
ESIGN_FETCH_TIMEOUT = 2
# When a test sends mail through agency.outbox.OutboxEmailBackend, the worker delivers it to
# django.core.mail.outbox.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The feed server of the media watch tests runs on the loopback address, as fast as it can.
MONITOR_ALLOW_PRIVATE_HOSTS = True
MONITOR_HOST_DELAY_MS = 0
MONITOR_RETRY_DELAY_MS = 0
MONITOR_FETCH_TIMEOUT = 5
