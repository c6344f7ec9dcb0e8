"""The annual report to the population (AIL Art. 14): drafted from the year's figures as a news
item in the Kazakh news section, never live from there, through moderation like any news item;
drafting the year again opens the same draft; only those who may draft news items may do it."""

from django.urls import reverse
from django.utils import translation

import pytest
import time_machine

from media_watch.models import AnnualReport
from press_pages.models import NewsPage
from tests.media_watch import report_data
from tests.media_watch.report_data import NOW
from tests.signin import staff_login
from tests.workflows.moderation import member, moderate, prefer_english

pytestmark = pytest.mark.django_db

DRAFT = reverse("media_watch_reports:annual")


@pytest.fixture
def index():
    """The month's data; the test runs on 6 December 2026."""
    with time_machine.travel(NOW, tick=False):
        report_data.november()
        yield NewsPage.objects.first().get_parent()


def test_the_draft_holds_the_years_figures_and_goes_through_moderation(client, index):
    secretary = member("press_secretaries", "annual-secretary")
    prefer_english(secretary)
    staff_login(client, secretary)
    drafts = NewsPage.objects.count()
    response = client.post(DRAFT, {"year": "2026"})
    record = AnnualReport.objects.get(year=2026)
    page = NewsPage.objects.get(pk=record.page_id)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().pk == index.pk and page.locale.language_code == "kk"
    assert not page.live and page.first_published_at is None
    with translation.override("kk"):
        title = translation.gettext("Report to the population for %(year)s") % {"year": 2026}
    assert page.title == title
    assert page.get_latest_revision().user == secretary
    blocks = [block.block_type for block in page.body]
    assert blocks[0] == "paragraph" and blocks.count("table") == 5
    tables = [block.value for block in page.body if block.block_type == "table"]
    # The year counts the news item of 31 October too.
    assert tables[0]["data"][-1][-1] == "6"
    again = client.post(DRAFT, {"year": "2026"})
    assert again["Location"] == response["Location"]
    assert NewsPage.objects.count() == drafts + 1
    assert moderate(page, author=secretary).live


def test_a_head_or_an_editor_may_not_draft_it_and_bad_years_are_refused(client, index):
    head = member("heads", "annual-head")
    prefer_english(head)
    staff_login(client, head)
    response = client.post(DRAFT, {"year": "2026"})
    assert response.status_code == 403 and "Not allowed" in response.content.decode()
    page = client.get(reverse("media_watch_reports:index")).content.decode()
    assert "data-annual-report" not in page and "data-monthly-report" in page
    client.logout()
    staff_login(client, member("editors", "annual-editor"))
    assert client.post(DRAFT, {"year": "2026"}).status_code == 403
    client.logout()
    secretary = member("press_secretaries", "annual-secretary")
    prefer_english(secretary)
    staff_login(client, secretary)
    for bad in ("", "abc", "1900", "99999"):
        response = client.post(DRAFT, {"year": bad}, follow=True)
        assert "Pick a year from the list." in response.content.decode(), bad
    assert not AnnualReport.objects.exists()
