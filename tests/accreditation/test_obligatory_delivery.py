"""Obligatory messages (Law on Mass Media Art. 37) e-mailed to accredited journalists.

The message is published through its real workflow; ``press_pages`` sends
``obligatory_message_published``, the accreditation receiver queues its job through the kernel's
job outbox after the commit, django-q2's worker runs it (off the configured broker), the mail it
sends is kept by ``agency.outbox.OutboxEmailBackend`` until that commit, and a second worker run
delivers it to ``mail.outbox``.
"""

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import PageLogEntry

import pytest
from django_q.models import Success

from accreditation import obligatory
from accreditation.models import AccreditationType, MessageDelivery
from agency.models import QueuedJob
from agency.outbox import DELIVER_JOB
from agency.queue import RUN_QUEUED
from press_pages.models import NewsIndexPage
from tests.accreditation.events_helpers import QUEUED, mail_to
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    accreditation_page,
)
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.press_pages.factories import (
    NewsIndexPageFactory,
    ObligatoryMessagePageFactory,
    kk_home,
    translate,
)
from tests.workflows.moderation import moderate

pytestmark = pytest.mark.django_db

TITLE = "Өзен арнасынан шықты: ресми хабарлама"
RU_TITLE = "Река вышла из берегов: официальное сообщение"


def news_index():
    index = NewsIndexPage.objects.filter(locale__language_code="kk").first()
    return index or NewsIndexPageFactory(parent=kk_home())


def run_queued(callbacks, broker, capture) -> list:
    """Commit, run the queued delivery jobs in django-q2's worker, commit again and deliver the
    mail. Returns the results of the delivery jobs."""
    for callback in callbacks:
        callback()
    jobs = waiting_jobs(broker)
    kept = set(QueuedJob.objects.filter(func=obligatory.DELIVER_JOB).values_list("pk", flat=True))
    ours = [job for job in jobs if job["func"] == RUN_QUEUED and job["args"][0] in kept]
    with QUEUED, capture(execute=False) as sent:
        run_in_worker(broker, jobs)
    for callback in sent:
        callback()
    mail_jobs = waiting_jobs(broker)
    assert {job["func"] for job in mail_jobs} <= {DELIVER_JOB}
    run_in_worker(broker, mail_jobs)
    return [Success.objects.get(id=job["id"]).result for job in ours]


def test_a_message_goes_once_to_each_active_journalist_who_opted_in(
    broker, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    accreditation_page()
    accreditation_page("ru")
    active = AccreditationFactory()
    in_russian = AccreditationFactory(
        journalist=ApplicationJournalistFactory(application=ApplicationFactory(language="ru"))
    )
    silent = [
        AccreditationFactory(notices_opt_in=False),
        AccreditationFactory(expired=True),
        AccreditationFactory(deprived=True),
        AccreditationFactory(kind=AccreditationType.TEMPORARY),
    ]

    page = ObligatoryMessagePageFactory(parent=news_index(), live=False, title=TITLE, slug="river")
    with QUEUED, capture(execute=False) as callbacks:
        moderate(page)
    translate(page, "ru", title=RU_TITLE)  # live before the delivery job runs
    mail.outbox.clear()
    assert broker.queue_size() == 0, "nothing is sent before the commit"
    assert run_queued(callbacks, broker, capture) == [2]

    [to_active] = mail_to(active.email)
    assert TITLE in to_active.subject
    assert page.full_url in to_active.body
    assert page.lead in to_active.body
    assert to_active.extra_headers["List-Unsubscribe"].startswith("<http")
    with translation.override("kk"):
        assert gettext("Official message: %(title)s") % {"title": TITLE} == to_active.subject
    [to_russian] = mail_to(in_russian.email)
    assert RU_TITLE in to_russian.subject, "in the journalist's language"
    assert "/ru/" in to_russian.body
    with translation.override("ru"):
        assert gettext("The full text:") in to_russian.body
    for accreditation in silent:
        assert mail_to(accreditation.email) == []

    delivery = MessageDelivery.objects.get(page=page)
    assert delivery.recipients == 2
    [entry] = PageLogEntry.objects.filter(page=page, action=obligatory.DELIVERED_ACTION)
    with translation.override("en"):
        assert entry.message == "Official message e-mailed to 2 accredited journalists."

    # A correction goes live again: nothing more is queued or sent.
    page.lead = "Түзетілген мәтін: көшіру аяқталды."
    with QUEUED, capture(execute=False) as callbacks:
        moderate(page)
    assert run_queued(callbacks, broker, capture) == []
    assert mail_to(active.email) == [to_active]
    assert obligatory.deliver(page.pk) == 0
    assert MessageDelivery.objects.count() == 1


def test_only_live_messages_are_delivered():
    AccreditationFactory()
    draft = ObligatoryMessagePageFactory(parent=news_index(), live=False)
    mail.outbox.clear()
    assert obligatory.deliver(draft.pk) == 0
    assert obligatory.deliver(987654) == 0
    assert mail.outbox == []
    assert not MessageDelivery.objects.exists()
