"""Production: refuses to start unless every required setting is present."""

from cms import env

env.require("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL")

from .base import *  # noqa: E402, F403

SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.get_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Wagtail's admin previews pages in a same-origin iframe, so frames stay
# SAMEORIGIN; HSTS preloading is a hard-to-undo commitment the operator opts into.
SILENCED_SYSTEM_CHECKS = ["security.W019", "security.W021"]
