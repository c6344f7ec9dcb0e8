"""The public application forms: permanent during an intake, temporary before an event."""

import datetime

from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

import pytest

from accreditation.models import Application, ApplicationJournalist, Outlet, RefusalGround
from citizen_requests.deadlines import add_working_days
from tests.accreditation.factories import (
    OTHER_IIN,
    VALID_BIN,
    VALID_IIN,
    AccreditationFactory,
    IntakeFactory,
    accreditation_page,
    jpeg_bytes,
    png_bytes,
)
from tests.accreditation.helpers import photo, post_data
from tests.press_pages.factories import BriefingIndexPageFactory, BriefingPageFactory, kk_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return accreditation_page()


def test_without_an_intake_the_page_says_so_and_shows_no_form(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    assert response.context["form"] is None
    assert "no-store" in response["Cache-Control"]


def test_the_intake_announcement_is_shown_in_the_pages_language(page):
    IntakeFactory(announcement_kk="Қабылдау басталды", announcement_ru="Приём начат")
    kk = Client().get(page.url).content.decode()
    assert "Қабылдау басталды" in kk and "Приём начат" not in kk
    ru = Client().get(accreditation_page("ru").url).content.decode()
    assert "Приём начат" in ru and "Қабылдау басталды" not in ru


def test_an_outlet_applies_and_sees_the_acknowledgement(page, mailoutbox):
    IntakeFactory()
    client = Client()
    response = client.post(page.url, post_data(client, page.url))
    assert response.status_code == 303
    application = Application.objects.get()
    assert application.number.startswith(f"АКК-{timezone.localdate().year}-")
    assert application.review_due == add_working_days(timezone.localdate(), 3)
    journalist = application.journalists.get()
    assert journalist.phone == "+7 701 234 56 78"
    assert journalist.photo.name.endswith(".jpg")
    assert application.outlet.bin == VALID_BIN
    ack = client.get(response["Location"])
    assert application.number in ack.content.decode()
    # A second submit of the same form does not register it twice.
    again = client.post(
        page.url, post_data(client, page.url, submission_token=str(application.submission_token))
    )
    assert again.status_code == 303
    assert Application.objects.count() == 1


def test_bad_input_keeps_what_was_typed_and_names_each_problem(page):
    IntakeFactory()
    client = Client()
    data = post_data(
        client,
        page.url,
        bin="123456789012",
        **{"journalists-0-iin": "900115300123", "journalists-0-photo": photo(b"MZ not a picture")},
    )
    response = client.post(page.url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Qazaq Times"' in html
    assert "error-summary" in html
    assert 'href="#id_bin"' in html
    assert 'href="#id_journalists-0-iin"' in html
    assert 'href="#id_journalists-0-photo"' in html
    assert 'aria-describedby="id_bin_helptext id_bin_error"' in html
    assert not Application.objects.exists()


def test_a_photo_must_be_a_real_jpeg_or_png_of_at_most_5_mb(page):
    IntakeFactory()
    client = Client()
    png = client.post(
        page.url,
        post_data(
            client, page.url, **{"journalists-0-photo": photo(png_bytes(), "p.png", "image/png")}
        ),
    )
    assert png.status_code == 303
    renamed_pdf = photo(b"%PDF-1.4 not really", "photo.jpg")
    response = client.post(
        page.url, post_data(client, page.url, **{"journalists-0-photo": renamed_pdf})
    )
    assert response.status_code == 400
    big = photo(jpeg_bytes() + b"\0" * (5 * 1024 * 1024), "big.jpg")
    response = client.post(page.url, post_data(client, page.url, **{"journalists-0-photo": big}))
    assert response.status_code == 400
    with translation.override("kk"):
        too_large = gettext("The photo is larger than 5 MB.")
    assert escape(too_large) in response.content.decode()


def test_several_journalists_and_the_same_iin_twice(page):
    IntakeFactory()
    client = Client()
    second = {
        "journalists-TOTAL_FORMS": "3",
        "journalists-1-full_name": "Мария Иванова",
        "journalists-1-position": "Фотокорреспондент",
        "journalists-1-iin": OTHER_IIN,
        "journalists-1-email": "maria@qazaqtimes.example.kz",
        "journalists-1-photo": photo(),
    }
    response = client.post(page.url, post_data(client, page.url, **second))
    assert response.status_code == 303
    assert ApplicationJournalist.objects.count() == 2
    twice = {**second, "journalists-1-iin": VALID_IIN, "journalists-1-photo": photo()}
    response = client.post(page.url, post_data(client, page.url, **twice))
    assert response.status_code == 400
    assert ApplicationJournalist.objects.count() == 2


def test_the_honeypot_and_a_missing_consent_are_refused(page):
    IntakeFactory()
    client = Client()
    assert (
        client.post(page.url, post_data(client, page.url, website="http://spam")).status_code == 400
    )
    data = post_data(client, page.url)
    del data["consent"]
    assert client.post(page.url, data).status_code == 400
    assert not Application.objects.exists()


def test_a_tampered_management_form_is_not_a_500(page):
    IntakeFactory()
    client = Client()
    data = post_data(client, page.url, **{"journalists-TOTAL_FORMS": "x"})
    assert client.post(page.url, data).status_code == 400


def test_a_foreign_outlet_is_refused_at_once_with_the_mfa_note(page):
    IntakeFactory()
    client = Client()
    data = post_data(client, page.url, bin="", is_foreign="on", country="Germany")
    response = client.post(page.url, data)
    assert response.status_code == 303
    journalist = ApplicationJournalist.objects.get()
    assert journalist.refusal_ground == RefusalGround.FOREIGN_MEDIA
    assert (
        "Ministry of Foreign Affairs" in journalist.refusal_note
        or "Сыртқы істер" in journalist.refusal_note
    )
    assert journalist.application.status == Application.Status.DECIDED
    assert Outlet.objects.get().is_foreign


def test_a_barred_journalist_is_refused_at_once(page):
    IntakeFactory()
    AccreditationFactory(deprived=True, iin=VALID_IIN)
    client = Client()
    assert client.post(page.url, post_data(client, page.url)).status_code == 303
    assert ApplicationJournalist.objects.get().refusal_ground == RefusalGround.DEPRIVATION_BAR


def test_the_rate_limit(page, settings):
    settings.RATE_LIMITS = {"submit_ip": (1, 3600)}
    IntakeFactory()
    client = Client()
    assert client.post(page.url, post_data(client, page.url)).status_code == 303
    response = client.post(page.url, post_data(client, page.url))
    assert response.status_code == 400
    assert Application.objects.count() == 1


def _briefing(days_ahead: int):
    index = BriefingIndexPageFactory(parent=kk_home())
    starts = timezone.now() + datetime.timedelta(days=days_ahead)
    return BriefingPageFactory(
        parent=index, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )


def test_temporary_accreditation_for_an_event(page):
    briefing = _briefing(10)
    url = page.url + "temporary/"
    client = Client()
    form_page = client.get(f"{url}?event={briefing.pk}")
    assert form_page.status_code == 200
    assert briefing.title in form_page.content.decode()
    response = client.post(url, post_data(client, url, briefing=str(briefing.pk)))
    assert response.status_code == 303
    application = Application.objects.get()
    assert application.kind == "temporary" and application.briefing_id == briefing.pk
    assert application.intake is None


def test_temporary_accreditation_closes_one_working_day_before_the_event(page):
    briefing = _briefing(0)
    url = page.url + "temporary/"
    response = Client().get(url)
    assert response.context["form"] is None
    assert briefing.title not in response.content.decode()
