"""/.well-known/security.txt (RFC 9116) says where to report a vulnerability."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from agency.models import AgencyProfile
from tests.press_pages.factories import locale

pytestmark = pytest.mark.django_db
URL = "/.well-known/security.txt"


def fields(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return dict(line.split(": ", 1) for line in response.text.splitlines())


def test_the_press_secretary_of_the_agency_profile_is_the_contact():
    AgencyProfile.objects.create(
        name="Министрлік",
        locale=locale("kk"),
        email="info@gov.example.kz",
        press_secretary_email="press@gov.example.kz",
    )
    found = fields(Client().get(URL))
    assert found["Contact"] == "mailto:press@gov.example.kz"
    expires = datetime.datetime.fromisoformat(found["Expires"])
    assert timezone.now() + datetime.timedelta(days=30) < expires
    assert expires < timezone.now() + datetime.timedelta(days=365)
    assert found["Preferred-Languages"] == "kk, ru, en"
    assert found["Canonical"] == "http://testserver" + URL


def test_the_agency_address_without_a_press_secretary(settings):
    AgencyProfile.objects.create(
        name="Министрлік", locale=locale("kk"), email="info@gov.example.kz"
    )
    assert fields(Client().get(URL))["Contact"] == "mailto:info@gov.example.kz"


def test_the_setting_comes_first(settings):
    settings.SECURITY_CONTACT = "https://gov.example.kz/security"
    AgencyProfile.objects.create(
        name="Министрлік", locale=locale("kk"), email="info@gov.example.kz"
    )
    assert fields(Client().get(URL))["Contact"] == "https://gov.example.kz/security"


def test_without_a_contact_there_is_no_file():
    assert Client().get(URL).status_code == 404
    assert Client().post(URL).status_code == 405
