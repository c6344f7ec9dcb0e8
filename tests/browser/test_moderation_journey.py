"""A news item's whole way through moderation, in Chromium, as the press office does it (#3 §7).

An editor writes a news item with a personal identification number (ИИН) in its body and submits
it; the restricted-information check sends it back, showing the number masked; the editor removes
it and submits again; the press secretary finds it in their worklist and approves it; it is then
public in Kazakh and Russian together, and accessible.
"""

import re

from wagtail.models import WorkflowState

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the ``browser`` fixture skips the test, or fails it when CI=true
    expect = None

from press_pages.models import NewsPage
from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP
from tests.browser.moderation_fixtures import (
    log_in,
    moderation_site_fixture,  # noqa: F401 (the ``moderation_site`` fixture)
    translate_as_translator,
)
from tests.browser.moderation_steps import (
    choose_action,
    edit_url,
    listed,
    listing_url,
    moderation_trail,
)
from workflows.models import PressSecretaryApprovalTask

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

IIN = "900115300122"  # a made-up number with a valid ИИН checksum
MASKED_IIN = "90••••••••22"
TITLE = "Министрлік жаңа цифрлық қызметті іске қосты"
LEAD = "Азаматтар өтінішті енді онлайн бере алады."
BODY_WITH_IIN = f"Өтініш берушінің ЖСН: {IIN}."
BODY_FIXED = "Өтініш беруші қызметті бірінші болып пайдаланды."
RU = {
    TITLE: "Министерство запустило новую цифровую услугу",
    LEAD: "Граждане теперь могут подать обращение онлайн.",
    BODY_FIXED: "Заявитель первым воспользовался услугой.",
}


def write_body(browser_page, text: str) -> None:
    """Replace the text of the body's first paragraph, as typing in Draftail does.

    Draftail copies its content into the form field a moment after each change; the wait for
    that copy stands in for the pause before a person reaches the menu.
    """
    editor = browser_page.get_by_role("region", name="Body").get_by_role("textbox")
    editor.click()
    browser_page.keyboard.press("ControlOrMeta+A")
    browser_page.keyboard.type(text)
    field = browser_page.locator("input[name='body-0-value']")
    expect(field).to_have_value(re.compile(re.escape(text)))


def html_outside_body_field(browser_page) -> str:
    """The page's HTML without the body field, the one place the editor's own text belongs."""
    return browser_page.evaluate(
        """() => {
            const copy = document.documentElement.cloneNode(true);
            copy.querySelectorAll('[data-contentpath="body"]').forEach((el) => el.remove());
            return copy.outerHTML;
        }"""
    )


def test_news_item_goes_from_editor_through_the_check_and_press_secretary_to_kk_and_ru(
    moderation_site, new_page
):
    site = moderation_site

    # 1. The editor writes the news item in the admin and submits it.
    editor = new_page(viewport=DESKTOP)
    log_in(editor, site.editor)
    editor.goto(f"/admin/pages/add/press_pages/newspage/{site.news_index.pk}/")
    editor.get_by_role("textbox", name="Title").fill(TITLE)
    editor.get_by_role("textbox", name="Lead").fill(LEAD)
    editor.get_by_role("region", name="Body").get_by_role("button", name="Insert a block").click()
    editor.get_by_role("option", name="Paragraph").click()
    write_body(editor, BODY_WITH_IIN)
    # The create view offers no "Submit to News" for a news item (see the report), so the item
    # is saved as a draft first and submitted from its edit view.
    editor.locator("footer").get_by_role("button", name="Save draft").click()
    editor.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    news = NewsPage.objects.get(title=TITLE)
    choose_action(editor, "Submit to News")
    editor.wait_for_url(f"**{listing_url(site.news_index)}")

    # 2. The check sent it back at once: the editor sees that, and why, with the number masked.
    expect(listed(editor, TITLE)).to_contain_text("Changes requested", ignore_case=True)
    state = WorkflowState.objects.for_instance(news).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES, moderation_trail(news)
    editor.goto(edit_url(news))
    editor.get_by_role("tab", name="Review").click()
    panel = editor.get_by_role("region", name="Restricted information")
    expect(panel).to_contain_text("Changes requested")
    expect(panel.locator("[data-restricted-finding]")).to_have_count(1)
    expect(panel).to_contain_text("Blocks publication", ignore_case=True)
    expect(panel).to_contain_text("Personal identification number")
    expect(panel.get_by_text(MASKED_IIN, exact=True)).to_be_visible()
    history = editor.get_by_role("region", name="Review history")
    expect(history).to_contain_text("Restricted information found")
    assert IIN not in html_outside_body_field(editor)

    # 3. The editor removes the number and submits again; the check passes and the item waits
    # for the press secretary, whose "Approve" the editor is not offered.
    editor.get_by_role("tab", name="Content").click()
    write_body(editor, BODY_FIXED)
    choose_action(editor, "Resubmit to Restricted-information check")
    editor.wait_for_url(f"**{listing_url(site.news_index)}")
    expect(listed(editor, TITLE)).to_contain_text(
        "In review: Press secretary approval", ignore_case=True
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS, moderation_trail(news)
    assert isinstance(state.current_task_state.task.specific, PressSecretaryApprovalTask)
    editor.goto(edit_url(news))
    expect(editor.locator("footer").get_by_role("button").first).to_be_attached()
    # Matched by attribute: closed "More actions" items are hidden from ``get_by_role``.
    assert editor.locator("[data-workflow-action-name]").count() == 0

    # The translator's work happens outside this journey: a Russian draft made with
    # wagtail-localize from the corrected Kazakh text, to go live together with it.
    news.refresh_from_db()
    ru_news = translate_as_translator(news, "ru", RU, site.translator)
    assert not ru_news.live and ru_news.title == RU[TITLE]

    # 4. The press secretary finds the item in their worklist, opens it and approves it.
    secretary = new_page(viewport=DESKTOP)
    log_in(secretary, site.press_secretary)
    worklist = secretary.get_by_role("table", name="Awaiting me")
    worklist.get_by_role("link", name=TITLE).click()
    secretary.wait_for_url(f"**{edit_url(news)}")
    choose_action(secretary, "Approve")
    secretary.wait_for_url(f"**{listing_url(site.news_index)}")
    news.refresh_from_db()
    ru_news.refresh_from_db()
    assert news.get_latest_revision().user == site.editor, (
        "Approving in the editor, without changing anything, saved a new revision, which "
        "restarts the review:\n" + moderation_trail(news)
    )
    assert news.live and ru_news.live, moderation_trail(news)
    expect(listed(secretary, TITLE)).to_contain_text("Published", ignore_case=True)

    # 5. Both languages are public, without the number, and accessible.
    reader = new_page(viewport=DESKTOP)
    problems = {}
    for page, title in ((news, TITLE), (ru_news, RU[TITLE])):
        response = reader.goto(page.url)
        assert response.status == 200, page.url
        expect(reader.locator("h1")).to_have_text(title)
        assert IIN not in reader.content()
        problems[page.url] = serious_violations(reader)
    assert not any(problems.values()), f"axe-core found serious or critical problems: {problems}"
