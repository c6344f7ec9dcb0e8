"""Dates in the request service's e-mails, forms and records are the Almaty day (or time) in the
reader's language format."""

import datetime

from django.core import mail
from django.utils import timezone, translation

import pytest

from citizen_requests import delivery, services
from citizen_requests.admin.forms import ExtendForm
from citizen_requests.kinds import Channel
from citizen_requests.models import InformationSubtask, PersonalDataAccess
from tests.citizen_requests.factories import UnitFactory
from tests.citizen_requests.helpers import make_case, officer
from tests.workflows.moderation import prefer_english

pytestmark = pytest.mark.django_db

# 20:30 UTC on 30 December is 01:30 on 31 December in Almaty.
LATE_EVENING_UTC = datetime.datetime(2026, 12, 30, 20, 30, tzinfo=datetime.UTC)


def test_the_answer_mail_names_the_almaty_day_of_filing_in_the_requesters_language():
    case = make_case(language="en", channel=Channel.EMAIL, received_at=LATE_EVENING_UTC)
    mail.outbox.clear()

    services.answer(
        case,
        officer(),
        body="<p>The budget was spent in full.</p>",
        signatory_name="Aliya Bekova",
        signatory_position="Head of the press office",
    )

    [message] = [m for m in mail.outbox if case.email in m.to]
    assert "of Dec. 31, 2026" in message.body, message.body
    assert "2026-12-3" not in message.body and "31.12.2026" not in message.body


def test_the_assignment_mail_gives_the_due_date_in_the_executors_language():
    case = make_case(answer_due=datetime.date(2027, 1, 15))
    executor = officer("executor")
    executor.email = "executor@agency.example.kz"
    executor.save()
    prefer_english(executor)
    mail.outbox.clear()

    delivery.notify_executor(case, executor)

    [message] = mail.outbox
    assert "Answer due: Jan. 15, 2027." in message.body, message.body


def test_the_unit_is_asked_in_the_state_language_with_a_kazakh_date():
    case = make_case()
    subtask = InformationSubtask.objects.create(
        request=case,
        unit=UnitFactory(),
        question="Бюджеттің орындалуы туралы деректер қажет.",
        due_on=datetime.date(2027, 1, 15),
        asked_at=timezone.now(),
    )
    mail.outbox.clear()

    delivery.notify_unit(subtask)

    [message] = mail.outbox
    assert "15.01.2027" in message.subject, message.subject


def test_the_extension_limit_is_given_in_the_officers_language():
    with translation.override("en"):
        form = ExtendForm(limit=datetime.date(2027, 1, 15))
        assert form.fields["new_due"].help_text == "At the latest Jan. 15, 2027."


def test_an_access_record_reads_in_almaty_time():
    access = PersonalDataAccess.objects.create(
        request=make_case(), user=officer(), at=LATE_EVENING_UTC, what="case"
    )
    with translation.override("kk"):
        assert str(access).endswith("31.12.2026, 01:30"), str(access)
