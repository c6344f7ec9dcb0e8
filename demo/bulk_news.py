"""Benchmark-sized news: items beyond the hand-written ones, composed from sentence fragments
(:mod:`demo.generated`) and inserted in bulk (:func:`demo.bulk.append_child_pages`).
"""

import datetime

from django.contrib.contenttypes.models import ContentType

from press_pages.models import NewsIndexPage, NewsPage, NewsPageTopic

from .bulk import append_child_pages
from .fields import demo_key
from .seeding import SeederBase, at
from .text import LANGUAGES

BULK_BATCH = 500
# Generated news is spread over this many days before the hand-written items.
GENERATED_SPAN_DAYS = 5 * 365


class BulkNews(SeederBase):
    """The seed step for composed news."""

    news_count: int
    written_news_count: int

    def seed_generated_news(self) -> None:
        """Insert news beyond the hand-written items in bulk, in every language, then moderate it.

        Adding 10,000 pages one by one costs many queries and signal handlers each; here the
        drafts go in with a few queries per item and pictures come from the shared pool. Each
        item then goes live through moderation like any other news: the kk draft with its
        required translations, then the rest. These pages have no wagtail-localize source:
        their ru and en versions are composed directly and linked to the kk one by
        translation key.
        """
        extra = self.news_count - self.written_news_count
        if extra <= 0:
            return
        indexes = {
            code: NewsIndexPage.objects.filter(
                translation_key=self.indexes["news"].translation_key, locale=self.locales[code]
            ).first()
            for code in LANGUAGES
        }
        todo = []
        for code in (code for code in LANGUAGES if indexes[code] is not None):
            existing = set(
                NewsPage.objects.child_of(indexes[code]).values_list("translation_key", flat=True)
            )
            todo += [
                (code, n)
                for n in range(extra)
                if demo_key("generated-news", str(n)) not in existing
            ]
        todo.sort(key=lambda entry: entry[1])
        content_type = ContentType.objects.get_for_model(NewsPage)
        with self._bar(len(todo), "Generated news") as bar:
            for start in range(0, len(todo), BULK_BATCH):
                batch = todo[start : start + BULK_BATCH]
                made: dict[int, list[NewsPage]] = {}
                for code in LANGUAGES:
                    pages, topics = [], []
                    for n in (n for batch_code, n in batch if batch_code == code):
                        fields, topic = self.texts.generated_news(n, code)
                        page = self._generated_page(n, extra, code, fields, content_type)
                        pages.append(page)
                        topics.append(self.topics[(topic, code)])
                        made.setdefault(n, []).append(page)
                    if not pages:
                        continue
                    append_child_pages(indexes[code], pages)
                    NewsPageTopic.objects.bulk_create(
                        NewsPageTopic(
                            page_id=page.pk, topic=topic, sort_order=0, locale_id=page.locale_id
                        )
                        for page, topic in zip(pages, topics, strict=True)
                    )
                    self.created[("NewsPage", code)] += len(pages)
                for n, pages in made.items():
                    for page in pages:
                        # Composed by code from checked fragments: no form validation needed.
                        page.save_revision(user=self.editor, clean=False)
                    self._moderate(pages)
                    self._backdate_pages(
                        [page.pk for page in pages], self._generated_date(n, extra)
                    )
                    bar.update(len(pages))

    def _generated_date(self, n: int, extra: int) -> datetime.datetime:
        day = self._generated_day(n, extra)
        return at(day, 9 + n % 9, (n * 7) % 60)

    def _generated_day(self, n: int, extra: int) -> datetime.date:
        return self.today - datetime.timedelta(days=60 + (n * GENERATED_SPAN_DAYS) // extra)

    def _generated_page(self, n: int, extra: int, code: str, fields: dict, content_type):
        """An unsaved draft of the ``n``-th generated news item in ``code``."""
        return NewsPage(
            **fields,
            draft_title=fields["title"],
            content_type=content_type,
            live=False,
            has_unpublished_changes=True,
            owner=self.editor,
            locale=self.locales[code],
            translation_key=demo_key("generated-news", str(n)),
            display_date=self._generated_day(n, extra),
        )
