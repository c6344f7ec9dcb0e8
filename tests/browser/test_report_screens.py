"""The reports' screens in Chromium: what a head, a press secretary and a request officer see.

A head signs in to the dashboard's "Press office this month" panel, opens Media watch → Reports,
picks a month and downloads its PDF and workbook. A press secretary previews the coming week's
announcements, sets the authorised body's address in Settings → Weekly announcements, sends the
week by hand and drafts the annual report. A request officer filters Reports → Signed
submissions by verdict and sees the signer's full IIN. axe-core checks every screen on the way.
"""

import datetime
import io
import re
from concurrent.futures import ThreadPoolExecutor

from django.core import mail
from django.db import connections
from django.utils import timezone

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from agency.calendar import LOCAL_TZ
from esign import services as esign
from media_watch.announcements.week import Week
from media_watch.models import AnnouncementSending, AnnualReport, Outlet, Story, Tone, WatchTerm
from media_watch.reports.figures import previous_month
from press_pages.models import NewsPage
from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP
from tests.browser.media_watch_fixtures import (
    AGENCY,
    media_watch_site_fixture,  # noqa: F401 (the ``media_watch_site`` fixture)
)
from tests.browser.moderation_fixtures import log_in, staff
from tests.citizen_requests.factories import CitizenRequestFactory
from tests.esign.world import HEAD_IIN, IIN
from tests.media_watch.helpers import story_with_copies
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    BriefingSpeakerFactory,
    kk_home,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UNHANDLED = "Министерство просвещения сорвало сроки ремонта школ"
BRIEFING = "Оқу жылының қорытындысы"
MINISTRY = "announcements@mci.gov.kz"


#: Resolves once every animation of the page that ends within two seconds has ended.
SHORT_ANIMATIONS_OVER = """Promise.all(
    document.getAnimations()
        .filter((animation) => animation.effect.getComputedTiming().endTime <= 2000)
        .map((animation) => animation.finished)
)"""


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split()
    )


def no_serious_problems(browser_page, where: str) -> None:
    """axe-core's serious and critical findings on the page once its short animations (a
    message fading in) are over, as a reader sees it; a badge that keeps pinging is not waited
    for."""
    browser_page.evaluate(SHORT_ANIMATIONS_OVER)
    problems = serious_violations(browser_page, where)
    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)


def download(browser_page, link):
    """Click ``link``: the file's bytes and name; and the Content-Type the server gives it (a
    download raises no response event, so the same address is asked again in the session; the
    file is made anew, its bytes not quite the same, as it records when it was made)."""
    with browser_page.expect_download() as downloaded:
        link.click()
    data = downloaded.value.path().read_bytes()
    answer = browser_page.request.get(link.get_attribute("href"))
    assert answer.ok, answer.status
    assert downloaded.value.suggested_filename in answer.headers["content-disposition"]
    return data, downloaded.value.suggested_filename, answer.headers["content-type"]


def negative_story(title: str, slug: str, *, hours_ago: float = 0) -> Story:
    """A story of one negative copy in the outlet, naming the agency, published ``hours_ago``."""
    term, outlet = WatchTerm.objects.get(), Outlet.objects.get()
    return story_with_copies(
        title,
        [(outlet, f"https://kursiv.example/{slug}", Tone.NEGATIVE, [], [term])],
        hours_ago=hours_ago,
    )


def test_a_head_reads_the_panel_and_downloads_a_months_report(media_watch_site, new_page):
    site = media_watch_site
    story = negative_story(UNHANDLED, "schools")
    Story.objects.filter(pk=story.pk).update(alerted_at=timezone.now())
    # The month to pick: the one before the last full month, with a negative story of its own.
    picked = previous_month(previous_month(timezone.localdate()))
    middle = datetime.datetime.combine(picked.replace(day=15), datetime.time(12), tzinfo=LOCAL_TZ)
    negative_story(
        "Прошлый скандал", "earlier", hours_ago=(timezone.now() - middle).total_seconds() / 3600
    )

    head = new_page(viewport=DESKTOP)
    log_in(head, site.head)
    panel = head.locator("[data-heads-report]")
    expect(panel).to_be_visible()
    negative = panel.get_by_role("row", name=re.compile("^Negative mentions"))
    expect(negative.locator("[data-now]")).to_have_text("1")
    alerted = panel.get_by_role("row", name=re.compile("^Stories alerted to the Heads"))
    expect(alerted.locator("[data-now]")).to_have_text("1")
    link = panel.locator("[data-unhandled]").get_by_role("link", name=UNHANDLED)
    expect(link).to_have_attribute("href", f"/admin/media-watch/stories/{story.pk}/")
    no_serious_problems(head, "home with the panel")

    head.get_by_role("button", name="Media watch").click()
    head.get_by_role("link", name="Reports", exact=True).click()
    head.wait_for_url("**/admin/media-watch/reports/")
    expect(head.get_by_role("heading", level=1)).to_have_text("Reports for the Heads")
    head.get_by_label("Month", exact=True).fill(f"{picked:%Y-%m}")
    head.get_by_role("button", name="Show", exact=True).click()
    head.wait_for_url(f"**/admin/media-watch/reports/?month={picked:%Y-%m}")
    no_serious_problems(head, "reports")

    pdf, pdf_name, pdf_type = download(head, head.locator("[data-download-pdf]"))
    assert pdf_type == PDF and pdf_name == f"press-office-report-{picked:%Y-%m}.pdf"
    text = pdf_text(pdf)
    assert AGENCY["kk"] in text and f"Press office report for {picked:%B %Y}" in text, text
    xlsx, xlsx_name, xlsx_type = download(head, head.locator("[data-download-xlsx]"))
    assert xlsx_type == XLSX and xlsx_name == f"press-office-report-{picked:%Y-%m}.xlsx"
    rows = {
        row[0]: row[1:]
        for sheet in load_workbook(io.BytesIO(xlsx)).worksheets
        for row in sheet.iter_rows(values_only=True)
    }
    assert rows["All mentions"][0] == 1, rows  # the picked month's story


def test_a_press_secretary_sends_the_weeks_announcements_and_drafts_the_annual_report(
    media_watch_site, new_page
):
    site = media_watch_site
    week = Week.coming()
    starts_at = datetime.datetime.combine(
        week.monday + datetime.timedelta(days=2), datetime.time(11), tzinfo=LOCAL_TZ
    )
    briefing = BriefingPageFactory(
        parent=BriefingIndexPageFactory(parent=kk_home(), title="Брифингтер", slug="briefings"),
        title=BRIEFING,
        slug="results",
        starts_at=starts_at,
    )
    BriefingSpeakerFactory(page=briefing, locale=briefing.locale)

    secretary = new_page(viewport=DESKTOP)
    log_in(secretary, site.press_secretary)
    secretary.get_by_role("button", name="Media watch").click()
    secretary.get_by_role("link", name="Weekly announcements").click()
    secretary.wait_for_url("**/admin/media-watch/announcements/")
    expect(secretary.locator("[data-week]")).to_have_attribute("data-week", week.slug())
    expect(secretary.locator("[data-announcements]")).to_contain_text(BRIEFING)
    expect(secretary.locator("[data-sending-off]")).to_be_visible()
    expect(secretary.get_by_role("button", name="Send now")).to_be_disabled()
    no_serious_problems(secretary, "weekly announcements")

    secretary.get_by_role("link", name="Settings → Weekly announcements").click()
    secretary.wait_for_url("**/admin/settings/media_watch/announcementsettings/**")
    secretary.get_by_role("textbox", name="Addresses of the authorised body").fill(MINISTRY)
    no_serious_problems(secretary, "settings: weekly announcements")
    secretary.get_by_role("button", name="Save").click()
    expect(secretary.get_by_text("Weekly announcements updated.")).to_be_visible()

    secretary.goto("/admin/media-watch/announcements/")
    expect(secretary.locator("[data-sending-off]")).to_contain_text("The Friday sending is off")
    secretary.get_by_role("button", name="Send now").click()
    expect(secretary.locator(".messages")).to_contain_text(
        f"The announcements of the week {week.label()} are sent to {MINISTRY}."
    )
    expect(secretary.locator("[data-week-sent]")).to_be_visible()
    no_serious_problems(secretary, "weekly announcements, sent")
    (message,) = [m for m in mail.outbox if MINISTRY in m.to]
    assert sorted(mimetype for _name, _content, mimetype in message.attachments) == [
        PDF,
        PDF,
        XLSX,
    ]
    assert AnnouncementSending.objects.get().user == site.press_secretary

    # The annual report: drafted from the Reports page, opened in the page editor.
    secretary.goto("/admin/media-watch/reports/")
    expect(secretary.locator("[data-monthly-report]")).to_have_count(0)  # for the Heads only
    year = timezone.localdate().year - 1
    expect(secretary.get_by_label("Year")).to_have_value(str(year))
    secretary.get_by_role("button", name="Draft the annual report").click()
    secretary.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    draft = NewsPage.objects.get(pk=AnnualReport.objects.get(year=year).page_id)
    assert not draft.live and draft.get_parent().pk == site.news_index.pk
    expect(secretary.get_by_role("textbox", name="Title")).to_have_value(draft.title)
    expect(secretary.locator(".messages")).to_contain_text(f"Draft “{draft.title}” created.")


def sign_and_keep(world) -> dict:
    """Two requests signed with the test NCA's key and kept as ``esign.services`` keeps them: one
    valid, one signed by someone other than the requester (invalid)."""
    kept = {}
    try:
        for verdict, expected_iin in (("valid", IIN), ("invalid", HEAD_IIN)):
            case = CitizenRequestFactory()
            document = esign.issue_document(
                "citizen_request", {"requester": {"iin": expected_iin}, "text": case.subject}
            )
            cms = world.sign(document.data, "rsa", at=timezone.now())
            outcome = esign.verify_document(
                document.nonce, cms, purpose="citizen_request", iin=expected_iin
            )
            assert outcome.verdict.state == verdict, outcome.verdict
            kept[verdict] = (case, esign.record(outcome, target=case))
    finally:
        connections.close_all()
    return kept


@pytest.fixture
def signed_requests(pinned, browser, live_server, django_db_serialized_rollback, transactional_db):
    """The signed requests of :func:`sign_and_keep`, committed so the live server sees them.

    The verification waits on pyHanko's own event loop, which cannot run in a thread where
    Playwright's loop runs (this one), so it runs in a thread of its own.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(sign_and_keep, pinned).result()


def test_a_request_officer_filters_the_signed_submissions_by_verdict(signed_requests, new_page):
    (valid_case, valid), (invalid_case, _invalid) = (
        signed_requests["valid"],
        signed_requests["invalid"],
    )
    officer = new_page(viewport=DESKTOP)
    log_in(officer, staff("request_officers", "request-officer"))
    officer.get_by_role("button", name="Reports").click()
    officer.get_by_role("link", name="Signed submissions").click()
    officer.wait_for_url("**/admin/esign/signed/")
    rows = officer.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)

    officer.get_by_role("button", name="Show filters").click()
    officer.get_by_role("button", name="Verdict").click()
    officer.get_by_label("Verdict").select_option(label="Valid")
    officer.wait_for_url(re.compile(r"[?&]verdict=valid"))
    expect(rows).to_have_count(1)
    row = rows.first
    expect(row).to_contain_text(valid.name)
    expect(row.get_by_role("cell", name=IIN, exact=True)).to_be_visible()
    expect(row.get_by_role("cell", name="Valid", exact=True)).to_be_visible()
    expect(row.get_by_role("link", name=f"Request {valid_case.number}")).to_be_visible()
    expect(officer.locator("table.listing")).not_to_contain_text(invalid_case.number)
    no_serious_problems(officer, "signed submissions")
