"""Mail leaves through django-q2, after the commit, exactly as it was written.

The queued job is taken off the configured broker and run by django-q2's own worker (see
``tests.agency.test_queue``); the worker delivers with ``EMAIL_DELIVERY_BACKEND``, locmem here.
"""

from email.mime.text import MIMEText

from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.test import override_settings

import pytest
from django_q.brokers import get_broker
from django_q.models import Success

from agency.mail import deliver, deserialize, serialize
from tests.agency.test_queue import run_in_worker, waiting_jobs

pytestmark = pytest.mark.django_db

QUEUED = override_settings(EMAIL_BACKEND="agency.mail.QueuedEmailBackend")


@pytest.fixture
def broker():
    broker = get_broker()
    broker.purge_queue()
    yield broker
    broker.purge_queue()


def full_message(**kwargs) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject="Жаңалық мақұлданды",
        body="Сәлеметсіз бе,\nбет жарияланды.",
        from_email="press@example.kz",
        to=["author@example.kz"],
        cc=["editor@example.kz"],
        bcc=["archive@example.kz"],
        reply_to=["press-secretary@example.kz"],
        headers={"Auto-Submitted": "auto-generated"},
        **kwargs,
    )
    message.attach_alternative("<p>Бет <b>жарияланды</b>.</p>", "text/html")
    message.attach("report.txt", "Есеп: ескертулер жоқ.", "text/plain")
    return message


def assert_same_message(sent, original):
    for attribute in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to"):
        assert getattr(sent, attribute) == getattr(original, attribute), attribute
    assert sent.extra_headers == original.extra_headers
    assert [tuple(a) for a in sent.alternatives] == [tuple(a) for a in original.alternatives]
    assert [tuple(a) for a in sent.attachments] == [tuple(a) for a in original.attachments]
    assert sent.message().as_bytes().count(b"Auto-Submitted: auto-generated") == 1


class TestQueuedEmailBackend:
    def test_message_is_queued_after_the_commit_and_sent_by_a_django_q2_worker(
        self, broker, django_capture_on_commit_callbacks
    ):
        original = full_message()
        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert original.send() == 1
        assert mail.outbox == []
        assert broker.queue_size() == 0, "nothing is queued before the commit"

        for callback in callbacks:
            callback()
        jobs = waiting_jobs(broker)
        assert [job["func"] for job in jobs] == [deliver]
        assert jobs[0]["group"] == "mail"
        assert mail.outbox == [], "the worker sends it, not the request"

        run_in_worker(broker, jobs)

        assert len(mail.outbox) == 1
        assert_same_message(mail.outbox[0], original)
        assert Success.objects.filter(id=jobs[0]["id"]).exists()

    def test_nothing_is_queued_or_sent_when_the_transaction_rolls_back(
        self, broker, django_capture_on_commit_callbacks
    ):
        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            full_message().send()
        # The callbacks were captured but never run, as after a rollback.
        assert len(callbacks) == 1
        assert broker.queue_size() == 0
        assert mail.outbox == []

    def test_each_message_of_a_batch_is_its_own_job(
        self, broker, django_capture_on_commit_callbacks
    ):
        messages = [
            EmailMessage("Бірінші", "Мәтін", to=["one@example.kz"]),
            EmailMessage("Второе", "Текст", to=["two@example.kz"]),
            EmailMessage("No recipients", "Is not queued"),
        ]
        with QUEUED, django_capture_on_commit_callbacks(execute=True):
            connection = mail.get_connection()
            assert connection.send_messages(messages) == 2

        jobs = waiting_jobs(broker)
        assert len(jobs) == 2
        run_in_worker(broker, jobs)
        assert sorted(m.subject for m in mail.outbox) == ["Бірінші", "Второе"]

    def test_a_failed_delivery_fails_the_job(self, broker, django_capture_on_commit_callbacks):
        """The error reaches django-q2, which records the job as failed (in a ``qcluster``)."""
        with QUEUED, django_capture_on_commit_callbacks(execute=True):
            EmailMessage("Тест", "Мәтін", to=["one@example.kz"]).send()
        jobs = waiting_jobs(broker)

        # Nothing listens on port 1: the SMTP connection is refused. In django-q2's in-process
        # ("sync") mode the worker raises the job's error instead of storing it.
        with (
            override_settings(
                EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=1,
                EMAIL_TIMEOUT=2,
            ),
            pytest.raises(ConnectionRefusedError),
        ):
            run_in_worker(broker, jobs)
        assert mail.outbox == []


class TestSerialisation:
    def test_round_trip_keeps_an_html_body_and_a_mime_attachment(self):
        original = EmailMessage("HTML", "<p>Сәлем</p>", to=["one@example.kz"])
        original.content_subtype = "html"
        original.attach(MIMEText("Қосымша", "plain", "utf-8"))
        copy = deserialize(serialize(original))
        assert copy.content_subtype == "html"
        assert copy.body == original.body
        parts = list(copy.message().walk())
        attachment = next(
            part for part in parts if part.get_payload(decode=True) == "Қосымша".encode()
        )
        assert attachment.get_content_type() == "text/plain"

    def test_the_delivery_backend_must_not_queue_again(self):
        data = serialize(EmailMessage("Loop", "Body", to=["one@example.kz"]))
        with (
            override_settings(EMAIL_DELIVERY_BACKEND="agency.mail.QueuedEmailBackend"),
            pytest.raises(ImproperlyConfigured),
        ):
            deliver(data)
