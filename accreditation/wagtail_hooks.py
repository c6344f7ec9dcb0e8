"""Wagtail hooks of the accreditation service: its "Accreditation" menu and admin views, and
the public routes and sections it gives the accreditation and briefing pages. The audit log's
actions are registered by :mod:`.admin.audit`. A signed submission may be filed as an
application (Reports → Signed submissions)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from esign.targets import TARGETS_HOOK, SubmissionTarget
from press_pages.models.briefings import BRIEFING_ROUTES_HOOK, BRIEFING_SECTIONS_HOOK

from . import routes
from .admin import audit  # noqa: F401
from .admin.accreditations import accreditation_viewset, deprivation_viewset
from .admin.applications import VIEW, VIEW_JOURNALISTS, application_viewset
from .admin.cards import card_viewset
from .admin.events import event_viewset
from .admin.intakes import intake_viewset
from .models import Application
from .pages import ACCREDITATION_PAGE_ROUTES_HOOK


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


@hooks.register(ACCREDITATION_PAGE_ROUTES_HOOK)
def accreditation_page_routes():
    return routes.ACCREDITATION_PAGE_ROUTES


@hooks.register(BRIEFING_ROUTES_HOOK)
def briefing_registration_routes():
    return routes.BRIEFING_ROUTES


@hooks.register(BRIEFING_SECTIONS_HOOK)
def briefing_registration_section(briefing) -> str | None:
    """The registration block of an upcoming briefing that takes registrations or requires
    accreditation."""
    if briefing.is_upcoming and (briefing.registration_deadline or briefing.accreditation_required):
        return "accreditation/events/_briefing_registration.html"
    return None


@hooks.register(TARGETS_HOOK)
def signed_applications():
    return SubmissionTarget(
        model=Application,
        label=_("Accreditation application"),
        url_name="accreditation_applications:application",
        permissions=(VIEW, VIEW_JOURNALISTS),
        title=lambda application: application.number,
    )
