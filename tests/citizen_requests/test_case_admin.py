"""The officer's admin: the list and its filters, the case view, logged personal data, private
files, and the actions posted from the case view."""

import csv
import datetime
import io
import re
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from wagtail.users.models import UserProfile

import openpyxl
import pytest
from pypdf import PdfReader

from citizen_requests.kinds import RefusalGround, RequestKind, Status
from citizen_requests.models import Answer, PersonalDataAccess, RequestAttachment, RequestEvent
from tests.citizen_requests.factories import UnitFactory
from tests.citizen_requests.helpers import (
    FILED_ON_SUNDAY,
    agency,
    file_on_sunday,
    make_case,
    officer,
    viewer_without_personal_data,
)
from tests.files import MINIMAL_PDF
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

LIST = reverse("citizen_requests_cases:list")


def case_url(case, name="case", *args):
    return reverse(f"citizen_requests_cases:{name}", args=[case.pk, *args])


@pytest.fixture
def officer_client(client):
    user = officer()
    prefer_english(user)
    staff_login(client, user)
    client.user = user
    return client


def numbers(response) -> set[str]:
    return {case.number for case in response.context["object_list"]}


class TestList:
    def test_filters_and_search(self, officer_client):
        today = timezone.localdate()
        executor = officer("executor")
        unit = UnitFactory(name="Заң бөлімі")
        overdue = make_case(received_at=timezone.now() - datetime.timedelta(days=30))
        mine = make_case(executor=executor, unit=unit, status=Status.IN_PROGRESS)
        media = make_case(RequestKind.MEDIA, subject="Брифинг туралы сұрақ")
        closed = make_case(
            received_at=timezone.now() - datetime.timedelta(days=30), status=Status.ANSWERED
        )
        soon = make_case(answer_due=today + datetime.timedelta(days=2))

        def get(**params):
            response = officer_client.get(LIST, params)
            assert response.status_code == 200
            return numbers(response)

        everything = {c.number for c in (overdue, mine, media, closed, soon)}
        assert get() == everything
        assert get(overdue="on") == {overdue.number}
        assert get(executor=executor.pk) == {mine.number}
        assert get(unit=unit.pk) == {mine.number}
        assert get(kind="media") == {media.number}
        assert get(status="answered") == {closed.number}
        assert closed.number not in get(status="open")
        assert get(due_within=3) == {overdue.number, soon.number} | (
            {media.number} if media.answer_due <= today + datetime.timedelta(days=3) else set()
        )
        assert get(q="Брифинг") == {media.number}  # SQLite folds only ASCII case
        assert get(q=mine.number) == {mine.number}
        assert get(q=mine.full_name) == everything, "officers may search by name"
        assert get(due_within="abc") == everything, "a bad filter value is ignored"

    def test_the_list_shows_no_personal_data_and_logs_nothing(self, officer_client):
        case = make_case(full_name="Ерекше Есім")
        response = officer_client.get(LIST)
        assert case.number in response.content.decode()
        assert "Ерекше Есім" not in response.content.decode()
        assert not PersonalDataAccess.objects.exists()

    def test_overdue_cases_are_marked(self, officer_client):
        make_case(received_at=timezone.now() - datetime.timedelta(days=30))
        assert "case-overdue" in officer_client.get(LIST).content.decode()

    def test_pages_of_fifty(self, officer_client):
        for _i in range(51):
            make_case()
        response = officer_client.get(LIST)
        assert len(response.context["object_list"]) == 50
        assert len(officer_client.get(LIST, {"p": 2}).context["object_list"]) == 1

    def test_the_filters_refresh_the_results_alone(self, officer_client):
        overdue = make_case(received_at=timezone.now() - datetime.timedelta(days=30))
        make_case()
        response = officer_client.get(
            reverse("citizen_requests_cases:index_results"), {"overdue": "on"}
        )
        assert response.status_code == 200
        assert numbers(response) == {overdue.number}

    def test_exports_without_personal_data_or_formulas_and_never_stored(self, officer_client):
        case = make_case(subject='=HYPERLINK("http://x")', full_name="Ерекше Есім")
        response = officer_client.get(LIST, {"export": "csv"})
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        text = b"".join(response.streaming_content).decode()
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows[0][:2] == ["Number", "Kind"]
        assert rows[1][0] == case.number and rows[1][2] == '\'=HYPERLINK("http://x")'
        assert "Ерекше Есім" not in text and case.email not in text

        response = officer_client.get(LIST, {"export": "xlsx"})
        assert "no-store" in response["Cache-Control"]
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        assert sheet["C2"].value == '\'=HYPERLINK("http://x")'

    def test_heads_and_editors_are_not_allowed(self, client):
        for user in (member("heads", "head"), member("editors", "editor")):
            staff_login(client, user)
            assert client.get(LIST).status_code == 403
            assert client.get(case_url(make_case())).status_code == 403

    def test_the_menu_shows_requests_to_officers(self, officer_client):
        response = officer_client.get(reverse("wagtailadmin_home"))
        assert LIST in response.content.decode()

    def test_heads_see_the_reports_but_not_the_cases_in_the_menu(self, client):
        staff_login(client, member("heads", "head"))
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse("citizen_requests_reports:dashboard") in html
        assert LIST not in html


class TestCaseView:
    def test_timeline_and_personal_data_are_shown_and_every_view_is_logged(self, officer_client):
        case = make_case(iin="900115300122")
        RequestEvent.objects.create(request=case, action=RequestEvent.Action.RECEIVED, public=True)
        for _i in range(2):
            response = officer_client.get(case_url(case))
            assert response.status_code == 200
        html = response.content.decode()
        assert "900115300122" in html and case.full_name in html and case.email in html
        assert "Received" in html and case.subject in html
        accesses = PersonalDataAccess.objects.filter(request=case, user=officer_client.user)
        assert accesses.count() == 2
        assert {a.what for a in accesses} == {"case view"}

    def test_the_timeline_tells_receipt_from_registration(self, officer_client):
        case, _code = file_on_sunday()
        html = officer_client.get(case_url(case)).content.decode()
        timeline = html[html.index('class="case-timeline"') :]
        with translation.override("en"):
            received = date_format(timezone.localtime(FILED_ON_SUNDAY), "DATETIME_FORMAT")
            registered = date_format(datetime.date(2026, 12, 7), "DATE_FORMAT")
        lines = [
            timeline.index(text)
            for text in ("Received", received, "Acknowledgement sent", "Registered", registered)
        ]
        assert lines == sorted(lines), "receipt, acknowledgement, then registration on Monday"
        registration = timeline[timeline.index("<strong>Registered") :].split("</li>")[0]
        assert registered in registration and received not in registration

    def test_the_executor_picker_names_people_as_the_case_does(self, officer_client):
        named = officer("named-officer")
        named.first_name, named.last_name = "Айгүл", "Сәрсенова"
        named.save()
        unnamed = officer("unnamed-officer")
        html = officer_client.get(case_url(make_case())).content.decode()
        picker = html[html.index('name="assign-executor"') :].split("</select>")[0]
        assert f'<option value="{named.pk}">Айгүл Сәрсенова</option>' in picker
        assert f'<option value="{unnamed.pk}">unnamed-officer</option>' in picker
        assert ">named-officer<" not in picker

    def test_the_answer_box_is_a_tall_textarea_with_a_translated_placeholder(self, client):
        user = officer("kk-officer")
        UserProfile.objects.filter(user=user).update(preferred_language="kk")
        staff_login(client, user)
        html = client.get(case_url(make_case())).content.decode()
        box = re.search(r"<textarea[^>]*name=\"answer-body\"[^>]*>", html)
        assert box is not None
        assert 'rows="10"' in box.group(0)
        with translation.override("kk"):
            placeholder = translation.gettext(
                "Write the answer here. Leave an empty line between paragraphs."
            )
        assert placeholder.startswith("Жауап")
        assert f'placeholder="{escape(placeholder)}"' in box.group(0)
        css = (Path(settings.BASE_DIR) / "static/citizen_requests/admin/cases.css").read_text()
        rules = css[css.index(".case-action input") :]
        assert "max-width: 100%" in rules and "box-sizing: border-box" in rules

    def test_without_the_permission_personal_data_is_hidden_and_not_logged(self, client):
        user = viewer_without_personal_data()
        prefer_english(user)
        staff_login(client, user)
        case = make_case(iin="900115300122")
        html = client.get(case_url(case)).content.decode()
        assert "900115300122" not in html and case.email not in html
        assert "You may not see the requester" in html
        assert not PersonalDataAccess.objects.exists()
        assert "action-answer" not in html, "no actions without the permissions"

    def test_actions_offered_follow_the_kind(self, officer_client):
        html = officer_client.get(case_url(make_case(RequestKind.APPEAL))).content.decode()
        assert "action-extend" in html and "action-answer" in html
        assert "action-refuse" not in html, "the law gives no refusal grounds for appeals"
        html = officer_client.get(case_url(make_case(RequestKind.MEDIA))).content.decode()
        assert "action-forward" not in html and "action-refuse" in html


class TestPrivateFiles:
    def attachment(self, case):
        return RequestAttachment.objects.create(
            request=case,
            file=ContentFile(MINIMAL_PDF, name="scan.pdf"),
            original_name="паспорт.pdf",
            content_type="application/pdf",
            size=len(MINIMAL_PDF),
            sha256=RequestAttachment.digest(MINIMAL_PDF),
        )

    def test_files_live_outside_media_and_stream_to_officers_with_a_log(
        self, officer_client, settings
    ):
        case = make_case()
        item = self.attachment(case)
        assert not item.file.path.startswith(str(settings.MEDIA_ROOT))
        assert item.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        response = officer_client.get(case_url(case, "attachment", item.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == MINIMAL_PDF
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert "attachment" in response["Content-Disposition"]
        [access] = PersonalDataAccess.objects.filter(request=case)
        assert access.what.startswith(f"attachment {item.pk}")

    def test_others_cannot_download(self, client):
        case = make_case()
        item = self.attachment(case)
        for user in (viewer_without_personal_data(), member("heads", "head")):
            staff_login(client, user)
            assert client.get(case_url(case, "attachment", item.pk)).status_code == 403
        client.logout()
        response = client.get(case_url(case, "attachment", item.pk))
        assert response.status_code == 302, "anonymous users go to the login page"
        assert not PersonalDataAccess.objects.exists()

    def test_a_file_of_another_case_is_not_found(self, officer_client):
        item = self.attachment(make_case())
        other = make_case()
        response = officer_client.get(case_url(other, "attachment", item.pk), follow=True)
        assert response.status_code == 404
        assert not PersonalDataAccess.objects.exists()


class TestActions:
    def post(self, client, case, action, data):
        prefixed = {f"{action}-{key}": value for key, value in data.items()}
        return client.post(case_url(case, "action", action), prefixed)

    def test_assign_and_answer_through_the_case_view(self, officer_client, settings):
        signatory = agency()
        signatory.signatory_name = "А. Бекова"
        signatory.signatory_position = "Баспасөз хатшысы"
        signatory.save()
        unit = UnitFactory()
        case = make_case()
        response = self.post(
            officer_client, case, "assign", {"unit": unit.pk, "executor": officer_client.user.pk}
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.status == Status.IN_PROGRESS and case.unit == unit

        response = self.post(
            officer_client,
            case,
            "answer",
            {
                "body": "Құрметті Асқар мырза!\r\n\r\nБюджет орындалды.\r\nҚұрметпен",
                "signatory_name": "",
                "signatory_position": "",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        case.refresh_from_db()
        assert case.status == Status.ANSWERED
        assert case.answer.body == (
            "<p>Құрметті Асқар мырза!</p><p>Бюджет орындалды.<br/>Құрметпен</p>"
        ), "typed paragraphs and lines are kept"
        html = officer_client.get(case_url(case)).content.decode()
        assert "The answer letter (PDF)" in html
        letter = officer_client.get(case_url(case, "answer_letter"))
        assert letter.status_code == 200
        assert b"".join(letter.streaming_content).startswith(b"%PDF")
        assert PersonalDataAccess.objects.filter(request=case, what="answer letter").exists()

    def test_the_letter_can_be_previewed_without_sending_anything(self, officer_client):
        profile = agency()
        profile.signatory_name, profile.signatory_position = "А. Бекова", "Баспасөз хатшысы"
        profile.save()
        case = make_case()
        html = officer_client.get(case_url(case)).content.decode()
        assert re.search(r'<button[^>]*name="preview"[^>]*>Preview the letter</button>', html)
        events = case.events.count()
        response = officer_client.post(
            case_url(case, "action", "answer"),
            {"answer-body": "Бюджет орындалды.", "preview": "1"},
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" not in response.get("Content-Disposition", "")
        assert "no-store" in response["Cache-Control"]
        text = "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
        )
        assert "Бюджет орындалды." in text and case.number in text and "А. Бекова" in text
        case.refresh_from_db()
        assert case.status == Status.REGISTERED and not Answer.objects.exists()
        assert case.events.count() == events, "nothing on the timeline"
        assert PersonalDataAccess.objects.filter(what="answer letter preview").count() == 1

    def test_a_preview_of_an_empty_answer_shows_the_error(self, officer_client):
        case = make_case()
        response = officer_client.post(
            case_url(case, "action", "answer"), {"answer-body": "", "preview": "1"}
        )
        assert response.status_code == 400
        assert "text/html" in response["Content-Type"]

    def test_an_invalid_extension_shows_the_error_and_changes_nothing(self, officer_client):
        case = make_case()
        too_late = case.answer_due + datetime.timedelta(days=40)
        response = self.post(
            officer_client,
            case,
            "extend",
            {"new_due": too_late.isoformat(), "reason": "R", "condition_met": "on"},
        )
        assert response.status_code == 400
        assert "The law allows an extension up to" in response.content.decode()
        assert 'id="action-extend" open' in response.content.decode()
        case.refresh_from_db()
        assert case.extended_at is None

    def test_refuse_from_the_case_view(self, officer_client):
        case = make_case()
        response = self.post(
            officer_client,
            case,
            "refuse",
            {"ground": RefusalGround.AIL_PENDING.value, "motivation": "Шешім әзірленуде."},
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.status == Status.REFUSED

    def test_heads_cannot_post_actions(self, client):
        staff_login(client, member("heads", "head"))
        case = make_case()
        response = self.post(client, case, "forward", {"to_body": "Басқа орган"})
        assert response.status_code == 403
        case.refresh_from_db()
        assert case.status == Status.REGISTERED

    def test_subtasks_are_asked_and_answered_from_the_case_view(self, officer_client):
        case = make_case()
        unit = UnitFactory()
        response = self.post(
            officer_client, case, "ask_unit", {"unit": unit.pk, "question": "Деректер керек."}
        )
        assert response.status_code == 302
        subtask = case.subtasks.get()
        response = officer_client.post(
            case_url(case, "action", "answer_subtask"),
            {"subtask": subtask.pk, "response": "Міне деректер."},
        )
        assert response.status_code == 302
        subtask.refresh_from_db()
        assert subtask.response == "Міне деректер."

    def test_post_letters_are_printed_and_marked_as_posted(self, officer_client):
        case = make_case(channel="post", postal_address="Алматы, Абай к-сі, 1")
        response = self.post(officer_client, case, "forward", {"to_body": "Қаржы министрлігі"})
        assert response.status_code == 302
        notice = case.events.get(action=RequestEvent.Action.NOTICE)
        letter = officer_client.get(case_url(case, "notice_letter", notice.pk))
        assert letter.status_code == 200 and letter.content.startswith(b"%PDF")
        response = officer_client.post(case_url(case, "mark_posted", notice.pk))
        assert response.status_code == 302
        notice.refresh_from_db()
        assert notice.data["posted_at"]
