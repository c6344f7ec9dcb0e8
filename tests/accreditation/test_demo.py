"""The demo's accreditation: page in three languages, an open intake, two accredited
journalists of one outlet; a second run adds nothing."""

from django.test import Client

import pytest

from accreditation.models import Accreditation, Application, Intake, Outlet
from accreditation.pages import AccreditationPage
from tests.demo.helpers import seed

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_the_accreditation_page_intake_and_journalists():
    seed()
    pages = AccreditationPage.objects.live()
    assert sorted(pages.values_list("locale__language_code", flat=True)) == ["en", "kk", "ru"]
    assert Intake.objects.count() == 1 and Intake.objects.get().is_open()
    assert Outlet.objects.count() == 1
    accreditations = Accreditation.objects.all()
    assert accreditations.count() == 2
    assert all(record.is_valid() for record in accreditations)
    ru = pages.get(locale__language_code="ru")
    html = Client().get(ru.url).content.decode()
    assert Intake.objects.get().announcement_ru[:40] in html

    seed()
    assert Application.objects.count() == 1
    assert Accreditation.objects.count() == 2
    assert AccreditationPage.objects.count() == 3
