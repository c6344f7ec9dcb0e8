"""The requester's status page: number and code, one generic error, a rate limit, the answer."""

import datetime
import hmac
import re

from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.html import escape

import pytest

from citizen_requests import views
from citizen_requests.kinds import RefusalGround, Status
from citizen_requests.models import Answer, CitizenRequest, RequestEvent
from tests.citizen_requests.factories import CitizenRequestFactory, RequestEventFactory, kk
from tests.citizen_requests.helpers import file_on_sunday, status_page

pytestmark = pytest.mark.django_db

CODE = "ABCD-EFGH-JK23"
GENERIC = escape(
    kk("We could not find a request with this number and tracking code. Check both and try again.")
)


@pytest.fixture
def page():
    return status_page()


@pytest.fixture
def case():
    request = CitizenRequestFactory(tracking_code=CODE)
    RequestEventFactory(request=request, action=RequestEvent.Action.RECEIVED, public=True)
    RequestEventFactory(request=request, action=RequestEvent.Action.REGISTERED, public=True)
    RequestEventFactory(
        request=request, action=RequestEvent.Action.NOTE, public=False, note="Ішкі ескерту"
    )
    RequestEventFactory(request=request, action=RequestEvent.Action.ASSIGNED, public=False)
    return request


def look_up(page, number, code, client=None, **extra):
    return (client or Client()).post(page.url, {"number": number, "code": code}, **extra)


class TestLookUp:
    def test_the_page_asks_for_number_and_code_by_post(self, page):
        response = Client().get(page.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'method="post"' in html
        assert 'name="number"' in html
        assert 'name="code"' in html
        assert "no-store" in response["Cache-Control"]

    def test_the_right_code_shows_status_due_date_and_public_timeline_only(self, page, case):
        response = look_up(page, case.number, CODE)
        assert response.status_code == 200
        html = response.content.decode()
        assert case.number in html
        assert case.get_status_display() in html
        assert case.answer_due.strftime("%d.%m.%Y") in html
        assert escape(kk("Received")) in html
        assert escape(kk("Registered")) in html
        assert escape(kk("Assigned")) not in html
        assert "Ішкі ескерту" not in html
        assert case.iin not in html, "no personal data on the status page"
        assert case.email not in html
        assert "no-store" in response["Cache-Control"]

    def test_number_and_code_are_read_as_people_type_them(self, page, case):
        response = look_up(page, f"  {case.number.lower()} ", CODE.lower().replace("-", " "))
        assert response.status_code == 200
        assert "data-request-status" in response.content.decode()

    @pytest.mark.parametrize("typed_prefix", ["AK", "АК", "aq", "ак", "A Қ"])
    def test_the_prefix_may_be_typed_with_look_alike_letters(self, page, case, typed_prefix):
        typed = typed_prefix + case.number.removeprefix("АҚ")
        response = look_up(page, typed, CODE)
        assert response.status_code == 200
        assert "data-request-status" in response.content.decode()

    def test_a_look_alike_number_with_a_wrong_code_fails_like_any_wrong_code(self, page, case):
        response = look_up(page, "AK" + case.number.removeprefix("АҚ"), "ABCD-EFGH-JK24")
        assert response.status_code == 400
        html = response.content.decode()
        assert GENERIC in html
        assert "data-request-status" not in html

    def test_a_wrong_code_and_an_unknown_number_get_the_same_answer(self, page, case):
        wrong_code = look_up(page, case.number, "ABCD-EFGH-JK24")
        unknown = look_up(page, "АҚ-2026-999999", CODE)
        assert wrong_code.status_code == unknown.status_code == 400
        for response in (wrong_code, unknown):
            html = response.content.decode()
            assert GENERIC in html
            assert "data-request-status" not in html

        def main(response):
            html = response.content.decode()
            html = html[html.index("<main") : html.index("</main>")]
            html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
            return html.replace("АҚ-2026-999999", case.number).replace("ABCD-EFGH-JK24", CODE)

        assert main(wrong_code) == main(unknown), "nothing tells the two apart"

    def test_the_code_is_compared_in_constant_time(self, page, case, monkeypatch):
        compared = []
        real = hmac.compare_digest

        def spy(a, b):
            compared.append((a, b))
            return real(a, b)

        monkeypatch.setattr(views.hmac, "compare_digest", spy)
        look_up(page, case.number, "WRONG-CODE-0000")
        look_up(page, "АҚ-2026-999999", "WRONG-CODE-0000")
        assert len(compared) == 2, "a missing number is compared too"
        assert compared[0][0] == case.tracking_digest
        assert compared[1][0] == views._NO_DIGEST

    def test_an_anonymised_case_is_not_found(self, page, case):
        CitizenRequest.objects.filter(pk=case.pk).update(anonymised_at=timezone.now())
        assert look_up(page, case.number, CODE).status_code == 400

    def test_empty_fields_are_explained(self, page):
        response = look_up(page, "", "")
        assert response.status_code == 400
        html = response.content.decode()
        assert 'id="id_number_error"' in html
        assert 'id="id_code_error"' in html


class TestRateLimit:
    @override_settings(RATE_LIMITS={"status_ip": (3, 600)})
    def test_attempts_per_address_are_limited(self, page, case):
        client = Client()
        for _n in range(3):
            assert look_up(page, case.number, "WRONG-CODE-0000", client).status_code == 400
        response = look_up(page, case.number, CODE, client)
        assert response.status_code == 429
        too_many = kk("Too many attempts. Please wait ten minutes and try again.")
        assert escape(too_many) in response.content.decode()
        other = look_up(page, case.number, CODE, client, REMOTE_ADDR="10.9.9.9")
        assert other.status_code == 200

    @override_settings(RATE_LIMITS={"status_number": (2, 600)})
    def test_attempts_per_number_from_one_address_are_limited_and_said_so(self, page, case):
        for _n in range(2):
            look_up(page, case.number, "WRONG-CODE-0000", REMOTE_ADDR="10.0.0.1")
        response = look_up(page, case.number, CODE, REMOTE_ADDR="10.0.0.1")
        assert response.status_code == 429
        html = response.content.decode()
        assert escape(kk("Too many attempts. Please wait ten minutes and try again.")) in html
        assert GENERIC not in html, "over the limit is never reported as not found"

    @override_settings(RATE_LIMITS={"status_number": (2, 600)})
    def test_guesses_from_other_addresses_do_not_lock_the_owner_out(self, page, case):
        for n in range(10):
            look_up(page, case.number, "WRONG-CODE-0000", REMOTE_ADDR=f"10.0.0.{n}")
        response = look_up(page, case.number, CODE, REMOTE_ADDR="10.0.0.50")
        assert response.status_code == 200


class TestOutcome:
    def test_the_answer_is_shown_once_given_and_the_letter_can_be_downloaded(self, page, case):
        case.status = Status.ANSWERED
        case.answered_at = timezone.now()
        case.save()
        answer = Answer.objects.create(
            request=case,
            body="<p>Бюджет 98 пайызға орындалды.</p>",
            language="kk",
            signatory_name="Ә. Сейітов",
            signatory_position="Баспасөз қызметінің басшысы",
        )
        answer.pdf.save("answer.pdf", ContentFile(b"%PDF-1.4 letter"))
        RequestEventFactory(request=case, action=RequestEvent.Action.ANSWERED, public=True)
        html = look_up(page, case.number, CODE).content.decode()
        assert "Бюджет 98 пайызға орындалды." in html
        assert "Баспасөз қызметінің басшысы" in html
        assert escape(kk("Answered")) in html
        letter = Client().post(page.url, {"number": case.number, "code": CODE, "letter": "1"})
        assert letter.status_code == 200
        assert letter["Content-Type"] == "application/pdf"
        assert b"".join(letter.streaming_content) == b"%PDF-1.4 letter"
        refused = Client().post(page.url, {"number": case.number, "code": "X", "letter": "1"})
        assert refused.status_code == 400

    def test_an_answer_in_preparation_is_not_shown(self, page, case):
        Answer.objects.create(
            request=case,
            body="<p>Жоба</p>",
            language="kk",
            signatory_name="A",
            signatory_position="B",
        )
        html = look_up(page, case.number, CODE).content.decode()
        assert "Жоба" not in html

    def test_a_refusal_shows_its_ground_and_motivation(self, page, case):
        case.status = Status.REFUSED
        case.refusal_ground = RefusalGround.AIL_RESTRICTED
        case.refusal_motivation = "Мемлекеттік құпия."
        case.save()
        html = look_up(page, case.number, CODE).content.decode()
        assert str(RefusalGround.AIL_RESTRICTED.label) in html
        assert "Мемлекеттік құпия." in html


def timeline(html: str) -> list[tuple[str, str]]:
    items = re.findall(
        r'<li class="request-timeline__item">\s*<time datetime="([^"]+)">([^<]+)</time>\s*'
        r"<span>([^<]+)</span>",
        html,
    )
    return [(label, shown) for _iso, shown, label in items]


class TestReceiptAndRegistration:
    def test_receipt_and_registration_are_two_lines_each_with_its_own_date(self, page):
        citizen_request, code = file_on_sunday()
        assert citizen_request.registered_on == datetime.date(2026, 12, 7)
        html = look_up(page, citizen_request.number, code).content.decode()
        assert timeline(html) == [
            (escape(kk("Received")), "06.12.2026, 04:11"),
            (escape(kk("Acknowledgement sent")), "06.12.2026, 04:12"),
            (escape(kk("Registered")), "07.12.2026"),
        ]
        assert '<time datetime="2026-12-07">07.12.2026</time>' in html
        assert '<time datetime="2026-12-06T04:11:00+05:00">06.12.2026, 04:11</time>' in html
        assert escape(kk("Registered on")) in html, "the facts give the registration date too"
