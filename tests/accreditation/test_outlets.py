"""The public list of accredited outlets: only those that opted in and have a valid
accreditation today, no journalist named, pages of 50."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from accreditation.views.outlets import PER_PAGE, listed_outlets
from tests.accreditation.card_pages import accreditation_page
from tests.accreditation.factories import AccreditationFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return accreditation_page()


def outlets_url(page) -> str:
    return page.url + page.reverse_subpage("outlets")


def names(response) -> list[str]:
    return [outlet.name for outlet in response.context["outlets"]]


def test_only_outlets_that_opted_in_with_a_valid_accreditation_are_listed(page):
    today = timezone.localdate()
    listed = OutletFactory(name="Бірінші арна", list_publicly=True)
    AccreditationFactory(outlet=listed)
    not_opted_in = OutletFactory(name="Жасырын", list_publicly=False)
    AccreditationFactory(outlet=not_opted_in)
    only_expired = OutletFactory(name="Мерзімі өткен")
    AccreditationFactory(outlet=only_expired, expired=True)
    only_deprived = OutletFactory(name="Айырылған")
    AccreditationFactory(outlet=only_deprived, deprived=True)
    only_future = OutletFactory(name="Келешек")
    AccreditationFactory(
        outlet=only_future,
        valid_from=today + datetime.timedelta(days=3),
        valid_until=today + datetime.timedelta(days=300),
    )
    OutletFactory(name="Өтінім ғана")  # applied, nobody accredited
    response = Client().get(outlets_url(page))
    assert response.status_code == 200
    assert names(response) == ["Бірінші арна"]
    html = response.content.decode()
    for hidden in ("Жасырын", "Мерзімі өткен", "Айырылған", "Келешек", "Өтінім ғана"):
        assert hidden not in html


def test_each_outlet_once_with_its_number_of_accredited_journalists(page):
    outlet = OutletFactory(name="Хабар")
    AccreditationFactory.create_batch(3, outlet=outlet)
    AccreditationFactory(outlet=outlet, deprived=True)
    AccreditationFactory(outlet=outlet, expired=True)
    response = Client().get(outlets_url(page))
    assert names(response) == ["Хабар"]
    assert response.context["outlets"][0].accredited == 3


def test_no_journalist_or_contact_is_shown(page):
    outlet = OutletFactory(name="Дала")
    card = AccreditationFactory(outlet=outlet)
    html = Client().get(outlets_url(page)).content.decode()
    for private in (
        card.full_name,
        card.email,
        card.iin,
        card.card_number,
        outlet.email,
        outlet.phone,
        outlet.bin,
        outlet.editor_in_chief,
    ):
        assert private not in html


def test_in_alphabetical_order_and_paged(page):
    for n in range(PER_PAGE + 2):
        AccreditationFactory(outlet=OutletFactory(name=f"Outlet {n:03d}"))
    first = Client().get(outlets_url(page))
    second = Client().get(outlets_url(page), {"page": 2})
    assert names(first) == [f"Outlet {n:03d}" for n in range(PER_PAGE)]
    assert names(second) == [f"Outlet {n:03d}" for n in range(PER_PAGE, PER_PAGE + 2)]
    assert Client().get(outlets_url(page), {"page": 9}).status_code == 404
    assert Client().get(outlets_url(page), {"page": "x"}).status_code == 404


def test_an_empty_list_says_so(page):
    response = Client().get(outlets_url(page))
    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()


def test_tomorrow_an_outlet_whose_last_card_ends_today_drops_off():
    today = timezone.localdate()
    outlet = OutletFactory()
    AccreditationFactory(
        outlet=outlet, valid_from=today - datetime.timedelta(days=364), valid_until=today
    )
    assert list(listed_outlets(today)) == [outlet]
    assert list(listed_outlets(today + datetime.timedelta(days=1))) == []


def test_the_list_is_in_every_language_tree():
    accreditation_page("kk")
    ru = accreditation_page("ru")
    AccreditationFactory(outlet=OutletFactory(name="Казахстанская правда"))
    response = Client().get(outlets_url(ru))
    assert response.status_code == 200
    assert '<html lang="ru"' in response.content.decode()
    assert names(response) == ["Казахстанская правда"]
