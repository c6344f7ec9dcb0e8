"""Fixtures for the requests journey in the browser: the public request pages in kk and ru.

A test module makes the fixture available with ``from tests.browser.requests_fixtures import
requests_site_fixture  # noqa: F401`` and asks for ``requests_site``; it builds on
``tests/browser/conftest.py`` (the live server, the database snapshot and Chromium).
"""

from types import SimpleNamespace

import pytest

from citizen_requests.kinds import RequestKind
from citizen_requests.models import RequestFormPage, RequestStatusPage
from tests.press_pages.factories import kk_home, translate


def _form(kind: str, title: str, slug: str) -> RequestFormPage:
    return kk_home().add_child(
        instance=RequestFormPage(
            title=title,
            slug=slug,
            kind=kind,
            intro="<p>Жауап сұрау тілінде беріледі.</p>",
        )
    )


@pytest.fixture(name="requests_site")
def requests_site_fixture(browser, live_server, django_db_serialized_rollback, transactional_db):
    """The kk information request form, the media request form in ru, and the status pages.

    Committed (transactional) so the live server sees it; serialized rollback restores the
    locales and groups that the migrations create.
    """
    information = _form(RequestKind.INFORMATION, "Ақпарат сұрау", "aqparat-surau")
    media = _form(RequestKind.MEDIA, "БАҚ сұрауы", "baq-surauy")
    status = kk_home().add_child(
        instance=RequestStatusPage(title="Сұраудың мәртебесі", slug="surau-martebesi")
    )
    media_ru = translate(media, "ru", title="Запрос СМИ", slug="zapros-smi")
    status_ru = translate(status, "ru", title="Статус запроса", slug="status-zaprosa")
    return SimpleNamespace(
        information=information, media_ru=media_ru, status=status, status_ru=status_ru
    )
