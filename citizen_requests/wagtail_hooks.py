"""Wagtail hooks of the requests service: its "Requests" menu (the cases and the reports), its
settings (the working calendar and the units, registered by :mod:`.admin.calendar`) and the
request officer's dashboard panel (:mod:`.admin.dashboard`); and, for Reports → Signed
submissions, that a signed submission may be filed as a request."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from esign.targets import TARGETS_HOOK, SubmissionTarget

from .admin import calendar  # noqa: F401
from .admin.cases import case_viewset
from .admin.dashboard import add_panel
from .admin.reports import report_viewset
from .models import CitizenRequest
from .services.access import PERMISSIONS


class RequestsViewSetGroup(ViewSetGroup):
    """Each item is shown to those who may use it: cases to the request officers, reports to
    them and to the Heads; the menu itself only if one of them is."""

    menu_label = _("Requests")
    menu_name = "citizen-requests"
    menu_icon = "mail"
    menu_order = 250
    items = (case_viewset, report_viewset)


@hooks.register("register_admin_viewset")
def register_requests_viewsets():
    return RequestsViewSetGroup()


hooks.register("construct_homepage_panels", add_panel)


@hooks.register(TARGETS_HOOK)
def signed_requests():
    return SubmissionTarget(
        model=CitizenRequest,
        label=_("Request"),
        url_name="citizen_requests_cases:case",
        permissions=(PERMISSIONS["view"],),
        title=lambda case: case.number,
    )
