"""Anonymisation of closed cases after ``RequestSettings.anonymise_after_years``."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

import pytest

from citizen_requests.jobs import anonymisation
from citizen_requests.jobs.summaries import open_requests
from citizen_requests.kinds import Status
from citizen_requests.models import (
    Answer,
    CitizenRequest,
    InformationSubtask,
    PersonalDataAccess,
    RequestAttachment,
    RequestEvent,
    RequestSettings,
)
from tests.citizen_requests.factories import (
    VALID_IIN,
    CitizenRequestFactory,
    RequestEventFactory,
    UnitFactory,
)
from tests.citizen_requests.helpers import run_schedule
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db


def years_ago(years: int, days: int = 0) -> datetime.datetime:
    now = timezone.localtime()
    return now.replace(year=now.year - years) - datetime.timedelta(days=days)


def closed_case(closed_at, **fields) -> CitizenRequest:
    officer = member("request_officers", "officer")
    case = CitizenRequestFactory(
        status=Status.ANSWERED,
        answered_at=closed_at,
        closed_at=closed_at,
        received_at=closed_at - datetime.timedelta(days=10),
        full_name="Асқар Тестов",
        email="askar@example.kz",
        phone="+7 701 123 45 67",
        postal_address="Астана қ., Мәңгілік Ел 8, 12 пәтер",
        subject="Асқар Тестовтың бюджет туралы сұрағы",
        text=f"Мен, Асқар Тестов, ЖСН {VALID_IIN}, телефон +7 701 123 45 67, "
        "бюджет туралы ақпарат сұраймын. Жауапты askar@example.kz мекенжайына жіберіңіз.",
        executor=officer,
        unit=UnitFactory(name="Бюджет"),
        **fields,
    )
    attachment = RequestAttachment(
        request=case,
        original_name="passport.pdf",
        content_type="application/pdf",
        size=4,
        sha256=RequestAttachment.digest(b"%PDF"),
    )
    attachment.file.save("passport.pdf", ContentFile(b"%PDF"), save=False)
    attachment.save()
    answer = Answer(
        request=case,
        body="<p>Құрметті Асқар Тестов! Бюджет 2026 жылы толық орындалды.</p>",
        language="kk",
        signatory_name="Басшы",
        signatory_position="Баспасөз қызметінің басшысы",
    )
    answer.pdf.save("answer.pdf", ContentFile(b"%PDF letter"), save=False)
    answer.save()
    InformationSubtask.objects.create(
        request=case,
        unit=case.unit,
        question="Асқар Тестов сұрап отыр: бюджеттің орындалуы қандай?",
        response="Толық орындалды.",
        due_on=closed_at.date(),
    )
    RequestEventFactory(
        request=case,
        action=RequestEvent.Action.DELIVERED,
        note="Sent to askar@example.kz",
        data={"to": ["askar@example.kz"]},
    )
    PersonalDataAccess.objects.create(request=case, user=officer, what="case view")
    return case


class TestAnonymise:
    def test_a_case_closed_longer_ago_than_the_setting_loses_its_personal_data(
        self, django_capture_on_commit_callbacks
    ):
        case = closed_case(years_ago(5, days=1))
        attachment = case.attachments.get()
        attachment_storage, attachment_name = attachment.file.storage, attachment.file.name
        pdf_storage, pdf_name = case.answer.pdf.storage, case.answer.pdf.name
        assert attachment_storage.exists(attachment_name)
        recent = closed_case(years_ago(5) + datetime.timedelta(days=1))
        open_case = CitizenRequestFactory(received_at=years_ago(7))

        with django_capture_on_commit_callbacks(execute=True):
            assert anonymisation.anonymise_closed_cases() == 1

        case.refresh_from_db()
        assert case.anonymised_at is not None
        for field in ("full_name", "iin", "email", "phone", "postal_address", "tracking_digest"):
            assert getattr(case, field) == "", field
        assert case.submission_token is None
        assert not case.check_tracking_code("TEST-CODE-0001"), "the status page no longer finds it"
        assert "Асқар" not in case.text and "Тестов" not in case.text
        assert VALID_IIN not in case.text and "askar@example.kz" not in case.text
        assert "701 123 45 67" not in case.text
        assert "бюджет туралы ақпарат сұраймын" in case.text, "the substance stays"
        assert "Асқар" not in case.subject and "Тестов" not in case.subject
        assert "бюджет" in case.subject
        # What the statistics need stays.
        assert case.number and case.kind and case.status == Status.ANSWERED
        assert case.closed_at and case.answered_at and case.answer_due and case.executor_id

        assert not case.attachments.exists()
        assert not attachment_storage.exists(attachment_name), "the file is deleted"
        answer = Answer.objects.get(request=case)
        assert not answer.pdf
        assert not pdf_storage.exists(pdf_name)
        assert "Асқар" not in answer.body and "толық орындалды" in answer.body
        subtask = case.subtasks.get()
        assert "Асқар" not in subtask.question
        delivered = case.events.get(action=RequestEvent.Action.DELIVERED)
        assert "askar@example.kz" not in delivered.note
        assert "askar@example.kz" not in str(delivered.data)
        assert case.events.filter(action=RequestEvent.Action.ANONYMISED, public=False).count() == 1
        assert PersonalDataAccess.objects.filter(request=case).exists(), "the audit log stays"

        recent.refresh_from_db()
        open_case.refresh_from_db()
        assert recent.anonymised_at is None and recent.full_name == "Асқар Тестов"
        assert open_case.anonymised_at is None

        assert anonymisation.anonymise_closed_cases() == 0, "done once"

    def test_the_number_of_years_comes_from_the_settings(self):
        case = closed_case(years_ago(2, days=1))
        assert anonymisation.anonymise_closed_cases() == 0
        settings = RequestSettings.load()
        settings.anonymise_after_years = 2
        settings.save()
        assert anonymisation.anonymise_closed_cases() == 1
        case.refresh_from_db()
        assert case.anonymised_at is not None

    def test_a_run_stops_at_its_time_budget_and_the_next_goes_on(self):
        oldest = closed_case(years_ago(9))
        newer = closed_case(years_ago(7))
        assert anonymisation.anonymise_closed_cases(time_budget=-1) == 0
        assert anonymisation.anonymise_closed_cases() == 2
        oldest.refresh_from_db()
        newer.refresh_from_db()
        assert oldest.anonymised_at and newer.anonymised_at

    def test_cutoff_on_29_february(self):
        now = timezone.make_aware(datetime.datetime(2028, 2, 29, 12, 0))
        cutoff = anonymisation.anonymisation_cutoff(now, years=5)
        assert cutoff.date() == datetime.date(2023, 2, 28)

    def test_anonymised_cases_are_left_out_of_reminders(self):
        case = closed_case(years_ago(6))
        anonymisation.anonymise_closed_cases()
        assert case.pk not in open_requests().values_list("pk", flat=True)

    def test_the_schedule_runs_it_through_django_q2(
        self, broker, django_capture_on_commit_callbacks
    ):
        case = closed_case(years_ago(6))
        [count] = run_schedule(
            "citizen_requests: anonymise_closed_cases", broker, django_capture_on_commit_callbacks
        )
        assert count == 1
        case.refresh_from_db()
        assert case.anonymised_at is not None and case.full_name == ""
