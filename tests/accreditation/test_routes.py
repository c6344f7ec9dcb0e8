"""The accreditation app gives the briefing pages and its own page their public routes."""

from accreditation.pages import AccreditationPage
from press_pages.models import BriefingPage


def route_names(page_type) -> list[str]:
    return [pattern.name for pattern in page_type.get_subpage_urls()]


def test_briefing_pages_serve_the_registration_routes_besides_their_own():
    names = route_names(BriefingPage)
    assert {"register", "confirm", "questions", "ics"} <= set(names)


def test_the_accreditation_page_itself_is_the_permanent_application():
    urls = AccreditationPage.get_subpage_urls()
    assert urls[0].name == "apply"
    assert str(urls[0].pattern) == ""
    assert {"temporary", "verify", "verify_photo", "notices", "outlets", "interview"} <= set(
        route_names(AccreditationPage)
    )
