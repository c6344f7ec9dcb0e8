"""The media watch in Chromium, from an outlet's item to the agency's answer on the site.

An outlet's feed carries a negative item about the agency; the minute schedule's job polls it;
the head is alerted by e-mail and in Telegram; the press secretary opens the story from the
alert, drafts a refutation demand and downloads its letter, drafts an official comment and
submits it; another press secretary approves it; the comment is on the site and the story
links to it. Then axe-core and the chart's own colour check on the media watch's screens.
"""

import io
import re

from django.core import mail

import pytest
from pypdf import PdfReader

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from agency.models import QueuedJob
from agency.queue import run_queued
from media_watch import jobs
from media_watch.models import Demand, Story
from press_pages.models import NewsPage
from tests.browser.conftest import DESKTOP
from tests.browser.media_watch_fixtures import (
    CHAT_ID,
    OUTLET,
    media_watch_site_fixture,  # noqa: F401 (the ``media_watch_site`` fixture)
)
from tests.browser.moderation_fixtures import log_in
from tests.browser.moderation_steps import choose_action, edit_url, listing_url, moderation_trail
from tests.media_watch.feed_server import rss
from tests.media_watch.helpers import news

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "Скандал: в Министерстве просвещения выявили коррупцию при закупке учебников"
SUMMARY = "По делу о коррупции задержаны два чиновника Министерства просвещения."
UNTRUE = "Министерство не закупало учебники у названных поставщиков."


def run_jobs(func: str) -> list:
    """Run the queued jobs of ``func`` as the worker does; their results."""
    waiting = QueuedJob.objects.filter(func=func).order_by("pk").values_list("pk", flat=True)
    return [run_queued(pk) for pk in waiting]


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_negative_item_is_alerted_answered_by_a_demand_and_a_comment_that_goes_live(
    media_watch_site, live_server, new_page
):
    site = media_watch_site
    item_url = site.feeds.url("/news/scandal")
    site.feeds.add("/rss.xml", rss([news(item_url, HEADLINE, SUMMARY)], language="ru"))

    # 1. The minute schedule queues the source's poll; the worker runs it and the head is alerted.
    assert jobs.poll_due_sources() == 1
    [polled] = run_jobs("media_watch.jobs.poll_source")
    assert polled["outcome"] == "fetched" and polled["alerts"] == 1, polled
    story = Story.objects.get()
    [to_head] = [message for message in mail.outbox if site.head.email in message.to]
    assert HEADLINE in to_head.subject
    admin_link = re.search(r"https?://\S+/admin/media-watch/stories/\d+/", to_head.body)[0]
    assert admin_link == f"{live_server.url}/admin/media-watch/stories/{story.pk}/"
    assert run_jobs("media_watch.jobs.send_telegram_alert") == [True]
    [telegram] = site.bot_api.messages
    assert telegram["chat_id"] == CHAT_ID
    for text in (to_head.body, telegram["text"]):
        for expected in (OUTLET, HEADLINE, "Министерстве просвещения", item_url, admin_link):
            assert expected in text, (expected, text)

    # 2. The press secretary opens the story from the alert and drafts a refutation demand.
    secretary = new_page(viewport=DESKTOP)
    log_in(secretary, site.press_secretary)
    secretary.goto(admin_link)
    expect(secretary.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    secretary.get_by_role("link", name="Draft a refutation or reply demand").click()
    secretary.get_by_role("radio", name="Refutation").check()
    expect(secretary.get_by_label("Copy answered")).to_have_value(str(story.items.get().pk))
    secretary.get_by_label("What is untrue, or the text of the reply").fill(UNTRUE)
    secretary.get_by_role("button", name="Draft the demand").click()
    demand = Demand.objects.get()
    secretary.wait_for_url(f"**/admin/media-watch/demands/{demand.pk}/")
    expect(secretary.get_by_role("heading", level=1)).to_contain_text(demand.number)
    with secretary.expect_download() as download:
        secretary.get_by_role("link", name="Download the letter (PDF)").click()
    letter = download.value.path().read_bytes()
    assert letter.startswith(b"%PDF-")
    text = " ".join(pdf_text(letter).split())
    for expected in (demand.number, OUTLET, HEADLINE, item_url, UNTRUE):
        assert expected in text, (expected, text)

    # 3. From the story, an official comment: a draft news item in the page editor, submitted.
    secretary.goto(admin_link)
    secretary.get_by_role("button", name="Draft an official comment").click()
    secretary.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    story.refresh_from_db()
    comment = NewsPage.objects.get(pk=story.comment_page_id)
    assert not comment.live and comment.get_parent().pk == site.news_index.pk
    expect(secretary.get_by_role("textbox", name="Title")).to_have_value(comment.title)
    choose_action(secretary, "Submit to News")
    secretary.wait_for_url(f"**{listing_url(site.news_index)}")

    # 4. Another press secretary approves it from their worklist; it is live.
    approver = new_page(viewport=DESKTOP)
    log_in(approver, site.approver)
    worklist = approver.get_by_role("table", name="Awaiting me")
    worklist.get_by_role("link", name=comment.title).click()
    approver.wait_for_url(f"**{edit_url(comment)}")
    choose_action(approver, "Approve")
    approver.wait_for_url(f"**{listing_url(site.news_index)}")
    comment.refresh_from_db()
    assert comment.live, moderation_trail(comment)

    # 5. The comment is on the site, and the story links to it as live.
    reader = new_page(viewport=DESKTOP)
    response = reader.goto(comment.url)
    assert response.status == 200, comment.url
    expect(reader.locator("h1")).to_have_text(comment.title)
    expect(reader.locator("main")).to_contain_text(HEADLINE)
    secretary.goto(admin_link)
    expect(secretary.locator("[data-comment]")).to_contain_text(f"{comment.title} (live)")
