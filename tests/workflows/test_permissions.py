"""Who may do what in moderation: every role against every action.

Each cell is checked twice: through the permission API the code relies on, and through an HTTP
request to the admin screen that performs the action. The groups' exact permission sets, as
the data migration creates them, are asserted separately (least privilege).
"""

import contextlib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import TestCase
from django.urls import reverse

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow
from wagtail.test.utils.form_data import rich_text

from press_pages.models import FAQIndexPage, HomePage
from tests.press_pages.factories import (
    FAQAnswerPageFactory,
    FAQIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
)
from tests.signin import staff_login
from tests.workflows.helpers import IIN, edit_form_data, paragraph
from tests.workflows.moderation import member, moderate, submit
from workflows.guard import scan_bundle
from workflows.models import ModerationSettings, StopListTerm, Waiver
from workflows.services import can_emergency_publish, can_waive

ROLES = (
    "editors",
    "press_secretaries",
    "legal_reviewers",
    "request_officers",
    "accreditation_officers",
    "heads",
    "anonymous",
    "superuser",
)
T, F = True, False

# Columns follow ROLES.
MATRIX = {
    "access_admin": (T, T, T, T, T, T, F, T),
    "create_news": (T, T, F, F, F, F, F, T),
    "edit_news": (T, T, F, F, F, F, F, T),
    "submit_for_moderation": (T, T, F, F, F, F, F, T),
    "approve_at_press_step": (F, T, F, F, F, F, F, T),
    "approve_at_legal_step": (F, F, T, F, F, F, F, T),
    "publish_directly": (F, F, F, F, F, F, F, F),
    "unpublish": (F, T, F, F, F, F, F, T),
    "emergency_publish": (F, T, F, F, F, F, F, T),
    "waive_finding": (F, F, T, F, F, F, F, T),
    "add_stop_list_term": (F, F, T, F, F, F, F, T),
    "change_stop_list_term": (F, F, T, F, F, F, F, T),
    "delete_stop_list_term": (F, F, T, F, F, F, F, T),
    "change_moderation_settings": (F, F, F, F, F, F, F, T),
    "edit_workflows": (F, F, F, F, F, F, F, T),
}

REASON = "Төтенше жағдай туралы ресми ескерту, күте алмайды."


class MatrixTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = kk_home()
        cls.index = NewsIndexPageFactory(parent=home)
        cls.faq_index = FAQIndexPageFactory(parent=home)
        cls.author = member("editors", "author")
        cls.users = {role: member(role, f"matrix-{role}") for role in ROLES[:6]}
        cls.users["anonymous"] = AnonymousUser()
        cls.users["superuser"] = get_user_model().objects.create_superuser(
            "matrix-superuser", "matrix@example.kz", "matrix-password"
        )
        cls.term = StopListTerm.objects.create(phrase="Бастапқы тыйым", legal_basis="Шешім № 1")

    def login(self, role):
        self.client.logout()
        if role != "anonymous":
            staff_login(self.client, self.users[role])

    def draft(self, text="Министрлік жаңа қызметті іске қосты."):
        page = NewsPageFactory(parent=self.index, live=False, body=paragraph(text))
        page.save_revision(user=self.author)
        return page

    def at_press_step(self):
        page = self.draft()
        state = submit(page, self.author)
        return page, state

    def faq_at_legal_step(self):
        page = FAQAnswerPageFactory(parent=self.faq_index, live=False)
        state = submit(page, self.author)
        return page, state

    def live(self):
        return moderate(self.draft("Жарияланған жаңалық."))

    def cells(self):
        for action, row in MATRIX.items():
            for role, expected in zip(ROLES, row, strict=True):
                yield action, role, expected


class PermissionAPITests(MatrixTestCase):
    """The matrix through the permission checks that the code paths call."""

    def allowed(self, action, user) -> bool:
        if action == "access_admin":
            return user.has_perm("wagtailadmin.access_admin")
        if action == "create_news":
            return self.index.permissions_for_user(user).can_add_subpage()
        if action == "edit_news":
            return self.draft().permissions_for_user(user).can_edit()
        if action == "submit_for_moderation":
            # Wagtail's can_submit_for_moderation() checks the page's state, not the user: the
            # editor (the only place to submit) requires edit access first.
            permissions = self.draft().permissions_for_user(user)
            return permissions.can_edit() and permissions.can_submit_for_moderation()
        if action in {"approve_at_press_step", "approve_at_legal_step"}:
            page, state = (
                self.at_press_step()
                if action == "approve_at_press_step"
                else self.faq_at_legal_step()
            )
            task = state.current_task_state.task.specific
            return "approve" in [name for name, *_rest in task.get_actions(page, user)]
        if action == "publish_directly":
            # Refused either for want of the publish permission or by the guard: both are
            # PermissionDenied, and nothing goes live.
            page = self.draft()
            with contextlib.suppress(PermissionDenied), transaction.atomic():
                page.get_latest_revision().publish(user=user)
            page.refresh_from_db()
            return page.live
        if action == "unpublish":
            return self.live().permissions_for_user(user).can_unpublish()
        if action == "emergency_publish":
            return can_emergency_publish(user, self.draft())
        if action == "waive_finding":
            return can_waive(user)
        if action.endswith("stop_list_term"):
            verb = action.split("_", 1)[0]
            return user.has_perm(f"workflows.{verb}_stoplistterm")
        if action == "change_moderation_settings":
            return user.has_perm("workflows.change_moderationsettings")
        if action == "edit_workflows":
            return user.has_perm("wagtailcore.change_workflow")
        raise AssertionError(action)

    def test_matrix(self):
        for action, role, expected in self.cells():
            with self.subTest(action=action, role=role):
                self.assertIs(self.allowed(action, self.users[role]), expected)


class HTTPTests(MatrixTestCase):
    """The matrix through the admin screens, one request per cell."""

    def ok(self, response) -> bool:
        return response.status_code == 200

    def allowed(self, action, role) -> bool:
        self.login(role)
        client = self.client
        if action == "access_admin":
            return self.ok(client.get(reverse("wagtailadmin_home")))
        if action == "create_news":
            return self.ok(
                client.get(
                    reverse(
                        "wagtailadmin_pages:add", args=["press_pages", "newspage", self.index.pk]
                    )
                )
            )
        if action == "edit_news":
            page = self.draft()
            return self.ok(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
        if action == "submit_for_moderation":
            page = self.draft()
            data = edit_form_data(page.get_latest_revision(), **{"action-submit": "Submit"})
            client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
            page.refresh_from_db()
            return page.workflow_in_progress
        if action == "approve_at_press_step":
            page, state = self.at_press_step()
            url = reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", state.current_task_state_id],
            )
            client.post(url, {"comment": ""})
            page.refresh_from_db()
            return page.live
        if action == "approve_at_legal_step":
            page, state = self.faq_at_legal_step()
            legal_step = state.current_task_state_id
            url = reverse(
                "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", legal_step]
            )
            client.post(url, {"comment": ""})
            state.refresh_from_db()
            return state.current_task_state_id != legal_step
        if action == "publish_directly":
            page = self.draft()
            data = edit_form_data(page.get_latest_revision(), **{"action-publish": "Publish"})
            data["body-0-value"] = rich_text(f'<p data-block-key="a1b2c">ЖСН {IIN}</p>')
            client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
            page.refresh_from_db()
            return page.live
        if action == "unpublish":
            page = self.live()
            client.post(
                reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
                {"withdrawal-reason": "Мәтінде қате бар, түзетіледі."},
            )
            page.refresh_from_db()
            return not page.live
        if action == "emergency_publish":
            page = self.draft()
            client.post(
                reverse("workflows_review:emergency_publish", args=[page.pk]), {"reason": REASON}
            )
            page.refresh_from_db()
            return page.live
        if action == "waive_finding":
            page = self.draft(f"ЖСН {IIN}")
            finding = scan_bundle(page, page.get_latest_revision()).blocking[0]
            client.post(
                reverse("workflows_review:findings", args=[page.pk]),
                {
                    "finding": f"kk:{finding.fingerprint}",
                    "justification": "Адамның жазбаша келісімі бар.",
                },
            )
            return Waiver.objects.filter(page_id=page.pk).exists()
        if action == "add_stop_list_term":
            phrase = f"Жаңа тыйым {role}"
            client.post(
                reverse("wagtailsnippets_workflows_stoplistterm:add"),
                {
                    "phrase": phrase,
                    "language": "",
                    "severity": "block",
                    "legal_basis": "Сот шешімі № 5",
                    "active": "on",
                },
            )
            return StopListTerm.objects.filter(phrase=phrase).exists()
        if action == "change_stop_list_term":
            client.post(
                reverse("wagtailsnippets_workflows_stoplistterm:edit", args=[self.term.pk]),
                {
                    "phrase": self.term.phrase,
                    "language": "",
                    "severity": "warn",
                    "legal_basis": "Шешім № 1",
                    "active": "on",
                },
            )
            changed = StopListTerm.objects.get(pk=self.term.pk).severity == "warn"
            StopListTerm.objects.filter(pk=self.term.pk).update(severity="block")
            return changed
        if action == "delete_stop_list_term":
            term = StopListTerm.objects.create(phrase=f"Жойылатын {role}", legal_basis="Шешім")
            client.post(reverse("wagtailsnippets_workflows_stoplistterm:delete", args=[term.pk]))
            return not StopListTerm.objects.filter(pk=term.pk).exists()
        if action == "change_moderation_settings":
            url = reverse(
                "wagtailsettings:edit",
                args=["workflows", "moderationsettings", ModerationSettings.load().pk],
            )
            return self.ok(client.get(url))
        if action == "edit_workflows":
            workflow = Workflow.objects.get(name="News")
            return self.ok(client.get(reverse("wagtailadmin_workflows:edit", args=[workflow.pk])))
        raise AssertionError(action)

    def test_matrix(self):
        for action, role, expected in self.cells():
            with self.subTest(action=action, role=role):
                self.assertIs(self.allowed(action, role), expected)

    def test_anonymous_requests_go_to_the_login_page(self):
        self.client.logout()
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertRedirects(
            response, reverse("wagtailadmin_login") + "?next=/admin/", fetch_redirect_response=False
        )

    def test_a_refused_approval_says_why(self):
        page, state = self.at_press_step()
        self.login("legal_reviewers")
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[page.pk, "approve", state.current_task_state_id],
            ),
            {"comment": ""},
        )
        self.assertEqual(response.status_code, 302, "Wagtail sends a refused approver back")
        page.refresh_from_db()
        self.assertFalse(page.live)


def codenames(permissions) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions}


ACCREDITATION_RECORDS = (
    "outlet",
    "intake",
    "application",
    "applicationjournalist",
    "accreditation",
    "eventregistration",
    "eventquestion",
    "eventnotice",
)

SNIPPETS_VIEW = {
    "press_pages.view_topic",
    "press_pages.view_faqcategory",
    "agency.view_agencyprofile",
}
MEDIA_EDIT = {
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
}


MEDIA_WATCH_KEPT = {
    f"media_watch.{action}_{model}"
    for model in ("watchterm", "outlet", "source")
    for action in ("view", "add", "change", "delete")
}
MEDIA_WATCH_READ = {
    f"media_watch.view_{model}"
    for model in (
        "watchterm",
        "outlet",
        "source",
        "story",
        "item",
        "mention",
        "tonecorrection",
        "demand",
    )
}


class LeastPrivilegeTests(TestCase):
    """Each group has exactly the permissions the migration gives it, and no more."""

    def expected_model_permissions(self):
        return {
            "Editors": {
                "wagtailadmin.access_admin",
                "wagtail_localize.submit_translation",
                *SNIPPETS_VIEW,
                "press_pages.add_topic",
                "press_pages.change_topic",
            },
            "Press secretaries": {
                "wagtailadmin.access_admin",
                "wagtail_localize.submit_translation",
                *SNIPPETS_VIEW,
                "press_pages.add_topic",
                "press_pages.change_topic",
                "press_pages.delete_topic",
                "press_pages.add_faqcategory",
                "press_pages.change_faqcategory",
                "press_pages.delete_faqcategory",
                "agency.change_agencyprofile",
                "agency.view_sitesettings",
                "agency.change_sitesettings",
                "workflows.emergency_publish",
                "workflows.view_stoplistterm",
                *MEDIA_WATCH_KEPT,
                *MEDIA_WATCH_READ,
                "media_watch.change_mention",
                "media_watch.change_story",
                "media_watch.add_tonecorrection",
                "media_watch.add_demand",
                "media_watch.change_demand",
                "media_watch.send_announcements",
                "media_watch.change_announcementsettings",
            },
            "Legal reviewers": {
                "wagtailadmin.access_admin",
                *SNIPPETS_VIEW,
                "workflows.add_stoplistterm",
                "workflows.change_stoplistterm",
                "workflows.delete_stoplistterm",
                "workflows.view_stoplistterm",
                "workflows.add_waiver",
            },
            "Request officers": {
                "wagtailadmin.access_admin",
                *(
                    f"citizen_requests.{action}_{model}"
                    for model in (
                        "citizenrequest",
                        "informationsubtask",
                        "answer",
                        "requestattachment",
                    )
                    for action in ("view", "add", "change")
                ),
                "citizen_requests.view_requestevent",
                "citizen_requests.add_requestevent",
                "citizen_requests.view_unit",
                "agency.view_calendarday",
                "citizen_requests.view_personal_data",
                "citizen_requests.decide_request",
                "citizen_requests.view_reports",
                "esign.view_signedsubmission",
                "esign.view_signer_iin",
            },
            "Accreditation officers": {
                "wagtailadmin.access_admin",
                *(
                    f"accreditation.{action}_{model}"
                    for model in ACCREDITATION_RECORDS
                    for action in ("view", "add", "change")
                ),
                "accreditation.deprive_accreditation",
                "esign.view_signedsubmission",
                "esign.view_signer_iin",
            },
            "Heads": {
                "wagtailadmin.access_admin",
                *SNIPPETS_VIEW,
                "agency.view_sitesettings",
                "citizen_requests.view_reports",
                *(f"accreditation.view_{model}" for model in ACCREDITATION_RECORDS),
                *MEDIA_WATCH_READ,
                "media_watch.view_head_reports",
                "esign.view_signedsubmission",  # without the signers' IINs
            },
        }

    def test_model_permissions(self):
        for name, expected in self.expected_model_permissions().items():
            with self.subTest(group=name):
                group = Group.objects.get(name=name)
                actual = codenames(group.permissions.select_related("content_type"))
                self.assertEqual(actual, expected)

    def test_page_permissions_on_every_home(self):
        homes = set(HomePage.objects.values_list("pk", flat=True))
        expected = {
            "Editors": {"add_page", "change_page"},
            "Press secretaries": {
                "add_page",
                "change_page",
                "publish_page",
                "lock_page",
                "unlock_page",
            },
            "Legal reviewers": set(),
            "Request officers": set(),
            "Accreditation officers": set(),
            "Heads": set(),
        }
        faq_indexes = set(FAQIndexPage.objects.values_list("pk", flat=True))
        on_faq_indexes = {"Request officers": {"add_page"}}
        for name, codes in expected.items():
            with self.subTest(group=name):
                rows = GroupPagePermission.objects.filter(group__name=name)
                self.assertEqual(
                    set(rows.values_list("page_id", "permission__codename")),
                    {(home, code) for home in homes for code in codes}
                    | {
                        (index, code)
                        for index in faq_indexes
                        for code in on_faq_indexes.get(name, ())
                    },
                )

    def test_collection_permissions(self):
        expected = {
            "Editors": MEDIA_EDIT,
            "Press secretaries": MEDIA_EDIT | {"delete_image", "delete_document"},
            "Legal reviewers": {"choose_image", "choose_document"},
            "Request officers": set(),
            "Accreditation officers": set(),
            "Heads": set(),
        }
        for name, codes in expected.items():
            with self.subTest(group=name):
                rows = GroupCollectionPermission.objects.filter(group__name=name)
                self.assertEqual(set(rows.values_list("permission__codename", flat=True)), codes)
                self.assertEqual(
                    set(rows.values_list("collection__depth", flat=True)), {1} if codes else set()
                )

    def test_only_the_superuser_runs_moderation_itself(self):
        powerful = {
            "workflows.change_moderationsettings",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.delete_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            "workflows.add_clearance",
            "workflows.change_clearance",
            "workflows.change_waiver",
            "workflows.delete_waiver",
            "auth.change_group",
            "auth.change_user",
        }
        for group in Group.objects.all():
            with self.subTest(group=group.name):
                held = codenames(group.permissions.select_related("content_type"))
                self.assertEqual(held & powerful, set())
                self.assertFalse(
                    GroupPagePermission.objects.filter(
                        group=group, permission__codename__in=["delete_page", "bypass_workflow"]
                    ).exists()
                )

    def test_the_default_wagtail_moderators_group_is_gone(self):
        self.assertFalse(Group.objects.filter(name="Moderators").exists())
