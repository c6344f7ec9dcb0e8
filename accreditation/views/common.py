"""What the public views of press events share: private responses, rate limits, error summaries."""

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


def error_summary(form) -> list:
    """Every problem, each linked to its field, for the summary at the top of the form."""
    return [
        {"id": form[name].auto_id if name in form.fields else "", "messages": messages}
        for name, messages in form.errors.items()
    ]
