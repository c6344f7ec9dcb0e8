"""The personal link, in every notice to a journalist, that stops (or restarts) announcements.

The link carries the accreditation's primary key signed with :mod:`django.core.signing` under its
own salt, so it cannot be forged or pointed at another journalist. It is not the card token:
that one is printed in the card's QR code, and whoever scans a card must not be able to switch
its holder's notices off. The link does not expire; it stays as good as the notice it came in.
"""

from django.core import signing

from .models import Accreditation, AccreditationType
from .pages import AccreditationPage

SALT = "accreditation.notices-opt-out"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def notices_token(accreditation: Accreditation) -> str:
    """The signed value of the link's ``notices/<signed>/`` route: ``<pk>-<signature>``.

    Wagtail serves only ``[\\w-]`` in a page path, so the signer's ``:`` becomes ``-`` (the pk
    has none, so the first ``-`` is the separator).
    """
    value, _sep, signature = _signer().sign(str(accreditation.pk)).partition(":")
    return f"{value}-{signature}"


def accreditation_for(signed: str) -> Accreditation | None:
    """The accreditation a signed value names, or ``None`` if it was tampered with or is gone."""
    value, _sep, signature = signed.partition("-")
    if not value.isdigit() or not signature:
        return None
    try:
        pk = int(_signer().unsign(f"{value}:{signature}"))
    except (signing.BadSignature, ValueError):
        return None
    return Accreditation.objects.select_related("outlet").filter(pk=pk).first()


def notices_url(accreditation: Accreditation, language: str) -> str:
    """The full address of the link on the accreditation page in ``language``, or ``""``.

    Temporary accreditations get no announcements, so their notices carry no link.
    """
    if accreditation.kind != AccreditationType.PERMANENT:
        return ""
    pages = AccreditationPage.objects.live().select_related("locale")
    page = pages.filter(locale__language_code=language).first() or pages.first()
    if page is None:
        return ""
    url = page.get_full_url() or ""
    route = page.reverse_subpage("notices", kwargs={"signed": notices_token(accreditation)})
    return url.rstrip("/") + "/" + route.lstrip("/")
