"""An obligatory message (Law on Mass Media Art. 37) in Chromium: its label on the site passes
axe-core, and the clock above the editor's tabs counts down past the deadline by itself."""

import datetime
import re

from django.utils import timezone

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from tests.browser.axe import serious_violations
from tests.browser.moderation_fixtures import log_in, staff
from tests.press_pages.factories import (
    NewsIndexPageFactory,
    ObligatoryMessagePageFactory,
    kk_home,
    publish,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_label_is_accessible_and_the_editor_clock_runs_out(
    browser, live_server, django_db_serialized_rollback, transactional_db, new_page
):
    index = publish(NewsIndexPageFactory(parent=kk_home(), slug="news"))
    secretary = staff("press_secretaries", "press-secretary")
    now = timezone.now()
    live = ObligatoryMessagePageFactory(
        parent=index, slug="flood", event_at=now - datetime.timedelta(minutes=40)
    )
    draft = ObligatoryMessagePageFactory(
        parent=index,
        live=False,
        slug="storm",
        event_at=now - datetime.timedelta(hours=3) + datetime.timedelta(seconds=90),
    )
    draft.save_revision(user=staff("editors", "editor"))

    browser_page = new_page()
    for url in (live.url, index.url):
        browser_page.goto(url)
        expect(browser_page.locator(".official-label").first).to_be_visible()
        assert not serious_violations(browser_page, url)

    browser_page.clock.install()
    log_in(browser_page, secretary)
    browser_page.goto(f"/admin/pages/{draft.pk}/edit/")
    clock = browser_page.locator("section.deadline-clock")
    timer = clock.get_by_role("timer")
    expect(timer).to_have_text(re.compile(r"^Due by .+, 2 min left$"))
    browser_page.clock.fast_forward("02:00")
    expect(timer).to_have_text(re.compile(r"^Overdue by less than a minute \(due by .+\)$"))
    expect(clock).to_have_class(re.compile(r"\bdeadline-clock--overdue\b"))
