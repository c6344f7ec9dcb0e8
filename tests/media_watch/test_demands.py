"""Demands to outlets (Law on Mass Media Art. 38): register numbers, the clocks on the working
calendar, the letter in the outlet's language, the logged status changes and who may do what."""

import datetime
import io
import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
import time_machine
from pypdf import PdfReader

from agency.models import AgencyProfile
from media_watch.demands import services
from media_watch.models import Demand, Item, Story
from tests.media_watch.factories import OutletFactory
from tests.press_pages.factories import locale
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
#: "Today" in these tests: Thursday 12 March 2026, a working day.
TODAY = datetime.datetime(2026, 3, 12, 11, 0, tzinfo=ALMATY)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def at(year, month, day):
    return datetime.datetime(year, month, day, 9, 30, tzinfo=ALMATY)


@pytest.fixture
def story():
    """One story, copied by a Russian daily and a Kazakh weekly."""
    published = at(2026, 3, 2)
    story = Story.objects.create(title="Скандал", language="ru", published_at=published)
    daily = OutletFactory(name="Курсив", language="ru", is_daily=True)
    weekly = OutletFactory(name="Егемен", language="kk", is_daily=False)
    for outlet, title, slug in (
        (daily, "Министерство скрыло данные", "ru"),
        (weekly, "Министрлік деректерді жасырды", "kk"),
    ):
        Item.objects.create(
            canonical_url=f"https://{slug}.example.kz/news/1",
            url=f"https://{slug}.example.kz/news/1",
            title=title,
            published_at=published,
            language=outlet.language,
            outlet=outlet,
            story=story,
        )
    for language, name in (
        ("kk", "Цифрлық даму министрлігі"),
        ("ru", "Министерство цифрового развития"),
    ):
        AgencyProfile.objects.update_or_create(
            locale=locale(language), defaults={"name": name, "address": "Астана"}
        )
    return story


def copy_in(story, language) -> Item:
    return story.items.get(language=language)


def secretary(username="mw-secretary"):
    user = member("press_secretaries", username)
    prefer_english(user)
    return user


def draft(story, language, kind, **kwargs) -> Demand:
    item = copy_in(story, language)
    return services.create_demand(
        user=secretary(), story=story, item=item, kind=kind, text="", **kwargs
    )


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_each_kind_of_demand_has_its_own_gap_free_series(story):
    first = draft(story, "ru", Demand.Kind.REFUTATION)
    second = draft(story, "ru", Demand.Kind.REFUTATION)
    reply = draft(story, "ru", Demand.Kind.REPLY)
    assert [first.number, second.number, reply.number] == [
        "ТШ-2026-000001",
        "ТШ-2026-000002",
        "ЖҚ-2026-000001",
    ]
    assert first.language == "ru" and first.outlet.name == "Курсив"
    assert "Курсив" in first.text and "https://ru.example.kz/news/1" in first.text


def test_a_demand_after_the_year_of_limitation_is_refused(story, client):
    item = copy_in(story, "ru")
    item.published_at = at(2025, 3, 11)
    item.save()
    with pytest.raises(ValidationError) as refused:
        draft(story, "ru", Demand.Kind.REFUTATION)
    assert "limitation period for a demand ended on" in " ".join(refused.value.messages)
    staff_login(client, secretary())
    response = client.post(
        reverse("media_watch_demand_create", args=[story.pk]),
        {"kind": "refutation", "item": item.pk, "text": "Неправда"},
    )
    assert response.status_code == 400
    assert "one-year limitation period" in response.content.decode()
    assert not Demand.objects.exists()
    item.published_at = at(2025, 3, 12)
    item.save()
    assert draft(story, "ru", Demand.Kind.REFUTATION).limitation_ends == datetime.date(2026, 3, 12)


def test_a_daily_publishes_a_reply_within_five_calendar_days_of_the_demand(story):
    demand = draft(story, "ru", Demand.Kind.REPLY)
    assert [clock.days_left for clock in services.clocks(demand)] == [
        (demand.limitation_ends - TODAY.date()).days
    ]
    sent = services.change_status(
        demand, "send", user=secretary(), sent_on=datetime.date(2026, 3, 5)
    )
    assert sent.publication_due == datetime.date(2026, 3, 10)
    assert sent.is_overdue()
    [clock] = services.clocks(sent)
    assert clock.overdue and clock.text.endswith("overdue by 2 days")
    assert not services.change_status(sent, "published", user=secretary()).is_overdue()


def test_a_reply_to_another_outlet_is_due_in_its_next_planned_issue(story):
    with pytest.raises(ValidationError) as refused:
        draft(story, "kk", Demand.Kind.REPLY)
    assert "enter the date of its next planned issue" in refused.value.messages[0]
    issue = datetime.date(2026, 3, 19)
    demand = draft(story, "kk", Demand.Kind.REPLY, planned_issue=issue)
    sent = services.change_status(demand, "send", user=secretary())
    assert (sent.sent_on, sent.publication_due) == (TODAY.date(), issue)
    assert services.clocks(sent)[0].text.endswith("7 days left")


def test_a_refutation_gives_the_outlet_a_month_before_court(story, today):
    demand = draft(story, "ru", Demand.Kind.REFUTATION)
    sent = services.change_status(
        demand, "send", user=secretary(), sent_on=datetime.date(2026, 3, 10)
    )
    assert sent.publication_due == datetime.date(2026, 4, 10)
    with time_machine.travel(at(2026, 4, 13), tick=False):
        assert sent.is_overdue()


def test_the_letter_is_in_the_outlets_language_and_cites_the_item(story, client):
    russian = draft(story, "ru", Demand.Kind.REFUTATION)
    kazakh = draft(story, "kk", Demand.Kind.REPLY, planned_issue=datetime.date(2026, 3, 19))
    staff_login(client, secretary())
    response = client.get(reverse("media_watch_demands:pdf", args=[russian.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(b"".join(response))
    for expected in (
        "Министерство цифрового развития",
        "Требование об опровержении",
        "ТШ-2026-000001",
        "Курсив",
        "Министерство скрыло данные",
        "https://ru.example.kz/news/1",
        "2 марта 2026",
    ):
        assert expected in text, expected
    text = pdf_text(b"".join(client.get(reverse("media_watch_demands:pdf", args=[kazakh.pk]))))
    for expected in ("Цифрлық даму министрлігі", "Жауап жариялау туралы талап", "ЖҚ-2026-000001"):
        assert expected in text, expected
    assert ModelLogEntry.objects.filter(
        action="media_watch.demand_letter_download", object_id=str(kazakh.pk)
    ).exists()


def test_status_changes_are_checked_and_logged(story, client):
    staff_login(client, secretary())
    item = copy_in(story, "ru")
    created = client.post(
        reverse("media_watch_demand_create", args=[story.pk]),
        {"kind": "refutation", "item": item.pk, "text": "Данные не скрывались."},
    )
    demand = Demand.objects.get()
    assert created.status_code == 302
    assert created["Location"] == reverse("media_watch_demands:demand", args=[demand.pk])
    assert demand.text.endswith("Данные не скрывались.")
    page = client.get(created["Location"]).content.decode()
    assert "ТШ-2026-000001" in page and "Send the demand by" in page

    def act(action, **data):
        url = reverse("media_watch_demands:action", args=[demand.pk, action])
        return client.post(url, data, follow=True).content.decode()

    act("send", sent_on="2026-03-11", note="Отправлено почтой")
    assert "overdue" not in act("refused")
    assert "cannot be done now" in act("published")
    act("close", note="Иск не подаём")
    demand.refresh_from_db()
    assert demand.status == Demand.Status.CLOSED and demand.closed_by.username == "mw-secretary"
    assert "Иск не подаём" in demand.notes
    logged = list(
        ModelLogEntry.objects.filter(object_id=str(demand.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert logged == [
        "media_watch.demand_create",
        "media_watch.demand_send",
        "media_watch.demand_refused",
        "media_watch.demand_close",
    ]


def test_heads_read_demands_and_others_are_turned_away(story, client):
    demand = draft(story, "ru", Demand.Kind.REFUTATION)
    late = draft(story, "ru", Demand.Kind.REPLY)
    services.change_status(late, "send", user=secretary(), sent_on=datetime.date(2026, 3, 1))
    head = member("heads", "mw-head")
    prefer_english(head)
    staff_login(client, head)
    listing = client.get(reverse("media_watch_demands:index"), {"overdue": "true"})
    assert listing.status_code == 200
    body = listing.content.decode()
    assert late.number in body and demand.number not in body
    assert client.get(reverse("media_watch_demands:demand", args=[demand.pk])).status_code == 200
    assert client.get(reverse("media_watch_demands:pdf", args=[demand.pk])).status_code == 200
    refused = client.post(reverse("media_watch_demands:action", args=[demand.pk, "close"]))
    assert refused.status_code == 403
    assert client.get(reverse("media_watch_demand_create", args=[story.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        services.change_status(demand, "close", user=head)
    editor = member("editors", "mw-editor")
    prefer_english(editor)
    staff_login(client, editor)
    assert client.get(reverse("media_watch_demands:index")).status_code == 403
    assert client.get(reverse("media_watch_demands:pdf", args=[demand.pk])).status_code == 403


def test_demands_are_in_the_media_watch_menu(story, client):
    staff_login(client, secretary())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("media_watch_demands:index") in home
    form = client.get(reverse("media_watch_demand_create", args=[story.pk]))
    assert form.status_code == 200 and "Министрлік деректерді жасырды" in form.content.decode()


def test_bad_input_gets_a_clear_answer_not_an_error(story, client):
    staff_login(client, secretary())
    create = reverse("media_watch_demand_create", args=[story.pk])
    response = client.post(
        create,
        {"kind": "apology", "item": "nine", "text": "", "planned_issue": "31.31.2026"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice" in page and "Enter a valid date" in page
    missing = client.get(reverse("media_watch_demand_create", args=[10**9]), follow=True)
    assert missing.status_code == 404
    weekly = copy_in(story, "kk")
    past = client.post(
        create,
        {"kind": "reply", "item": weekly.pk, "text": "Жауап", "planned_issue": "2026-03-01"},
    )
    assert past.status_code == 400
    assert "cannot be in the past" in past.content.decode()
    demand = draft(story, "ru", Demand.Kind.REFUTATION)
    unknown = client.post(
        reverse("media_watch_demands:action", args=[demand.pk, "delete"]), follow=True
    )
    assert "Unknown action." in unknown.content.decode()
    future = client.post(
        reverse("media_watch_demands:action", args=[demand.pk, "send"]),
        {"sent_on": "2026-04-01"},
        follow=True,
    )
    assert "cannot be sent in the future" in future.content.decode()
    assert Demand.objects.get(pk=demand.pk).status == Demand.Status.DRAFT
