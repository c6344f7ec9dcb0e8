"""Withdrawing a moderated page: a reason in the admin, and the public notice at its address."""

import itertools

from django.urls import reverse
from django.utils import formats, timezone, translation

from wagtail.models import PageLogEntry

import pytest

from tests.press_pages.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    kk_home,
    publish,
    translate,
)
from tests.press_pages.outline import outline
from tests.signin import staff_login
from tests.workflows.moderation import member
from workflows import guard
from workflows.models import Withdrawal
from workflows.services import withdraw

pytestmark = pytest.mark.django_db

SLUGS = itertools.count(1)
REASON = "Дереккөз мәліметтерді қайтарып алды."
NOTICE = "Материал дереккөздің өтініші бойынша алынды. Нақтыланған ақпарат кейін жарияланады."


@pytest.fixture(autouse=True)
def _fresh_scan_cache():
    """Isolation: the guard memoises findings by revision id, and ids repeat across tests."""
    guard._SCAN_CACHE.clear()
    yield
    guard._SCAN_CACHE.clear()


@pytest.fixture
def news_index():
    return NewsIndexPageFactory(parent=kk_home())


@pytest.fixture
def news(news_index):
    return NewsPageFactory(
        parent=news_index, title="Алынатын жаңалық", slug=f"withdrawn-{next(SLUGS)}"
    )


@pytest.fixture
def secretary(client):
    user = member("press_secretaries", "secretary")
    staff_login(client, user)
    return user


def unpublish_url(page) -> str:
    return reverse("wagtailadmin_pages:unpublish", args=[page.pk])


def form(**fields) -> dict:
    return {f"withdrawal-{name}": value for name, value in fields.items()}


def log_actions(page) -> list[str]:
    return list(
        PageLogEntry.objects.filter(page_id=page.pk)
        .filter(action__in=["workflows.withdraw", "wagtail.unpublish"])
        .order_by("pk")
        .values_list("action", flat=True)
    )


class TestUnpublishAsksForAReason:
    def test_confirmation_of_a_moderated_page_has_the_withdrawal_fields(
        self, client, secretary, news
    ):
        response = client.get(unpublish_url(news))
        assert response.status_code == 200
        page = outline(response)
        [reason] = page.find("textarea", name="withdrawal-reason")
        assert "required" in reason
        assert page.find("input", type="checkbox", name="withdrawal-show_notice")
        assert page.find("textarea", name="withdrawal-notice")

    def test_without_a_reason_the_page_stays_live_and_the_input_is_kept(
        self, client, secretary, news
    ):
        response = client.post(
            unpublish_url(news), form(reason="", show_notice="on", notice=NOTICE)
        )
        assert response.status_code == 200
        news.refresh_from_db()
        assert news.live
        assert not Withdrawal.objects.exists()
        assert log_actions(news) == []
        assert response.context["withdrawal_form"].errors["reason"]
        page = outline(response)
        assert NOTICE in page.text["textarea"], "what was typed is kept"
        [checkbox] = page.find("input", name="withdrawal-show_notice")
        assert "checked" in checkbox

    def test_a_too_short_reason_is_refused_with_the_services_message(self, client, secretary, news):
        response = client.post(unpublish_url(news), form(reason="Қате"))
        assert response.status_code == 200
        assert response.context["withdrawal_form"].errors["reason"]
        news.refresh_from_db()
        assert news.live

    def test_a_notice_needs_its_explanation(self, client, secretary, news):
        response = client.post(unpublish_url(news), form(reason=REASON, show_notice="on"))
        assert response.status_code == 200
        assert response.context["withdrawal_form"].errors["notice"]
        news.refresh_from_db()
        assert news.live

    def test_with_a_reason_the_page_is_withdrawn_once_and_logged(self, client, secretary, news):
        response = client.post(unpublish_url(news), form(reason=REASON))
        assert response.status_code == 302
        news.refresh_from_db()
        assert not news.live
        withdrawal = Withdrawal.objects.get()
        assert (withdrawal.page_id, withdrawal.reason, withdrawal.show_notice) == (
            news.pk,
            REASON,
            False,
        )
        assert withdrawal.url_path == news.url_path
        assert withdrawal.withdrawn_by == secretary
        assert log_actions(news) == ["workflows.withdraw", "wagtail.unpublish"]

    def test_a_page_that_is_not_moderated_is_unpublished_as_before(
        self, client, secretary, news_index
    ):
        assert client.get(unpublish_url(news_index)).context.get("withdrawal_form") is None
        response = client.post(unpublish_url(news_index), {})
        assert response.status_code == 302
        news_index.refresh_from_db()
        assert not news_index.live
        assert not Withdrawal.objects.exists()

    def test_unpublishing_a_section_with_its_news_withdraws_each_with_the_reason(
        self, client, secretary, news_index, news
    ):
        response = client.get(unpublish_url(news_index))
        assert response.context["withdrawal_subpages_only"] is True
        reason = outline(response).find("textarea", name="withdrawal-reason")[0]
        assert "required" not in reason, "needed only when the subpages go too"

        refused = client.post(unpublish_url(news_index), {"include_descendants": "on"})
        assert refused.status_code == 200
        news.refresh_from_db()
        assert news.live

        client.post(unpublish_url(news_index), {"include_descendants": "on", **form(reason=REASON)})
        news.refresh_from_db()
        news_index.refresh_from_db()
        assert not news.live and not news_index.live
        assert Withdrawal.objects.get().page_id == news.pk
        assert log_actions(news) == ["workflows.withdraw", "wagtail.unpublish"]

    def test_bulk_unpublishing_of_moderated_pages_is_refused(self, client, secretary, news):
        url = (
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
            + f"?id={news.pk}"
        )
        response = client.post(url, {})
        assert response.status_code == 302
        news.refresh_from_db()
        assert news.live


def withdraw_with_notice(page, user, notice=NOTICE):
    return withdraw(page, user=user, reason=REASON, show_notice=True, notice=notice)


class TestPublicNotice:
    def test_without_a_notice_the_address_is_not_found(self, client, news):
        url = news.url
        assert client.get(url).status_code == 200
        withdraw(news, user=member("press_secretaries", "secretary"), reason=REASON)
        assert client.get(url).status_code == 404

    def test_the_notice_answers_gone_with_title_date_and_explanation(self, client, news):
        url = news.url
        assert client.get(url).status_code == 200, "cached as a normal page"
        withdrawal = withdraw_with_notice(news, member("press_secretaries", "secretary"))

        response = client.get(url)
        assert response.status_code == 410
        page = outline(response)
        assert page.find("html", lang="kk")
        assert page.text["h1"] == ["Алынатын жаңалық"]
        html = response.content.decode()
        assert NOTICE in html
        assert REASON not in html, "the internal reason is never public"
        with translation.override("kk"):
            date = formats.date_format(
                timezone.localtime(withdrawal.withdrawn_at), "DATETIME_FORMAT"
            )
        assert date in html
        assert page.find("meta", name="robots", content="noindex")
        assert "no-cache" in response["Cache-Control"]
        assert response["Content-Language"] == "kk"

        again = client.get(url)
        assert again.status_code == 410
        assert "X-Page-Cache" not in again, "a notice is never served from the page cache"

    def test_the_notice_of_a_translation_is_in_its_language(self, client, news):
        russian = translate(news, "ru", title="Отозванная новость")
        withdrawal = withdraw_with_notice(
            russian, member("press_secretaries", "secretary"), notice="Материал отозван."
        )

        response = client.get(russian.url)
        assert russian.url.startswith("/ru/")
        assert response.status_code == 410
        page = outline(response)
        assert page.find("html", lang="ru")
        assert page.text["h1"] == ["Отозванная новость"]
        with translation.override("ru"):
            date = formats.date_format(
                timezone.localtime(withdrawal.withdrawn_at), "DATETIME_FORMAT"
            )
        assert date in response.content.decode()
        assert client.get(news.url).status_code == 200, "the Kazakh page is still live"

    def test_publishing_again_replaces_the_notice_with_the_page(self, client, news):
        url = news.url
        withdraw_with_notice(news, member("press_secretaries", "secretary"))
        assert client.get(url).status_code == 410

        publish(news)

        response = client.get(url)
        assert response.status_code == 200
        assert NOTICE not in response.content.decode()
        assert not Withdrawal.objects.filter(active=True).exists()

    def test_other_missing_addresses_stay_not_found(self, client, news):
        withdraw_with_notice(news, member("press_secretaries", "secretary"))
        assert client.get(news.url.rstrip("/") + "-other/").status_code == 404
        assert client.get(news.url.replace("/kk/", "/ru/", 1)).status_code == 404
