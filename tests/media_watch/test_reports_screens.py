"""The Heads' reports in the admin: the dashboard panel (for a head, not for an editor), the
month's report as PDF and XLSX in the reader's language, the month picker's bad input, and the
admin's 403 page for everyone else."""

import io

from django.urls import reverse

import pytest
import time_machine
from openpyxl import load_workbook
from pypdf import PdfReader

from agency.models import AgencyProfile
from tests.media_watch import report_data
from tests.media_watch.report_data import NOW
from tests.press_pages.factories import locale
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

PDF_URL = reverse("media_watch_reports:monthly", args=[2026, 11, "pdf"])
XLSX_URL = reverse("media_watch_reports:monthly", args=[2026, 11, "xlsx"])
INDEX = reverse("media_watch_reports:index")


@pytest.fixture
def stories():
    with time_machine.travel(NOW, tick=False):
        AgencyProfile.objects.update_or_create(
            locale=locale("en"), defaults={"name": "Ministry of Enlightenment"}
        )
        AgencyProfile.objects.update_or_create(
            locale=locale("kk"), defaults={"name": "Ағарту министрлігі"}
        )
        yield report_data.november()


def head(client, username="head", *, english=True):
    user = member("heads", username)
    if english:
        prefer_english(user)
    staff_login(client, user)
    return user


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_panel_shows_a_head_the_month_and_the_unhandled_stories(client, stories):
    head(client)
    with time_machine.travel(NOW, tick=False):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="heads-report-section"' in html
    panel = html[html.index("data-heads-report") :]
    assert "Publications</th><td data-now>0</td><td data-before>5</td>" in panel
    unhandled = stories[2]
    assert reverse("media_watch_stories:story", args=[unhandled.pk]) in panel
    assert unhandled.title in panel and stories[0].title not in panel
    assert PDF_URL in panel and XLSX_URL in panel


def test_the_panel_is_not_for_an_editor(client, stories):
    staff_login(client, member("editors", "editor"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="heads-report-section"' not in html


def test_the_pdf_and_the_workbook_hold_the_figures(client, stories):
    head(client)
    with time_machine.travel(NOW, tick=False):
        response = client.get(PDF_URL)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert "no-store" in response["Cache-Control"]
        assert "press-office-report-2026-11.pdf" in response["Content-Disposition"]
        text = pdf_text(response.content)
        for expected in (
            "Ministry of Enlightenment",
            "Press office report for November 2026",
            "Briefings held 1",
            "Median time to handle 2 h 0 min",
            "Demands opened 2",
        ):
            assert expected in text, expected
        workbook = load_workbook(io.BytesIO(client.get(XLSX_URL).content))
    assert workbook.sheetnames == [
        "Publications",
        "Briefings and accreditation",
        "Requests for information",
        "Mentions in the media",
        "Demands to outlets (Art. 38)",
        "Mentions by day",
    ]
    rows = list(workbook["Requests for information"].iter_rows(values_only=True))
    assert rows[0] == ("Figure", "Value") and ("Requests received", 3) in rows
    assert ("Overdue", 2) in rows
    days = list(workbook["Mentions by day"].iter_rows(values_only=True))
    assert len(days) == 31 and sum(row[-1] for row in days[1:]) == 4


def test_the_report_is_in_the_readers_language(client, stories):
    head(client, "kk-head", english=False)
    with time_machine.travel(NOW, tick=False):
        text = pdf_text(client.get(PDF_URL).content)
    assert "Ағарту министрлігі" in text and "Қараша 2026" in text and "November" not in text


def test_the_month_picker_defaults_to_the_last_full_month_and_refuses_bad_input(client, stories):
    head(client)
    with time_machine.travel(NOW, tick=False):
        page = client.get(INDEX)
        assert page.status_code == 200 and page.context["month"].month == 11
        assert 'data-section="requests"' in page.content.decode()
        for bad in ("2026-12", "2027-01", "nonsense", "2026-13", "0-1"):
            response = client.get(INDEX, {"month": bad})
            assert response.status_code == 200, bad
            assert "Pick a month that has ended." in response.content.decode()
        assert client.get(INDEX, {"month": "2026-10"}).context["month"].month == 10
        for url in (
            reverse("media_watch_reports:monthly", args=[2026, 12, "pdf"]),
            reverse("media_watch_reports:monthly", args=[2026, 13, "pdf"]),
            reverse("media_watch_reports:monthly", args=[2026, 11, "exe"]),
        ):
            assert client.get(url).status_code == 404, url


def test_others_get_the_admins_403_page(client, stories):
    for role in ("editors", "request_officers", "press_secretaries"):
        user = member(role, f"reports-{role}")
        prefer_english(user)
        staff_login(client, user)
        for url in (PDF_URL, XLSX_URL):
            response = client.get(url)
            assert response.status_code == 403, (role, url)
            assert "Not allowed" in response.content.decode()
        client.logout()
    staff_login(client, member("editors", "reports-editors"))
    assert client.get(INDEX).status_code == 403
