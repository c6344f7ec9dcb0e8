"""Registration: one transaction gives the number, the clocks, the timeline and private files;
the acknowledgement is shown once and e-mailed through django-q2 after the commit."""

import datetime
import re
import uuid
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import translation
from django.utils.formats import date_format

import pytest

from agency.models import OutboxMessage, RegisterCounter
from agency.outbox import DELIVER_JOB, deliver, run_on_sent
from citizen_requests import deadlines
from citizen_requests.kinds import RequestKind, Status
from citizen_requests.models import CitizenRequest, RequestEvent
from citizen_requests.registration import register
from tests.agency.queue import run_in_worker, waiting_jobs
from tests.citizen_requests.helpers import agency, form_page, status_page, valid_data
from tests.files import docx_bytes, image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
STATIC = Path(settings.BASE_DIR) / "static"
QUEUED = override_settings(EMAIL_BACKEND="agency.outbox.OutboxEmailBackend")
FIELDS = {
    "requester_type": "individual",
    "full_name": "Асқар Тестов",
    "iin": "900115300122",
    "email": "asqar@example.kz",
    "channel": "email",
    "subject": "Бюджет туралы",
    "text": "Ақпарат беруіңізді сұраймын.",
}


def file(name, data):
    return SimpleUploadedFile(name, data)


class TestRegister:
    def test_number_clocks_and_public_timeline(self):
        # Saturday 21 March 2026, Nauryz: received on a holiday, registered on the next working day.
        received = datetime.datetime(2026, 3, 21, 11, 30, tzinfo=ALMATY)
        request, code = register(
            kind=RequestKind.INFORMATION, language="kk", data=FIELDS, files=[], received_at=received
        )
        expected = deadlines.compute(RequestKind.INFORMATION, received)
        assert request.number == "АҚ-2026-000001"
        assert (request.year, request.sequence) == (2026, 1)
        assert request.registered_on == expected.registered_on
        assert request.registered_on > received.date()
        assert request.answer_due == expected.answer_due == datetime.date(2026, 4, 5)
        assert request.forward_due == expected.forward_due
        assert request.refusal_due == expected.refusal_due
        assert request.status == Status.REGISTERED
        assert request.language == "kk"
        assert request.consent_at == received
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", code)
        assert request.check_tracking_code(code)
        assert request.check_tracking_code(code.lower().replace("-", ""))
        assert code not in request.tracking_digest
        public = list(request.events.filter(public=True).values_list("action", flat=True))
        # These settings send mail at once, so the acknowledgement is already sent.
        assert public == [
            RequestEvent.Action.RECEIVED,
            RequestEvent.Action.REGISTERED,
            RequestEvent.Action.ACKNOWLEDGED,
        ]

    def test_each_kind_has_its_prefix_and_its_own_sequence(self):
        numbers = {}
        for kind in (RequestKind.INFORMATION, RequestKind.MEDIA, RequestKind.INFORMATION):
            data = {**FIELDS, "outlet": "Дала", "accreditation_number": "1"}
            request, _code = register(kind=kind, language="ru", data=data, files=[])
            numbers.setdefault(kind, []).append(request.number)
        year = CitizenRequest.objects.first().year
        assert numbers[RequestKind.INFORMATION] == [f"АҚ-{year}-000001", f"АҚ-{year}-000002"]
        assert numbers[RequestKind.MEDIA] == [f"БАҚ-{year}-000001"]

    def test_a_new_year_starts_again_at_one(self):
        last_day = datetime.datetime(2026, 12, 30, 10, tzinfo=ALMATY)
        first_day = datetime.datetime(2027, 1, 4, 10, tzinfo=ALMATY)
        a, _ = register(kind="appeal", language="kk", data=FIELDS, files=[], received_at=last_day)
        b, _ = register(kind="appeal", language="kk", data=FIELDS, files=[], received_at=first_day)
        assert (a.number, b.number) == ("ӨТ-2026-000001", "ӨТ-2027-000001")

    def test_a_failed_registration_gives_its_number_back(self):
        stored_before = set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))
        with pytest.raises(ValidationError):
            register(
                kind="information",
                language="kk",
                data={**FIELDS, "outgoing_date": "not a date"},
                files=[file("a.pdf", pdf_bytes())],
            )
        assert CitizenRequest.objects.count() == 0
        assert set(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf")) == stored_before
        request, _code = register(kind="information", language="kk", data=FIELDS, files=[])
        assert request.sequence == 1

    def test_the_same_submission_twice_makes_one_request(self):
        token = uuid.uuid4()
        first, code = register(
            kind="information", language="kk", data=FIELDS, files=[], submission_token=token
        )
        again, no_code = register(
            kind="information", language="kk", data=FIELDS, files=[], submission_token=token
        )
        assert again.pk == first.pk
        assert code is not None
        assert no_code is None
        assert CitizenRequest.objects.count() == 1
        assert RegisterCounter.objects.get().last == 1

    def test_attachments_are_stored_privately_by_content(self):
        request, _code = register(
            kind="information",
            language="kk",
            data=FIELDS,
            files=[
                file("хат.pdf", pdf_bytes()),
                file("сурет.jpg", image_bytes("JPEG")),
                file("letter.docx", docx_bytes()),
            ],
        )
        attachments = list(request.attachments.all())
        assert [a.original_name for a in attachments] == ["хат.pdf", "сурет.jpg", "letter.docx"]
        assert [a.content_type.split("/")[0] for a in attachments] == [
            "application",
            "image",
            "application",
        ]
        for attachment in attachments:
            path = Path(attachment.file.path)
            assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
            assert Path(settings.MEDIA_ROOT) not in path.parents
            assert attachment.file.name.rsplit("/", 1)[-1] != attachment.original_name
            assert len(attachment.sha256) == 64

    def test_a_bad_file_stops_the_registration(self):
        with pytest.raises(ValidationError):
            register(kind="information", language="kk", data=FIELDS, files=[file("x.pdf", b"MZ")])
        assert CitizenRequest.objects.count() == 0
        assert not RegisterCounter.objects.filter(last__gt=0).exists()


class TestAcknowledgementEmail:
    def test_the_mail_leaves_through_django_q2_after_the_commit(
        self, broker, django_capture_on_commit_callbacks
    ):
        status_page("ru")
        with QUEUED, django_capture_on_commit_callbacks(execute=False) as callbacks:
            request, code = register(kind="information", language="ru", data=FIELDS, files=[])
        assert mail.outbox == []
        assert broker.queue_size() == 0, "nothing is queued before the commit"
        [row] = OutboxMessage.objects.all()
        assert row.recipients == "asqar@example.kz", "the message is kept with the registration"
        with QUEUED, django_capture_on_commit_callbacks(execute=True):
            for callback in callbacks:
                callback()
        jobs = waiting_jobs(broker)
        assert [job["func"] for job in jobs] == [DELIVER_JOB]
        assert mail.outbox == []
        run_in_worker(broker, jobs)
        [message] = mail.outbox
        assert message.to == ["asqar@example.kz"]
        assert request.number in message.subject
        assert request.number in message.body
        assert "/ru/" in message.body, "the status page in the language of the request"
        assert code not in message.body, "the tracking code is never e-mailed"
        assert message.extra_headers["Auto-Submitted"] == "auto-generated"
        row.refresh_from_db()
        assert row.status == OutboxMessage.Status.SENT and row.sent_at

    def test_nothing_is_sent_when_the_registration_rolls_back(
        self, django_capture_on_commit_callbacks
    ):
        with (
            django_capture_on_commit_callbacks(execute=False) as callbacks,
            pytest.raises(ValidationError),
        ):
            register(
                kind="information",
                language="kk",
                data={**FIELDS, "outgoing_date": "bad"},
                files=[],
            )
        assert callbacks == []

    def test_no_mail_without_an_address(self, django_capture_on_commit_callbacks):
        data = {**FIELDS, "email": "", "channel": "post", "postal_address": "Астана"}
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            request, _code = register(kind="information", language="kk", data=data, files=[])
        assert callbacks == []
        assert mail.outbox == []
        assert not request.events.filter(action=RequestEvent.Action.ACKNOWLEDGED).exists()

    def test_the_timeline_says_acknowledgement_sent_only_once_the_mail_server_accepted_it(
        self, django_capture_on_commit_callbacks
    ):
        acknowledged = RequestEvent.Action.ACKNOWLEDGED
        with QUEUED, django_capture_on_commit_callbacks(execute=False):
            request, _code = register(kind="information", language="ru", data=FIELDS, files=[])
        [row] = OutboxMessage.objects.all()
        public = set(request.events.filter(public=True).values_list("action", flat=True))
        assert public == {RequestEvent.Action.RECEIVED, RequestEvent.Action.REGISTERED}
        assert not request.events.filter(action=acknowledged).exists(), "only queued so far"

        # The mail server cannot be reached: nothing is sent, nothing is claimed.
        with override_settings(
            EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=6391,
            EMAIL_TIMEOUT=2,
        ):
            assert not deliver(row.pk)
        assert not request.events.filter(action=acknowledged).exists()

        OutboxMessage.objects.filter(pk=row.pk).update(next_attempt_at=row.created_at)
        assert deliver(row.pk)
        [event] = request.events.filter(action=acknowledged)
        assert event.public, "shown on the status page once true"
        row.refresh_from_db()
        assert event.at >= row.sent_at
        run_on_sent((row.on_sent, row.on_sent_args))
        assert request.events.filter(action=acknowledged).count() == 1, "a resend adds no line"

    def test_the_mail_is_in_the_language_of_the_request(self):
        request, _code = register(kind="information", language="ru", data=FIELDS, files=[])
        [message] = mail.outbox
        with translation.override("ru"):
            assert date_format(request.answer_due, "DATE_FORMAT") in message.body


class TestAcknowledgementPage:
    def test_the_number_dates_and_code_answer_the_post(self):
        page = form_page()
        status_page()
        response = Client().post(page.url, valid_data())
        assert response.status_code == 200
        html = response.content.decode()
        request = CitizenRequest.objects.get()
        code = re.search(r"data-code>([A-Z0-9-]+)<", html).group(1)
        assert request.check_tracking_code(code)
        assert request.number in html
        assert request.answer_due.strftime("%d.%m.%Y") in html
        assert request.registered_on.strftime("%d.%m.%Y") in html
        assert 'href="/kk/request-status/"' in html
        assert "no-store" in response["Cache-Control"]
        assert "private" in response["Cache-Control"]
        assert "sessionid" not in response.cookies, "the code is not kept for later"

    def test_it_can_be_printed_with_the_agency_and_without_the_site_chrome(self):
        agency(name="Ақпарат министрлігі")
        response = Client().post(form_page().url, valid_data())
        html = response.content.decode()
        button = re.search(r"<button[^>]*data-print[^>]*>([^<]+)</button>", html)
        assert button is not None
        assert 'type="button"' in button.group(0) and "hidden" in button.group(0)
        with translation.override("kk"):
            label = translation.gettext("Print this acknowledgement")
        assert button.group(1) == label != "Print this acknowledgement"
        assert '<p class="acknowledgement__agency" data-agency>Ақпарат министрлігі</p>' in html
        # The public CSP allows no inline script: the button works from a static file.
        assert re.search(r'<script src="[^"]*citizen_requests/print\.js"', html)
        assert "<script>" not in html and " onclick=" not in html
        script = (STATIC / "citizen_requests/print.js").read_text()
        assert "window.print()" in script and "hidden = false" in script
        css = (STATIC / "citizen_requests/acknowledgement.css").read_text()
        assert "citizen_requests/acknowledgement.css" in html
        printed = css[css.index("@media print") :]
        hidden = printed[: printed.index("display: none")]
        for chrome in (".site-header", ".site-footer", ".breadcrumbs", ".skip-link"):
            assert chrome in hidden, f"{chrome} is not printed"
        for kept in ("acknowledgement__number", "acknowledgement__code", "acknowledgement__agency"):
            assert kept not in hidden

    def test_the_print_button_is_translated_in_every_language(self):
        for language in ("ru", "en"):
            html = Client().post(form_page(language=language).url, valid_data()).content.decode()
            with translation.override(language):
                assert translation.gettext("Print this acknowledgement") in html

    def test_a_double_submit_over_http_makes_one_request_and_shows_the_code_once(self):
        page = form_page()
        client = Client()
        data = valid_data()
        first = client.post(page.url, data).content.decode()
        second = client.post(page.url, data).content.decode()
        assert CitizenRequest.objects.count() == 1
        request = CitizenRequest.objects.get()
        assert request.check_tracking_code(re.search(r"data-code>([A-Z0-9-]+)<", first).group(1))
        assert request.number in second
        assert "data-code" not in second
        with translation.override("kk"):
            assert translation.gettext("This request has already been registered") in second
