"""The public addresses of the accreditation app: the routes of the accreditation page, and
those it adds to every briefing page (registration of journalists for the event).

:mod:`accreditation.wagtail_hooks` hands these to the pages; the route names are what
``reverse_subpage`` and ``{% routablepageurl %}`` take, so they stay as they are.
"""

from press_pages.routes import page_path, page_re_path

from .views import apply, events, interview, notices, outlets, verify

LINK_CODE = r"(?P<token>[A-Za-z0-9_-]{20,100})"

ACCREDITATION_PAGE_ROUTES = [
    page_path("", apply.permanent_application, name="apply"),
    page_path("temporary/", apply.temporary_application, name="temporary"),
    page_re_path(rf"^verify/{LINK_CODE}/$", verify.verify_card, name="verify"),
    page_re_path(rf"^verify/{LINK_CODE}/photo/$", verify.card_photo, name="verify_photo"),
    page_re_path(
        r"^notices/(?P<signed>[A-Za-z0-9_-]{1,200})/$", notices.notice_settings, name="notices"
    ),
    page_path("outlets/", outlets.outlet_list, name="outlets"),
    page_path("interview/", interview.interview_request, name="interview"),
]

BRIEFING_ROUTES = [
    page_path("register/", events.register, name="register"),
    page_re_path(rf"^confirm/{LINK_CODE}/$", events.confirm, name="confirm"),
    page_re_path(rf"^questions/{LINK_CODE}/$", events.questions, name="questions"),
]
