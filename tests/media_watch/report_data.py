"""A month of the press office's work for the report tests: November 2026, counted on
6 December 2026 (Asia/Almaty), with a few things just outside the month that must not count.

Pages are drafts whose first publication is set directly (what the figures read), so no
moderation runs here; the moderation of the annual draft is tested on its own.
"""

import datetime
import zoneinfo

from django.utils import timezone

from wagtail.models import Page

from accreditation.models import Accreditation, ApplicationJournalist
from citizen_requests.kinds import Status
from citizen_requests.models import CitizenRequest
from media_watch.models import Demand, Story
from tests.accreditation.factories import AccreditationFactory, ApplicationJournalistFactory
from tests.citizen_requests.helpers import make_case
from tests.media_watch.factories import OutletFactory, WatchTermFactory
from tests.media_watch.helpers import story_with_copies
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ObligatoryMessagePageFactory,
    kk_home,
    locale,
)

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
#: When the tests run: 6 December 2026, noon in Almaty.
NOW = datetime.datetime(2026, 12, 6, 12, 0, tzinfo=ALMATY)
NOVEMBER = datetime.date(2026, 11, 1)


def at(month, day, hour=10, minute=0):
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=ALMATY)


def first_published(page, moment):
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)


def publications():
    """Two kk news items, one ru news item, an obligatory message and an FAQ answer in November;
    a news item of 31 October (in Almaty, though 1 November is near) outside it."""
    index = NewsIndexPageFactory(parent=kk_home())
    for moment in (at(11, 3), at(11, 30, 23, 30)):
        first_published(NewsPageFactory(parent=index, live=False), moment)
    first_published(NewsPageFactory(parent=index, live=False), at(10, 31, 23, 59))
    russian = NewsPageFactory(parent=index, live=False).copy_for_translation(
        locale("ru"), copy_parents=True
    )
    first_published(russian, at(11, 12))
    message = ObligatoryMessagePageFactory(parent=index, live=False, event_at=at(11, 4))
    first_published(message, at(11, 4, 11))
    faq = FAQAnswerPageFactory(parent=FAQIndexPageFactory(parent=kk_home()), live=False)
    first_published(faq, at(11, 20))
    return index


def briefings():
    """One briefing held on 10 November; one cancelled, one in December: not counted."""
    index = BriefingIndexPageFactory(parent=kk_home())
    held = BriefingPageFactory(parent=index, live=False, starts_at=at(11, 10))
    cancelled = BriefingPageFactory(parent=index, live=False, starts_at=at(11, 12), cancelled=True)
    later = BriefingPageFactory(parent=index, live=False, starts_at=at(12, 2))
    Page.objects.filter(pk__in=[held.pk, cancelled.pk, later.pk]).update(live=True)


def requests():
    """Received in November: one answered on time, one answered late, one open past its due
    date; one received in October."""
    on_time = make_case(received_at=at(11, 2))
    late = make_case(received_at=at(11, 5))
    still_open = make_case(received_at=at(11, 6))
    make_case(received_at=at(10, 20))
    CitizenRequest.objects.filter(pk=on_time.pk).update(
        status=Status.ANSWERED, answered_at=at(11, 9)
    )
    CitizenRequest.objects.filter(pk=late.pk).update(
        status=Status.ANSWERED, answered_at=at(12, 4), answer_due=datetime.date(2026, 11, 20)
    )
    CitizenRequest.objects.filter(pk=still_open.pk).update(answer_due=datetime.date(2026, 11, 25))


def accreditations():
    """Two granted and one withdrawn in November, one journalist refused; one granted in
    October."""
    granted = [AccreditationFactory() for _ in range(3)]
    for card, moment in zip(granted, (at(11, 5), at(11, 6), at(10, 1)), strict=True):
        Accreditation.objects.filter(pk=card.pk).update(created_at=moment)
    Accreditation.objects.filter(pk=granted[2].pk).update(
        status=Accreditation.Status.DEPRIVED, deprived_at=at(11, 15)
    )
    refused = ApplicationJournalistFactory()
    ApplicationJournalist.objects.filter(pk=refused.pk).update(
        decision=ApplicationJournalist.Decision.REFUSED, decided_at=at(11, 8)
    )


def mentions():
    """Four mentions in November: two negative as scored, one of them corrected to positive by
    an officer; a neutral and a positive one. Three stories alerted: handled after one and
    three hours, and one not yet. Returns the stories."""
    term = WatchTermFactory(text="Министерство просвещения", kind="agency")
    outlet = OutletFactory(name="Daily Almaty")
    hours = (NOW - at(11, 10)).total_seconds() / 3600
    stories = [
        story_with_copies(
            f"История {n}",
            [(outlet, f"https://daily.example/{n}", tone, [], [term])],
            hours_ago=hours - n,
        )
        for n, tone in enumerate(("negative", "negative", "neutral", "positive"))
    ]
    corrected = stories[1].mentions.get()
    corrected.corrected_tone = "positive"
    corrected.save(update_fields=["corrected_tone"])
    story_with_copies(
        "Октябрьская история",
        [(outlet, "https://daily.example/october", "negative", [], [term])],
        hours_ago=(NOW - at(10, 15)).total_seconds() / 3600,
    )
    for story, handled_after in zip(stories[:3], (1, 3, None), strict=True):
        alerted = at(11, 11)
        Story.objects.filter(pk=story.pk).update(
            alerted_at=alerted,
            handled_at=alerted + datetime.timedelta(hours=handled_after) if handled_after else None,
        )
    return stories


def demands(story):
    """Two demands opened in November, one of them sent and closed; one opened in October."""
    item = story.items.get()
    for number, (created, sent, closed) in enumerate(
        ((at(11, 12), datetime.date(2026, 11, 13), at(11, 28)), (at(11, 14), None, None))
        + ((at(10, 2), None, None),)
    ):
        Demand.objects.create(
            story=story,
            item=item,
            outlet=item.outlet,
            kind=Demand.Kind.REFUTATION,
            language="ru",
            number=f"ТШ-2026-{number:06d}",
            text="Опровергнуть.",
            limitation_ends=datetime.date(2027, 11, 10),
            created_at=created,
            sent_on=sent,
            closed_at=closed,
            status=Demand.Status.CLOSED if closed else Demand.Status.DRAFT,
        )


def november():
    """Everything above; returns the stories of the mentions."""
    publications()
    briefings()
    requests()
    accreditations()
    stories = mentions()
    demands(stories[0])
    assert timezone.localdate() == NOW.date()
    return stories
