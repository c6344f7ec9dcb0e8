"""The media watch's admin: the watch terms under Settings, the sources with their health and
the outlets, for the press secretaries; the Heads read them; others are turned away."""

from django.urls import reverse
from django.utils import timezone

import pytest

from media_watch.models import Item, Source, Story, WatchTerm
from tests.media_watch.factories import OutletFactory, SourceFactory, WatchTermFactory
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db


def signed_in(client, role):
    user = member(role, f"mw-{role}")
    prefer_english(user)
    staff_login(client, user)
    return client


def test_the_press_secretary_keeps_the_watch_terms_under_settings(client):
    signed_in(client, "press_secretaries")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("media_watch_terms:index") in home
    add = reverse("media_watch_terms:add")
    response = client.post(
        add,
        {
            "text": " Министерство   просвещения ",
            "language": "ru",
            "kind": "agency",
            "active": "on",
        },
    )
    assert response.status_code == 302
    term = WatchTerm.objects.get()
    assert (term.text, term.kind) == ("Министерство просвещения", "agency")
    twin = client.post(add, {"text": "министерство ПРОСВЕЩЕНИЯ", "language": "ru", "kind": "topic"})
    assert twin.status_code == 200
    assert "already watched in this language" in twin.content.decode()
    kazakh = client.post(
        add, {"text": "Министерство просвещения", "language": "kk", "kind": "agency"}
    )
    assert kazakh.status_code == 302
    listing = client.get(reverse("media_watch_terms:index"), {"language": "ru"}).content.decode()
    assert "Министерство просвещения" in listing and "The agency" in listing


def test_the_sources_screen_shows_each_sources_health(client):
    signed_in(client, "press_secretaries")
    SourceFactory(
        url="https://ok.example/rss",
        health=Source.Health.OK,
        outlet=OutletFactory(name="Good news"),
    )
    SourceFactory(
        url="https://down.example/rss",
        health=Source.Health.UNHEALTHY,
        consecutive_failures=4,
        last_error="The server answered HTTP 500.",
    )
    page = client.get(reverse("media_watch_sources:index")).content.decode()
    for text in (
        "https://ok.example/rss",
        "Good news",
        "Working",
        "Unhealthy",
        "The server answered HTTP 500.",
    ):
        assert text in page
    unhealthy = client.get(
        reverse("media_watch_sources:index"), {"health": "unhealthy"}
    ).content.decode()
    assert "https://down.example/rss" in unhealthy and "https://ok.example/rss" not in unhealthy


def test_a_source_is_added_through_its_form(client):
    signed_in(client, "press_secretaries")
    outlet = OutletFactory(name="Vlast")
    add = reverse("media_watch_sources:add")
    bad = client.post(
        add, {"outlet": outlet.pk, "url": "javascript:alert(1)", "kind": "feed", "language": "ru"}
    )
    assert bad.status_code == 200 and not Source.objects.exists()
    good = client.post(
        add,
        {
            "outlet": outlet.pk,
            "url": "https://vlast.kz/rss",
            "kind": "feed",
            "language": "ru",
            "active": "on",
        },
    )
    assert good.status_code == 302
    assert Source.objects.get().health == Source.Health.NEW


def test_heads_read_the_media_watch_but_do_not_change_it(client):
    signed_in(client, "heads")
    WatchTermFactory(text="Ахметов", kind="person")
    assert client.get(reverse("media_watch_terms:index")).status_code == 200
    assert client.get(reverse("media_watch_sources:index")).status_code == 200
    assert client.get(reverse("media_watch_outlets:index")).status_code == 200
    assert client.get(reverse("media_watch_terms:add")).status_code in (302, 403)
    assert client.post(
        reverse("media_watch_terms:add"), {"text": "X", "language": "ru", "kind": "topic"}
    ).status_code in (302, 403)
    assert WatchTerm.objects.count() == 1


def test_editors_do_not_see_the_media_watch(client):
    signed_in(client, "editors")
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("media_watch_sources:index") not in home
    assert client.get(reverse("media_watch_sources:index")).status_code in (302, 403)


def test_a_source_given_a_new_address_starts_afresh(client):
    signed_in(client, "press_secretaries")
    source = SourceFactory(
        url="https://old.example/rss",
        etag='"x"',
        health=Source.Health.UNHEALTHY,
        consecutive_failures=5,
        last_error="The server answered HTTP 500.",
    )
    edit = reverse("media_watch_sources:edit", args=[source.pk])
    form = {"outlet": source.outlet_id, "kind": "feed", "language": "ru", "active": "on"}
    assert client.post(edit, {**form, "url": "https://old.example/rss"}).status_code == 302
    source.refresh_from_db()
    assert source.health == Source.Health.UNHEALTHY and source.etag == '"x"'
    assert client.post(edit, {**form, "url": "https://new.example/rss"}).status_code == 302
    source.refresh_from_db()
    assert (source.health, source.etag, source.consecutive_failures) == ("new", "", 0)


def test_an_outlet_with_sources_is_kept_with_a_message(client):
    signed_in(client, "press_secretaries")
    source = SourceFactory(outlet=OutletFactory(name="Kept"))
    response = client.post(reverse("media_watch_outlets:delete", args=[source.outlet_id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("media_watch_outlets:edit", args=[source.outlet_id])
    page = client.get(response["Location"])
    assert page.status_code == 200, page.content.decode()[-3000:]
    assert "has sources or items and cannot be deleted" in page.content.decode()
    assert Source.objects.filter(outlet__name="Kept").exists()
    unindexed = OutletFactory(name="Items only")
    Item.objects.create(
        canonical_url="https://x.kz/1",
        url="https://x.kz/1",
        title="T",
        published_at=timezone.now(),
        language="ru",
        outlet=unindexed,
        story=Story.objects.create(title="T", language="ru", published_at=timezone.now()),
    )
    refused = client.post(reverse("media_watch_outlets:delete", args=[unindexed.pk]))
    assert refused.status_code == 302 and Item.objects.filter(outlet=unindexed).exists()
    empty = OutletFactory(name="Gone")
    assert client.post(reverse("media_watch_outlets:delete", args=[empty.pk])).status_code == 302
