"""The accreditation card: its PDF, the QR code to the verify page in the holder's language,
the token, and the officers' card view and download (permissions and the audit log)."""

import datetime
import io
import re

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import ModelLogEntry, Site

import pytest
from PIL import Image
from pypdf import PdfReader

from accreditation import cards
from accreditation.models import Accreditation, new_token
from tests.accreditation.card_pages import accreditation_page
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    OutletFactory,
)
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

MM = 72 / 25.4


def pdf_text(data: bytes) -> str:
    """The PDF's text with its line breaks as spaces (names may wrap on the card)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def pdf_images(data: bytes) -> list[Image.Image]:
    return [image.image for image in PdfReader(io.BytesIO(data)).pages[0].images]


def card_for(language: str = "kk", **fields) -> Accreditation:
    journalist = ApplicationJournalistFactory(application=ApplicationFactory(language=language))
    return AccreditationFactory(journalist=journalist, **fields)


def same_pixels(a: Image.Image, b: Image.Image) -> bool:
    a, b = a.convert("L"), b.convert("L")
    return a.size == b.size and a.tobytes() == b.tobytes()


class TestPdf:
    def test_one_card_sized_page_with_name_outlet_number_and_validity(self):
        accreditation_page()
        card = AccreditationFactory(
            full_name="Әлия Серікқызы",
            outlet=OutletFactory(name="«Дала» газеті"),
            valid_from=datetime.date(2026, 3, 2),
            valid_until=datetime.date(2027, 3, 1),
        )
        data = cards.render_card(card)
        reader = PdfReader(io.BytesIO(data))
        assert data.startswith(b"%PDF")
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert float(box.width) == pytest.approx(85.6 * MM, abs=0.5)
        assert float(box.height) == pytest.approx(54 * MM, abs=0.5)
        text = pdf_text(data)
        for expected in (
            "Әлия Серікқызы",
            "«Дала» газеті",
            card.card_number,
            "02.03.2026",
            "01.03.2027",
        ):
            assert expected in text

    def test_the_photo_is_on_the_card(self):
        accreditation_page()
        card = AccreditationFactory(
            photo=ContentFile(_jpeg((240, 320), (200, 30, 30)), name="red.jpg")
        )
        images = pdf_images(cards.render_card(card))
        assert len(images) == 2, "the photo and the QR code"
        photo = next(image for image in images if image.mode == "RGB" and image.size == (300, 400))
        red, green, blue = photo.getpixel((150, 200))
        assert red > 150 and green < 80 and blue < 80

    def test_the_qr_code_carries_the_verify_address_in_the_holders_language(self):
        accreditation_page("kk")
        ru_page = accreditation_page("ru")
        card = card_for("ru")
        url = cards.verify_url(card)
        assert url == f"http://localhost/ru/{ru_page.slug}/verify/{card.token}/"
        assert "/ru/" in url
        qr_images = [
            image for image in pdf_images(cards.render_card(card)) if image.size != (300, 400)
        ]
        assert len(qr_images) == 1
        assert same_pixels(qr_images[0], Image.open(io.BytesIO(cards.qr_png(url))))
        assert not same_pixels(
            qr_images[0], Image.open(io.BytesIO(cards.qr_png(url.replace("/ru/", "/kk/"))))
        )
        response = Client().get(url.removeprefix("http://localhost"))
        assert response.status_code == 200
        assert card.full_name in response.content.decode()

    def test_the_card_is_printed_in_the_holders_language(self):
        accreditation_page("kk")
        accreditation_page("ru")
        card = card_for("ru")
        with translation.override("ru"):
            label, heading = gettext("Card number"), gettext("ACCREDITATION CARD").upper()
        translation.activate("kk")
        text = pdf_text(cards.render_card(card))
        assert label in text
        assert heading in text
        assert translation.get_language() == "kk", "the caller's language is kept"

    def test_a_language_without_a_page_falls_back_to_the_default_language(self):
        kk = accreditation_page("kk")
        card = card_for("en")
        assert cards.verify_url(card) == kk.get_full_url() + f"verify/{card.token}/"

    def test_without_a_journalist_record_the_card_is_in_the_default_language(self):
        kk = accreditation_page("kk")
        accreditation_page("ru")
        card = AccreditationFactory(journalist=None)
        assert cards.holder_language(card) == "kk"
        assert cards.verify_url(card).startswith(kk.get_full_url())

    def test_no_published_page_no_card(self):
        page = accreditation_page()
        page.unpublish()
        with pytest.raises(cards.NoAccreditationPage):
            cards.render_card(AccreditationFactory())

    def test_a_photo_missing_from_storage_still_prints_a_card(self):
        accreditation_page()
        card = AccreditationFactory()
        card.photo.storage.delete(card.photo.name)
        data = cards.render_card(card)
        assert card.full_name in pdf_text(data)
        assert len(pdf_images(data)) == 1, "only the QR code"

    def test_the_photo_loses_its_exif_and_is_turned_upright(self):
        image = Image.new("RGB", (400, 300), (10, 120, 200))
        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
        exif[0x010F] = "CameraMaker"
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", exif=exif)
        card = AccreditationFactory(photo=ContentFile(buffer.getvalue(), name="exif.jpg"))
        out = Image.open(io.BytesIO(cards.photo_jpeg(card)))
        assert out.size == (300, 400)
        assert not out.getexif()
        assert b"CameraMaker" not in cards.photo_jpeg(card)

    def test_temporary_card_names_its_event(self):
        from tests.press_pages.factories import (
            BriefingIndexPageFactory,
            BriefingPageFactory,
            kk_home,
        )

        accreditation_page()
        briefing = BriefingPageFactory(
            parent=BriefingIndexPageFactory(parent=kk_home()),
            title="Бюджет туралы брифинг",
            slug="budget",
        )
        card = AccreditationFactory(kind="temporary", briefing=briefing)
        assert "Бюджет туралы брифинг" in pdf_text(cards.render_card(card))


class TestToken:
    def test_tokens_are_long_random_and_url_safe(self):
        tokens = {new_token() for _ in range(200)}
        assert len(tokens) == 200
        for token in tokens:
            assert len(token) >= 43, "256 bits"
            assert re.fullmatch(r"[A-Za-z0-9_-]+", token)

    def test_the_token_is_not_derived_from_the_card(self):
        first = AccreditationFactory(card_number="ҚАР-2026-000001", full_name="Бір Адам")
        second = AccreditationFactory(card_number="ҚАР-2026-000002", full_name="Бір Адам")
        assert first.token != second.token
        for card in (first, second):
            assert card.card_number not in card.token
            assert card.iin not in card.token

    def test_the_card_pdf_carries_the_token_only_inside_the_qr_code(self):
        accreditation_page()
        card = AccreditationFactory()
        data = cards.render_card(card)
        assert card.token not in pdf_text(data)
        assert card.token.encode() not in data


def _jpeg(size, color) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


# The admin -------------------------------------------------------------------------------------


def card_url(card, name="card"):
    return reverse(f"accreditation_cards:{name}", args=[card.pk])


def logged_in(role: str):
    user = member(role)
    prefer_english(user)
    client = Client()
    staff_login(client, user)
    client.user = user
    return client


@pytest.fixture
def officer():
    return logged_in("accreditation_officers")


class TestAdmin:
    def test_the_officer_sees_the_card_and_the_view_is_logged(self, officer):
        accreditation_page()
        card = AccreditationFactory()
        response = officer.get(card_url(card))
        html = response.content.decode()
        assert response.status_code == 200
        assert card.full_name in html
        assert card.card_number in html
        assert "<svg" in html, "the QR code"
        assert "data:image/jpeg;base64," in html
        assert card_url(card, "pdf") in html
        assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
        entry = ModelLogEntry.objects.get(action="accreditation.view_personal_data")
        assert entry.user_id == officer.user.pk
        assert entry.object_id == str(card.pk)
        assert entry.data["what"] == "card"

    def test_the_officer_downloads_the_card_and_the_download_is_logged(self, officer):
        accreditation_page()
        card = AccreditationFactory()
        response = officer.get(card_url(card, "pdf"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "filename*=utf-8''card-" in response["Content-Disposition"]
        assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
        assert card.card_number in pdf_text(response.content)
        entry = ModelLogEntry.objects.get(action="accreditation.card_download")
        assert entry.user_id == officer.user.pk
        assert entry.object_id == str(card.pk)

    def test_the_download_shows_in_the_logs_report(self, officer):
        accreditation_page()
        card = AccreditationFactory()
        officer.get(card_url(card, "pdf"))
        admin = logged_in("accreditation_officers")
        admin.user.is_superuser = True
        admin.user.save()
        response = admin.get(reverse("wagtailadmin_reports:site_history"))
        assert response.status_code == 200
        assert "Card downloaded" in response.content.decode()

    @pytest.mark.parametrize("state", ["expired", "deprived"])
    def test_a_withdrawn_or_expired_card_is_not_printed(self, officer, state):
        accreditation_page()
        card = AccreditationFactory(**{state: True})
        assert officer.get(card_url(card)).status_code == 200
        response = officer.get(card_url(card, "pdf"))
        assert response.status_code == 403
        assert not ModelLogEntry.objects.filter(action="accreditation.card_download").exists()

    def test_a_card_not_yet_valid_can_be_printed(self, officer):
        accreditation_page()
        start = timezone.localdate() + datetime.timedelta(days=5)
        card = AccreditationFactory(
            valid_from=start, valid_until=start + datetime.timedelta(days=30)
        )
        assert officer.get(card_url(card, "pdf")).status_code == 200

    def test_without_a_published_page_the_officer_is_told_why(self, officer):
        card = AccreditationFactory()
        response = officer.get(card_url(card, "pdf"))
        assert response.status_code == 403
        assert "Publish the accreditation page first" in response.content.decode()

    def test_heads_may_see_the_card_but_not_print_it(self):
        accreditation_page()
        head = logged_in("heads")
        card = AccreditationFactory()
        response = head.get(card_url(card))
        assert response.status_code == 200
        assert card_url(card, "pdf") not in response.content.decode()
        assert head.get(card_url(card, "pdf")).status_code == 403

    @pytest.mark.parametrize("role", ["editors", "request_officers"])
    def test_other_staff_may_not_see_or_print_cards(self, role):
        accreditation_page()
        client = logged_in(role)
        card = AccreditationFactory()
        assert client.get(card_url(card)).status_code == 403
        assert client.get(card_url(card, "pdf")).status_code == 403
        assert not ModelLogEntry.objects.filter(action__startswith="accreditation.").exists()

    def test_anonymous_users_are_sent_to_the_login(self):
        card = AccreditationFactory()
        response = Client().get(card_url(card, "pdf"))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


class TestServedAddress:
    """The QR code names the address the officer reached, not the Site record's port."""

    def test_the_qr_code_is_on_the_served_address(self, officer, settings):
        settings.ALLOWED_HOSTS = ["testserver", "press.example.kz"]
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = "127.0.0.1", 8000
        site.save()
        page = accreditation_page("kk")
        card = AccreditationFactory()
        expected = f"http://press.example.kz/kk/{page.slug}/verify/{card.token}/"

        preview = officer.get(card_url(card), headers={"host": "press.example.kz"})
        assert preview.status_code == 200
        assert expected in preview.content.decode()
        assert ":8000" not in preview.content.decode()

        download = officer.get(card_url(card, "pdf"), headers={"host": "press.example.kz"})
        assert download.status_code == 200
        pdf = b"".join(download.streaming_content) if download.streaming else download.content
        qr_images = [image for image in pdf_images(pdf) if image.size != (300, 400)]
        assert len(qr_images) == 1
        assert same_pixels(qr_images[0], Image.open(io.BytesIO(cards.qr_png(expected))))
