"""Mail is kept in the outbox with the event that causes it and sent by django-q2's worker,
exactly as it was written, retried until the mail server takes it.

The queued job is taken off the configured broker and run by django-q2's own worker (see
``tests.agency.queue``); the worker delivers with ``EMAIL_DELIVERY_BACKEND``, locmem here.
"""

import datetime
import json
from email.mime.text import MIMEText

from django.conf import settings
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.users.models import UserProfile

import pytest
from django_q.models import Success

from agency import jobs, outbox
from agency import mail as agency_mail
from agency.models import OutboxMessage
from agency.outbox import DELIVER_JOB, deserialize, serialize
from tests.agency.queue import run_in_worker, waiting_jobs

pytestmark = pytest.mark.django_db

QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
REFUSED = override_settings(
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=1,
    EMAIL_TIMEOUT=2,
)


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


def assert_same_message(sent, original, message_id: str):
    for attribute in ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to"):
        assert getattr(sent, attribute) == getattr(original, attribute), attribute
    assert sent.extra_headers == {**original.extra_headers, "Message-ID": message_id}
    assert [tuple(a) for a in sent.alternatives] == [tuple(a) for a in original.alternatives]
    assert [tuple(a) for a in sent.attachments] == [tuple(a) for a in original.attachments]
    assert sent.message().as_bytes().count(b"Auto-Submitted: auto-generated") == 1


class TestOutboxEmailBackend:
    def test_message_is_kept_with_the_transaction_and_sent_by_a_django_q2_worker(
        self, broker, django_capture_on_commit_callbacks
    ):
        original = full_message()
        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            assert original.send() == 1
        assert mail.outbox == []
        assert broker.queue_size() == 0, "nothing is queued before the commit"
        [row] = OutboxMessage.objects.all()
        assert row.status == OutboxMessage.Status.PENDING
        assert row.recipients == "author@example.kz, editor@example.kz, archive@example.kz"

        for callback in callbacks:
            callback()
        jobs_ = waiting_jobs(broker)
        assert [job["func"] for job in jobs_] == [DELIVER_JOB]
        assert jobs_[0]["args"] == (row.pk,)
        assert jobs_[0]["group"] == "mail"
        assert mail.outbox == [], "the worker sends it, not the request"

        run_in_worker(broker, jobs_)

        [sent] = mail.outbox
        assert_same_message(sent, original, message_id=f"<{row.key.hex}@example.kz>")
        assert Success.objects.filter(id=jobs_[0]["id"]).exists()
        row.refresh_from_db()
        assert row.status == OutboxMessage.Status.SENT and row.sent_at and row.attempts == 1

    def test_nothing_is_kept_or_queued_when_the_transaction_rolls_back(
        self, broker, django_capture_on_commit_callbacks
    ):
        with (
            QUEUED,
            django_capture_on_commit_callbacks(execute=True) as callbacks,
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            full_message().send()
            raise RuntimeError("the event failed")
        assert callbacks == []
        assert not OutboxMessage.objects.exists()
        assert broker.queue_size() == 0
        assert mail.outbox == []

    def test_each_message_of_a_batch_is_its_own_row_and_job(
        self, broker, django_capture_on_commit_callbacks
    ):
        messages = [
            EmailMessage("Бірінші", "Мәтін", to=["one@example.kz"]),
            EmailMessage("Второе", "Текст", to=["two@example.kz"]),
            EmailMessage("No recipients", "Is not kept"),
        ]
        with QUEUED, django_capture_on_commit_callbacks(execute=True):
            connection = mail.get_connection()
            assert connection.send_messages(messages) == 2

        assert OutboxMessage.objects.count() == 2
        jobs_ = waiting_jobs(broker)
        assert len(jobs_) == 2
        run_in_worker(broker, jobs_)
        assert sorted(m.subject for m in mail.outbox) == ["Бірінші", "Второе"]


class TestDelivery:
    def kept(self, *messages) -> list[OutboxMessage]:
        """Messages in the outbox whose jobs were lost (the broker was down)."""
        with QUEUED:
            agency_mail.send(list(messages))
        return list(OutboxMessage.objects.order_by("pk"))

    def test_a_refused_send_is_recorded_and_retried_later(self):
        [row] = self.kept(EmailMessage("Тест", "Мәтін", to=["one@example.kz"]))
        with REFUSED:
            assert jobs.deliver_message(row.pk) is False
        row.refresh_from_db()
        assert row.status == OutboxMessage.Status.PENDING
        assert row.attempts == 1 and "ConnectionRefusedError" in row.last_error
        assert row.next_attempt_at > timezone.now(), "not again at once"
        assert mail.outbox == []

        assert jobs.deliver_due_mail() == 0, "not yet due"
        OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        assert jobs.deliver_due_mail() == 1
        row.refresh_from_db()
        assert row.status == OutboxMessage.Status.SENT and row.last_error == ""
        [sent] = mail.outbox
        assert sent.extra_headers["Message-ID"] == f"<{row.key.hex}@localhost>"

    def test_after_the_last_attempt_the_message_is_marked_failed(self):
        [row] = self.kept(EmailMessage("Тест", "Мәтін", to=["one@example.kz"]))
        OutboxMessage.objects.filter(pk=row.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)
        with REFUSED:
            jobs.deliver_message(row.pk)
        row.refresh_from_db()
        assert row.status == OutboxMessage.Status.FAILED
        assert jobs.deliver_due_mail() == 0

    def test_the_minute_schedule_sends_what_no_job_delivered(self):
        rows = self.kept(
            EmailMessage("Бірінші", "Мәтін", to=["one@example.kz"]),
            EmailMessage("Екінші", "Мәтін", to=["two@example.kz"]),
        )
        assert jobs.deliver_due_mail() == 2
        assert [m.subject for m in mail.outbox] == ["Бірінші", "Екінші"]
        assert jobs.deliver_due_mail() == 0, "a sent message is not sent again"
        assert all(jobs.deliver_message(row.pk) is False for row in rows)
        assert len(mail.outbox) == 2

    def test_a_message_held_by_a_worker_waits_until_its_claim_expires(self):
        [row] = self.kept(EmailMessage("Тест", "Мәтін", to=["one@example.kz"]))
        OutboxMessage.objects.filter(pk=row.pk).update(
            claimed_until=timezone.now() + datetime.timedelta(minutes=1)
        )
        assert jobs.deliver_due_mail() == 0
        OutboxMessage.objects.filter(pk=row.pk).update(
            claimed_until=timezone.now() - datetime.timedelta(seconds=1)
        )
        assert jobs.deliver_due_mail() == 1

    def test_after_sending_runs_once_the_server_took_the_message(self):
        [row] = self.kept(
            agency_mail.after_sending(
                EmailMessage("Тест", "Мәтін", to=["one@example.kz"]),
                "tests.agency.test_mail.record_sent",
                "ack",
            )
        )
        SENT_HOOKS.clear()
        with REFUSED:
            jobs.deliver_message(row.pk)
        assert SENT_HOOKS == [], "not while the send fails"
        OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=timezone.now())
        jobs.deliver_due_mail()
        assert SENT_HOOKS == ["ack"]

    def test_after_sending_runs_at_once_with_a_direct_backend(self):
        SENT_HOOKS.clear()
        agency_mail.send(
            [
                agency_mail.after_sending(
                    EmailMessage("Тест", "Мәтін", to=["one@example.kz"]),
                    "tests.agency.test_mail.record_sent",
                    "direct",
                )
            ]
        )
        assert SENT_HOOKS == ["direct"] and len(mail.outbox) == 1

    def test_sent_messages_are_removed_after_their_keeping_time(self):
        old, recent, waiting = self.kept(
            *(EmailMessage(s, "Мәтін", to=["one@example.kz"]) for s in ("a", "b", "c"))
        )
        now = timezone.now()
        OutboxMessage.objects.filter(pk=old.pk).update(
            status=OutboxMessage.Status.SENT, sent_at=now - datetime.timedelta(days=31)
        )
        OutboxMessage.objects.filter(pk=recent.pk).update(
            status=OutboxMessage.Status.SENT, sent_at=now - datetime.timedelta(days=29)
        )
        assert jobs.prune_sent_mail() == 1
        assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}


SENT_HOOKS: list[str] = []


def record_sent(value: str) -> None:
    SENT_HOOKS.append(value)


class TestComposing:
    def test_a_message_is_rendered_in_the_language_asked_for(self, django_user_model):
        user = django_user_model.objects.create_user("officer", "officer@example.kz")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ru"
        profile.save()
        assert agency_mail.recipient_language(user) == "ru"
        other = django_user_model.objects.create_user("other", "other@example.kz")
        assert agency_mail.recipient_language(other) == "kk", "no choice: the site's language"
        message = agency_mail.message("one@example.kz", "Тақырып", "Мәтін", group="test")
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"
        assert message.from_email == settings.DEFAULT_FROM_EMAIL
        assert agency_mail.admin_url("/admin/x/") == settings.WAGTAILADMIN_BASE_URL + "/admin/x/"


class TestSerialisation:
    def test_round_trip_keeps_an_html_body_and_a_mime_attachment(self):
        original = EmailMessage("HTML", "<p>Сәлем</p>", to=["one@example.kz"])
        original.content_subtype = "html"
        original.attach(MIMEText("Қосымша", "plain", "utf-8"))
        copy = deserialize(json.loads(json.dumps(serialize(original))))
        assert copy.content_subtype == "html"
        assert copy.body == original.body
        parts = list(copy.message().walk())
        attachment = next(
            part for part in parts if part.get_payload(decode=True) == "Қосымша".encode()
        )
        assert attachment.get_content_type() == "text/plain"

    def test_round_trip_keeps_binary_attachments_as_json(self):
        original = EmailMessage("PDF", "Хат", to=["one@example.kz"])
        original.attach("letter.pdf", b"%PDF-1.4\x00\xff binary", "application/pdf")
        copy = deserialize(json.loads(json.dumps(serialize(original))))
        assert copy.attachments[0] == ("letter.pdf", b"%PDF-1.4\x00\xff binary", "application/pdf")

    def test_the_delivery_backend_must_not_store_again(self):
        [row] = TestDelivery().kept(EmailMessage("Loop", "Body", to=["one@example.kz"]))
        with (
            override_settings(EMAIL_DELIVERY_BACKEND="agency.outbox.OutboxEmailBackend"),
            pytest.raises(ImproperlyConfigured),
        ):
            jobs.deliver_message(row.pk)
