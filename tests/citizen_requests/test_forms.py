"""The public request forms: fields per kind, validation, and what a requester sees on errors."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.html import escape

import pytest

from citizen_requests.forms import RequestForm, normalise_number
from citizen_requests.kinds import RequestKind
from citizen_requests.models import CitizenRequest
from tests.citizen_requests.factories import kk
from tests.citizen_requests.helpers import form_page, valid_data
from tests.files import image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

VALID_BIN = "150340004568"


def bound(kind=RequestKind.INFORMATION, files=None, **overrides) -> RequestForm:
    return RequestForm(valid_data(kind, **overrides), files or {}, kind=kind)


class TestFieldsPerKind:
    def test_an_information_request_asks_for_the_iin_and_a_legal_entitys_details(self):
        fields = RequestForm(kind=RequestKind.INFORMATION).fields
        assert {"requester_type", "iin", "bin", "organisation", "outgoing_number"} <= set(fields)
        assert "outlet" not in fields

    @pytest.mark.parametrize("kind", [RequestKind.MEDIA, RequestKind.CLARIFICATION])
    def test_a_media_request_asks_for_the_outlet_and_accreditation_not_the_iin(self, kind):
        fields = RequestForm(kind=kind).fields
        assert {"outlet", "accreditation_number"} <= set(fields)
        assert "iin" not in fields
        assert "bin" not in fields

    def test_media_fields_are_required(self):
        form = bound(RequestKind.MEDIA, outlet="", accreditation_number="")
        assert not form.is_valid()
        assert set(form.errors) == {"outlet", "accreditation_number"}

    def test_every_kind_accepts_its_valid_data(self):
        for kind in RequestKind:
            form = bound(kind)
            assert form.is_valid(), (kind, form.errors)

    def test_a_clarification_asks_which_official_message(self):
        form = RequestForm(kind=RequestKind.CLARIFICATION)
        assert form.fields["subject"].label == kk("The official message you are asking about")

    def test_the_consent_names_the_data_collected(self):
        items = RequestForm(kind=RequestKind.MEDIA).personal_data_items
        assert kk("media outlet and accreditation card number") in items
        assert kk("IIN") not in items


class TestIdentifiers:
    @pytest.mark.parametrize(
        "iin", ["900115300122", "050721603459", "850412300704", "9001 1530 0122"]
    )
    def test_valid_iins_pass(self, iin):
        form = bound(iin=iin)
        assert form.is_valid(), form.errors
        assert form.cleaned_data["iin"] == iin.replace(" ", "")

    @pytest.mark.parametrize("iin", ["900115300123", "123456789012", "85041230073", "ABCDEFGHIJKL"])
    def test_invalid_iins_are_refused_with_a_clear_message(self, iin):
        form = bound(iin=iin)
        assert not form.is_valid()
        assert form.errors["iin"] == [
            kk("This is not a valid %(label)s: check the 12 digits.", label=kk("IIN"))
        ]

    def test_an_information_request_needs_an_iin(self):
        form = bound(iin="")
        assert not form.is_valid()
        assert "iin" in form.errors

    def test_an_appeal_takes_the_iin_only_if_there_is_one(self):
        assert bound(RequestKind.APPEAL, iin="").is_valid()

    def test_a_legal_entity_gives_name_bin_signatory_and_its_letter(self):
        form = bound(requester_type="legal_entity", iin="")
        assert not form.is_valid()
        assert {
            "organisation",
            "bin",
            "signatory_position",
            "outgoing_number",
            "outgoing_date",
        } <= set(form.errors)
        form = bound(
            requester_type="legal_entity",
            organisation="«Мысал» ЖШС",
            bin=VALID_BIN,
            signatory_position="Директор",
            outgoing_number="15-02/77",
            outgoing_date="2026-11-20",
        )
        assert form.is_valid(), form.errors
        assert form.model_data()["iin"] == ""
        assert form.model_data()["bin"] == VALID_BIN

    def test_a_bin_with_a_wrong_check_digit_is_refused(self):
        form = bound(requester_type="legal_entity", organisation="X", bin="150340004569")
        assert not form.is_valid()
        assert form.errors["bin"] == [
            kk("This is not a valid %(label)s: check the 12 digits.", label=kk("BIN"))
        ]

    def test_an_individual_leaves_no_legal_entity_data(self):
        form = bound(organisation="Left over", bin=VALID_BIN)
        assert form.is_valid()
        assert form.model_data()["organisation"] == ""
        assert form.model_data()["bin"] == ""


class TestContactAndRequest:
    def test_the_answer_by_email_needs_an_email(self):
        form = bound(email="")
        assert not form.is_valid()
        assert "email" in form.errors

    def test_the_answer_by_post_needs_an_address(self):
        form = bound(channel="post", email="", postal_address="")
        assert not form.is_valid()
        assert "postal_address" in form.errors
        assert bound(channel="post", email="", postal_address="Астана, Абай к-сі 1").is_valid()

    def test_a_wrong_phone_is_refused(self):
        form = bound(phone="12-34")
        assert not form.is_valid()
        assert "phone" in form.errors

    def test_consent_is_required(self):
        form = bound(consent=None)
        assert not form.is_valid()
        assert "consent" in form.errors

    def test_a_nameless_request_is_refused_as_anonymous(self):
        form = bound(full_name="  -- ")
        assert not form.is_valid()
        assert form.errors.as_data()["full_name"][0].code == "anonymous"
        assert form.errors["full_name"] == [
            kk("Give your full name: anonymous requests are not considered.")
        ]

    def test_the_text_has_a_limit(self):
        form = bound(text="ә" * 10_001)
        assert not form.is_valid()
        assert "text" in form.errors

    def test_the_honeypot_stops_robots(self):
        form = bound(website="http://spam.example")
        assert not form.is_valid()
        assert form.non_field_errors() == [kk("Your request could not be sent. Please try again.")]

    def test_checked_attachments_are_in_cleaned_data(self):
        files = MultiValueDict(
            {
                "attachments": [
                    SimpleUploadedFile("a.pdf", pdf_bytes()),
                    SimpleUploadedFile("b.png", image_bytes()),
                ]
            }
        )
        form = RequestForm(valid_data(), files, kind=RequestKind.INFORMATION)
        assert form.is_valid(), form.errors
        assert [f.content_type for f in form.cleaned_data["attachments"]] == [
            "application/pdf",
            "image/png",
        ]

    def test_registration_numbers_are_read_as_typed(self):
        assert normalise_number(" аҚ-2026-000017 ") == "АҚ-2026-000017"
        assert normalise_number("AҚ–2026–000017") == "АҚ-2026-000017"

    @pytest.mark.parametrize(
        ("typed", "stored"),
        [
            ("AK-2026-000017", "АҚ-2026-000017"),  # Latin
            ("АК-2026-000017", "АҚ-2026-000017"),  # Russian keyboard
            ("aq-2026-000017", "АҚ-2026-000017"),  # Kazakh Latin
            ("ак-2026-000017", "АҚ-2026-000017"),
            (" a k - 2026 - 000017 ", "АҚ-2026-000017"),
            ("BAK-2026-000003", "БАҚ-2026-000003"),
            ("бак-2026-000003", "БАҚ-2026-000003"),
            ("БAҚ-2026-000003", "БАҚ-2026-000003"),
            ("OT-2026-000004", "ӨТ-2026-000004"),
            ("от-2026-000004", "ӨТ-2026-000004"),
            ("өт-2026-000004", "ӨТ-2026-000004"),
            ("TC-2026-000005", "ТС-2026-000005"),
            ("ts-2026-000005", "ТС-2026-000005"),
        ],
    )
    def test_prefixes_typed_with_look_alike_letters_are_read(self, typed, stored):
        assert normalise_number(typed) == stored

    @pytest.mark.parametrize(
        "typed",
        [
            "XK-2026-000017",  # not a prefix
            "AKK-2026-000017",
            "6AK-2026-000017",  # digits are not read as letters
            "АҚ2026000017",  # no dash: nothing to call a prefix
        ],
    )
    def test_only_real_prefixes_are_mapped_the_rest_is_kept_as_typed(self, typed):
        assert normalise_number(typed) == typed.upper()

    def test_only_the_prefix_is_mapped(self):
        assert normalise_number("ak-2026-00oo17") == "АҚ-2026-00OO17"


class TestFormPage:
    def test_the_page_shows_every_section_and_the_anonymous_explanation(self):
        page = form_page()
        response = Client().get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="iin"' in html
        assert 'enctype="multipart/form-data"' in html
        assert "csrfmiddlewaretoken" in html
        anonymous = kk(
            "Anonymous requests are not considered: the law requires us to know who is asking, "
            "so that the answer reaches you and only you (Access to Information Law, Art. 11 p.7; "
            "Administrative Procedural Code, Art. 88)."
        )
        assert escape(anonymous) in html
        assert escape(kk("Cross-border transfer")) in html
        assert "no-store" in response["Cache-Control"]

    def test_only_truly_optional_fields_are_labelled_optional(self):
        html = Client().get(form_page().url).content.decode()
        optional = re.findall(r'for="id_(\w+)">[^<]*<span class="field__optional">', html)
        assert set(optional) == {"phone", "attachments"}

    def test_the_page_is_in_the_language_of_its_locale(self):
        page = form_page(RequestKind.MEDIA, "ru")
        with translation.override("ru"):
            response = Client().get(page.url)
        assert response.status_code == 200
        assert 'lang="ru"' in response.content.decode()

    def test_errors_keep_what_was_typed_except_files_and_are_linked_to_their_fields(self):
        page = form_page()
        data = valid_data(iin="900115300123", subject="Жол жөндеу")
        data["attachments"] = SimpleUploadedFile("x.pdf", b"not a pdf")
        response = Client().post(page.url, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'value="Жол жөндеу"' in html
        assert "Асқар Тестов" in html
        assert 'aria-describedby="id_iin_helptext id_iin_error"' in html
        assert 'aria-invalid="true"' in html
        assert 'id="id_iin_error"' in html
        assert 'href="#id_iin"' in html
        assert "data-error-summary" in html
        assert escape(kk("“%(name)s” is not a PDF, JPEG, PNG or DOCX file.", name="x.pdf")) in html
        attach_again = kk(
            "For your safety, files are not kept when a form has a problem: attach them again."
        )
        assert escape(attach_again) in html
        assert CitizenRequest.objects.count() == 0

    def test_only_get_and_post_are_answered(self):
        page = form_page()
        assert Client().put(page.url).status_code == 405
        assert Client().delete(page.url).status_code == 405

    def test_a_post_without_the_csrf_token_is_refused(self):
        page = form_page()
        response = Client(enforce_csrf_checks=True).post(page.url, valid_data())
        assert response.status_code == 403
        assert CitizenRequest.objects.count() == 0

    def test_a_valid_post_is_answered_with_the_acknowledgement(self):
        page = form_page()
        response = Client().post(page.url, valid_data())
        assert response.status_code == 200
        assert "data-acknowledgement" in response.content.decode()
        assert CitizenRequest.objects.count() == 1

    @override_settings(RATE_LIMITS={"submit_email": (2, 3600)})
    def test_submissions_per_email_are_limited(self):
        page = form_page()
        client = Client()
        for n in range(2):
            assert client.post(page.url, valid_data(), REMOTE_ADDR=f"10.0.0.{n}").status_code == 200
        response = client.post(page.url, valid_data(subject="Үшінші"), REMOTE_ADDR="10.0.0.9")
        assert response.status_code == 400
        html = response.content.decode()
        too_many = kk(
            "Too many requests have been sent from your connection or e-mail address. "
            "Please try again in an hour, or send your request by post."
        )
        assert escape(too_many) in html
        assert 'value="Үшінші"' in html
        assert CitizenRequest.objects.count() == 2

    @override_settings(RATE_LIMITS={"submit_ip": (1, 3600)}, PROXY_COUNT=1)
    def test_behind_a_proxy_the_address_it_saw_is_limited(self):
        page = form_page()
        client = Client()
        spoofed = {"HTTP_X_FORWARDED_FOR": "1.1.1.1, 203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
        assert client.post(page.url, valid_data(email="a@example.kz"), **spoofed).status_code == 200
        spoofed["HTTP_X_FORWARDED_FOR"] = "2.2.2.2, 203.0.113.7"
        assert client.post(page.url, valid_data(email="b@example.kz"), **spoofed).status_code == 400
        other = {"HTTP_X_FORWARDED_FOR": "203.0.113.8", "REMOTE_ADDR": "10.0.0.1"}
        assert client.post(page.url, valid_data(email="c@example.kz"), **other).status_code == 200

    @override_settings(RATE_LIMITS={"submit_ip": (1, 3600)})
    def test_submissions_per_ip_are_limited(self):
        page = form_page()
        client = Client()
        assert client.post(page.url, valid_data(email="a@example.kz")).status_code == 200
        response = client.post(page.url, valid_data(email="b@example.kz"))
        assert response.status_code == 400
        assert CitizenRequest.objects.count() == 1
