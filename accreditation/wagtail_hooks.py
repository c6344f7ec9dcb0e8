"""Wagtail hooks of the accreditation app: each admin area registers itself from its own module,
and the public routes and sections go to the accreditation and briefing pages."""

from wagtail import hooks

from press_pages.models.briefings import BRIEFING_ROUTES_HOOK, BRIEFING_SECTIONS_HOOK

from . import routes
from .admin import (
    accreditations,  # noqa: F401
    applications,  # noqa: F401
    audit,  # noqa: F401
    cards,  # noqa: F401
    events,  # noqa: F401
    intakes,  # noqa: F401
)
from .pages import ACCREDITATION_PAGE_ROUTES_HOOK


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
