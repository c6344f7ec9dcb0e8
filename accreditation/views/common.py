"""What the public views of press events share: redirects, languages and rate limits."""

from django.http import HttpResponseRedirect

from agency import ratelimit
from agency.http import no_store


def see_other(url: str):
    """The redirect after a successful POST (303), never cached."""
    return no_store(HttpResponseRedirect(url, status=303))


def page_language(page) -> str:
    return page.locale.language_code


def over_limit(request, scope_value: str) -> bool:
    """Count a public submission; ``True`` if over the limit (per address and per card)."""
    allowed = ratelimit.hit("submit_ip", f"events:{ratelimit.client_ip(request)}")
    if scope_value:
        allowed = ratelimit.hit("submit_email", f"events:{scope_value}") and allowed
    return not allowed
