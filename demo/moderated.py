"""Hand-written news, obligatory messages, briefings and FAQ answers, in every language,
through moderation.

For each item the demo editor writes the kk draft, ru and en drafts are made through
wagtail-localize, then the kk page goes through its workflow (taking the required
translations live with it) and the remaining translations through theirs.
"""

import datetime
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import Page

from press_pages.models import (
    BriefingPage,
    FAQAnswerPage,
    NewsPage,
    NewsPageTopic,
    ObligatoryMessagePage,
)

from .content import BRIEFINGS, FAQ, FAQ_CATEGORIES, NEWS, OBLIGATORY_MESSAGES, STREAM_URL
from .fields import demo_key, hero_spec, speakers, with_translated_table
from .localize import translate
from .records import BriefingItem, FAQItem, NewsItem, ObligatoryItem
from .seeding import TRANSLATED, SeederBase, at


@dataclass
class Moderated:
    """A hand-written moderated page: its kk version and how to make and date the others."""

    page: Page  # the kk page, a draft when ``created``
    created: bool  # made by this run
    translated: Callable[[str], Page]  # an unsaved instance with the texts in a language
    fix: Callable[[Page, str], None] | None  # what wagtail-localize cannot translate
    published: datetime.datetime
    updated: datetime.datetime | None = None


def _round_robin(*groups: list) -> list:
    """Items taken from each group in turn: [a1, b1, a2, b2, b3…]."""
    return [item for row in itertools.zip_longest(*groups) for item in row if item is not None]


class ModeratedPages(SeederBase):
    """The seed step for hand-written news, briefings and answers."""

    news_count: int
    written_news_count: int
    obligatory_count: int
    briefing_count: int
    faq_count: int

    def seed_moderated_pages(self) -> None:
        """Hand-written news, obligatory messages, briefings and FAQ answers, in every
        language, moderated.

        For each item: the editor writes the kk draft, ru and en drafts are made through
        wagtail-localize, then the kk page goes through its workflow (taking the required
        translations live with it) and the remaining translations through theirs.
        """
        news = NEWS[: self.written_news_count]
        # Small runs still get both past and upcoming events, and several categories.
        briefings = _round_robin(
            [item for item in BRIEFINGS if item.days_from_now < 0],
            [item for item in BRIEFINGS if item.days_from_now >= 0],
        )[: self.briefing_count]
        answers = _round_robin(
            *([item for item in FAQ if item.category == slug] for slug in FAQ_CATEGORIES)
        )[: self.faq_count]
        messages = OBLIGATORY_MESSAGES[: self.obligatory_count]
        items = [
            *(lambda n=number, i=item: self._news_page(n, i) for number, item in enumerate(news)),
            *(
                lambda n=number, i=item: self._obligatory_page(n, i)
                for number, item in enumerate(messages)
            ),
            *(lambda i=item: self._briefing_page(i) for item in briefings),
            *(lambda i=item: self._faq_page(i) for item in answers),
        ]
        with self._bar(len(items), "News, messages, briefings and answers") as bar:
            for item in items:
                self._seed_moderated(item())
                bar.update()

    def _seed_moderated(self, item: Moderated) -> None:
        """Translate ``item``'s kk page where needed, then take what was made now live."""
        made: list[Page] = []
        if item.created:
            made.append(item.page)
        for code in TRANSLATED:
            locale = self.locales[code]
            if self._existing_translation(item.page, locale) is not None:
                continue
            target = translate(item.page, locale, item.translated(code), user=self.editor)
            self._count(target, code)
            if item.fix is not None:
                item.fix(target, code)
            target.save_revision(user=self.editor)
            made.append(target)
        self._moderate(made)
        for page in made:
            if page.locale_id == item.page.locale_id:
                self._backdate(page, item.published, item.updated)
            else:
                self._backdate(page, *self._translation_dates(item.page))

    def _news_page(self, number: int, item: NewsItem) -> Moderated:
        day = self.today - datetime.timedelta(days=item.days_ago)
        published = at(day, 9 + number % 8, 15 * (number % 4))
        page = self._find(NewsPage, "news", item.key)
        created = page is None
        if created:
            page = NewsPage(
                **self.texts.news(number, item, "kk"),
                display_date=day,
                hero_image=self.images[hero_spec(item.topics[0], number).key],
                locale=self.locales["kk"],
                translation_key=demo_key("news", item.key),
            )
            page.topic_links = [NewsPageTopic(topic=self.topics[(s, "kk")]) for s in item.topics]
            self._add_draft(self.indexes["news"], page)

        def fix(target: NewsPage, code: str) -> None:
            # Topic links follow the topics' own translations (wagtail-localize does it).
            target.body = with_translated_table(target.body, item.extra, code)

        return Moderated(
            page,
            created,
            lambda code: NewsPage(**self.texts.news(number, item, code)),
            fix,
            published,
        )

    def _obligatory_page(self, number: int, item: ObligatoryItem) -> Moderated:
        """An Art. 37 message: its event in the past, live within the law's 3 hours of it,
        through its own workflow (the check, the press secretary, the head)."""
        day = self.today - datetime.timedelta(days=item.days_ago)
        event_at = at(day, *item.event_at)
        published = event_at + datetime.timedelta(minutes=item.published_after_minutes)
        page = self._find(ObligatoryMessagePage, "obligatory", item.key)
        created = page is None
        if created:
            page = ObligatoryMessagePage(
                **self.texts.obligatory_message(number, item, "kk"),
                event_at=event_at,
                display_date=day,
                hero_image=self.images[hero_spec(item.topics[0], number).key],
                locale=self.locales["kk"],
                translation_key=demo_key("obligatory", item.key),
            )
            page.topic_links = [NewsPageTopic(topic=self.topics[(s, "kk")]) for s in item.topics]
            self._add_draft(self.indexes["news"], page)
        return Moderated(
            page,
            created,
            lambda code: ObligatoryMessagePage(**self.texts.obligatory_message(number, item, code)),
            None,
            published,
        )

    def _briefing_page(self, item: BriefingItem) -> Moderated:
        starts = at(self.today + datetime.timedelta(days=item.days_from_now), *item.start)
        ends = starts + datetime.timedelta(minutes=item.minutes)
        announced = min(
            timezone.now() - datetime.timedelta(hours=2), starts - datetime.timedelta(days=7)
        )
        # Past events were updated after they ended, when materials were added.
        updated = ends + datetime.timedelta(hours=20) if item.days_from_now < 0 else None
        page = self._find(BriefingPage, "briefing", item.key)
        created = page is None
        if created:
            deadline = None
            if item.registration_hours_before:
                deadline = starts - datetime.timedelta(hours=item.registration_hours_before)
            page = BriefingPage(
                **self.texts.briefing(item, "kk"),
                kind=item.kind,
                starts_at=starts,
                ends_at=ends,
                stream_url=STREAM_URL if item.streamed else "",
                accreditation_required=item.accreditation_required,
                registration_deadline=deadline,
                locale=self.locales["kk"],
                translation_key=demo_key("briefing", item.key),
            )
            page.speakers = speakers(item, "kk")
            self._add_draft(self.indexes["briefings"], page)

        def translated(code: str) -> BriefingPage:
            target = BriefingPage(**self.texts.briefing(item, code))
            # The same translation keys as the kk speakers: their names are paired by them.
            keys = [speaker.translation_key for speaker in page.speakers.all()]
            target.speakers = speakers(item, code, keys)
            return target

        return Moderated(
            page,
            created,
            translated,
            None,
            announced,
            updated,
        )

    def _faq_page(self, item: FAQItem) -> Moderated:
        reviewed = self.today - datetime.timedelta(days=item.reviewed_days_ago)
        page = self._find(FAQAnswerPage, "faq", item.key)
        created = page is None
        if created:
            page = FAQAnswerPage(
                **self.texts.faq(item, "kk"),
                category=self.categories[(item.category, "kk")],
                last_reviewed=reviewed,
                locale=self.locales["kk"],
                translation_key=demo_key("faq", item.key),
            )
            self._add_draft(self.indexes["faq"], page)

        def translated(code: str) -> FAQAnswerPage:
            return FAQAnswerPage(**self.texts.faq(item, code), category=page.category)

        def fix(target: FAQAnswerPage, code: str) -> None:
            target.full_answer = with_translated_table(target.full_answer, item.extra, code)

        written = at(reviewed - datetime.timedelta(days=90))
        return Moderated(page, created, translated, fix, written, at(reviewed, 16))
