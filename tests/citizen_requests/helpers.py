"""Citizen requests in tests: cases with their legal clocks, the public pages, the schedules.

Cases get their clocks from the deadline engine, as registration sets them; schedules run
through django-q2's worker (``tests.agency.queue``), and the mail they queue is delivered
after the commit.
"""

import ast
import datetime
import uuid
import zoneinfo

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import override_settings
from django.utils import timezone

import time_machine
from django_q.models import Schedule, Success
from django_q.tasks import async_task

from agency.models import AgencyProfile
from agency.outbox import DELIVER_JOB
from citizen_requests import deadlines
from citizen_requests.kinds import RequestKind
from citizen_requests.models import RequestEvent, RequestFormPage, RequestStatusPage
from citizen_requests.registration import register
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.citizen_requests.factories import VALID_IIN, CitizenRequestFactory
from tests.press_pages.factories import kk_home, locale, translate
from tests.workflows.moderation import member

QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
SLUGS = {
    RequestKind.INFORMATION: "information-request",
    RequestKind.MEDIA: "media-request",
    RequestKind.CLARIFICATION: "clarification-request",
    RequestKind.APPEAL: "appeal",
}


# Cases and the people who work on them ------------------------------------------------------
def make_case(kind=RequestKind.INFORMATION, *, received_at=None, **fields):
    """A request whose clocks come from the deadline engine, as registration sets them."""
    received_at = received_at or timezone.now()
    clocks = deadlines.compute(kind, received_at)
    values = {
        "kind": kind,
        "received_at": received_at,
        "registered_on": clocks.registered_on,
        "answer_due": clocks.answer_due,
        "forward_due": clocks.forward_due,
        "refusal_due": clocks.refusal_due,
    }
    values.update(fields)
    return CitizenRequestFactory(**values)


def officer(username="officer"):
    return member("request_officers", username)


def viewer_without_personal_data():
    """Staff who may see cases but not the requesters' personal data."""
    group, _created = Group.objects.get_or_create(name="Case readers")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "citizen_requests"],
            codename__in=["access_admin", "view_citizenrequest"],
        )
    )
    user = member("editors", "reader")
    user.groups.add(group)
    return user


def agency(language="kk", name="Ақпарат министрлігі"):
    return AgencyProfile.objects.update_or_create(
        locale=locale(language),
        defaults={
            "name": name,
            "address": "Астана, Мәңгілік Ел даңғылы, 8",
            "email": "press@gov.kz",
        },
    )[0]


# The public pages and what a requester types into them --------------------------------------
def form_page(kind=RequestKind.INFORMATION, language: str = "kk") -> RequestFormPage:
    """The live form page of ``kind`` in ``language`` (made, with its kk source, if missing)."""
    page = RequestFormPage.objects.filter(kind=kind, locale__language_code=language).first()
    if page:
        return page
    source = RequestFormPage.objects.filter(kind=kind, locale__language_code="kk").first()
    if source is None:
        source = kk_home().add_child(
            instance=RequestFormPage(title=f"Сұрау: {kind}", slug=SLUGS[kind], kind=kind)
        )
    if language == "kk":
        return source
    return translate(source, language)


def status_page(language: str = "kk") -> RequestStatusPage:
    page = RequestStatusPage.objects.filter(locale__language_code=language).first()
    if page:
        return page
    source = RequestStatusPage.objects.filter(locale__language_code="kk").first()
    if source is None:
        source = kk_home().add_child(
            instance=RequestStatusPage(title="Сұрау мәртебесі", slug="request-status")
        )
    return source if language == "kk" else translate(source, language)


def valid_data(kind=RequestKind.INFORMATION, **overrides) -> dict:
    data = {
        "full_name": "Асқар Тестов",
        "email": "asqar@example.kz",
        "phone": "8 701 234 56 78",
        "channel": "email",
        "subject": "Бюджет туралы",
        "text": "2026 жылғы бюджеттің орындалуы туралы ақпарат беруіңізді сұраймын.",
        "consent": "on",
        "website": "",
        "submission_token": str(uuid.uuid4()),
        # Straight to registration, as "Send without a signature" does (the default setting
        # accepts it); the signing step's tests pass ``step=None`` and sign.
        "step": "unsigned",
    }
    if kind in (RequestKind.MEDIA, RequestKind.CLARIFICATION):
        data.update(outlet="«Дала» газеті", accreditation_number="AK-123")
    else:
        data.update(requester_type="individual", iin=VALID_IIN)
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


#: Sunday 6 December 2026, 04:11 in Almaty: received on a day off, registered on Monday the 7th.
FILED_ON_SUNDAY = datetime.datetime(2026, 12, 6, 4, 11, tzinfo=zoneinfo.ZoneInfo("Asia/Almaty"))


def file_on_sunday():
    """A request registered at ``FILED_ON_SUNDAY`` and acknowledged a minute later."""
    with time_machine.travel(FILED_ON_SUNDAY, tick=False):
        citizen_request, code = register(
            kind=RequestKind.INFORMATION,
            language="kk",
            data=valid_data(),
            files=[],
            received_at=FILED_ON_SUNDAY,
        )
    RequestEvent.objects.filter(
        request=citizen_request, action=RequestEvent.Action.ACKNOWLEDGED
    ).update(at=FILED_ON_SUNDAY + datetime.timedelta(minutes=1))
    return citizen_request, code


# The django-q2 schedules ---------------------------------------------------------------------
def run_schedule(name: str, broker, django_capture_on_commit_callbacks) -> list:
    """Enqueue what django-q2's scheduler enqueues for ``name``, run it, then deliver its mail.

    Returns the jobs' results, as django-q2 stored them.
    """
    schedule = Schedule.objects.get(name=name)
    args = ast.literal_eval(f"({schedule.args},)") if schedule.args else ()
    with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
        async_task(schedule.func, *args, broker=broker)
        jobs = waiting_jobs(broker)
        assert [job["func"] for job in jobs] == [schedule.func]
        run_in_worker(broker, jobs)
    assert mail.outbox == [], "the worker queues the mail; nothing is sent before the commit"
    for callback in callbacks:
        callback()
    mail_jobs = waiting_jobs(broker)
    assert {job["func"] for job in mail_jobs} <= {DELIVER_JOB}
    run_in_worker(broker, mail_jobs)
    return [Success.objects.get(id=job["id"]).result for job in jobs]
