"""The accreditation card in the officers' admin: a preview of the card and its PDF download.

``accreditation_cards:card`` (pk of an :class:`~accreditation.models.Accreditation`) shows what
the card carries, its QR code and the state the public verification page shows; the holder's
photo is personal data, so every showing is written to the audit log. ``accreditation_cards:pdf``
gives the printable card to officers who may change accreditations, for a card that is valid or
not yet valid (a withdrawn or expired card is not printed again), and logs each download.
"""

from __future__ import annotations

import base64

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks, log_actions

from .. import cards
from ..models import Accreditation
from ..views.verify import STATE_LABELS
from . import can, forbidden

NAMESPACE = "accreditation_cards"
VIEW_PERMS = ("accreditation.view_accreditation",)
PRINT_PERMS = ("accreditation.view_accreditation", "accreditation.change_accreditation")
#: Card states in which a card may be printed.
PRINTABLE = ("active", "not_yet")


def card_url(accreditation: Accreditation) -> str:
    """The admin address of the card, for links from the accreditation lists."""
    return reverse(f"{NAMESPACE}:card", args=[accreditation.pk])


def _private(response):
    response["Cache-Control"] = "private, no-store"  # the admin adds never_cache's directives
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _get(pk: int) -> Accreditation:
    return get_object_or_404(
        Accreditation.objects.select_related("outlet", "briefing", "journalist__application"),
        pk=pk,
    )


def card(request, pk: int):
    """The card's preview for officers and heads."""
    if not can(request.user, *VIEW_PERMS):
        return forbidden(request)
    accreditation = _get(pk)
    state = accreditation.state()
    try:
        url = cards.verify_url(accreditation)
    except cards.NoAccreditationPage:
        url = ""
    photo = cards.photo_jpeg(accreditation)
    log_actions.log(
        accreditation,
        "accreditation.view_personal_data",
        user=request.user,
        data={"what": "card", "card_number": accreditation.card_number},
    )
    context = {
        "page_title": accreditation.card_number,
        "header_title": _("Accreditation card %(number)s") % {"number": accreditation.card_number},
        "header_icon": "user",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": accreditation.card_number},
        ],
        "card": accreditation,
        "state": state,
        "state_label": STATE_LABELS[state],
        "verify_url": url,
        "qr_svg": cards.qr_svg(url) if url else "",
        "photo_data": base64.b64encode(photo).decode() if photo else "",
        "language": cards.holder_language(accreditation),
        "printable": state in PRINTABLE,
        "can_print": can(request.user, *PRINT_PERMS),
    }
    return _private(TemplateResponse(request, "accreditation/admin/card.html", context))


def card_pdf(request, pk: int):
    """The printable card as a PDF download."""
    if not can(request.user, *PRINT_PERMS):
        return forbidden(request)
    accreditation = _get(pk)
    state = accreditation.state()
    if state not in PRINTABLE:
        return forbidden(
            request,
            _("The card cannot be printed: %(state)s.") % {"state": STATE_LABELS[state]},
        )
    try:
        pdf = cards.render_card(accreditation)
    except cards.NoAccreditationPage:
        return forbidden(
            request,
            _(
                "There is no published accreditation page, so the card's QR code would lead "
                "nowhere. Publish the accreditation page first."
            ),
        )
    log_actions.log(
        accreditation,
        "accreditation.card_download",
        user=request.user,
        data={"card_number": accreditation.card_number},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=cards.card_filename(accreditation)
    )
    return _private(response)


urlpatterns = [
    path("<int:pk>/", card, name="card"),
    path("<int:pk>/pdf/", card_pdf, name="pdf"),
]


@hooks.register("register_admin_urls")
def register_card_urls():
    return [path("accreditation/cards/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


@hooks.register("register_log_actions")
def register_card_log_actions(actions):
    actions.register_action(
        "accreditation.card_download",
        gettext_lazy("Download an accreditation card"),
        gettext_lazy("Card downloaded"),
    )
