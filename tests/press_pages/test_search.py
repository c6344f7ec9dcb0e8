import datetime
import re
from urllib.parse import quote

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from press_pages.views import SEARCH_QUERY_MAX_LENGTH

from .factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    translate,
)


def result_titles(response) -> list[str]:
    return [item.page.title for item in response.context["result_items"]]


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        cls.news_index = NewsIndexPageFactory(parent=home, title="Цифрлық жаңалықтар")
        cls.news = NewsPageFactory(
            parent=cls.news_index,
            title="Цифрлық қызмет іске қосылды",
            slug="service",
            lead="Азаматтар өтінішті онлайн бере алады.",
            display_date=datetime.date(2025, 3, 12),
        )
        cls.ru_news = translate(
            cls.news,
            "ru",
            title="Запущена цифрлық услуга",
            lead="Граждане могут подать заявление онлайн.",
        )
        briefing_index = BriefingIndexPageFactory(parent=home)
        cls.briefing = BriefingPageFactory(
            parent=briefing_index,
            title="Цифрлық бағдарлама брифингі",
            slug="briefing",
            starts_at=timezone.now() + datetime.timedelta(days=2),
        )
        faq_index = FAQIndexPageFactory(parent=home)
        cls.answer = FAQAnswerPageFactory(
            parent=faq_index,
            title="Цифрлық қолтаңбаны қалай алуға болады?",
            slug="signature",
            short_answer="ЭЦҚ-ны ХҚКО-да алуға болады.",
        )
        cls.draft = NewsPageFactory(
            parent=cls.news_index, title="Цифрлық жоба", slug="draft", live=False
        )

    def test_empty_query_shows_only_the_labelled_form(self):
        response = self.client.get("/kk/search/")

        self.assertEqual(response.status_code, 200)
        self.assertNotIn("results", response.context)
        content = response.content.decode()
        self.assertIn('<label class="faq-search__label" for="search-q">', content)
        self.assertIn('id="search-q" name="q" value=""', content)
        self.assertNotIn('id="search-results-heading"', content)
        self.assertIn('<meta name="robots" content="noindex, follow">', content)

    def test_finds_news_briefings_and_answers_of_the_active_language_only(self):
        response = self.client.get("/kk/search/", {"q": "цифрлық"})

        self.assertEqual(response.status_code, 200)
        self.assertCountEqual(
            result_titles(response),
            [self.news.title, self.briefing.title, self.answer.title],
        )
        self.assertNotIn(self.news_index.title, result_titles(response))
        self.assertNotIn(self.ru_news.title, result_titles(response))
        self.assertNotIn(self.draft.title, result_titles(response))

    def test_pages_in_private_sections_are_not_found(self):
        PageViewRestriction.objects.create(
            page=self.news_index, restriction_type=PageViewRestriction.LOGIN
        )

        response = self.client.get("/kk/search/", {"q": "цифрлық"})

        self.assertCountEqual(result_titles(response), [self.briefing.title, self.answer.title])

    def test_russian_search_returns_only_russian_pages(self):
        response = self.client.get("/ru/search/", {"q": "цифрлық"})

        self.assertEqual(result_titles(response), [self.ru_news.title])
        self.assertContains(response, self.ru_news.get_url())

    def test_results_show_type_date_snippet_and_announce_their_count(self):
        response = self.client.get("/kk/search/", {"q": "онлайн"})

        [item] = response.context["result_items"]
        self.assertEqual(item.page.specific_class.__name__, "NewsPage")
        self.assertEqual(item.date, datetime.date(2025, 3, 12))
        self.assertEqual(item.snippet, "Азаматтар өтінішті онлайн бере алады.")
        content = response.content.decode()
        self.assertIn('<time datetime="2025-03-12">', content)
        self.assertIn("Азаматтар өтінішті онлайн бере алады.", content)
        self.assertIn(f'href="{self.news.url}"', content)
        self.assertRegex(
            content,
            r'<h2 class="listing-section__title" id="search-results-heading">\s*'
            r"«онлайн» сұрауы бойынша 1 нәтиже\s*</h2>",
        )
        self.assertIn('value="онлайн"', content)

    def test_nothing_found_says_so(self):
        response = self.client.get("/kk/search/", {"q": "жоқсөз"})

        self.assertEqual(response.context["result_items"], [])
        self.assertContains(response, 'class="empty"')

    def test_query_is_capped(self):
        response = self.client.get("/kk/search/", {"q": "а" * 1000})

        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["query"]), SEARCH_QUERY_MAX_LENGTH)
        self.assertContains(response, f'maxlength="{SEARCH_QUERY_MAX_LENGTH}"')

    def test_only_safe_methods_are_allowed(self):
        self.assertEqual(self.client.post("/kk/search/", {"q": "цифрлық"}).status_code, 405)


class SearchPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = NewsIndexPageFactory(parent=kk_home())
        for n in range(13):
            NewsPageFactory(
                parent=index,
                title=f"Бюджет есебі {n}",
                slug=f"budget-{n}",
                display_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            )

    def test_twelve_results_a_page_with_links_that_keep_the_query(self):
        first = self.client.get("/kk/search/", {"q": "бюджет"})
        second = self.client.get("/kk/search/", {"q": "бюджет", "page": "2"})

        self.assertEqual(len(first.context["result_items"]), 12)
        self.assertEqual(len(second.context["result_items"]), 1)
        self.assertEqual(first.context["results"].paginator.count, 13)
        links = re.findall(r'href="(\?[^"]*page=2[^"]*)"', first.content.decode())
        self.assertTrue(links)
        self.assertTrue(all("q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82" in link for link in links))
        self.assertContains(second, 'aria-current="page"')
        self.assertContains(second, '<ol class="answer-list" start="13">')

    def test_bad_page_numbers_show_the_first_page(self):
        for value in ("x", "0", "-1", "999", "1e3", ""):
            with self.subTest(page=value):
                response = self.client.get("/kk/search/", {"q": "бюджет", "page": value})

                self.assertEqual(response.status_code, 200)
                self.assertEqual(response.context["results"].number, 1)

    def test_query_count_does_not_grow_with_the_number_of_results(self):
        def count_queries(query):
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/kk/search/", {"q": query})
            return len(queries), len(response.context["result_items"])

        self.client.get("/kk/search/", {"q": "warm-up"})
        few = count_queries("бюджет есебі 3")
        many = count_queries("бюджет")

        self.assertEqual(few[1], 1)
        self.assertEqual(many[1], 12)
        self.assertEqual(many[0], few[0])


def search_titles(client, path, query) -> list[str]:
    return result_titles(client.get(path, {"q": query}))


class WordFormSearchTests(TestCase):
    """Any form of a word finds the same pages, in Kazakh and in Russian (issue 12)."""

    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        index = NewsIndexPageFactory(parent=home)
        cls.briefing_news = NewsPageFactory(
            parent=index,
            title="Журналистерге арналған брифинг",
            slug="for-journalists",
            lead="Министрлік журналистердің сұрақтарына жауап берді.",
        )
        cls.budget = NewsPageFactory(
            parent=index,
            title="Бюджеттің орындалуы",
            slug="budget",
            lead="Республикалық бюджетке түзетулер енгізілді.",
        )
        cls.award = NewsPageFactory(
            parent=index,
            title="Үздік мақалаларға сыйлық берілді",
            slug="award",
            lead="Сыйлықты өңірлік басылымның журналисі емес, журналист алды.",
        )
        faq_index = FAQIndexPageFactory(parent=home)
        cls.faq_index = faq_index
        cls.answer = FAQAnswerPageFactory(
            parent=faq_index,
            title="Журналист аккредитацияны қалай алады?",
            slug="accreditation",
            short_answer="Өтінішті баспасөз қызметіне жіберіңіз.",
        )
        cls.ru_briefing_news = translate(
            cls.briefing_news,
            "ru",
            title="Брифинг для журналистов",
            lead="Министерство ответило на вопросы журналистам.",
        )
        cls.ru_budget = translate(
            cls.budget,
            "ru",
            title="Исполнение бюджета",
            lead="В республиканский бюджет внесены поправки.",
        )

    def test_every_kazakh_form_of_a_word_finds_the_same_pages(self):
        found = {
            form: sorted(search_titles(self.client, "/kk/search/", form))
            for form in ("журналист", "журналистерге", "журналистердің", "Журналистің")
        }

        expected = sorted([self.briefing_news.title, self.award.title, self.answer.title])
        self.assertEqual(found, dict.fromkeys(found, expected))

    def test_every_russian_form_of_a_word_finds_the_same_pages(self):
        found = {
            form: search_titles(self.client, "/ru/search/", form)
            for form in ("журналист", "журналистов", "журналистам")
        }

        self.assertEqual(found, dict.fromkeys(found, [self.ru_briefing_news.title]))

    def test_a_russian_case_form_finds_the_budget(self):
        self.assertEqual(
            search_titles(self.client, "/ru/search/", "бюджетом"), [self.ru_budget.title]
        )
        self.assertEqual(search_titles(self.client, "/kk/search/", "бюджеті"), [self.budget.title])

    def test_all_the_words_must_be_found_in_any_form(self):
        self.assertEqual(
            search_titles(self.client, "/kk/search/", "министрлігі журналист"),
            [self.briefing_news.title],
        )

    def test_a_quoted_phrase_must_appear_as_written(self):
        self.assertEqual(
            search_titles(self.client, "/kk/search/", "«бюджетке түзетулер»"), [self.budget.title]
        )
        self.assertEqual(
            search_titles(self.client, "/kk/search/", '"бюджеттің түзетуі"'), [self.budget.title]
        )
        self.assertEqual(search_titles(self.client, "/kk/search/", '"түзетулер бюджетке"'), [])

    def test_a_title_match_ranks_above_a_match_in_the_text(self):
        titles = search_titles(self.client, "/kk/search/", "журналистер")

        self.assertEqual(titles[-1], self.award.title)

    def test_without_a_page_holding_all_words_the_best_partial_matches_come_first(self):
        response = self.client.get("/kk/search/", {"q": "журналист брифинг бюджет"})

        titles = result_titles(response)
        self.assertEqual(titles[0], self.briefing_news.title)
        self.assertIn(self.budget.title, titles)
        self.assertFalse(response.context["all_words"])
        self.assertContains(response, 'class="search-note"')

    def test_a_misspelt_word_gets_a_did_you_mean_link(self):
        response = self.client.get("/kk/search/", {"q": "журналситерге"})

        self.assertEqual(response.context["result_items"], [])
        suggestion = response.context["suggestion"]
        self.assertTrue(suggestion.startswith("журналист"), suggestion)
        self.assertContains(response, f'href="?q={quote(suggestion)}"')
        self.assertContains(response, "Сіз мұны іздедіңіз бе:")
        self.assertTrue(search_titles(self.client, "/kk/search/", suggestion))

    def test_did_you_mean_uses_the_words_of_the_visitors_language(self):
        response = self.client.get("/ru/search/", {"q": "бюжет"})

        self.assertEqual(response.context["suggestion"], "бюджет")

    def test_known_words_get_no_suggestion_even_when_no_page_has_them_all(self):
        response = self.client.get("/kk/search/", {"q": "бюджетке сыйлықтар"})

        self.assertEqual(response.context["suggestion"], "")
        self.assertNotContains(response, 'class="search-suggestion"')

    def test_the_faq_search_knows_word_forms_too(self):
        response = self.client.get(self.faq_index.url, {"q": "журналистерге"})

        self.assertEqual(
            [answer.title for answer in response.context["results"]], [self.answer.title]
        )

    def test_quotes_or_stop_words_alone_are_no_error(self):
        for query in ('"', "«»", '""""', "және", "-"):
            with self.subTest(query=query):
                response = self.client.get("/kk/search/", {"q": query})

                self.assertEqual(response.status_code, 200)
        self.assertEqual(
            search_titles(self.client, "/kk/search/", "«бюджетті»"), [self.budget.title]
        )
