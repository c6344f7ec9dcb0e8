"""Wagtail hooks of the accreditation service: its "Accreditation" menu and its other admin
views; the audit log's actions are registered by :mod:`.admin.audit`."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from .admin import audit  # noqa: F401
from .admin.accreditations import accreditation_viewset, deprivation_viewset
from .admin.applications import application_viewset
from .admin.cards import card_viewset
from .admin.events import event_viewset
from .admin.intakes import intake_viewset


class AccreditationViewSetGroup(ViewSetGroup):
    """Each item is shown to those who may see its records (the Accreditation officers and the
    Heads); the menu itself only if one of them is."""

    menu_label = _("Accreditation")
    menu_name = "accreditation"
    menu_icon = "user"
    menu_order = 260
    items = (
        intake_viewset,
        application_viewset,
        accreditation_viewset,
        deprivation_viewset,
        event_viewset,
    )


@hooks.register("register_admin_viewset")
def register_accreditation_viewsets():
    return [AccreditationViewSetGroup(), card_viewset]
