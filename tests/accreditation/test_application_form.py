"""The application form as an outlet reads it: the BIN labelled as it is checked (required for a
Kazakh outlet, none for a foreign one, its control digit checked), and each hint shown once."""

import re

from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

import pytest

from accreditation.models import Application, Outlet
from tests.accreditation.factories import IntakeFactory, accreditation_page
from tests.accreditation.helpers import post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_intake():
    IntakeFactory()


def bin_label(html: str) -> str:
    match = re.search(r'<label class="field__label" for="id_bin">(.*?)</label>', html, re.S)
    assert match, "the BIN field has a label"
    return match.group(1)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_bin_is_labelled_required_for_kazakh_outlets_not_optional(open_intake, language):
    html = Client().get(accreditation_page(language).url).content.decode()
    label = bin_label(html)
    with translation.override(language):
        assert escape(gettext("BIN (required for outlets registered in Kazakhstan)")) in label
        assert gettext("optional") not in label


@pytest.mark.parametrize("language", ["kk", "en"])
def test_a_kazakh_outlet_without_a_bin_is_told_in_its_language_and_keeps_its_input(
    open_intake, language
):
    page = accreditation_page(language)
    client = Client()
    response = client.post(page.url, post_data(client, page.url, bin=" "))
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override(language):
        message = gettext("The BIN is required for an outlet registered in Kazakhstan.")
    assert escape(message) in html
    assert 'href="#id_bin"' in html
    assert 'value="Qazaq Times"' in html and 'value="KZ12345VV"' in html
    assert not Application.objects.exists()


def test_a_bin_with_a_wrong_control_digit_is_refused_and_kept(open_intake):
    page = accreditation_page("en")
    client = Client()
    response = client.post(page.url, post_data(client, page.url, bin="040140000019"))
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("en"):
        message = gettext("This is not a valid %(label)s: check the 12 digits.") % {
            "label": gettext("BIN")
        }
    assert escape(message) in html
    assert 'value="040140000019"' in html
    assert not Application.objects.exists()


def test_a_bin_written_with_spaces_is_stored_as_12_digits(open_intake):
    page = accreditation_page("kk")
    client = Client()
    response = client.post(page.url, post_data(client, page.url, bin="0401 4000 0018"))
    assert response.status_code == 303
    assert Outlet.objects.get().bin == "040140000018"


def test_a_foreign_outlet_needs_no_bin(open_intake):
    page = accreditation_page("kk")
    client = Client()
    data = post_data(client, page.url, bin="", is_foreign="on", country="Germany")
    assert client.post(page.url, data).status_code == 303
    assert Outlet.objects.get().bin == ""


@pytest.mark.parametrize("language", ["kk", "en"])
def test_the_foreign_media_hint_is_shown_once(open_intake, language):
    html = Client().get(accreditation_page(language).url).content.decode()
    with translation.override(language):
        hint = escape(
            gettext(
                "Foreign media are accredited by the Ministry of Foreign Affairs of Kazakhstan, "
                "not by us."
            )
        )
    assert html.count(hint) == 1
    assert html.count('id="id_is_foreign_helptext"') == 1
