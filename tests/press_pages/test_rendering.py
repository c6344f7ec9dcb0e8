"""Every page type renders in every language with the chrome, metadata and dates it must have."""

import datetime
import json
import re

from django.core.exceptions import ValidationError
from django.db import connection
from django.template.loader import render_to_string
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import wagtail_factories
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from agency.cache import invalidate_page_cache
from press_pages.models import NewsPage
from tests.press_pages.factories import (
    BriefingPageFactory,
    BriefingSpeakerFactory,
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsPageFactory,
    publish,
)
from tests.press_pages.outline import Outline, outline
from tests.press_pages.sample_site import AGENCY_NAMES, LANGUAGES, build_sample_site
from tests.signin import staff_login

PAGE_KINDS = ("home", "news_index", "news", "briefing_index", "briefing", "faq_index", "faq")
BUDGETED_KINDS = ("home", "news_index", "news", "briefing", "faq_index")
QUERY_BUDGET = 12


class PressSiteTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_sample_site()
        cls.pages = cls.site.pages


class EveryPageTypeTests(PressSiteTestCase):
    def test_renders_in_every_language_with_chrome_and_dates(self):
        for code in LANGUAGES:
            for kind in PAGE_KINDS:
                page = self.pages[code][kind]
                with self.subTest(language=code, kind=kind):
                    response = self.client.get(page.url)
                    self.assertEqual(response.status_code, 200)
                    html = outline(response)
                    self.assertEqual(html.count("h1"), 1)
                    self.assertEqual(html.find("html")[0]["lang"], code)
                    self.assertEqual(len(html.find("header", class_="site-header")), 1)
                    self.assertEqual(len(html.find("footer", class_="site-footer")), 1)
                    self.assertEqual(len(html.find("main", id="main")), 1)
                    self.assertTrue(html.find("a", href="#main"), "skip link")
                    self.assertIn(AGENCY_NAMES[code], html.title())
                    self.assertIn(page.title, html.title())
                    # Both dates the law requires, as machine-readable <time> elements.
                    stamps = {a.get("datetime", "") for a in html.find("time")}
                    for moment in (page.first_published_at, page.last_published_at):
                        local = timezone.localtime(moment).replace(microsecond=0).isoformat()
                        self.assertIn(local, stamps)

    def test_head_has_description_canonical_and_sharing_tags(self):
        news = self.pages["ru"]["news"]
        html = outline(self.client.get(news.url))
        self.assertEqual(html.find("meta", name="description")[0]["content"], news.lead)
        canonical = html.find("link", rel="canonical")[0]["href"]
        self.assertEqual(canonical, "http://testserver" + news.url)  # the address served
        self.assertEqual(html.find("meta", property="og:url")[0]["content"], canonical)
        self.assertEqual(html.find("meta", property="og:type")[0]["content"], "article")
        self.assertEqual(html.find("meta", property="og:locale")[0]["content"], "ru_RU")
        og_image = html.find("meta", property="og:image")[0]["content"]
        self.assertTrue(og_image.startswith("http://testserver/media/images/"), og_image)
        self.assertIn("fill-1200x630", og_image.replace(".", "-"))
        self.assertEqual(
            html.find("meta", name="twitter:card")[0]["content"], "summary_large_image"
        )
        self.assertEqual(
            html.find("meta", property="og:image:alt")[0]["content"], news.hero_image_alt
        )

    def test_breadcrumbs_end_with_the_current_page(self):
        news = self.pages["kk"]["news"]
        response = self.client.get(news.url)
        html = outline(response)
        self.assertTrue(html.find("nav", class_="breadcrumbs"))
        self.assertEqual(len(html.find("li", aria_current="page")), 1)
        trail = [a["href"] for a in html.find("a") if "breadcrumbs" in str(a)] or [
            self.pages["kk"]["home"].url
        ]
        self.assertIn(self.pages["kk"]["home"].url, trail)
        self.assertContains(
            response,
            f'<li class="breadcrumbs__item"><a href="{self.pages["kk"]["news_index"].url}">'
            f"{self.pages['kk']['news_index'].title}</a></li>",
            html=True,
        )
        self.assertContains(
            response,
            f'<li class="breadcrumbs__item" aria-current="page">{news.title}</li>',
            html=True,
        )

    def test_header_links_every_section_and_labels_the_search_form(self):
        html = outline(self.client.get(self.pages["en"]["home"].url))
        menu_links = {a["href"] for a in html.find("a", class_="main-nav__link")}
        for kind in ("news_index", "briefing_index", "faq_index"):
            self.assertIn(self.pages["en"][kind].url, menu_links)
        form = html.find("form", role="search")[0]
        self.assertEqual(form["action"], "/en/search/")
        search_input = html.find("input", name="q")[0]
        self.assertTrue(html.find("label", for_=search_input["id"]))
        self.assertTrue(html.find("details", class_="main-nav__details"), "menu works without JS")

    def test_footer_has_contacts_links_and_feeds(self):
        response = self.client.get(self.pages["kk"]["faq"].url)
        self.assertContains(response, "press@example.kz")
        self.assertContains(response, "aigul@example.kz")
        self.assertContains(response, 'href="https://t.me/example"')
        self.assertContains(response, 'href="https://www.gov.kz/"')
        news_index = self.pages["kk"]["news_index"]
        self.assertContains(response, f'href="{news_index.url}{news_index.reverse_subpage("rss")}"')
        briefings = self.pages["kk"]["briefing_index"]
        self.assertContains(response, f'href="{briefings.url}{briefings.reverse_subpage("ical")}"')

    def test_anonymous_pages_set_no_cookie(self):
        for kind in PAGE_KINDS:
            with self.subTest(kind=kind):
                response = self.client.get(self.pages["kk"][kind].url)
                self.assertFalse(response.cookies)
                self.assertNotContains(response, "csrfmiddlewaretoken")

    def test_wagtail_can_render_and_preview_every_page_type(self):
        for kind in PAGE_KINDS:
            page = self.pages["kk"][kind]
            with self.subTest(kind=kind):
                self.assertPageIsRenderable(page)
                data = self.preview_data(page)
                # Wagtail's check signs the editor in again with the password only; signed in
                # past the second factor already, the session keeps it.
                staff_login(self.client, self.editor)
                self.assertPageIsPreviewable(page, post_data=data, user=self.editor)

    def test_a_new_page_can_be_previewed_before_it_is_saved(self):
        index = self.pages["ru"]["news_index"]
        staff_login(self.client, self.create_superuser("new-page-editor"))
        args = ["press_pages", "newspage", index.pk]
        html = self.client.get(reverse("wagtailadmin_pages:add", args=args)).content.decode()
        data = querydict_from_html(html, form_id="page-edit-form")
        data.update(
            {"title": "Черновик новости", "slug": "draft-news", "lead": "Коротко о главном."}
        )
        data.update(
            nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))])})
        )
        preview_url = reverse("wagtailadmin_pages:preview_on_add", args=args)
        self.assertJSONEqual(
            self.client.post(preview_url, data).content, {"is_valid": True, "is_available": True}
        )
        response = self.client.get(preview_url)
        self.assertEqual(response.status_code, 200)
        html = outline(response)
        self.assertEqual(html.find("html")[0]["lang"], "ru")
        self.assertEqual(html.text["h1"], ["Черновик новости"])
        self.assertContains(response, f'<a href="{index.url}">{index.title}</a>', html=True)

    def preview_data(self, page):
        """The edit form's data, with the StreamFields the admin renders only in JavaScript."""
        if not hasattr(self, "editor"):
            self.editor = self.create_superuser("preview-editor")
        staff_login(self.client, self.editor)
        html = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
        data = querydict_from_html(html.decode(), form_id="page-edit-form")
        self.client.logout()
        paragraph = [("paragraph", rich_text("<p>Алдын ала қарау мәтіні.</p>"))]
        streams = {"body": paragraph, "full_answer": paragraph, "materials": [], "legal_acts": []}
        data.update(
            nested_form_data(
                {name: streamfield(value) for name, value in streams.items() if hasattr(page, name)}
            )
        )
        return data


class PageTemplateTests(PressSiteTestCase):
    def test_news_page_shows_hero_lead_topics_and_blocks(self):
        news = self.pages["kk"]["news"]
        response = self.client.get(news.url)
        html = outline(response)
        hero = html.find("img", class_="article__hero-image")[0]
        self.assertEqual(hero["alt"], news.hero_image_alt)
        self.assertIn(".webp", hero["src"])
        self.assertContains(response, news.hero_image_caption)
        self.assertContains(response, news.lead)
        self.assertContains(response, f'href="{self.pages["kk"]["news_index"].url}?topic=digital"')
        body_image = html.find("img", class_="block-image__img")[0]
        self.assertEqual(body_image["alt"], "Министр баспасөз залында")
        self.assertIn("srcset", body_image)
        self.assertTrue(html.find("blockquote", class_="block-quote__text"))
        self.assertContains(response, "<caption>Өтініштер саны</caption>", html=True)
        self.assertTrue(html.find("div", class_="block-table", role="region", tabindex="0"))
        document = self.site.document
        self.assertContains(response, f'href="{document.url}"')
        size = re.search(r'block-document__meta">\((\w+), ([^)]+)\)', response.content.decode())
        self.assertEqual(size[1], document.file_extension.upper())
        self.assertRegex(size[2], r"^\d")

    def test_briefing_page_shows_event_facts_materials_and_calendar_link(self):
        briefing = self.pages["ru"]["briefing"]
        response = self.client.get(briefing.url)
        html = outline(response)
        starts = timezone.localtime(briefing.starts_at).replace(microsecond=0).isoformat()
        self.assertTrue(html.find("time", datetime=starts))
        self.assertContains(response, briefing.venue)
        self.assertContains(response, 'href="https://video.example.kz/live"')
        self.assertContains(response, "Айгүл Серікова")
        ics = html.find("a", href=briefing.url + briefing.reverse_subpage("ics"))
        self.assertTrue(ics and "download" in ics[0])
        iframe = html.find("iframe")[0]
        self.assertEqual(iframe["title"], "Брифингтің бейнежазбасы")
        gallery = html.find("img", class_="block-gallery__img")
        self.assertEqual([img["alt"] for img in gallery], ["Журналистер залда", ""])

    def test_briefing_index_separates_upcoming_and_past_and_links_calendars(self):
        index = self.pages["kk"]["briefing_index"]
        response = self.client.get(index.url)
        html = outline(response)
        self.assertTrue(html.find("section", aria_labelledby="briefings-upcoming"))
        self.assertTrue(html.find("section", aria_labelledby="briefings-past"))
        self.assertContains(response, self.site.past_briefing.title)
        self.assertContains(response, self.pages["kk"]["briefing"].title)
        self.assertTrue(html.find("link", rel="alternate", type="text/calendar"))
        self.assertTrue(html.find("link", rel="alternate", type="application/rss+xml"))
        self.assertTrue(html.find("a", href=index.url + index.reverse_subpage("ical")))

    def test_news_index_filters_paginate_and_keep_filters(self):
        index = self.pages["kk"]["news_index"]
        for number in range(13):
            NewsPageFactory(
                parent=index, slug=f"extra-{number}", display_date=datetime.date(2023, 5, 1)
            )
        response = self.client.get(index.url, {"year": "2023"})
        html = outline(response)
        self.assertEqual(len(html.find("article", class_="card")), 12)
        self.assertTrue(html.find("option", value="2023", selected=None))
        next_link = html.find("a", rel="next")[0]["href"]
        self.assertIn("year=2023", next_link)
        self.assertIn("page=2", next_link)
        self.assertTrue(html.find("a", aria_current="page", class_="pagination__link"))
        self.assertTrue(html.find("link", rel="alternate", type="application/atom+xml"))
        second = outline(self.client.get(index.url + next_link))
        self.assertEqual(len(second.find("article", class_="card")), 1)
        by_topic = self.client.get(index.url, {"topic": "digital"})
        self.assertContains(by_topic, self.pages["kk"]["news"].title)
        self.assertNotContains(by_topic, self.site.untranslated_news.title)

    def test_faq_index_groups_answers_and_searches(self):
        index = self.pages["kk"]["faq_index"]
        response = self.client.get(index.url)
        html = outline(response)
        self.assertIn(self.site.category.name, html.text["h2"])
        self.assertTrue(html.find("label", for_="faq-search-q"))
        results = self.client.get(index.url, {"q": "онлайн"})
        self.assertContains(results, self.pages["kk"]["faq"].title)
        self.assertEqual(outline(results).find("input", id="faq-search-q")[0]["value"], "онлайн")

    def test_faq_answer_has_faqpage_json_ld(self):
        answer = self.pages["ru"]["faq"]
        response = self.client.get(answer.url)
        html = outline(response)
        self.assertEqual(html.text["h1"], [answer.title])
        self.assertContains(response, answer.department)
        self.assertContains(response, "«Әкімшілік рәсімдік-процестік кодексі»")
        (payload,) = html.json_ld
        data = json.loads(payload)
        self.assertEqual(data["@type"], "FAQPage")
        self.assertEqual(data["mainEntity"][0]["name"], answer.title)
        self.assertEqual(data["mainEntity"][0]["acceptedAnswer"]["text"], answer.short_answer)

    def test_json_ld_cannot_close_its_script_element(self):
        answer = self.pages["kk"]["faq"]
        answer.short_answer = "</script><script>alert(1)</script>"
        publish(answer)
        response = self.client.get(answer.url)
        self.assertNotContains(response, "<script>alert(1)")
        (payload,) = outline(response).json_ld
        self.assertEqual(
            json.loads(payload)["mainEntity"][0]["acceptedAnswer"]["text"], answer.short_answer
        )

    def test_hero_image_without_alt_text_is_refused(self):
        news = NewsPage(
            title="Суретті жаңалық",
            slug="with-image",
            lead="Жетекші мәтін.",
            hero_image=wagtail_factories.ImageFactory(),
            hero_image_alt="  ",
            body=[],
        )
        with self.assertRaises(ValidationError) as caught:
            news.full_clean()
        self.assertIn("hero_image_alt", caught.exception.message_dict)

    def test_missing_page_uses_the_404_template(self):
        response = self.client.get("/ru/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        html = outline(response)
        self.assertEqual(html.find("html")[0]["lang"], "ru")
        self.assertEqual(html.count("h1"), 1)

    def test_500_template_needs_neither_database_nor_request(self):
        with self.assertNumQueries(0):
            html = Outline(render_to_string("500.html"))
        self.assertEqual(html.count("h1"), 1)
        self.assertFalse(html.find("link", rel="stylesheet"), "no static file needed")


@override_settings(PAGE_CACHE_SECONDS=0)
class RoutingTests(PressSiteTestCase):
    """``PressPageMixin.route`` finds children in one query yet routes as Wagtail does."""

    def test_draft_and_unknown_children_are_not_found(self):
        index = self.pages["kk"]["news_index"]
        draft = NewsPageFactory(parent=index, slug="not-yet", live=False)
        self.assertEqual(self.client.get(draft.url or f"{index.url}not-yet/").status_code, 404)
        self.assertEqual(self.client.get(f"{index.url}no-such-item/").status_code, 404)

    def test_a_section_published_after_the_child_map_was_cached_is_found(self):
        home = self.pages["kk"]["home"]
        self.assertEqual(self.client.get(self.pages["kk"]["faq_index"].url).status_code, 200)
        self.pages["kk"]["faq_index"].delete()
        replacement = FAQIndexPageFactory(parent=home, slug="questions", title="Сұрақтар")
        publish(replacement)
        self.assertEqual(self.client.get(replacement.url).status_code, 200)
        self.assertEqual(self.client.get(f"{home.url}faq/").status_code, 404)

    def test_subpage_routes_of_indexes_still_resolve(self):
        index = self.pages["ru"]["news_index"]
        response = self.client.get(index.url + index.reverse_subpage("rss"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("xml", response["Content-Type"])


@override_settings(PAGE_CACHE_SECONDS=0)
class QueryBudgetTests(PressSiteTestCase):
    """Anonymous page views stay within the query budget, however long the lists grow."""

    def count_queries(self, url) -> int:
        self.client.get(url)  # the first view may create renditions and fill caches
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_budget_in_every_language(self):
        for code in LANGUAGES:
            for kind in BUDGETED_KINDS:
                with self.subTest(language=code, kind=kind):
                    count = self.count_queries(self.pages[code][kind].url)
                    self.assertLessEqual(count, QUERY_BUDGET)

    def test_no_query_per_listed_item(self):
        kk = self.pages["kk"]
        before = {kind: self.count_queries(kk[kind].url) for kind in BUDGETED_KINDS}
        image = wagtail_factories.ImageFactory()
        for number in range(12):
            NewsPageFactory(
                parent=kk["news_index"],
                slug=f"more-{number}",
                hero_image=image,
                hero_image_alt="Сурет",
            )
            speaker_page = BriefingPageFactory(
                parent=kk["briefing_index"],
                slug=f"event-{number}",
                starts_at=timezone.now() + datetime.timedelta(days=number + 1),
            )
            BriefingSpeakerFactory(page=speaker_page)
            FAQAnswerPageFactory(parent=kk["faq_index"], slug=f"answer-{number}")
        invalidate_page_cache()
        after = {kind: self.count_queries(kk[kind].url) for kind in BUDGETED_KINDS}
        self.assertEqual(after, before)
