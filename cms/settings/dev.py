"""Local development: debug on, a fixed local key, mail through the outbox to the worker's console."""

import contextlib

from cms import env

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
SECRET_KEY = env.get_str("SECRET_KEY") or "dev-only-not-secret"
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
WAGTAILADMIN_BASE_URL = env.get_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Passkeys need a secure context and a domain name: in development, http://localhost:8000.
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost:8000"]
# Mail takes the production path (the outbox, then the worker), and the worker prints it.
EMAIL_DELIVERY_BACKEND = env.get_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
VAR_DIR.mkdir(exist_ok=True)

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
WAGTAILAPI_DOCS_ENABLED = True
