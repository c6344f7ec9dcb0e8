"""The accreditation card in the officers' admin: a preview of the card and its PDF download.

``accreditation_cards:card`` (pk of an :class:`~accreditation.models.Accreditation`) shows what
the card carries, its QR code and the state the public verification page shows; the holder's
photo is personal data, so every showing is written to the audit log. ``accreditation_cards:pdf``
gives the printable card to officers who may change accreditations, for a card that is valid or
not yet valid (a withdrawn or expired card is not printed again), and logs each download.
"""

from __future__ import annotations

import base64

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks, log_actions
from wagtail.admin.viewsets.base import ViewSet

from agency.admin import RefusingViewSetMixin
from agency.http import no_store
from agency.private_files import PrivateFile, private_file_response

from .. import cards
from ..models import Accreditation
from ..views.verify import STATE_LABELS
from . import REFUSAL, can

NAMESPACE = "accreditation_cards"
VIEW_PERMS = ("accreditation.view_accreditation",)
PRINT_PERMS = ("accreditation.view_accreditation", "accreditation.change_accreditation")
#: Card states in which a card may be printed.
PRINTABLE = ("active", "not_yet")


def card_url(accreditation: Accreditation) -> str:
    """The admin address of the card, for links from the accreditation lists."""
    return reverse(f"{NAMESPACE}:card", args=[accreditation.pk])


def _get(pk: int) -> Accreditation:
    return get_object_or_404(
        Accreditation.objects.select_related("outlet", "briefing", "journalist__application"),
        pk=pk,
    )


def card(request, pk: int):
    """The card's preview for officers and heads."""
    if not can(request.user, *VIEW_PERMS):
        raise PermissionDenied
    accreditation = _get(pk)
    state = accreditation.state()
    try:
        url = cards.verify_url(accreditation, request)
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
    return no_store(TemplateResponse(request, "accreditation/admin/card.html", context))


def card_pdf(request, pk: int):
    """The printable card as a PDF download."""

    def find():
        accreditation = _get(pk)
        state = accreditation.state()
        if state not in PRINTABLE:
            raise PermissionDenied(
                _("The card cannot be printed: %(state)s.") % {"state": STATE_LABELS[state]}
            )
        try:
            pdf = cards.render_card(accreditation, request=request)
        except cards.NoAccreditationPage:
            raise PermissionDenied(
                _(
                    "There is no published accreditation page, so the card's QR code would "
                    "lead nowhere. Publish the accreditation page first."
                )
            ) from None
        return PrivateFile(
            pdf, cards.card_filename(accreditation), "application/pdf", record=accreditation
        )

    def log(file):
        log_actions.log(
            file.record,
            "accreditation.card_download",
            user=request.user,
            data={"card_number": file.record.card_number},
        )

    return private_file_response(can(request.user, *PRINT_PERMS), find, log)


class CardViewSet(RefusingViewSetMixin, ViewSet):
    """The card's preview and PDF, reached from the accreditation record (no menu item)."""

    refusal_message = REFUSAL

    def get_urlpatterns(self):
        return self.refusing(
            [
                path("<int:pk>/", card, name="card"),
                path("<int:pk>/pdf/", card_pdf, name="pdf"),
            ]
        )


card_viewset = CardViewSet(NAMESPACE, url_prefix="accreditation/cards")


@hooks.register("register_log_actions")
def register_card_log_actions(actions):
    actions.register_action(
        "accreditation.card_download",
        gettext_lazy("Download an accreditation card"),
        gettext_lazy("Card downloaded"),
    )
