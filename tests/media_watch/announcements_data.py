"""A week of announcements for the tests of the weekly export, built on Friday 6 March 2026.

The coming week runs from Monday 9 March 2026 00:00 to Sunday 15 March 23:59 (Asia/Almaty):

* a briefing on Sunday 15 March at 23:59, in Kazakh and Russian (in the week, its last minute);
* an interview on Monday 9 March at 00:00, in Kazakh only (in the week, its first minute);
* a press conference on Monday 16 March at 00:00 (the next week) and one on Sunday 8 March at
  23:59 (the current week): neither is in the coming week;
* a news item approved to go live on Wednesday 11 March at 10:00, and one on 17 March.
"""

import datetime
import zoneinfo
from types import SimpleNamespace

import time_machine

from agency.models import AgencyProfile
from media_watch.announcements.week import Week
from press_pages.models import BriefingPage
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    BriefingSpeakerFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    locale,
    translate,
)
from tests.workflows.moderation import approve_all, member, submit

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
#: "Now" while the data is built: Friday 6 March 2026, 11:00 in Almaty.
BUILT_AT = datetime.datetime(2026, 3, 6, 11, 0, tzinfo=ALMATY)
WEEK = Week(datetime.date(2026, 3, 9))


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=ALMATY)


def _briefing(parent, title, slug, kind, starts_at, venue="Астана, баспасөз залы"):
    page = BriefingPageFactory(
        parent=parent,
        title=title,
        slug=slug,
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=1),
        venue=venue,
        accreditation_required=True,
    )
    BriefingSpeakerFactory(page=page, locale=page.locale, name="Айгүл Серікова")
    return page


def build_week() -> SimpleNamespace:
    with time_machine.travel(BUILT_AT, tick=False):
        for language, name in (
            ("kk", "Цифрлық даму министрлігі"),
            ("ru", "Министерство цифрового развития"),
        ):
            AgencyProfile.objects.update_or_create(
                locale=locale(language),
                defaults={
                    "name": name,
                    "address": "Астана",
                    "press_secretary_name": "Айгүл Серікова",
                    "press_secretary_phone": "+7 7172 00 00 00",
                },
            )
        briefings = BriefingIndexPageFactory(parent=kk_home())
        news = NewsIndexPageFactory(parent=kk_home())
        Kind = BriefingPage.Kind
        last_minute = _briefing(briefings, "Жыл қорытындысы", "year", Kind.BRIEFING, at(15, 23, 59))
        translate(last_minute, "ru", title="Итоги года", slug="itogi", venue="Астана, пресс-зал")
        first_minute = _briefing(
            briefings, "Министрмен сұхбат", "interview", Kind.INTERVIEW, at(9, 0, 0)
        )
        _briefing(briefings, "Келесі апта", "next", Kind.PRESS_CONFERENCE, at(16, 0, 0))
        _briefing(briefings, "Өткен апта", "last", Kind.PRESS_CONFERENCE, at(8, 23, 59))

        author = member("editors", "announcements-author")
        author.first_name, author.last_name = "Дәурен", "Ахметов"
        author.save()
        scheduled = NewsPageFactory(
            parent=news,
            title="Жаңа цифрлық қызмет",
            slug="service",
            go_live_at=at(11, 10),
            live=False,
        )
        scheduled.save_revision(user=author)
        _approve(scheduled, author)
        later = NewsPageFactory(
            parent=news, title="Кейінгі жаңалық", slug="later", go_live_at=at(17, 10), live=False
        )
        _approve(later, author)
    return SimpleNamespace(
        last_minute=last_minute,
        first_minute=first_minute,
        scheduled=scheduled,
        later=later,
        author=author,
    )


def _approve(page, author):
    """Take ``page`` through its workflow; its ``go_live_at`` being ahead, it is scheduled."""
    state = approve_all(submit(page, author))
    assert state.status == "approved", state.status
    page.refresh_from_db()
    assert not page.live
