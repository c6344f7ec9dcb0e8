"""The Heads' panel on the admin's home page: this month so far against last month, the alerted
stories nobody has handled yet (each linked to its page), and last month's report to download.

For the Heads and superusers (:func:`.admin.can_read_reports`).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from .admin import NAMESPACE, can_read_reports, download_urls, last_full_month
from .figures import month_end, month_start, period_figures, unhandled_stories
from .tables import key_rows

#: The panel lists at most this many unhandled stories, the longest waiting first.
STORY_LIMIT = 10


def panel_context(today=None) -> dict:
    today = today or timezone.localdate()
    this_month, last_month = month_start(today), last_full_month(today)
    stories = list(unhandled_stories(STORY_LIMIT + 1))
    return {
        "rows": key_rows(
            period_figures(this_month, today), period_figures(last_month, month_end(last_month))
        ),
        "this_month": this_month,
        "last_month": last_month,
        "stories": [
            (story, reverse("media_watch_stories:story", args=[story.pk]))
            for story in stories[:STORY_LIMIT]
        ],
        "more_stories": len(stories) > STORY_LIMIT,
        "stories_url": reverse("media_watch_stories:index") + "?alerted=yes&handled=no",
        "downloads": download_urls(last_month),
        "reports_url": reverse(f"{NAMESPACE}:index"),
    }


class HeadsReportPanel(Component):
    """The dashboard panel "Press office this month"."""

    name = "heads_report"
    template_name = "media_watch/reports/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        return {**panel_context(), "request": parent_context["request"]}


def add_panel(request, panels) -> None:
    """The ``construct_homepage_panels`` hook: the panel for the Heads and superusers."""
    if can_read_reports(request.user):
        panels.append(HeadsReportPanel())
