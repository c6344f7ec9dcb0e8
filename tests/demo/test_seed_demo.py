"""``seed_demo`` builds a trilingual demo site, creates nothing on a second run,
and refuses to run with DEBUG off unless forced.

The seed runs with the development default of required languages (kk and ru go live
together), and every news item, briefing and answer goes live through its workflow.
"""

import re
from base64 import b32encode
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import Translation

from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from agency.models import AgencyProfile, SiteSettings
from citizen_requests.models import Unit
from demo.builder import DemoSeeder
from demo.content import DEPARTMENTS, NEWS
from demo.moderation import DemoModerationError
from demo.roles import DEMO_USERS
from media_watch import alerts
from media_watch.models import Item, Mention, Source, Story, WatchTerm
from press_pages.models import (
    BriefingIndexPage,
    BriefingPage,
    FAQAnswerPage,
    FAQCategory,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTopic,
    ObligatoryMessagePage,
    Topic,
)
from tests.demo.helpers import seed
from workflows.models import (
    Clearance,
    HeadApprovalTask,
    LegalReviewTask,
    ModerationSettings,
    PressSecretaryApprovalTask,
    StopListTerm,
)
from workflows.roles import GROUPS

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
PAGE_MODELS = [
    HomePage,
    NewsIndexPage,
    NewsPage,
    BriefingIndexPage,
    BriefingPage,
    FAQIndexPage,
    FAQAnswerPage,
]
MODERATED_MODELS = [NewsPage, BriefingPage, FAQAnswerPage]
LOCALIZED_MODELS = [*PAGE_MODELS, Topic, FAQCategory, AgencyProfile]


def snapshot() -> dict:
    """Row counts that a second seed run must leave unchanged."""
    counts = {
        f"{model.__name__}:{code}": model.objects.filter(locale__language_code=code).count()
        for model in LOCALIZED_MODELS
        for code in ("kk", "ru", "en")
    }
    for model in (
        Revision,
        WorkflowState,
        TaskState,
        Clearance,
        Translation,
        Redirect,
        NewsPageTopic,
        GroupPagePermission,
        Group,
        get_user_model(),
        get_image_model(),
        get_document_model(),
        WatchTerm,
        Source,
        Item,
        Mention,
    ):
        counts[model.__name__] = model.objects.count()
    return counts


def require_kk_and_ru():
    """The development default (``REQUIRED_LOCALES`` = kk,ru): a kk page goes live with its ru one."""
    moderation = ModerationSettings.load()
    moderation.required_locales = ["kk", "ru"]
    moderation.save()


#: The seed speaks Kazakh: the check's task is named in Kazakh (agency.names).
CHECK_IN_KAZAKH = "Шектеулі ақпаратты тексеру"


class ModerationAssertions:
    def assert_went_live_through_moderation(self, page):
        """``page``'s live revision was cleared by an approved workflow, reviewed by others.

        A ru page goes live with its kk source, so its clearance comes from the kk page's
        workflow.
        """
        revision = page.live_revision
        self.assertIsNotNone(revision, page)
        clearance = Clearance.objects.filter(revision=revision).get()
        self.assertEqual(clearance.kind, Clearance.Kind.REVIEW)
        state = clearance.workflow_state
        self.assertEqual(state.status, WorkflowState.STATUS_APPROVED)
        self.assertEqual(state.requested_by.username, "editor")
        self.assertEqual(revision.user.username, "editor")
        reviews = TaskState.objects.filter(workflow_state=state).exclude(finished_by=None)
        self.assertTrue(reviews.exists())
        for task_state in reviews.select_related("finished_by"):
            self.assertEqual(task_state.status, TaskState.STATUS_APPROVED)
            self.assertNotEqual(task_state.finished_by, revision.user)
        source = page.get_translation(self.locales["kk"])
        if page.locale.language_code in ("kk", "ru"):
            # kk and ru went live together, cleared by the kk page's workflow.
            self.assertEqual(int(state.object_id), source.pk)
        else:
            self.assertEqual(int(state.object_id), page.pk)


class SeedDemoTests(ModerationAssertions, TestCase):
    @classmethod
    def setUpTestData(cls):
        require_kk_and_ru()
        cls.output = seed()
        cls.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def pages(self, model, code):
        return model.objects.filter(locale=self.locales[code])

    def test_officers_have_units_to_ask(self):
        units = {unit.name: unit.email for unit in Unit.objects.filter(active=True)}
        self.assertIn("Заң департаменті", units)
        self.assertEqual(units["Заң департаменті"], "legal@mdpc.example")
        self.assertNotIn("Баспасөз қызметі", units, "the press office answers; it is not asked")
        self.assertEqual(len(units), len(DEPARTMENTS) - 1)

    def test_a_second_run_creates_nothing(self):
        before = snapshot()
        output = seed()
        self.assertEqual(snapshot(), before)
        self.assertIn("demo-editor-2026", output)

    def test_the_media_watch_has_mentions_and_alerts_nobody(self):
        self.assertIn("Media watch: 27 terms, 7 sources and 35 mentions added", self.output)
        self.assertTrue(Mention.objects.exists())
        self.assertFalse(Source.objects.filter(active=True).exists())
        self.assertTrue(alerts.recipients().exists())
        self.assertEqual(alerts.send_held_alerts(), 0)
        self.assertFalse(Story.objects.exclude(alerted_at=None).exists())
        self.assertEqual(mail.outbox, [])

    def test_every_language_has_a_live_tree(self):
        expected = {
            HomePage: 1,
            NewsIndexPage: 1,
            # Five news items and the obligatory message, a news item too.
            NewsPage: 6,
            ObligatoryMessagePage: 1,
            BriefingIndexPage: 1,
            BriefingPage: 4,
            FAQIndexPage: 1,
            FAQAnswerPage: 4,
        }
        for code in ("kk", "ru", "en"):
            for model, count in expected.items():
                pages = self.pages(model, code)
                with self.subTest(code=code, model=model.__name__):
                    self.assertEqual(pages.count(), count)
                    self.assertEqual(
                        pages.live().filter(has_unpublished_changes=False).count(), count
                    )
            sections = self.pages(HomePage, code).get().get_children().live().in_menu()
            # News, briefings, answers and accreditation.
            self.assertEqual(sections.count(), 4)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_news_briefings_and_answers_went_live_through_moderation(self):
        for model in MODERATED_MODELS:
            for page in model.objects.select_related("locale"):
                with self.subTest(page=page.url_path, language=page.locale.language_code):
                    self.assert_went_live_through_moderation(page)
        self.assertFalse(WorkflowState.objects.active().exists())

    def test_reviews_are_done_by_the_press_secretary_and_the_legal_reviewer(self):
        approvers = {
            (type(task_state.task.specific), task_state.finished_by.username)
            for task_state in TaskState.objects.exclude(finished_by=None).select_related(
                "task", "finished_by"
            )
        }
        self.assertEqual(
            approvers,
            {
                (PressSecretaryApprovalTask, "press_secretary"),
                (LegalReviewTask, "legal_reviewer"),
                (HeadApprovalTask, "head"),
            },
        )
        answer = self.pages(FAQAnswerPage, "kk").first()
        legal = TaskState.objects.filter(
            workflow_state__object_id=str(answer.pk),
            task__in=LegalReviewTask.objects.all(),
        )
        self.assertEqual(legal.get().status, TaskState.STATUS_APPROVED)

    def test_the_obligatory_message_went_live_within_3_hours_approved_by_the_head(self):
        workflow = ModerationSettings.load().obligatory_message_workflow
        source = self.pages(ObligatoryMessagePage, "kk").get()
        for code in ("kk", "ru", "en"):
            page = self.pages(ObligatoryMessagePage, code).get()
            with self.subTest(language=code):
                self.assertTrue(page.live)
                self.assertEqual(page.event_at, source.event_at)
                self.assertLess(page.event_at, timezone.now())
                self.assert_went_live_through_moderation(page)
                state = Clearance.objects.get(revision=page.live_revision).workflow_state
                self.assertEqual(state.workflow_id, workflow.pk)
                approvers = {
                    (type(task_state.task.specific), task_state.finished_by.username)
                    for task_state in state.task_states.exclude(finished_by=None)
                }
                self.assertEqual(
                    approvers,
                    {(PressSecretaryApprovalTask, "press_secretary"), (HeadApprovalTask, "head")},
                )
        self.assertLess(source.first_published_at, source.deadline)
        self.assertGreater(source.first_published_at, source.event_at)
        public = self.client.get(source.url)
        self.assertContains(public, source.title)
        news_list = self.client.get(source.get_parent().url)
        self.assertContains(news_list, source.title)

    def test_translations_are_in_their_own_language_and_slug(self):
        for kk_page in Page.objects.filter(locale=self.locales["kk"], depth__gt=1).specific():
            ru = kk_page.get_translation(self.locales["ru"])
            en = kk_page.get_translation(self.locales["en"])
            with self.subTest(page=kk_page.slug):
                self.assertRegex(ru.title, CYRILLIC)
                self.assertNotEqual(ru.title, kk_page.title)
                self.assertRegex(en.title, LATIN)
                self.assertNotRegex(en.title, CYRILLIC)
                self.assertTrue(ru.slug.isascii() and en.slug.isascii())
                self.assertNotEqual(ru.slug, en.slug)

        for news in self.pages(NewsPage, "en"):
            text = " ".join(
                str(block.value) for block in news.body if block.block_type == "paragraph"
            )
            self.assertNotRegex(text + news.lead, CYRILLIC)
        for news in self.pages(NewsPage, "ru"):
            tables = [block.value for block in news.body if block.block_type == "table"]
            for table in tables:
                self.assertRegex(table["table_caption"], CYRILLIC)
                self.assertNotRegex(table["table_caption"], r"[әғқңөұүһі]")

    def test_ru_and_en_are_wagtail_localize_translations(self):
        sources = Page.objects.filter(locale=self.locales["kk"], depth__gt=1)
        translated = Translation.objects.filter(
            source__object_id__in=sources.values("translation_key")
        )
        self.assertEqual(translated.count(), 2 * sources.count())
        self.assertEqual(
            set(translated.values_list("target_locale__language_code", flat=True)), {"ru", "en"}
        )

    def test_translated_pages_use_their_own_topics_speakers_and_categories(self):
        for code in ("ru", "en"):
            for link in NewsPageTopic.objects.filter(page__locale=self.locales[code]):
                self.assertEqual(link.topic.locale_id, self.locales[code].pk)
            for answer in self.pages(FAQAnswerPage, code):
                self.assertEqual(answer.category.locale_id, self.locales[code].pk)
        for briefing in self.pages(BriefingPage, "en"):
            for speaker in briefing.speakers.all():
                self.assertNotRegex(speaker.name + speaker.position, CYRILLIC)
        topic = self.pages(Topic, "ru").get(slug="budget")
        self.assertEqual(topic.name, "Бюджет и финансы")

    def test_briefings_are_both_past_with_materials_and_upcoming(self):
        now = timezone.now()
        briefings = self.pages(BriefingPage, "kk")
        upcoming = briefings.filter(ends_at__gte=now)
        past = briefings.filter(ends_at__lt=now)
        self.assertTrue(upcoming.exists())
        self.assertTrue(past.exists())
        for briefing in past:
            kinds = {block.block_type for block in briefing.materials}
            self.assertTrue({"transcript", "photos"} <= kinds)
        for briefing in briefings:
            self.assertTrue(briefing.speakers.exists())
            if briefing.registration_deadline:
                self.assertLess(briefing.registration_deadline, briefing.starts_at)

    def test_answers_name_a_department_legal_acts_and_a_review_date(self):
        answers = self.pages(FAQAnswerPage, "en")
        self.assertGreaterEqual(answers.values("category").distinct().count(), 2)
        for answer in answers:
            self.assertTrue(answer.department)
            self.assertLessEqual(answer.last_reviewed, timezone.localdate())
            self.assertTrue(list(answer.legal_acts))

    def test_images_have_alt_text(self):
        images = get_image_model().objects.all()
        self.assertGreaterEqual(images.count(), 12)
        for image in images:
            self.assertTrue(image.description, image.title)
        hero_sizes = {
            (image.width, image.height) for image in images.exclude(file__contains="demo-logo")
        }
        self.assertEqual(hero_sizes, {(1600, 900)})
        for code in ("kk", "ru", "en"):
            for news in self.pages(NewsPage, code):
                self.assertTrue(news.hero_image_id and news.hero_image_alt)
                for block in news.body:
                    if block.block_type == "image":
                        self.assertTrue(block.value["image"].contextual_alt_text)

    def test_agency_profile_and_site_settings(self):
        names = {
            profile.locale.language_code: profile.name for profile in AgencyProfile.objects.all()
        }
        self.assertEqual(set(names), {"kk", "ru", "en"})
        self.assertIn("Министерство", names["ru"])
        self.assertIn("Ministry", names["en"])
        home_intro = self.pages(HomePage, "en").get().intro
        self.assertIn("fictional", home_intro)
        settings = SiteSettings.objects.get()
        self.assertEqual((settings.logo.width, settings.logo.height), (512, 512))
        self.assertTrue(settings.telegram_url)

    def test_each_role_has_a_user_in_its_group(self):
        User = get_user_model()
        for demo in DEMO_USERS:
            user = User.objects.get(username=demo.username)
            self.assertTrue(user.check_password(demo.password))
            if demo.group is None:
                self.assertTrue(user.is_superuser)
            else:
                self.assertTrue(user.groups.filter(name=GROUPS[demo.group].name).exists())
                self.assertTrue(user.has_perm("wagtailadmin.access_admin"))

    def test_each_demo_user_has_a_printed_authenticator_app_and_recovery_codes(self):
        User = get_user_model()
        for demo in DEMO_USERS:
            user = User.objects.get(username=demo.username)
            [device] = TOTPDevice.objects.filter(user=user, confirmed=True)
            secret = b32encode(device.bin_key).decode().rstrip("=")
            self.assertIn(secret, self.output)
            self.assertIn(f"{demo.username}: otpauth://totp/", self.output)
            codes = (
                StaticToken.objects.filter(device__user=user)
                .order_by("pk")
                .values_list("token", flat=True)
            )
            self.assertEqual(len(codes), 10)
            self.assertIn(codes[0], self.output)
        # A second run keeps the same key and codes.
        again = seed()
        self.assertEqual(TOTPDevice.objects.count(), len(DEMO_USERS))
        self.assertIn(secret, again)

    def test_only_press_secretaries_can_publish(self):
        User = get_user_model()
        for code in ("kk", "en"):
            page = self.pages(NewsPage, code).first()
            editor = page.permissions_for_user(User.objects.get(username="editor"))
            secretary = page.permissions_for_user(User.objects.get(username="press_secretary"))
            head = page.permissions_for_user(User.objects.get(username="head"))
            self.assertTrue(editor.can_edit())
            self.assertFalse(editor.can_publish())
            self.assertTrue(secretary.can_publish())
            self.assertFalse(head.can_edit())


class GeneratedNewsTests(ModerationAssertions, TestCase):
    """News beyond the hand-written items is inserted in bulk, moderated, also idempotently."""

    def setUp(self):
        require_kk_and_ru()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def seed(self):
        DemoSeeder(news=5, written_news=2, briefings=0, faq=0).run()

    def test_generated_news_in_every_language(self):
        self.seed()
        locales = self.locales
        for locale in locales.values():
            index = NewsIndexPage.objects.get(locale=locale)
            news = NewsPage.objects.child_of(index)
            self.assertEqual(news.live().filter(has_unpublished_changes=False).count(), 5)
            self.assertEqual(index.numchild, 5)
            for page in news:
                page.full_clean()
                topics = {link.topic.locale_id for link in page.topic_links.all()}
                self.assertEqual(topics, {locale.pk})
                self.assert_went_live_through_moderation(page)
                # Back-dated: readers see the item's own date, not the day of the seed.
                published = timezone.localtime(page.first_published_at)
                self.assertEqual(published.date(), page.display_date)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

        generated = NewsPage.objects.filter(locale=locales["kk"]).order_by("-path").first()
        translations = {page.locale.language_code: page for page in generated.get_translations()}
        self.assertRegex(translations["ru"].title, CYRILLIC)
        self.assertNotRegex(translations["en"].title, CYRILLIC)
        found = (
            NewsPage.objects.live().filter(locale=locales["en"]).search(translations["en"].title)
        )
        self.assertIn(translations["en"].pk, [page.pk for page in found])

        before = snapshot()
        self.seed()
        self.assertEqual(snapshot(), before)


class ModerationFailureTests(TestCase):
    """Demo content that the restricted-information check blocks stops the seed, loudly."""

    def test_a_blocked_demo_page_stops_the_seed_with_the_report(self):
        require_kk_and_ru()
        StopListTerm.objects.create(
            phrase=NEWS[0].title.kk.split()[0],
            legal_basis="Test: a term that occurs in the first demo news item",
        )
        with self.assertRaises(DemoModerationError) as raised:
            DemoSeeder(news=1, briefings=0, faq=0).run()
        report = str(raised.exception)
        self.assertIn(CHECK_IN_KAZAKH, report)
        self.assertIn("kk:title", report)
        self.assertIn("stop_list", report)
        # The seed runs in one transaction: nothing is left half made.
        self.assertFalse(NewsPage.objects.exists())

    def test_the_command_reports_it_as_an_error(self):
        StopListTerm.objects.create(
            phrase=NEWS[0].title.kk.split()[0],
            legal_basis="Test: a term that occurs in the first demo news item",
        )
        with self.assertRaisesMessage(CommandError, CHECK_IN_KAZAKH):
            call_command(
                "seed_demo",
                "--news",
                "1",
                "--briefings",
                "0",
                "--faq",
                "0",
                "--force",
                stdout=StringIO(),
                stderr=StringIO(),
            )


@override_settings(DEBUG=False)
class SeedDemoSafetyTests(TestCase):
    def test_refuses_to_run_without_debug(self):
        with self.assertRaisesMessage(CommandError, "DEBUG"):
            call_command("seed_demo", stdout=StringIO())
        self.assertFalse(get_user_model().objects.filter(username="editor").exists())

    def test_rejects_more_briefings_than_written(self):
        with self.assertRaises(CommandError):
            call_command("seed_demo", "--briefings", "99", "--force", stdout=StringIO())
