"""Settings shared by every environment, safe to run in production as they are.

Nothing here has a development default that would be unsafe in production:
``DEBUG`` is off, there is no secret key, and hosts come from the environment.
"""

import base64
import hashlib
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy

from wagtail.embeds.oembed_providers import vimeo, youtube

import dj_database_url
from csp.constants import NONE, SELF

from cms import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = False
SECRET_KEY = env.get_str("SECRET_KEY")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")
# How many reverse proxies stand in front of the site: the public forms' rate limits then take
# the client's address from X-Forwarded-For. With 0 they use the connection's address.
PROXY_COUNT = env.get_int("PROXY_COUNT", 0)
ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "cms",
    "agency",
    "press_pages",
    "workflows",
    "esign",
    "citizen_requests",
    "accreditation",
    "media_watch",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v3",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_q",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so cached pages and the requests turned away carry them too.
    "agency.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "agency.http.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "agency.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "agency.staff_auth.middleware.SecondFactorMiddleware",
    "agency.staff_auth.middleware.StaffIdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "workflows.middleware.PublicationBlockedMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "workflows.withdrawal.WithdrawalMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database, cache and queue
# ---------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env.get_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env.get_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default takes several editors, visitors and the worker at once: every
    # transaction takes the write lock when it begins (a deferred one that reads first can only
    # fail when it then writes), waits up to 20 s for it, and readers never block the writer.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }

REDIS_URL = env.get_str("REDIS_URL")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "agency.redis_cache.TolerantRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.get_str("CACHE_KEY_PREFIX", "baspasoz"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "baspasoz",
        }
    }

# django-q2 is the single queue: its own jobs, Wagtail's django-tasks tasks and
# wagtail-localize's background jobs all go through it.
Q_CLUSTER = {
    "name": "baspasoz",
    "workers": env.get_int("Q_WORKERS", 2),
    "timeout": 300,
    "retry": 360,
    "max_attempts": 3,
    "catch_up": False,
    "label": "Queue",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

TASKS = {"default": {"BACKEND": "agency.queue.DjangoQ2TaskBackend"}}
WAGTAILLOCALIZE_JOBS = {"BACKEND": "agency.queue.DjangoQ2JobBackend"}

# Anonymous page responses are cached for this many seconds, and invalidated
# whenever a page is published, unpublished or moved.
PAGE_CACHE_SECONDS = env.get_int("PAGE_CACHE_SECONDS", 600)
# Where /.well-known/security.txt sends vulnerability reports (an e-mail address or an https
# URL); empty: the press secretary's or the agency's e-mail from the agency profile.
SECURITY_CONTACT = env.get_str("SECURITY_CONTACT")
# Without a shared cache (no Redis) the generation that invalidates it is in the database; each
# process reads it again after this many seconds, so another process's publish shows by then.
PAGE_CACHE_GENERATION_TTL = 1.0

# ---------------------------------------------------------------------------
# Internationalisation and time
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
# The admin names the content languages in the reader's language; the public site's switcher
# keeps each language's own name (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = [
    ("kk", gettext_lazy("Kazakh")),
    ("ru", gettext_lazy("Russian")),
    ("en", gettext_lazy("English")),
]
WAGTAIL_I18N_ENABLED = True
# The project's own catalogues first; then the Kazakh it adds for Wagtail, wagtail-localize,
# django-q2 and Django's contrib apps (cms/vendor_catalogues.py).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
# The admin in the three languages of the site; staff without a preference get Kazakh.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# ---------------------------------------------------------------------------
# Static files and media
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "collected-static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT") or BASE_DIR / "media")
# Requesters' attachments and answer letters: outside MEDIA_ROOT and without a URL, so only
# the permission-checked, logged views of citizen_requests can hand them out.
PRIVATE_MEDIA_ROOT = Path(env.get_str("PRIVATE_MEDIA_ROOT") or VAR_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "requests": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# All the files of one form submission together (agency.uploads.limits): counted as they arrive.
UPLOAD_REQUEST_TOTAL_MB = env.get_int("UPLOAD_REQUEST_TOTAL_MB", 40)
FILE_UPLOAD_HANDLERS = [
    "agency.uploads.limits.RequestTotalUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# ---------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------
# Mail is queued on django-q2 when the transaction commits and sent by a worker
# with EMAIL_DELIVERY_BACKEND (see agency.mail).
EMAIL_BACKEND = env.get_str("EMAIL_BACKEND", "agency.outbox.OutboxEmailBackend")
EMAIL_DELIVERY_BACKEND = env.get_str(
    "EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env.get_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.get_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "press@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# ---------------------------------------------------------------------------
# Security
# ---------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (agency.csp). The public site runs no inline script or style: code
# and styles come from static files, the same for every visitor (the page cache serves one
# response to all). The error pages' one inline stylesheet, kept inline so they render while
# static files are broken, is allowed by its hash.
ERROR_PAGE_STYLE = BASE_DIR / "templates" / "error_page.css"
ERROR_PAGE_STYLE_HASH = (
    f"'sha256-{base64.b64encode(hashlib.sha256(ERROR_PAGE_STYLE.read_bytes()).digest()).decode()}'"
)
# Video services whose players the video block embeds (WAGTAILEMBEDS_FINDERS below).
EMBED_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, ERROR_PAGE_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The admin's preview shows public pages in a frame of the same origin.
        "frame-ancestors": [SELF],
    }
}
# Wagtail 8's admin still runs inline scripts (InlinePanel, the date and time inputs, the older
# choosers, and the scripts inside chooser dialogs) and sets inline styles, so its addresses
# allow inline code. Everything else stays as strict as on the public site: scripts and styles
# only from the site itself, no plugins, no connections, images or frames from elsewhere, so a
# script injected into the admin still cannot send what it reads to another site.
ADMIN_CSP_PATH_PREFIXES = ["/admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
    }
}
# The signing applications on the citizen's or journalist's own computer that pages marked
# with agency.csp.signing_page may reach: NCALayer (WebSocket) and KAZTOKEN (HTTPS).
SIGNING_LOCAL_ORIGINS = ["wss://127.0.0.1:13579", "https://127.0.0.1:24680"]
# Chromium's names for reaching the person's own computer from a public page: the older one
# and the two it was split into (the loopback address is where the signing applications run).
SIGNING_PERMISSIONS_FEATURES = ["local-network", "local-network-access", "loopback-network"]
# Browser features the site never uses are denied to it and to every frame it embeds. The
# local-network features are left at the browser's default: the signing pages need them.
# Only features Chromium knows are named: an unknown one is reported on every page.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
# Staff sign-in (agency.staff_auth): the password, then a second factor (an authenticator app's
# code, a passkey or a one-time recovery code) before any admin screen. No setting turns the
# second factor off. Idle staff sessions end after STAFF_IDLE_MINUTES without a request.
STAFF_IDLE_MINUTES = env.get_int("STAFF_IDLE_MINUTES", 30)
AUTHENTICATION_BACKENDS = [
    # First, and able to load users (as test tools expect of the first backend): it refuses
    # sign-in while locked out, then the model backend checks the password.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins are counted per account and per address (django-axes); either count reaching
# the limit locks sign-in for the cool-off period, which further failures do not prolong, so a
# stranger cannot keep an account locked. An administrator can unlock it sooner.
AXES_FAILURE_LIMIT = env.get_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.get_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "agency.staff_auth.lockout.client_address"
AXES_LOCKOUT_TEMPLATE = "agency/staff_auth/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "Baspasoz"
# Passkeys (WebAuthn) are a second factor only: the password always comes first.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "Baspasoz"
OTP_WEBAUTHN_RP_ID_CALLABLE = "agency.staff_auth.passkeys.relying_party_id"
OTP_WEBAUTHN_HELPER_CLASS = "agency.staff_auth.passkeys.StaffWebAuthnHelper"
# Only staff have accounts. A document or page restricted to signed-in people sends the visitor
# to the second factor (and, before it, to the admin's sign-in), then back: a session that has
# passed only the password is anonymous outside the admin.
WAGTAIL_FRONTEND_LOGIN_URL = "staff_auth_verify"

# ---------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Baspasoz"
WAGTAILADMIN_BASE_URL = env.get_str("WAGTAILADMIN_BASE_URL")
# Passkeys are accepted from the admin's own origin.
OTP_WEBAUTHN_ALLOWED_ORIGINS = [WAGTAILADMIN_BASE_URL.rstrip("/")] if WAGTAILADMIN_BASE_URL else []
# Words are stemmed in Python (agency.analysis, press_pages.search); PostgreSQL's `simple`
# configuration indexes them as given instead of stemming them again as English. SQLite's FTS5
# has no such option and needs none.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A new file, title or alt text of a document or image that live pages show is public at once:
# these forms check it for restricted information first (workflows/media_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "workflows.media_forms.GuardedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "workflows.media_forms.GuardedImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin calls no outside service: no Gravatar pictures (they would send a hash of every
# official's e-mail address abroad) and no check for new Wagtail releases (upgrades follow the
# pinned dependencies). Both would be blocked by the Content-Security-Policy anyway.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The v3 API serves published pages and, with a personal token, writes under the
# same permissions and moderation as the admin. Its interactive docs only in DEBUG.
WAGTAILAPI_DOCS_ENABLED = DEBUG
# Only the video services the Content-Security-Policy lets the public pages frame
# (EMBED_FRAME_ORIGINS). The player keeps its proportions by the stylesheet, not by an inline
# style, so Wagtail's responsive wrapper is off.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo]}]
WAGTAILEMBEDS_RESPONSIVE_HTML = False

# ---------------------------------------------------------------------------
# Moderation
# ---------------------------------------------------------------------------
# A page goes live only through its workflow (or an emergency publication), as
# one exact revision, together with its translations into these languages.
# Editing a page under review restarts the review of the new revision.
WORKFLOWS_REQUIRED_LOCALES = env.get_list("REQUIRED_LOCALES", ["kk", "ru"])
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.finish.publish_approved"

# ---------------------------------------------------------------------------
# Logging
# ---------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get_str("LOG_LEVEL", "INFO")},
}

# The services' own settings: electronic signatures and the media watch.
from .services import *  # noqa: E402, F403
