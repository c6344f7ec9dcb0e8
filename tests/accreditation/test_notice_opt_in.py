"""Journalists are asked whether they want announcements of events, and can stop them from a
personal signed link in every notice (Mass Media Law Art. 28 p.2: accredited journalists are told
of events in advance; announcements go to every actively accredited journalist who opted in)."""

import re

from django.core import mail, signing
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from accreditation import notices, services
from accreditation.expiry import remind
from accreditation.models import Accreditation, AccreditationType, ApplicationJournalist
from accreditation.notice_links import SALT, accreditation_for, notices_token, notices_url
from tests.accreditation.events_helpers import briefing, mail_to, subpage
from tests.accreditation.factories import (
    AccreditationFactory,
    ApplicationFactory,
    ApplicationJournalistFactory,
    IntakeFactory,
    accreditation_page,
)
from tests.accreditation.helpers import post_data
from tests.press_pages.factories import translate
from tests.signin import staff_login
from tests.workflows.moderation import member

pytestmark = pytest.mark.django_db

STOP_LINK = re.compile(r"https?://\S+/notices/([A-Za-z0-9_-]+)/")


@pytest.fixture
def officer():
    return member("accreditation_officers", "acc-officer")


def stop_link(message) -> str:
    match = STOP_LINK.search(message.body)
    assert match, message.body
    return match[0]


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def actions(instance) -> list[str]:
    return list(
        ModelLogEntry.objects.for_instance(instance).order_by("pk").values_list("action", flat=True)
    )


# Asking ------------------------------------------------------------------------------------
def test_the_application_form_asks_each_journalist_with_an_accessible_checkbox():
    IntakeFactory()
    page = accreditation_page()
    html = Client().get(page.url).content.decode()
    field = re.search(r"<input[^>]*name=\"journalists-0-notices_opt_in\"[^>]*>", html)[0]
    assert 'type="checkbox"' in field
    assert "checked" not in field, "nobody is opted in without asking"
    assert 'aria-describedby="id_journalists-0-notices_opt_in_helptext"' in field
    assert '<label for="id_journalists-0-notices_opt_in">' in html
    assert 'id="id_journalists-0-notices_opt_in_helptext"' in html


@pytest.mark.parametrize("ticked", [True, False])
def test_the_answer_is_kept_and_approval_copies_it(ticked, officer):
    IntakeFactory()
    page = accreditation_page()
    client = Client()
    extra = {"journalists-0-notices_opt_in": "on"} if ticked else {}
    response = client.post(page.url, post_data(client, page.url, **extra))
    assert response.status_code == 303
    journalist = ApplicationJournalist.objects.get()
    assert journalist.notices_opt_in is ticked
    accreditation = services.approve(journalist, user=officer)
    assert accreditation.notices_opt_in is ticked


def test_a_ticked_box_alone_does_not_fill_in_an_extra_row():
    IntakeFactory()
    page = accreditation_page()
    client = Client()
    data = post_data(
        client,
        page.url,
        **{"journalists-TOTAL_FORMS": "2", "journalists-1-notices_opt_in": "on"},
    )
    assert client.post(page.url, data).status_code == 303
    assert ApplicationJournalist.objects.count() == 1


def test_an_accreditation_nobody_asked_about_gets_no_announcement(officer):
    accreditation_page()
    journalist = ApplicationJournalistFactory()
    not_asked = services.approve(journalist, user=officer)
    assert Accreditation._meta.get_field("notices_opt_in").default is False
    opted_in = AccreditationFactory(notices_opt_in=True)
    event = briefing()
    mail.outbox.clear()

    assert notices.announce(event.pk) == 1
    assert mail_to(not_asked.email) == []
    [message] = mail_to(opted_in.email)
    link = stop_link(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert accreditation_for(link.rstrip("/").rsplit("/", 1)[1]) == opted_in


# The stop link -----------------------------------------------------------------------------
def test_the_stop_link_in_an_announcement_switches_announcements_off_and_on():
    accreditation_page()
    accreditation = AccreditationFactory(notices_opt_in=True)
    event = briefing()
    mail.outbox.clear()
    notices.announce(event.pk)
    url = path_of(stop_link(mail_to(accreditation.email)[0]))
    client = Client(enforce_csrf_checks=True)

    page = client.get(url)
    assert page.status_code == 200, url
    assert "no-store" in page["Cache-Control"]
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    html = page.content.decode()
    assert 'data-notices-state="on"' in html
    assert "data-notices-off" in html
    # Without the CSRF token a POST changes nothing.
    assert client.post(url, {"notices": "off"}).status_code == 403
    accreditation.refresh_from_db()
    assert accreditation.notices_opt_in is True

    token = page.context["csrf_token"]
    done = client.post(url, {"notices": "off", "csrfmiddlewaretoken": str(token)})
    assert done.status_code == 303
    accreditation.refresh_from_db()
    assert accreditation.notices_opt_in is False
    assert actions(accreditation) == ["accreditation.notices_off"]
    entry = ModelLogEntry.objects.for_instance(accreditation).get()
    assert entry.data == {"via": "link"} and entry.user is None
    after = client.get(done["Location"]).content.decode()
    assert 'data-notices-done="off"' in after and 'data-notices-state="off"' in after

    # The next event is not announced to them; they can switch it back on from the same link.
    mail.outbox.clear()
    assert notices.announce(briefing().pk) == 0
    client.post(url, {"notices": "on", "csrfmiddlewaretoken": str(token)})
    accreditation.refresh_from_db()
    assert accreditation.notices_opt_in is True
    assert actions(accreditation) == ["accreditation.notices_off", "accreditation.notices_on"]


def test_a_repeated_click_is_not_logged_twice():
    accreditation = AccreditationFactory(notices_opt_in=False)
    assert services.set_notices_opt_in(accreditation, False) is False
    assert actions(accreditation) == []


@pytest.mark.parametrize(
    "signed",
    [
        "tampered",
        "1-not-the-signature",
        "0000000000-abc",
        "1-",
        "-1",
    ],
)
def test_a_bad_link_is_a_clear_404(signed):
    page = accreditation_page()
    AccreditationFactory()
    for method in ("get", "post"):
        response = getattr(Client(), method)(subpage(page, "notices", signed=signed))
        assert response.status_code == 404
        assert "data-notices-not-found" in response.content.decode()


def test_a_link_signed_for_another_purpose_or_another_card_does_not_work():
    page = accreditation_page()
    accreditation = AccreditationFactory()
    other = AccreditationFactory()
    card_token = accreditation.token
    wrong_salt = signing.Signer(salt="other").sign(str(accreditation.pk)).replace(":", "-")
    signed = notices_token(accreditation)
    swapped = f"{other.pk}-{signed.split('-', 1)[1]}"
    for bad in (card_token, wrong_salt, swapped):
        assert accreditation_for(bad) is None
        assert Client().get(subpage(page, "notices", signed=bad)).status_code == 404
    assert SALT != "" and card_token not in signed
    # Whatever else is typed gets a 404, never a 500.
    response = Client().get(page.url.rstrip("/") + "/notices/%3Cscript%3E/")
    assert response.status_code == 404


def test_a_deleted_accreditation_is_a_clear_404():
    page = accreditation_page()
    accreditation = AccreditationFactory()
    signed = notices_token(accreditation)
    Accreditation.objects.filter(pk=accreditation.pk).delete()
    response = Client().get(subpage(page, "notices", signed=signed))
    assert response.status_code == 404


# The catalogues are compiled outside the tests, so these check the language by the page and the
# links, not by translated text.
@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_page_is_served_in_the_journalists_language(language):
    page = accreditation_page(language)
    accreditation = AccreditationFactory(
        notices_opt_in=True,
        journalist=ApplicationJournalistFactory(application=ApplicationFactory(language=language)),
    )
    url = notices_url(accreditation, language)
    assert path_of(url).startswith(f"/{language}/") and path_of(url).startswith(page.url)
    response = Client().get(path_of(url))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="{page.url}"' in html
    assert 'data-notices-state="on"' in html
    bad = Client().get(subpage(page, "notices", signed="1-forged"))
    assert bad.status_code == 404
    assert f'<html lang="{language}">' in bad.content.decode()


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_announcement_in_kk_and_ru_ends_with_the_link_in_that_language(language):
    for code in ("kk", "ru"):
        accreditation_page(code)
    accreditation = AccreditationFactory(
        notices_opt_in=True,
        journalist=ApplicationJournalistFactory(application=ApplicationFactory(language=language)),
    )
    event = briefing()
    title = event.title
    if language != "kk":
        title = "Брифинг на русском"
        translate(event, language, title=title)
    mail.outbox.clear()
    notices.announce(event.pk)
    [message] = mail_to(accreditation.email)
    link = stop_link(message)
    assert path_of(link).startswith(accreditation_page(language).url)
    assert message.body.rstrip().endswith(link)
    assert title in message.subject
    assert Client().get(path_of(link)).status_code == 200


# Other notices to the journalist -----------------------------------------------------------
def test_reminders_and_expiry_notices_carry_the_link_for_permanent_cards_only(mailoutbox):
    accreditation_page()
    permanent = AccreditationFactory(notices_opt_in=True)
    remind(permanent)
    assert STOP_LINK.search(mailoutbox[-1].body)
    off = AccreditationFactory(notices_opt_in=False)
    remind(off)
    assert STOP_LINK.search(mailoutbox[-1].body), "the link switches them back on"
    temporary = AccreditationFactory(kind=AccreditationType.TEMPORARY)
    assert notices_url(temporary, "kk") == ""


# The officer -------------------------------------------------------------------------------
def test_the_officer_sees_and_changes_the_flag_in_the_admin(client, officer):
    record = AccreditationFactory(notices_opt_in=True)
    staff_login(client, officer)
    url = reverse("accreditation_records:accreditation", args=[record.pk])
    assert 'data-notices-state="on"' in client.get(url).content.decode()
    response = client.post(
        reverse("accreditation_records:notices", args=[record.pk]), {"notices": "off"}
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.notices_opt_in is False
    entry = ModelLogEntry.objects.for_instance(record).get(action="accreditation.notices_off")
    assert entry.user == officer and entry.data == {"via": "admin"}


def test_only_officers_who_may_change_records_change_the_flag(client):
    record = AccreditationFactory(notices_opt_in=True)
    staff_login(client, member("heads", "head"))
    response = client.post(
        reverse("accreditation_records:notices", args=[record.pk]), {"notices": "off"}
    )
    assert response.status_code == 403
    record.refresh_from_db()
    assert record.notices_opt_in is True
    with pytest.raises(PermissionDenied):
        services.set_notices_opt_in(record, False, user=member("heads", "head"), via="admin")
