"""Settings of the office's services: electronic signatures (esign) and the media watch.

Imported at the end of ``base``; read from the environment like the rest (``cms.env``).
"""

from pathlib import Path

from cms import env

VAR_DIR = Path(__file__).resolve().parent.parent.parent / "var"

# ---------------------------------------------------------------------------
# Electronic signatures (esign)
# ---------------------------------------------------------------------------
# The pinned NCA RK certificates signatures must lead to (manage.py esign_anchors add FILE);
# never the system's TLS store. With none, every signature fails closed.
ESIGN_ANCHORS_DIR = Path(env.get_str("ESIGN_ANCHORS_DIR") or VAR_DIR / "esign-anchors")
# The only addresses asked about revocation: OCSP first, then the CRLs.
ESIGN_OCSP_URLS = env.get_list("ESIGN_OCSP_URLS", ["http://ocsp.pki.gov.kz/"])
ESIGN_CRL_URLS = env.get_list(
    "ESIGN_CRL_URLS",
    [
        "https://crl.pki.gov.kz/nca_gost_2022.crl",
        "https://crl.pki.gov.kz/nca_rsa_2022.crl",
        "http://crl.root.gov.kz/gost2015_2022.crl",
        "http://crl.root.gov.kz/rsa2020.crl",
    ],
)
ESIGN_FETCH_TIMEOUT = env.get_int("ESIGN_FETCH_TIMEOUT", 5)
ESIGN_CRL_MAX_MB = env.get_int("ESIGN_CRL_MAX_MB", 64)
# Roles (NCA role OIDs) that may sign for an organisation: first head, right to sign, employee.
ESIGN_FILING_ROLE_OIDS = env.get_list(
    "ESIGN_FILING_ROLE_OIDS", ["1.2.398.3.3.4.1.2.1", "1.2.398.3.3.4.1.2.2", "1.2.398.3.3.4.1.2.5"]
)
# How long an issued document may wait for its signature, and how long a signature whose
# revocation status was unknown is checked again.
ESIGN_NONCE_MINUTES = env.get_int("ESIGN_NONCE_MINUTES", 30)
ESIGN_RECHECK_DAYS = env.get_int("ESIGN_RECHECK_DAYS", 30)
# Another engine for a signature algorithm: {"<signature OID>": "dotted.path.Verifier"}.
ESIGN_VERIFIERS: dict[str, str] = {}

# ---------------------------------------------------------------------------
# Media watch
# ---------------------------------------------------------------------------
# Outlets' feeds and sitemaps are polled every MONITOR_POLL_MINUTES, each source as its own job.
# Fetching a private, loopback, link-local or reserved address is refused (on every redirect
# too) unless MONITOR_ALLOW_PRIVATE_HOSTS is true.
MONITOR_ALLOW_PRIVATE_HOSTS = env.get_bool("MONITOR_ALLOW_PRIVATE_HOSTS", False)
MONITOR_POLL_MINUTES = env.get_int("MONITOR_POLL_MINUTES", 3)
MONITOR_FETCH_TIMEOUT = env.get_int("MONITOR_FETCH_TIMEOUT_SECONDS", 20)
MONITOR_MAX_RESPONSE_KB = env.get_int("MONITOR_MAX_RESPONSE_KB", 5 * 1024)
# Requests to one host and port are spaced by this many milliseconds.
MONITOR_HOST_DELAY_MS = env.get_int("MONITOR_HOST_DELAY_MS", 1000)
# A failed request is tried again this many times, after 1, 2, 4 ... times the delay.
MONITOR_FETCH_RETRIES = env.get_int("MONITOR_FETCH_RETRIES", 2)
MONITOR_RETRY_DELAY_MS = env.get_int("MONITOR_RETRY_DELAY_MS", 500)
# A source that failed this many polls in a row is shown as unhealthy; until it succeeds it
# is polled less and less often, at most every MONITOR_MAX_BACKOFF_MINUTES.
MONITOR_UNHEALTHY_AFTER = env.get_int("MONITOR_UNHEALTHY_AFTER", 3)
MONITOR_MAX_BACKOFF_MINUTES = env.get_int("MONITOR_MAX_BACKOFF_MINUTES", 6 * 60)
# Items published longer ago than this are not stored (0: all are); a negative mention alerts
# the heads only while the item is at most MONITOR_ALERT_MAX_AGE_HOURS old (a source added
# today does not alert about last month's news).
MONITOR_MAX_ITEM_AGE_DAYS = env.get_int("MONITOR_MAX_ITEM_AGE_DAYS", 0)
MONITOR_ALERT_MAX_AGE_HOURS = env.get_int("MONITOR_ALERT_MAX_AGE_HOURS", 48)
# No alert is sent in the quiet hours (Asia/Almaty, e.g. "22:00-07:00"; empty: none): they go
# out when the hours end. A Telegram bot (its token and the chat's id) also gets each alert.
MONITOR_QUIET_HOURS = env.get_str("MONITOR_QUIET_HOURS")
MONITOR_TELEGRAM_BOT_TOKEN = env.get_str("MONITOR_TELEGRAM_BOT_TOKEN")
MONITOR_TELEGRAM_CHAT_ID = env.get_str("MONITOR_TELEGRAM_CHAT_ID")
MONITOR_TELEGRAM_API_URL = env.get_str("MONITOR_TELEGRAM_API_URL", "https://api.telegram.org")
# Article pages fetched for their text per source and poll.
MONITOR_ARTICLES_PER_POLL = env.get_int("MONITOR_ARTICLES_PER_POLL", 30)
MONITOR_USER_AGENT = env.get_str("MONITOR_USER_AGENT", "Baspasoz-MediaWatch/1.0")
