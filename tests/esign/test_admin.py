"""Reports → Signed submissions: who sees which submissions and IINs, the filters, the search,
the export, the refusal and the audit log of every IIN shown.

The submissions are written as rows (what :func:`esign.services.record` keeps), filed as a
request and as an accreditation application; the verdicts themselves are tested elsewhere.
"""

import csv
import datetime
import io

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from esign.models import SignatureCheck, SignedSubmission
from tests.accreditation.factories import ApplicationFactory
from tests.citizen_requests.factories import CitizenRequestFactory
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

LIST = "esign_submissions:index"
REQUEST_IIN, JOURNALIST_IIN = "880101300123", "900115300122"
OUTLET_BIN = "120340004567"
LOGGED = "esign.view_signer_iin"


def keep(
    target, *, iin, name, bin_="", algorithm="rsa-sha256", days_ago=1, states=("valid",), **check
):
    """A signed submission filed as ``target``, with a check per state (the last is latest)."""
    signed_at = timezone.now() - datetime.timedelta(days=days_ago)
    submission = SignedSubmission.objects.create(
        purpose="citizen_request",
        document=b"{}",
        document_sha256="0" * 64,
        cms=b"",
        certificate=b"",
        iin=iin,
        name=name,
        bin=bin_,
        algorithm=algorithm,
        signed_at=signed_at,
        content_type=ContentType.objects.get_for_model(target) if target else None,
        object_id=str(target.pk) if target else "",
    )
    for minutes, state in enumerate(states, start=1):
        good = [{"state": "good"}, {"state": "good"}] if state == "valid" else []
        SignatureCheck.objects.create(
            submission=submission,
            state=state,
            checked_at=signed_at + datetime.timedelta(minutes=minutes),
            revocation=check.get("revocation", good),
            timestamp_revocation=check.get("timestamp_revocation", good),
        )
    return submission


@pytest.fixture
def filed():
    """Newest received first: a request signed with RSA and settled on a re-check; an application signed with GOST
    by a journalist whose authority's certificate was revoked; one filed as nothing."""
    case = CitizenRequestFactory()
    application = ApplicationFactory()
    return {
        "case": case,
        "application": application,
        "request": keep(
            case,
            iin=REQUEST_IIN,
            name="ТЕСТОВ АЙДАР",
            states=("revocation_unknown", "valid"),
        ),
        "application_signed": keep(
            application,
            iin=JOURNALIST_IIN,
            name="БАСШЫ ӘЛИЯ",
            bin_=OUTLET_BIN,
            algorithm="gost2015-512",
            days_ago=10,
            states=("invalid",),
            revocation=[{"state": "good"}],
            timestamp_revocation=[{"state": "revoked"}],
        ),
        "unfiled": keep(None, iin="750505400339", name="БЕЛГІСІЗ ӨТІНІШ", days_ago=3),
    }


def listed(client, user, **query):
    staff_login(client, user)
    prefer_english(user)
    response = client.get(reverse(LIST), query)
    assert response.status_code == 200
    return response


def names(response) -> list[str]:
    return [row.name for row in response.context["object_list"]]


def test_a_request_officer_sees_the_requests_with_full_iins_and_each_view_is_logged(client, filed):
    officer = member("request_officers", "officer")

    response = listed(client, officer)

    html = response.content.decode()
    assert names(response) == ["БЕЛГІСІЗ ӨТІНІШ", "ТЕСТОВ АЙДАР"]  # not the application
    assert REQUEST_IIN in html and JOURNALIST_IIN not in html
    case_url = reverse("citizen_requests_cases:case", args=[filed["case"].pk])
    assert f'href="{case_url}"' in html and f"Request {filed['case'].number}" in html
    assert "Not filed" in html
    assert "RSA with SHA-256" in html and "Not revoked" in html
    assert "<td>Valid</td>" in html and '<option value="valid">Valid</option>' in html
    row = response.context["object_list"][1]
    assert (row.latest_state, row.latest.state) == ("valid", "valid")  # the re-check
    logged = ModelLogEntry.objects.filter(action=LOGGED, user=officer)
    assert sorted(entry.object_id for entry in logged) == sorted(
        [str(filed["request"].pk), str(filed["unfiled"].pk)]
    )
    assert all(REQUEST_IIN not in entry.label for entry in logged)
    assert {entry.data["what"] for entry in logged} == {"signed submissions: list"}


def test_a_head_sees_the_applications_with_masked_iins_and_nothing_is_logged(client, filed):
    head = member("heads", "head")

    response = listed(client, head)

    html = response.content.decode()
    assert names(response) == ["БАСШЫ ӘЛИЯ"]
    assert JOURNALIST_IIN not in html and "••••••••0122" in html
    application_url = reverse(
        "accreditation_applications:application", args=[filed["application"].pk]
    )
    assert f'href="{application_url}"' in html
    assert "GOST 34.10-2015, 512-bit" in html and "Revoked" in html
    assert not ModelLogEntry.objects.filter(action=LOGGED).exists()
    assert names(listed(client, head, q=JOURNALIST_IIN)) == []  # no search by a hidden IIN
    assert names(listed(client, head, q=OUTLET_BIN)) == ["БАСШЫ ӘЛИЯ"]


def test_the_filters_and_the_search(client, filed):
    member("request_officers", "officer")
    officer = member("accreditation_officers", "officer")  # both groups
    today = timezone.localdate()

    assert names(listed(client, officer, verdict="invalid")) == ["БАСШЫ ӘЛИЯ"]
    assert names(listed(client, officer, verdict="revocation_unknown")) == []  # settled since
    assert names(listed(client, officer, algorithm="gost2015-512")) == ["БАСШЫ ӘЛИЯ"]
    since = (today - datetime.timedelta(days=5)).isoformat()
    assert names(listed(client, officer, signed_from=since)) == ["БЕЛГІСІЗ ӨТІНІШ", "ТЕСТОВ АЙДАР"]
    until = (today - datetime.timedelta(days=5)).isoformat()
    assert names(listed(client, officer, signed_to=until)) == ["БАСШЫ ӘЛИЯ"]
    assert names(listed(client, officer, q="тестов")) == ["ТЕСТОВ АЙДАР"]
    assert names(listed(client, officer, q=JOURNALIST_IIN[:6])) == ["БАСШЫ ӘЛИЯ"]
    everything = names(listed(client, officer))
    assert names(listed(client, officer, verdict="nonsense")) == everything
    assert names(listed(client, officer, signed_from="not a date", p="x")) == everything
    assert names(listed(client, officer, ordering="-signed_at")) == [
        "ТЕСТОВ АЙДАР",
        "БЕЛГІСІЗ ӨТІНІШ",
        "БАСШЫ ӘЛИЯ",
    ]


def test_the_list_is_paginated(client, filed):
    officer = member("request_officers", "officer")
    for _ in range(50):
        keep(filed["case"], iin=REQUEST_IIN, name="КЕЙІНГІ ӨТІНІШ", days_ago=0)

    first = listed(client, officer)
    second = listed(client, officer, p=2)

    assert len(first.context["object_list"]) == 50
    assert names(second) == ["БЕЛГІСІЗ ӨТІНІШ", "ТЕСТОВ АЙДАР"]
    assert ModelLogEntry.objects.filter(action=LOGGED).count() == 52  # each page once


def test_the_export_has_the_rows_with_the_iins_the_user_may_see_and_is_logged(client, filed):
    officer = member("request_officers", "officer")
    listed(client, officer)
    ModelLogEntry.objects.filter(action=LOGGED).delete()

    response = client.get(reverse(LIST), {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == [
        "Filed as",
        "Signer",
        "IIN",
        "BIN",
        "Algorithm",
        "Signed",
        "Verdict",
        "Revocation",
        "Checked",
    ]
    assert [row[:3] for row in rows[1:]] == [
        ["", "БЕЛГІСІЗ ӨТІНІШ", "750505400339"],
        [f"Request {filed['case'].number}", "ТЕСТОВ АЙДАР", REQUEST_IIN],
    ]
    assert rows[2][6:8] == ["Valid", "Not revoked"]
    logged = ModelLogEntry.objects.filter(action=LOGGED)
    assert {entry.data["what"] for entry in logged} == {"signed submissions: export"}
    assert logged.count() == 2


def test_staff_without_the_permission_get_the_403_page_and_no_menu_item(client, filed):
    editor = member("editors", "editor")
    staff_login(client, editor)
    prefer_english(editor)

    response = client.get(reverse(LIST))
    export = client.get(reverse(LIST), {"export": "xlsx"})
    home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert response.status_code == 403 and export.status_code == 403
    assert "Not allowed" in response.content.decode()
    assert reverse(LIST) not in home
    assert not ModelLogEntry.objects.filter(action=LOGGED).exists()
    staff_login(client, member("heads", "head"))
    assert reverse(LIST) in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()
    anonymous = client.get(reverse(LIST))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
