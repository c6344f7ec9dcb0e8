"""Alerts to a Telegram chat through the Bot API (``sendMessage``), when a bot is configured.

``MONITOR_TELEGRAM_BOT_TOKEN`` and ``MONITOR_TELEGRAM_CHAT_ID`` turn it on;
``MONITOR_TELEGRAM_API_URL`` is the Bot API's address (a local stand-in in tests). The message
is plain text, so nothing in a headline can be taken for markup.
"""

import logging
import time

from django.conf import settings

import requests

logger = logging.getLogger(__name__)

ATTEMPTS = 3
TIMEOUT = 10
#: Telegram refuses longer messages.
MAX_LENGTH = 4096


class TelegramError(Exception):
    """The Bot API did not take the message."""


def configured() -> bool:
    return bool(settings.MONITOR_TELEGRAM_BOT_TOKEN and settings.MONITOR_TELEGRAM_CHAT_ID)


def send_message(text: str) -> dict:
    """Send ``text`` to the configured chat; returns the Bot API's ``result``. Tries a failed
    request again twice (after 1 and 2 s, or the API's ``retry_after``)."""
    url = (
        f"{settings.MONITOR_TELEGRAM_API_URL.rstrip('/')}"
        f"/bot{settings.MONITOR_TELEGRAM_BOT_TOKEN}/sendMessage"
    )
    payload = {
        "chat_id": settings.MONITOR_TELEGRAM_CHAT_ID,
        "text": text[:MAX_LENGTH],
        "disable_web_page_preview": True,
    }
    error = None
    for attempt in range(ATTEMPTS):
        try:
            response = requests.post(url, json=payload, timeout=TIMEOUT)
            answer = response.json()
        except (requests.RequestException, ValueError) as failure:
            error, wait = TelegramError(type(failure).__name__), 2**attempt
        else:
            if response.ok and answer.get("ok"):
                return answer.get("result") or {}
            description = str(answer.get("description") or response.status_code)
            error = TelegramError(description)
            if response.status_code < 500 and response.status_code != 429:
                break
            wait = (answer.get("parameters") or {}).get("retry_after") or 2**attempt
        if attempt + 1 < ATTEMPTS:
            time.sleep(min(float(wait), 30.0))
    logger.warning("Telegram alert not sent: %s", error)
    raise error
