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

from wagtail.users.models import UserProfile

import pytest
from pypdf import PdfReader

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from agency.models import QueuedJob
from agency.queue import run_queued
from media_watch import jobs
from media_watch.demands import services as demands
from media_watch.models import Demand, Outlet, Story, Tone, WatchTerm
from press_pages.models import NewsPage
from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP
from tests.browser.media_watch_fixtures import (
    AGENCY,
    CHAT_ID,
    OUTLET,
    media_watch_site_fixture,  # noqa: F401 (the ``media_watch_site`` fixture)
)
from tests.browser.moderation_fixtures import log_in
from tests.browser.moderation_steps import choose_action, edit_url, listing_url, moderation_trail
from tests.media_watch.feed_server import rss
from tests.media_watch.helpers import contrast_ratio, news, story_with_copies

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "Скандал: в Министерстве просвещения выявили коррупцию при закупке учебников"
SUMMARY = "По делу о коррупции задержаны два чиновника Министерства просвещения."
#: The agency's watched name as the headline writes it.
MATCHED = "Министерстве просвещения"
UNTRUE = "Министерство не закупало учебники у названных поставщиков."


def run_jobs(func: str) -> list:
    """Run the queued jobs of ``func`` as the worker does; their results."""
    waiting = QueuedJob.objects.filter(func=func).order_by("pk").values_list("pk", flat=True)
    return [run_queued(pk) for pk in waiting]


#: What the chart's colours are read from in the page: the colour painted behind the chart (its
#: own background, else the nearest ancestor's), and per bar, legend key and text its colour (a
#: pattern's base colour for a patterned fill).
CHART_COLOURS = """(svg) => {
    const backdrop = (element) => {
        for (let node = element; node instanceof Element; node = node.parentElement) {
            const colour = getComputedStyle(node).backgroundColor;
            if (!/rgba\\(.*, 0\\)$|transparent/.test(colour)) return colour;
        }
        return "rgb(255, 255, 255)";
    };
    const own = svg.querySelector("rect[data-chart-background]");
    const background = own ? getComputedStyle(own).fill : backdrop(svg.parentElement);
    const paint = (element) => {
        const fill = getComputedStyle(element).fill;
        const pattern = /url\\("?#([^")]+)"?\\)/.exec(fill);
        return pattern
            ? getComputedStyle(svg.querySelector(`#${pattern[1]} rect`)).fill
            : fill;
    };
    return {
        background,
        shapes: [...svg.querySelectorAll("rect:not([data-chart-background])")]
            .filter((rect) => !rect.closest("pattern"))
            .map(paint),
        texts: [...svg.querySelectorAll("text")].map((text) => getComputedStyle(text).fill),
    };
}"""


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
        for expected in (OUTLET, HEADLINE, MATCHED, item_url, admin_link):
            assert expected in text, (expected, text)

    # 2. The press secretary follows the alert's link, signs in on the way, and drafts a
    # refutation demand.
    secretary = new_page(viewport=DESKTOP)
    log_in(secretary, site.press_secretary, opening=admin_link)
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


def test_the_media_watch_screens_pass_axe_and_the_chart_keeps_its_contrast_in_both_themes(
    media_watch_site, new_page
):
    site = media_watch_site
    term = WatchTerm.objects.get()
    outlet = Outlet.objects.get()
    story = story_with_copies(
        HEADLINE, [(outlet, site.feeds.url("/news/1"), Tone.NEGATIVE, ["коррупция"], [term])]
    )
    for days_ago, tone in ((1, Tone.NEUTRAL), (3, Tone.POSITIVE), (3, Tone.NEGATIVE)):
        story_with_copies(
            f"{AGENCY['ru']} {tone} {days_ago}",
            [(outlet, site.feeds.url(f"/news/{tone}-{days_ago}"), tone, [], [term])],
            hours_ago=24 * days_ago,
        )
    demand = demands.create_demand(
        user=site.press_secretary,
        story=story,
        item=story.items.get(),
        kind=Demand.Kind.REFUTATION,
        text=UNTRUE,
    )
    screens = {
        "stories": "/admin/media-watch/stories/",
        "story": f"/admin/media-watch/stories/{story.pk}/",
        "chart": "/admin/media-watch/stories/chart/",
        "new demand": f"/admin/media-watch/stories/{story.pk}/demand/",
        "demands": "/admin/media-watch/demands/",
        "demand": f"/admin/media-watch/demands/{demand.pk}/",
        "sources": "/admin/media-watch/sources/",
        "outlets": "/admin/media-watch/outlets/",
        "terms": "/admin/media-watch/terms/",
    }
    officer = new_page(viewport=DESKTOP)
    log_in(officer, site.press_secretary)
    problems = []
    for name, url in screens.items():
        response = officer.goto(url)
        assert response.status == 200, (name, url, response.status)
        problems += serious_violations(officer, name)
    assert not problems, "axe-core found serious or critical problems:\n" + "\n".join(problems)

    # The chart's bars and legend keys need 3:1 against what is behind them, its text 4.5:1
    # (WCAG 1.4.11, 1.4.3), in the admin's light and dark themes.
    measured = {}
    profile = UserProfile.get_for_user(site.press_secretary)
    for theme in ("light", "dark"):
        profile.theme = theme
        profile.save(update_fields=["theme"])
        officer.goto(screens["chart"])
        colours = officer.locator("svg.mw-chart").evaluate(CHART_COLOURS)
        background = colours["background"]
        assert len(set(colours["shapes"])) == 3, colours
        measured[theme] = {
            "shapes": {c: round(contrast_ratio(c, background), 2) for c in colours["shapes"]},
            "texts": {c: round(contrast_ratio(c, background), 2) for c in colours["texts"]},
        }
        low = {c: r for c, r in measured[theme]["shapes"].items() if r < 3} | {
            c: r for c, r in measured[theme]["texts"].items() if r < 4.5
        }
        assert not low, f"{theme} theme, behind the chart {background}: {measured[theme]}"
