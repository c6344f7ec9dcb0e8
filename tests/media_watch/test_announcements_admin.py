"""Media watch → Weekly announcements: the preview of a week, its files in Kazakh and Russian,
"send now", and who may use it (press secretaries and superusers; the others get the 403 page)."""

import io

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
import time_machine
from openpyxl import load_workbook
from pypdf import PdfReader

from media_watch.models import AnnouncementSending, AnnouncementSettings
from tests.media_watch.announcements_data import WEEK, at, build_week
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

build_module_data = build_week

pytestmark = pytest.mark.django_db

INDEX = reverse("media_watch_announcements:index")
MINISTRY = "announcements@mci.gov.kz"


@pytest.fixture
def data(module_data):
    return module_data


@pytest.fixture(autouse=True)
def friday():
    with time_machine.travel(at(6, 12), tick=False):
        yield


@pytest.fixture
def secretary(client, data):
    user = member("press_secretaries", "announcements-secretary")
    prefer_english(user)
    staff_login(client, user)
    return user


def configure(recipients=MINISTRY, enabled=True):
    settings = AnnouncementSettings.load()
    settings.enabled = enabled
    settings.recipients = recipients
    settings.save()


def test_the_preview_shows_the_coming_week_with_both_titles(client, secretary):
    response = client.get(INDEX)
    assert response.status_code == 200
    assert (
        response["Cache-Control"].startswith("no-store") or "no-store" in response["Cache-Control"]
    )
    html = response.content.decode()
    assert 'data-week="2026-03-09"' in html
    assert "Жыл қорытындысы" in html
    assert "Итоги года" in html
    assert "Жаңа цифрлық қызмет" in html
    assert "Келесі апта" not in html
    assert 'data-missing="ru"' in html
    assert "data-sending-off" in html  # nothing configured: the screen says so
    assert "Nothing has been sent yet." in html


def test_any_week_can_be_chosen_and_a_wrong_date_is_explained(client, secretary):
    response = client.get(INDEX, {"day": "2026-03-17"})
    html = response.content.decode()
    assert 'data-week="2026-03-16"' in html
    assert "Келесі апта" in html
    response = client.get(INDEX, {"day": "17.03.2026x"})
    assert response.status_code == 400
    assert "Enter a date" in response.content.decode()
    response = client.get(INDEX, {"day": "1000-01-01"})
    assert response.status_code == 400


def test_the_files_download_in_kazakh_and_russian(client, secretary):
    kk = client.get(reverse("media_watch_announcements:pdf", args=["2026-03-11", "kk"]))
    assert kk.status_code == 200
    assert kk["Content-Type"] == "application/pdf"
    assert 'filename="announcements-2026-03-09-kk.pdf"' in kk["Content-Disposition"]
    text = PdfReader(io.BytesIO(kk.content)).pages[0].extract_text()
    assert "Жыл қорытындысы" in text
    ru = client.get(reverse("media_watch_announcements:pdf", args=["2026-03-09", "ru"]))
    assert "Итоги года" in PdfReader(io.BytesIO(ru.content)).pages[0].extract_text()
    xlsx = client.get(reverse("media_watch_announcements:xlsx", args=["2026-03-09"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == ["Қазақша", "Русский"]
    assert (
        client.get(reverse("media_watch_announcements:pdf", args=["2026-03-09", "en"])).status_code
        == 404
    )
    assert (
        client.get(reverse("media_watch_announcements:xlsx", args=["next-week"])).status_code == 404
    )


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "3000-01-01"])
def test_a_week_beyond_the_years_2000_to_2999_is_not_found_and_nothing_is_sent(
    client, secretary, day
):
    configure()
    for url in (
        reverse("media_watch_announcements:pdf", args=[day, "kk"]),
        reverse("media_watch_announcements:xlsx", args=[day]),
    ):
        assert client.get(url).status_code == 404, url
    sent = client.post(reverse("media_watch_announcements:send", args=[day]), follow=True)
    assert sent.status_code == 404
    assert not mail.outbox and not AnnouncementSending.objects.exists()


def test_send_now_sends_the_week_and_the_screen_shows_it(client, secretary):
    configure(enabled=False)
    url = reverse("media_watch_announcements:send", args=[WEEK.slug()])
    response = client.post(url)
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [MINISTRY]
    assert len(message.attachments) == 3
    record = AnnouncementSending.objects.get()
    assert (record.automatic, record.user) == (False, secretary)
    assert ModelLogEntry.objects.filter(action="media_watch.announcements_sent").exists()
    html = client.get(response["Location"]).content.decode()
    assert "are sent to announcements@mci.gov.kz" in html
    assert "Last sent:" in html
    assert "data-week-sent" in html
    assert "The Friday sending is off" in html


def test_send_now_without_an_address_sends_nothing(client, secretary):
    response = client.post(
        reverse("media_watch_announcements:send", args=[WEEK.slug()]), follow=True
    )
    assert "No address is set" in response.content.decode()
    assert not mail.outbox
    assert not AnnouncementSending.objects.exists()
    assert (
        client.get(reverse("media_watch_announcements:send", args=[WEEK.slug()])).status_code == 302
    )
    assert not mail.outbox


def test_the_screen_says_when_the_friday_sending_goes(client, secretary):
    configure()
    html = client.get(INDEX).content.decode()
    assert "data-sending-on" in html
    assert MINISTRY in html
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in menu


@pytest.mark.parametrize("role", ["heads", "editors"])
def test_other_staff_get_the_403_page(client, data, role):
    user = member(role, f"announcements-{role}")
    prefer_english(user)
    staff_login(client, user)
    for url in (
        INDEX,
        reverse("media_watch_announcements:pdf", args=["2026-03-09", "kk"]),
        reverse("media_watch_announcements:xlsx", args=["2026-03-09"]),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "Only press secretaries may export" in response.content.decode()
    configure()
    response = client.post(reverse("media_watch_announcements:send", args=[WEEK.slug()]))
    assert response.status_code == 403
    assert not mail.outbox
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_superuser_may_use_it(client, data):
    admin = get_user_model().objects.create_superuser("announcements-admin", "a@example.kz", "x")
    prefer_english(admin)
    staff_login(client, admin)
    assert client.get(INDEX).status_code == 200


def test_the_settings_refuse_a_wrong_address(client, secretary):
    url = reverse("wagtailsettings:edit", args=["media_watch", "announcementsettings"])
    response = client.get(url, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else url,
        {"enabled": "on", "recipients": "ministry at mci", "send_hour": "15"},
    )
    assert response.status_code == 200
    assert "This is not an e-mail address: ministry at mci." in response.content.decode()
    assert not AnnouncementSettings.load().enabled
