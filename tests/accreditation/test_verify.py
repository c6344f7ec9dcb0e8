"""The public card check: validity states, what is shown and what is not, the token-checked
photo, one generic answer for unknown cards, the rate limit, and no caching or indexing."""

import datetime
import io

from django.test import Client, override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from PIL import Image

from accreditation import cards
from tests.accreditation.card_pages import accreditation_page
from tests.accreditation.factories import AccreditationFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return accreditation_page()


def check(page, card_or_token, client=None, photo=False):
    token = getattr(card_or_token, "token", card_or_token)
    path = cards.photo_path(page, token) if photo else cards.verify_path(page, token)
    return (client or Client()).get(path)


def not_yet_valid(**fields):
    start = timezone.localdate() + datetime.timedelta(days=10)
    return AccreditationFactory(
        valid_from=start, valid_until=start + datetime.timedelta(days=365), **fields
    )


def kk(msgid) -> str:
    """``msgid`` as the kk page shows it, translated or not yet."""
    with translation.override("kk"):
        return gettext(str(msgid))


def unknown_token() -> str:
    return "x" * 43


class TestStates:
    def test_a_valid_card_shows_valid_with_name_outlet_validity_and_photo(self, page):
        card = AccreditationFactory(outlet=OutletFactory(name="«Дала» газеті"))
        response = check(page, card)
        html = response.content.decode()
        assert response.status_code == 200
        assert response.context["state"] == "active"
        assert 'data-card-state="active"' in html
        assert kk("Card valid") in html
        assert card.full_name in html
        assert "«Дала» газеті" in html
        assert card.card_number in html
        assert card.valid_until.strftime("%d.%m.%Y") in html
        assert cards.photo_path(page, card.token) in html

    def test_an_expired_card_shows_as_expired(self, page):
        card = AccreditationFactory(expired=True)
        response = check(page, card)
        html = response.content.decode()
        assert response.status_code == 200
        assert response.context["state"] == "expired"
        assert kk("Card expired") in html
        assert card.valid_until.strftime("%d.%m.%Y") in html
        assert cards.photo_path(page, card.token) in html

    def test_a_deprived_card_shows_as_withdrawn_without_photo_or_ground(self, page):
        card = AccreditationFactory(deprived=True, deprivation_note="Ішкі ескертпе: тәртіп бұзды")
        response = check(page, card)
        html = response.content.decode()
        assert response.status_code == 200
        assert response.context["state"] == "deprived"
        assert kk("Card withdrawn") in html
        assert card.full_name in html
        assert "photo" not in response.context or response.context["photo_url"] is None
        assert cards.photo_path(page, card.token) not in html
        assert "Ішкі ескертпе" not in html
        assert card.get_deprivation_ground_display() not in html

    def test_a_deprived_card_is_withdrawn_even_before_it_expires_or_starts(self, page):
        start = timezone.localdate() + datetime.timedelta(days=10)
        card = AccreditationFactory(
            deprived=True, valid_from=start, valid_until=start + datetime.timedelta(days=30)
        )
        assert check(page, card).context["state"] == "deprived"

    def test_a_card_not_yet_valid_says_from_when_without_photo(self, page):
        card = not_yet_valid()
        response = check(page, card)
        html = response.content.decode()
        assert response.status_code == 200
        assert response.context["state"] == "not_yet"
        assert kk("Card not yet valid") in html
        assert card.valid_from.strftime("%d.%m.%Y") in html
        assert cards.photo_path(page, card.token) not in html

    def test_the_last_day_is_valid_and_the_next_is_expired(self, page):
        today = timezone.localdate()
        last_day = AccreditationFactory(
            valid_from=today - datetime.timedelta(days=364), valid_until=today
        )
        ended = AccreditationFactory(
            valid_from=today - datetime.timedelta(days=365),
            valid_until=today - datetime.timedelta(days=1),
        )
        first_day = AccreditationFactory(
            valid_from=today, valid_until=today + datetime.timedelta(days=364)
        )
        assert check(page, last_day).context["state"] == "active"
        assert check(page, ended).context["state"] == "expired"
        assert check(page, first_day).context["state"] == "active"

    def test_deprivation_shows_at_once(self, page):
        card = AccreditationFactory()
        assert check(page, card).context["state"] == "active"
        card.status = card.Status.DEPRIVED
        card.deprived_at = timezone.now()
        card.save()
        assert check(page, card).context["state"] == "deprived"

    def test_the_page_speaks_the_language_of_its_tree(self):
        accreditation_page("kk")
        ru = accreditation_page("ru")
        card = AccreditationFactory()
        response = check(ru, card)
        assert response.status_code == 200
        assert '<html lang="ru"' in response.content.decode()


class TestPersonalData:
    def test_no_other_personal_data_is_shown(self, page):
        for card in (
            AccreditationFactory(position="Бас редактордың орынбасары"),
            AccreditationFactory(expired=True, position="Бас редактордың орынбасары"),
            AccreditationFactory(deprived=True, position="Бас редактордың орынбасары"),
            not_yet_valid(position="Бас редактордың орынбасары"),
        ):
            html = check(page, card).content.decode()
            assert card.iin not in html
            assert card.email not in html
            assert card.phone not in html
            assert card.outlet.email not in html
            assert card.outlet.bin not in html
            assert "Бас редактордың орынбасары" not in html

    def test_the_page_is_private_unindexed_and_keeps_the_token_from_other_sites(self, page):
        response = check(page, AccreditationFactory())
        html = response.content.decode()
        assert response["Cache-Control"] == "private, no-store"
        assert "noindex" in response["X-Robots-Tag"]
        assert '<meta name="robots" content="noindex, nofollow">' in html
        assert response["Referrer-Policy"] == "no-referrer"


class TestUnknown:
    def test_unknown_tokens_get_one_generic_not_found_page(self, page):
        deleted = AccreditationFactory()
        token = deleted.token
        deleted.delete()
        answers = [check(page, unknown_token()), check(page, token), check(page, "A" * 100)]
        for response in answers:
            assert response.status_code == 404
            assert response["Cache-Control"] == "private, no-store"
            assert "data-card-not-found" in response.content.decode()
        bodies = {r.content.decode().replace(r.wsgi_request.path, "") for r in answers}
        assert len(bodies) == 1, "the answer does not depend on the token"

    def test_a_malformed_token_is_not_found(self, page):
        response = Client().get(page.url + "verify/short/")
        assert response.status_code == 404

    def test_a_token_differing_in_one_character_is_not_found(self, page):
        card = AccreditationFactory()
        near = card.token[:-1] + ("A" if card.token[-1] != "A" else "B")
        assert check(page, near).status_code == 404
        assert (
            check(
                page, card.token.upper() if card.token.upper() != card.token else near
            ).status_code
            == 404
        )

    @override_settings(RATE_LIMITS={"verify_ip": (3, 600)})
    def test_misses_are_rate_limited_per_client(self, page):
        card = AccreditationFactory()
        client = Client(REMOTE_ADDR="203.0.113.7")
        statuses = [check(page, f"{unknown_token()}{n}", client).status_code for n in range(4)]
        assert statuses == [404, 404, 404, 429]
        limited = check(page, unknown_token(), client)
        assert limited.status_code == 429
        assert "data-card-limited" in limited.content.decode()
        assert check(page, card, client).status_code == 200, "a real card is still shown"
        other = Client(REMOTE_ADDR="198.51.100.9")
        assert check(page, unknown_token(), other).status_code == 404

    @override_settings(RATE_LIMITS={"verify_ip": (2, 600)})
    def test_checking_real_cards_does_not_use_up_the_limit(self, page):
        client = Client(REMOTE_ADDR="203.0.113.8")
        for card in AccreditationFactory.create_batch(5):
            assert check(page, card, client).status_code == 200


class TestPhoto:
    def test_the_photo_of_a_valid_card_is_served_privately_as_jpeg(self, page):
        card = AccreditationFactory()
        response = check(page, card, photo=True)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Content-Type-Options"] == "nosniff"
        image = Image.open(io.BytesIO(response.content))
        assert image.format == "JPEG"
        assert image.size == (300, 400)

    def test_the_photo_of_an_expired_card_is_served(self, page):
        assert check(page, AccreditationFactory(expired=True), photo=True).status_code == 200

    @pytest.mark.parametrize("make", ["deprived", "not_yet"])
    def test_no_photo_for_a_deprived_card_or_one_not_yet_valid(self, page, make):
        card = not_yet_valid() if make == "not_yet" else AccreditationFactory(deprived=True)
        assert check(page, card, photo=True).status_code == 404

    def test_no_photo_for_an_unknown_token(self, page):
        assert check(page, unknown_token(), photo=True).status_code == 404

    def test_a_photo_missing_from_storage_is_not_found_not_an_error(self, page):
        card = AccreditationFactory()
        card.photo.storage.delete(card.photo.name)
        assert check(page, card, photo=True).status_code == 404
        assert check(page, card).status_code == 200

    @override_settings(RATE_LIMITS={"verify_ip": (2, 600)})
    def test_photo_misses_count_towards_the_limit(self, page):
        client = Client(REMOTE_ADDR="203.0.113.9")
        statuses = [
            check(page, f"{unknown_token()}{n}", client, photo=True).status_code for n in range(3)
        ]
        assert statuses == [404, 404, 429]
