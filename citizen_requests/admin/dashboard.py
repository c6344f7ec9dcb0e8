"""The request officer's dashboard panel: their open cases, those due soon and those overdue.

"Soon" is counted in working days on the agency's calendar (:class:`agency.calendar.WorkingCalendar`),
as the legal clocks are. Each figure links to the case list with the matching filters.
"""

from __future__ import annotations

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.admin.ui.components import Component

from agency.calendar import WorkingCalendar

from .. import services
from ..models import CitizenRequest
from .cases import OPEN_STATUSES

#: Cases due within this many working days are "due soon".
DUE_SOON_WORKING_DAYS = 3


def my_cases(user, today: datetime.date | None = None) -> list[dict]:
    """The rows of the panel for ``user``: ``{"label", "count", "url"}``."""
    today = today or timezone.localdate()
    soon = WorkingCalendar.load().add_working_days(today, DUE_SOON_WORKING_DAYS)
    counts = CitizenRequest.objects.filter(executor=user, status__in=OPEN_STATUSES).aggregate(
        open=Count("pk"),
        soon=Count("pk", filter=Q(answer_due__gte=today, answer_due__lte=soon)),
        overdue=Count("pk", filter=Q(answer_due__lt=today)),
    )
    cases = reverse("citizen_requests_cases:list")

    def url(**filters) -> str:
        return f"{cases}?{urlencode({'executor': user.pk, **filters})}"

    return [
        {"label": _("My open cases"), "count": counts["open"], "url": url(status="open")},
        {
            "label": _("Due within %(days)s working days") % {"days": DUE_SOON_WORKING_DAYS},
            "count": counts["soon"],
            "url": url(due_within=(soon - today).days),
        },
        {
            "label": _("Overdue"),
            "count": counts["overdue"],
            "url": url(overdue="on"),
        },
    ]


class MyCasesPanel(Component):
    """The dashboard panel "My requests", for those who work on cases."""

    name = "my_requests"
    template_name = "citizen_requests/admin/dashboard_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"rows": my_cases(request.user), "request": request}


def add_panel(request, panels) -> None:
    """The ``construct_homepage_panels`` hook: the panel for request officers only."""
    if services.can(request.user, "assign"):
        panels.append(MyCasesPanel())
