"""The public verification page of an accreditation card, reached from the card's QR code.

Anyone holding the card's address may see whether the card is valid now, and the holder's name,
outlet, validity and photo: what a guard at the door needs to match the card to its bearer, and
no other personal data. The photo is shown only while the card is valid or after it expired
(the card may be shown by its holder to prove who was accredited); a deprived card or one not
yet valid says so without it. An unknown address gets one generic "not found" answer, and
misses are counted per client address with the site's lookup limit, so tokens cannot be
enumerated (they are 256-bit random values anyway). Nothing here is cached or indexed.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agency import ratelimit

from ..cards import photo_jpeg, photo_path
from ..models import Accreditation

#: Misses share the budget of the site's other secret-code lookups (the request status page):
#: one client gets so many wrong guesses at any code per window.
LOOKUP_SCOPE = "verify_ip"
#: States in which the verification page shows the holder's photo.
PHOTO_STATES = ("active", "expired")
STATE_LABELS = {
    "active": _("Card valid"),
    "expired": _("Card expired"),
    "deprived": _("Card withdrawn"),
    "not_yet": _("Card not yet valid"),
}


def private(response):
    """Never cached, never indexed, and the token never leaves in a Referer header."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def find_card(token: str) -> Accreditation | None:
    return Accreditation.objects.select_related("outlet", "briefing").filter(token=token).first()


def _miss_allowed(request) -> bool:
    """Count one miss for the client; ``False`` once it is over the limit."""
    return ratelimit.hit(LOOKUP_SCOPE, ratelimit.client_ip(request))


def verify_card(request, page, token: str):
    """``verify/<token>/`` on the accreditation page."""
    context = page.get_context(request)
    accreditation = find_card(token)
    if accreditation is None:
        limited = not _miss_allowed(request)
        context.update(found=False, limited=limited)
        status = 429 if limited else 404
        response = TemplateResponse(request, "accreditation/verify.html", context, status=status)
        return private(response)

    today = timezone.localdate()
    state = accreditation.state(today)
    context.update(
        found=True,
        card=accreditation,
        state=state,
        checked_at=timezone.localtime(),
        photo_url=photo_path(page, token) if state in PHOTO_STATES else None,
        deprived_on=(
            timezone.localtime(accreditation.deprived_at).date()
            if accreditation.deprived_at
            else None
        ),
        state_label=STATE_LABELS[state],
    )
    return private(TemplateResponse(request, "accreditation/verify.html", context))


def card_photo(request, page, token: str):
    """``verify/<token>/photo/``: the holder's photo, for a valid or expired card only."""
    accreditation = find_card(token)
    if accreditation is None:
        if not _miss_allowed(request):
            return private(HttpResponse(status=429))
        raise Http404
    if accreditation.state() not in PHOTO_STATES:
        raise Http404
    photo = photo_jpeg(accreditation)
    if photo is None:
        raise Http404
    return private(HttpResponse(photo, content_type="image/jpeg"))
