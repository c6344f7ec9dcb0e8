"""The editor side of moderation, used through the admin as the press office's roles use it.

The Review tab shows the findings of the latest version with their fields marked; legal
reviewers waive findings with a justification; press secretaries publish in an emergency; the
review history lists each step with its comment and check report.
"""

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text
from wagtail.test.utils.form_data import streamfield as stream_data
from wagtail.users.models import UserProfile

from bs4 import BeautifulSoup

from tests.agency.identifiers import make_iin
from tests.press_pages.factories import (
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    locale,
)
from tests.signin import staff_login
from tests.workflows.helpers import IIN, iin_body
from tests.workflows.moderation import member, submit
from workflows import guard
from workflows.forms import WaiverForm
from workflows.guard import scan_bundle
from workflows.models import (
    EmergencyPublication,
    ModerationSettings,
    RestrictedInformationCheckTaskState,
    Waiver,
)
from workflows.restricted import mask
from workflows.status import PUBLISHED_UNREVIEWED, page_state

IIN_RU = make_iin("88030430011")
PHONE = "+7 701 234 56 78"
CLEAN_BODY = [
    ("paragraph", "<p>Жаңа қызмет азаматтарға өтінішті онлайн беруге мүмкіндік береді.</p>")
]


def login(client, role: str, username: str | None = None, language: str = "en"):
    """Log ``client`` in as a member of ``role`` whose admin language is ``language``."""
    user = member(role, username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    assert staff_login(client, user)
    return user


def justification_error(text: str, language: str) -> str:
    """The form's message for ``text`` as a justification, in ``language``."""
    with translation.override(language):
        return WaiverForm({"finding": "x", "justification": text}).errors["justification"][0]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def findings_panel(response):
    panel = soup(response).find(attrs={"data-restricted-findings": True})
    assert panel is not None, "the Review tab has no restricted-information panel"
    return panel


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def findings_url(page) -> str:
    return reverse("workflows_review:findings", args=[page.pk])


def emergency_url(page) -> str:
    return reverse("workflows_review:emergency_publish", args=[page.pk])


class ModeratedPagesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPageFactory(parent=kk_home())

    def setUp(self):
        # The guard memoises scans by revision id; SQLite reuses ids after each test's rollback.
        guard._SCAN_CACHE.clear()

    def draft(self, body=None, author_role="editors", **fields):
        """A news draft with a revision saved by an editor (the author)."""
        page = NewsPageFactory(parent=self.index, live=False, body=body or CLEAN_BODY, **fields)
        page.save_revision(user=member(author_role, "author"))
        return page


class ReviewTabTests(ModeratedPagesTestCase):
    def test_new_page_says_nothing_has_been_checked(self):
        login(self.client, "editors")
        response = self.client.get(
            reverse("wagtailadmin_pages:add", args=["press_pages", "newspage", self.index.pk])
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn('id="tab-label-review"', response.content.decode())
        self.assertIn("Nothing has been checked yet", findings_panel(response).get_text())

    def test_panel_lists_iin_finding_masked_never_raw(self):
        page = self.draft(body=iin_body())
        login(self.client, "editors")
        response = self.client.get(edit_url(page))
        self.assertEqual(response.status_code, 200)
        panel = findings_panel(response)
        text = " ".join(panel.get_text().split())
        self.assertIn(mask("iin", IIN), text)
        self.assertNotIn(IIN, str(panel))
        self.assertIn("Blocks publication", text)
        self.assertIn("Personal identification number (ИИН)", text)
        self.assertIn("Law on Personal Data No. 94-V", text)
        self.assertIn("Body, block 2", text)
        self.assertIn("kk:body[1]", text)
        self.assertIn("Draft", text)
        html = response.content.decode()
        self.assertIn("workflows/restricted_findings.js", html)
        self.assertIn("workflows/review.css", html)

    def test_findings_carry_what_the_script_needs_to_mark_the_field(self):
        page = self.draft(body=iin_body(), lead=f"Хабарласу: {PHONE}")
        page.seo_title = f"ЖСН {IIN}"
        page.save_revision(user=member("editors", "author"))
        block_id = page.get_latest_revision().as_object().body[1].id
        login(self.client, "editors")
        panel = findings_panel(self.client.get(edit_url(page)))
        items = panel.find_all(attrs={"data-restricted-finding": True})
        by_field = {item["data-restricted-field"]: item for item in items}
        self.assertEqual(set(by_field), {"body", "lead", "seo_title"})

        body = by_field["body"]
        self.assertEqual(body["data-restricted-target"], "stream")
        self.assertEqual(body["data-restricted-index"], "1")
        self.assertEqual(body["data-restricted-block-id"], block_id)
        self.assertEqual(body["data-restricted-tab"], "content")
        self.assertEqual(body["data-restricted-severity"], "block")
        self.assertIn("Restricted information", body["data-restricted-marker"])
        self.assertEqual(
            body.find("a", attrs={"data-restricted-show": True})["href"], "#tab-content"
        )

        self.assertEqual(by_field["lead"]["data-restricted-target"], "field")
        self.assertEqual(by_field["lead"]["data-restricted-severity"], "warn")
        self.assertEqual(by_field["seo_title"]["data-restricted-tab"], "promote")
        self.assertTrue(all(item.has_attr("data-restricted-own-language") for item in items))

    def test_findings_in_a_translation_link_to_that_language_version(self):
        settings = ModerationSettings.load()
        settings.required_locales = ["kk", "ru"]
        settings.save()
        page = self.draft()
        ru_page = page.copy_for_translation(locale("ru"), copy_parents=True)
        ru_page.body = iin_body(IIN_RU)
        ru_page.save_revision(user=member("editors", "author"))
        login(self.client, "editors")
        panel = findings_panel(self.client.get(edit_url(page)))
        item = panel.find(attrs={"data-restricted-language": "ru"})
        self.assertIsNotNone(item)
        self.assertFalse(item.has_attr("data-restricted-own-language"))
        self.assertIsNotNone(item.find("a", href=edit_url(ru_page)))
        self.assertIn("ru:body[1]", item.get_text())
        self.assertNotIn(IIN_RU, str(panel))

    def test_waive_links_only_for_legal_reviewers(self):
        faq_index = FAQIndexPageFactory(parent=kk_home())
        page = FAQAnswerPageFactory(
            parent=faq_index, live=False, short_answer=f"Анықтама телефоны: {PHONE}"
        )
        state = submit(page, member("editors", "author"))
        state.refresh_from_db()
        self.assertEqual(state.current_task_state.task.name, "Legal review")

        login(self.client, "legal_reviewers")
        panel = findings_panel(self.client.get(edit_url(page)))
        waive = panel.find("a", attrs={"data-restricted-waive": True})
        self.assertIsNotNone(waive)
        self.assertTrue(waive.get_text().startswith("Waive"))
        self.assertTrue(waive["href"].startswith(findings_url(page) + "#finding-kk-"))

        self.client.logout()
        login(self.client, "editors")
        panel = findings_panel(self.client.get(edit_url(page)))
        self.assertIsNotNone(panel.find(attrs={"data-restricted-finding": True}))
        self.assertIsNone(panel.find("a", attrs={"data-restricted-waive": True}))


class WaiverTests(ModeratedPagesTestCase):
    def test_legal_reviewer_waives_a_finding_and_the_check_then_passes(self):
        page = self.draft(body=iin_body())
        legal = login(self.client, "legal_reviewers")
        response = self.client.get(findings_url(page))
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertNotIn(IIN, html)
        self.assertIn(mask("iin", IIN), html)
        self.assertIn("Body, block 2", html)
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        form = soup(response).find("input", attrs={"name": "finding"})
        self.assertEqual(form["value"], f"kk:{finding.fingerprint}")

        justification = "The person consented in writing to publication (letter 12-3/456)."
        response = self.client.post(
            findings_url(page),
            {"finding": f"kk:{finding.fingerprint}", "justification": justification},
        )
        self.assertRedirects(response, findings_url(page))
        waiver = Waiver.objects.get(page_id=page.pk, fingerprint=finding.fingerprint)
        self.assertEqual(waiver.justification, justification)
        self.assertEqual(waiver.waived_by, legal)
        entry = PageLogEntry.objects.get(page_id=page.pk, action="workflows.waive")
        self.assertEqual(entry.user, legal)
        self.assertEqual(entry.data["comment"], justification)
        self.assertNotIn(IIN, str(entry.data))

        self.assertEqual(scan_bundle(page, page.get_latest_revision()).blocking, [])
        state = submit(page, member("editors", "author"))
        check = RestrictedInformationCheckTaskState.objects.get(workflow_state=state)
        self.assertEqual(check.status, "approved")
        self.assertEqual(len(check.report["waived"]), 1)
        state.refresh_from_db()
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_a_finding_in_a_translation_is_waived_on_that_language_version(self):
        settings = ModerationSettings.load()
        settings.required_locales = ["kk", "ru"]
        settings.save()
        page = self.draft()
        ru_page = page.copy_for_translation(locale("ru"), copy_parents=True)
        ru_page.body = iin_body(IIN_RU)
        ru_page.save_revision(user=member("editors", "author"))
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        self.assertEqual(finding.field, "ru:body[1]")

        login(self.client, "legal_reviewers")
        response = self.client.post(
            findings_url(page),
            {"finding": f"ru:{finding.fingerprint}", "justification": "Published by the court."},
        )
        self.assertRedirects(response, findings_url(page))
        waiver = Waiver.objects.get(fingerprint=finding.fingerprint)
        self.assertEqual(waiver.page_id, ru_page.pk)
        self.assertEqual(scan_bundle(page, page.get_latest_revision()).blocking, [])

    def test_editor_sees_findings_without_waive_buttons_and_gets_403_on_post(self):
        page = self.draft(body=iin_body())
        login(self.client, "editors")
        response = self.client.get(findings_url(page))
        self.assertEqual(response.status_code, 200)
        self.assertIsNone(soup(response).find("input", attrs={"name": "justification"}))
        self.assertIn(mask("iin", IIN), response.content.decode())
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        response = self.client.post(
            findings_url(page),
            {"finding": f"kk:{finding.fingerprint}", "justification": "x" * 40},
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Waiver.objects.exists())

    def test_users_without_access_to_the_page_get_403(self):
        page = self.draft(body=iin_body())
        login(self.client, "request_officers")
        self.assertEqual(self.client.get(findings_url(page)).status_code, 403)

    def test_short_justification_is_refused_in_the_users_language_keeping_the_text(self):
        page = self.draft(body=iin_body())
        login(self.client, "legal_reviewers", language="ru")
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        typed = "Согласен"
        response = self.client.post(
            findings_url(page), {"finding": f"kk:{finding.fingerprint}", "justification": typed}
        )
        self.assertEqual(response.status_code, 200)
        expected = justification_error(typed, "ru")
        self.assertNotEqual(expected, justification_error(typed, "en"))
        page_soup = soup(response)
        self.assertEqual(page_soup.html["lang"], "ru")
        errors = " ".join(e.get_text(" ", strip=True) for e in page_soup.select(".error-message"))
        self.assertIn(expected, errors)
        textarea = page_soup.find("textarea", attrs={"name": "justification"})
        self.assertEqual(textarea.get_text().strip(), typed)
        self.assertFalse(Waiver.objects.exists())
        self.assertFalse(PageLogEntry.objects.filter(action="workflows.waive").exists())

    def test_empty_justification_is_refused(self):
        page = self.draft(body=iin_body())
        login(self.client, "legal_reviewers")
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        response = self.client.post(
            findings_url(page), {"finding": f"kk:{finding.fingerprint}", "justification": "  "}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("This field is required.", response.content.decode())
        self.assertFalse(Waiver.objects.exists())


class CheckReportTests(ModeratedPagesTestCase):
    def test_report_shows_the_stored_findings_to_those_who_may_edit(self):
        page = self.draft(body=iin_body())
        state = submit(page, member("editors", "author"))
        check = RestrictedInformationCheckTaskState.objects.get(workflow_state=state)
        self.assertEqual(check.status, "rejected")
        url = reverse("workflows_review:report", args=[check.pk])

        login(self.client, "editors")
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn(mask("iin", IIN), html)
        self.assertNotIn(IIN, html)
        self.assertIn("Restricted information found: 1 blocking finding(s).", html)

        self.client.logout()
        login(self.client, "request_officers")
        self.assertEqual(self.client.get(url).status_code, 403)


class ReviewHistoryTests(ModeratedPagesTestCase):
    def test_history_lists_transitions_with_comment_and_report_link(self):
        page = self.draft(body=iin_body())
        state = submit(page, member("editors", "author"))
        check = RestrictedInformationCheckTaskState.objects.get(workflow_state=state)
        login(self.client, "editors")
        response = self.client.get(edit_url(page))
        rows = soup(response).select("tr[data-review-action]")
        actions = [row["data-review-action"] for row in rows]
        self.assertEqual(actions[:2], ["wagtail.workflow.reject", "wagtail.workflow.start"])
        reject = rows[0]
        self.assertIn("Restricted information found: 1 blocking finding(s).", reject.get_text())
        report_link = reject.find("a", href=reverse("workflows_review:report", args=[check.pk]))
        self.assertIsNotNone(report_link)
        full_history = soup(response).find(
            "a", href=reverse("wagtailadmin_pages:history", args=[page.pk])
        )
        self.assertIsNotNone(full_history)

    def test_history_shows_waiver_and_emergency_publication_with_their_reasons(self):
        page = self.draft(body=iin_body())
        legal = login(self.client, "legal_reviewers")
        finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
        self.client.post(
            findings_url(page),
            {"finding": f"kk:{finding.fingerprint}", "justification": "Published by the court."},
        )
        self.client.logout()
        secretary = login(self.client, "press_secretaries")
        self.client.post(emergency_url(page), {"reason": "Storm warning must go out now."})
        response = self.client.get(edit_url(page))
        rows = {
            row["data-review-action"]: row
            for row in soup(response).select("tr[data-review-action]")
        }
        self.assertIn("Published by the court.", rows["workflows.waive"].get_text())
        self.assertIn(legal.username, rows["workflows.waive"].get_text())
        self.assertIn(
            "Storm warning must go out now.", rows["workflows.emergency_publish"].get_text()
        )
        self.assertIn(secretary.username, rows["workflows.emergency_publish"].get_text())
        self.assertIn("wagtail.publish", rows)
        self.assertIn("wagtail.workflow.start", rows)  # the follow-up review


class EmergencyPublishTests(ModeratedPagesTestCase):
    REASON = "Official storm warning from Kazhydromet; it cannot wait for the review."

    def test_press_secretary_publishes_with_a_reason(self):
        page = self.draft()
        secretary = login(self.client, "press_secretaries")
        response = self.client.get(edit_url(page))
        button = soup(response).find("button", attrs={"name": "action-emergency-publish"})
        self.assertIsNotNone(button)
        self.assertEqual(self.client.get(emergency_url(page)).status_code, 200)

        response = self.client.post(emergency_url(page), {"reason": self.REASON})
        self.assertRedirects(response, edit_url(page))
        page.refresh_from_db()
        self.assertTrue(page.live)
        publication = EmergencyPublication.objects.get(page_id=page.pk)
        self.assertIsNone(publication.reviewed_at)
        self.assertEqual(publication.reason, self.REASON)
        self.assertEqual(publication.published_by, secretary)
        entry = PageLogEntry.objects.get(page_id=page.pk, action="workflows.emergency_publish")
        self.assertEqual(entry.data["comment"], self.REASON)
        self.assertEqual(publication.workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(page_state(page.specific).code, PUBLISHED_UNREVIEWED)
        response = self.client.get(edit_url(page))
        self.assertIn("Published without full review", findings_panel(response).get_text())

    def test_menu_item_saves_the_editor_contents_then_opens_the_form(self):
        page = self.draft()
        login(self.client, "press_secretaries")
        response = self.client.get(edit_url(page))
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        data.update(
            nested_form_data(
                {"body": stream_data([("paragraph", rich_text("<p>Дауыл туралы ескерту.</p>"))])}
            )
        )
        data["title"] = "Дауыл туралы ескерту"
        data["action-emergency-publish"] = "Emergency publish…"
        revisions_before = page.revisions.count()
        response = self.client.post(edit_url(page), data)
        self.assertRedirects(response, emergency_url(page))
        self.assertEqual(page.revisions.count(), revisions_before + 1)
        page.refresh_from_db()
        self.assertFalse(page.live)
        latest = page.get_latest_revision().as_object()
        self.assertEqual(latest.title, "Дауыл туралы ескерту")
        self.assertIn("Дауыл туралы ескерту.", str(latest.body))

    def test_editor_has_no_menu_item_and_gets_403(self):
        page = self.draft()
        login(self.client, "editors")
        response = self.client.get(edit_url(page))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("action-emergency-publish", response.content.decode())
        self.assertEqual(self.client.get(emergency_url(page)).status_code, 403)
        response = self.client.post(emergency_url(page), {"reason": self.REASON})
        self.assertEqual(response.status_code, 403)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertFalse(EmergencyPublication.objects.exists())

    def test_blocking_finding_refuses_and_keeps_the_reason(self):
        page = self.draft(body=iin_body())
        login(self.client, "press_secretaries")
        response = self.client.post(emergency_url(page), {"reason": self.REASON})
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("Not published.", html)
        self.assertIn("only a legal reviewer", html.lower())
        self.assertIn(mask("iin", IIN), html)
        self.assertNotIn(IIN, html)
        textarea = soup(response).find("textarea", attrs={"name": "reason"})
        self.assertEqual(textarea.get_text().strip(), self.REASON)
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertFalse(EmergencyPublication.objects.exists())
        self.assertFalse(
            PageLogEntry.objects.filter(page_id=page.pk, action="workflows.emergency_publish")
        )

    def test_short_reason_is_refused(self):
        page = self.draft()
        login(self.client, "press_secretaries")
        response = self.client.post(emergency_url(page), {"reason": "Urgent"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Ensure this value has at least 10 characters", response.content.decode())
        page.refresh_from_db()
        self.assertFalse(page.live)
