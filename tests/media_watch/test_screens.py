"""The officer's screens: the stories list and its filters, a story's page with every copy and
its actions (tone corrections kept, handled with a note, a draft official comment that goes
through moderation), the chart of mentions per day, and who is turned away."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from media_watch import alerts, chart, stories
from media_watch.models import Story, ToneCorrection
from press_pages.models import NewsPage
from tests.media_watch.factories import OutletFactory, WatchTermFactory
from tests.media_watch.helpers import story_with_copies
from tests.press_pages.factories import NewsIndexPageFactory, kk_home, translate
from tests.signin import staff_login
from tests.workflows.moderation import member, moderate, prefer_english

pytestmark = pytest.mark.django_db

SCANDAL = "Скандал в Министерстве просвещения"
PRAISE = "Министерство просвещения открыло сто школ"


@pytest.fixture
def found():
    """Two stories: a negative one carried by two outlets and alerted, and a positive one."""
    agency = WatchTermFactory(text="Министерство просвещения", kind="agency")
    topic = WatchTermFactory(text="школы", kind="topic")
    daily, weekly = OutletFactory(name="Daily Almaty"), OutletFactory(name="Weekly Astana")
    scandal = story_with_copies(
        SCANDAL,
        [
            (daily, "https://daily.example/1", "negative", ["скандал"], [agency]),
            (weekly, "https://weekly.example/7", "neutral", [], [agency]),
        ],
    )
    Story.objects.filter(pk=scandal.pk).update(alerted_at=timezone.now())
    praise = story_with_copies(
        PRAISE,
        [(weekly, "https://weekly.example/8", "positive", ["успех"], [agency, topic])],
        language="kk",
        hours_ago=30,
    )
    return {"scandal": scandal, "praise": praise, "daily": daily, "topic": topic}


def signed_in(client, role):
    user = member(role, f"screens-{role}")
    prefer_english(user)
    staff_login(client, user)
    return user


def listing(client, **filters) -> str:
    response = client.get(reverse("media_watch_stories:index"), filters)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_stories_and_filters_them(client, found):
    signed_in(client, "press_secretaries")
    page = listing(client)
    assert SCANDAL in page and PRAISE in page and "Negative" in page and "Positive" in page
    assert reverse("media_watch_stories:story", args=[found["scandal"].pk]) in page
    checks = {
        "language": ("kk", PRAISE),
        "outlet": (found["daily"].pk, SCANDAL),
        "tone": ("negative", SCANDAL),
        "term": (found["topic"].pk, PRAISE),
        "alerted": ("yes", SCANDAL),
    }
    for name, (value, expected) in checks.items():
        page = listing(client, **{name: value})
        other = PRAISE if expected == SCANDAL else SCANDAL
        assert expected in page and other not in page, name
    assert SCANDAL not in listing(client, tone="neutral")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    recent = listing(client, published_from=timezone.localdate().isoformat())
    older = listing(client, published_to=(yesterday - datetime.timedelta(days=1)).isoformat())
    assert SCANDAL in recent and PRAISE not in older and SCANDAL not in older
    stories.mark_handled(found["praise"], member("press_secretaries", "other"), "Answered.")
    handled = listing(client, handled="yes")
    assert PRAISE in handled and SCANDAL not in handled
    assert listing(client, tone="bogus")  # an unknown choice is ignored, never a 500


def test_the_story_page_shows_every_copy_and_why(client, found):
    signed_in(client, "heads")
    response = client.get(reverse("media_watch_stories:story", args=[found["scandal"].pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Daily Almaty",
        "Weekly Astana",
        'href="https://daily.example/1"',
        'href="https://weekly.example/7"',
        "«Министерство просвещения»",
        "скандал",
    ):
        assert text in page
    # The Heads read; the actions are the press secretaries'.
    assert "Correct the tone" not in page and "Mark handled" not in page
    assert "Draft an official comment" not in page
    assert "Draft a refutation" not in page  # no demand screen in this build


def test_a_tone_correction_is_kept_with_its_history(client, found):
    user = signed_in(client, "press_secretaries")
    story = found["scandal"]
    mention = story.mentions.get(item__outlet__name="Weekly Astana")
    url = reverse("media_watch_stories:tone", args=[story.pk, mention.pk])
    prefix = f"m{mention.pk}"
    client.post(url, {f"{prefix}-tone": "negative", f"{prefix}-note": "Sarcasm"})
    client.post(url, {f"{prefix}-tone": "positive", f"{prefix}-note": ""})
    assert client.post(url, {f"{prefix}-tone": "furious"}).status_code == 302
    mention.refresh_from_db()
    assert (mention.tone, mention.corrected_tone) == ("neutral", "positive")
    history = list(ToneCorrection.objects.filter(mention=mention).order_by("pk"))
    assert [(c.previous_tone, c.tone, c.user) for c in history] == [
        ("neutral", "negative", user),
        ("negative", "positive", user),
    ]
    assert ModelLogEntry.objects.filter(action="media_watch.tone_corrected").count() == 2
    page = client.get(reverse("media_watch_stories:story", args=[story.pk])).content.decode()
    assert page.count("data-correction") == 2 and "Sarcasm" in page


def test_marking_handled_keeps_the_note_and_logs_it(client, found):
    user = signed_in(client, "press_secretaries")
    story = found["scandal"]
    url = reverse("media_watch_stories:handled", args=[story.pk])
    empty = client.post(url, {"note": "   "}, follow=True).content.decode()
    assert "Say how the story was handled" in empty
    story.refresh_from_db()
    assert story.handled_at is None
    client.post(url, {"note": "Called the editor; correction published."})
    story.refresh_from_db()
    assert story.handled_by == user and story.handled_note.startswith("Called the editor")
    (entry,) = ModelLogEntry.objects.filter(action="media_watch.story_handled")
    assert entry.user == user and entry.data["note"].startswith("Called the editor")
    page = client.get(reverse("media_watch_stories:story", args=[story.pk])).content.decode()
    assert "Called the editor; correction published." in page


def test_the_official_comment_is_a_draft_that_goes_through_moderation(client, found):
    index = NewsIndexPageFactory(parent=kk_home())
    user = signed_in(client, "press_secretaries")
    story = found["scandal"]
    response = client.post(reverse("media_watch_stories:comment", args=[story.pk]))
    story.refresh_from_db()
    page = NewsPage.objects.get(pk=story.comment_page_id)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().pk == index.pk and not page.live
    assert page.title == f"Түсініктеме: {SCANDAL}" and "Daily Almaty" in page.lead
    revision = page.get_latest_revision()
    assert revision.user == user
    assert "https://daily.example/1" in str(page.body.raw_data)
    assert ModelLogEntry.objects.filter(action="media_watch.comment_drafted").exists()
    again = client.post(reverse("media_watch_stories:comment", args=[story.pk]))
    assert again["Location"] == response["Location"]
    assert NewsPage.objects.count() == 1
    story_page = client.get(reverse("media_watch_stories:story", args=[story.pk]))
    assert "data-comment" in story_page.content.decode()
    live = moderate(page, author=user)
    assert live.live


def test_the_comment_goes_to_the_news_section_of_the_storys_language(client, found):
    NewsIndexPageFactory(parent=kk_home())
    russian = NewsIndexPageFactory(parent=translate(kk_home(), "ru"), slug="novosti")
    signed_in(client, "press_secretaries")
    story = found["scandal"]
    client.post(reverse("media_watch_stories:comment", args=[story.pk]))
    story.refresh_from_db()
    page = NewsPage.objects.get(pk=story.comment_page_id)
    assert page.get_parent().pk == russian.pk and page.locale.language_code == "ru"
    assert page.title == f"Комментарий: {SCANDAL}" and "Комментарий ведомства" in page.lead


def test_without_a_news_section_the_comment_is_refused_with_a_reason(client, found):
    signed_in(client, "press_secretaries")
    story = found["scandal"]
    response = client.post(reverse("media_watch_stories:comment", args=[story.pk]), follow=True)
    assert "There is no news section" in response.content.decode()
    assert not NewsPage.objects.exists()


def test_others_are_refused_with_the_admins_403_page(client, found):
    signed_in(client, "editors")
    story = found["scandal"]
    for url in (
        reverse("media_watch_stories:index"),
        reverse("media_watch_stories:chart"),
        reverse("media_watch_stories:story", args=[story.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403 and "Not allowed" in response.content.decode()
    client.logout()
    signed_in(client, "heads")
    for name in ("handled", "comment"):
        response = client.post(
            reverse(f"media_watch_stories:{name}", args=[story.pk]), {"note": "x"}
        )
        assert response.status_code == 403
    mention = story.mentions.first()
    tone = reverse("media_watch_stories:tone", args=[story.pk, mention.pk])
    assert client.post(tone, {f"m{mention.pk}-tone": "positive"}).status_code == 403
    story.refresh_from_db()
    assert story.handled_at is None and not ToneCorrection.objects.exists()


def test_mentions_by_day_count_the_officers_tone(found):
    mention = found["scandal"].mentions.get(item__outlet__name="Weekly Astana")
    mention.corrected_tone = "negative"
    mention.save()
    rows = stories.mentions_by_day()
    assert len(rows) == stories.CHART_DAYS and rows[-1]["day"] == timezone.localdate()
    by_day = {row["day"]: row for row in rows if row["total"]}
    scandal_day = timezone.localtime(found["scandal"].published_at).date()
    assert by_day[scandal_day]["negative"] >= 2
    assert sum(row["positive"] for row in rows) == 1
    svg = chart.svg(rows, "Mentions")
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "url(#mw-hatch)" in svg and "url(#mw-dots)" in svg  # not colour alone


def test_the_chart_page_has_the_svg_and_its_table(client, found):
    signed_in(client, "heads")
    page = client.get(reverse("media_watch_stories:chart")).content.decode()
    assert "<svg" in page and "Mentions per day by tone, last 30 days" in page
    assert "data-chart-table" in page and "<details>" in page
    index = client.get(reverse("media_watch_stories:index")).content.decode()
    assert reverse("media_watch_stories:chart") in index


def test_the_alert_links_to_the_story_in_the_admin(found):
    text = alerts.telegram_text(found["scandal"])
    url = "http://testserver" + reverse("media_watch_stories:story", args=[found["scandal"].pk])
    assert url in text


def test_the_story_page_leads_to_the_demand_form(client, found):
    signed_in(client, "press_secretaries")
    story = found["scandal"]
    page = client.get(reverse("media_watch_stories:story", args=[story.pk])).content.decode()
    demand_form = reverse("media_watch_demand_create", args=[story.pk])
    assert f'href="{demand_form}"' in page and "data-demand" in page
    assert client.get(demand_form).status_code == 200
