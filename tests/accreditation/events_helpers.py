"""Shared set-up for the tests of press events: briefings with registration, mail, the broker."""

import datetime
import re

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from accreditation.models import EventRegistration
from accreditation.pages import AccreditationPage
from agency.outbox import DELIVER_JOB
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.press_pages.factories import (
    BriefingIndexPageFactory,
    BriefingPageFactory,
    BriefingSpeakerFactory,
    kk_home,
)

QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
LINK = re.compile(r"https?://\S+/confirm/([A-Za-z0-9_-]{20,100})/")


def briefing_index():
    from press_pages.models import BriefingIndexPage

    return BriefingIndexPage.objects.filter(
        locale__language_code="kk"
    ).first() or BriefingIndexPageFactory(parent=kk_home())


def briefing(**fields):
    """A live kk briefing in three days, registration open until the day before."""
    starts_at = fields.pop("starts_at", timezone.now() + datetime.timedelta(days=3))
    fields.setdefault("registration_deadline", starts_at - datetime.timedelta(days=1))
    page = BriefingPageFactory(parent=briefing_index(), starts_at=starts_at, **fields)
    BriefingSpeakerFactory(page=page)
    return page


def accreditation_page():
    page = AccreditationPage.objects.filter(locale__language_code="kk").first()
    if page is None:
        page = kk_home().add_child(
            instance=AccreditationPage(title="Журналистерді аккредиттеу", slug="accreditation")
        )
    return page


def subpage(page, route: str, **kwargs) -> str:
    return page.url.rstrip("/") + "/" + page.reverse_subpage(route, kwargs=kwargs).lstrip("/")


def mail_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def link_token(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match[1]


def registration_of(accreditation) -> EventRegistration:
    return EventRegistration.objects.get(accreditation=accreditation)


def deliver_queued(callbacks, broker) -> None:
    """Commit (run the captured callbacks), then let django-q2's worker send the queued mail."""
    for callback in callbacks:
        callback()
    jobs = waiting_jobs(broker)
    assert {job["func"] for job in jobs} <= {DELIVER_JOB}
    run_in_worker(broker, jobs)
