"""``manage.py request_deadline`` prints one JSON object with the four dates."""

import io
import json

from django.core.management import CommandError, call_command

import pytest

from agency.models import CalendarDay

pytestmark = pytest.mark.django_db


def run(*args) -> dict:
    out = io.StringIO()
    call_command("request_deadline", *args, stdout=out)
    text = out.getvalue()
    assert text.count("\n") <= 1  # one object, one line
    return json.loads(text)


@pytest.mark.parametrize(
    ("kind", "received", "expected"),
    [
        (
            "information",
            "2026-03-20T10:00:00+05:00",
            {
                "registered_on": "2026-03-20",
                "answer_due": "2026-04-04",
                "forward_due": "2026-03-30",
                "refusal_due": "2026-04-01",
            },
        ),
        (
            "media",
            "2026-12-30T10:00:00+05:00",
            {
                "registered_on": "2026-12-30",
                "answer_due": "2027-01-11",
                "forward_due": None,
                "refusal_due": None,
            },
        ),
        (
            "clarification",
            "2026-03-22T12:00:00+05:00",
            {
                "registered_on": "2026-03-26",
                "answer_due": "2026-03-30",
                "forward_due": "2026-03-30",
                "refusal_due": None,
            },
        ),
        (
            "appeal",
            "2026-12-21T09:00:00+05:00",
            {
                "registered_on": "2026-12-21",
                "answer_due": "2027-01-14",
                "forward_due": "2026-12-24",
                "refusal_due": None,
            },
        ),
    ],
)
def test_prints_the_dates_of_each_kind(kind, received, expected):
    assert run("--kind", kind, "--received", received) == expected


def test_offsets_are_converted_to_almaty_and_naive_times_are_almaty():
    # 20:00 UTC on 31 December is already 1 January (a holiday) in Almaty.
    utc = run("--kind", "information", "--received", "2026-12-31T20:00:00Z")
    assert utc["registered_on"] == "2027-01-05"
    naive = run("--kind", "information", "--received", "2026-12-31T20:00:00")
    assert naive["registered_on"] == "2026-12-31"
    date_only = run("--kind", "information", "--received", "2027-01-01")
    assert date_only == utc


def test_transfers_entered_by_administrators_are_used():
    before = run("--kind", "media", "--received", "2026-05-06T10:00:00+05:00")
    CalendarDay.objects.create(date="2026-05-08", is_working=False)
    CalendarDay.objects.create(date="2026-05-16", is_working=True)
    after = run("--kind", "media", "--received", "2026-05-06T10:00:00+05:00")
    assert (before["answer_due"], after["answer_due"]) == ("2026-05-15", "2026-05-16")


@pytest.mark.parametrize(
    "args",
    [
        ("--kind", "complaint", "--received", "2026-03-20T10:00:00+05:00"),
        ("--kind", "media", "--received", "20 March 2026"),
        ("--kind", "media"),
        ("--received", "2026-03-20T10:00:00+05:00"),
    ],
)
def test_bad_arguments_are_refused_with_a_message(args):
    with pytest.raises(CommandError):
        call_command("request_deadline", *args, stdout=io.StringIO())
