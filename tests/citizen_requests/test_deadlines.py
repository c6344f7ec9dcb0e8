"""The deadline engine against a table of cases worked out by hand.

Holidays in the table (``holidays`` package, observed days included):
2026: 1–2 Jan, 7 Jan, 9 Mar (8 Mar observed), Nauryz 21–25 Mar (23 Mar plus 24–25 observed for
the weekend days), 7 and 11 May (9 May observed), 16 Dec (Independence Day).
2027: 1 Jan, 2 Jan (Saturday, observed on Monday 4 Jan), 7 Jan.
The "decree" transfers are made up for the test: Friday 8 May 2026 off, Saturday 16 May 2026
working.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.utils import timezone

import pytest

from agency.calendar import LOCAL_TZ
from agency.models import CalendarDay
from citizen_requests import deadlines
from citizen_requests.deadlines import Deadlines, WorkingCalendar
from citizen_requests.kinds import RequestKind, Status
from citizen_requests.models import RequestEvent, RequestSettings
from tests.citizen_requests.factories import CitizenRequestFactory

pytestmark = pytest.mark.django_db

ALMATY = LOCAL_TZ
D = datetime.date
INFO, MEDIA, CLAR, APPEAL = (k.value for k in RequestKind)

DECREE_2026 = {D(2026, 5, 8): False, D(2026, 5, 16): True}


def at(y, m, d, hour=10, minute=0) -> datetime.datetime:
    return datetime.datetime(y, m, d, hour, minute, tzinfo=ALMATY)


def iso(value):
    return value.isoformat() if value else None


# kind, received, transfers, registered_on, answer_due, forward_due, refusal_due
# fmt: off
TABLE = [
    pytest.param(INFO, at(2026, 2, 10), None, "2026-02-10", "2026-02-25", "2026-02-13", "2026-02-17", id="information-ordinary-tuesday"),
    pytest.param(MEDIA, at(2026, 2, 10), None, "2026-02-10", "2026-02-17", None, None, id="media-over-a-weekend"),
    pytest.param(CLAR, at(2026, 2, 10), None, "2026-02-10", "2026-02-12", "2026-02-12", None, id="clarification-ordinary"),
    pytest.param(APPEAL, at(2026, 2, 10), None, "2026-02-10", "2026-03-03", "2026-02-13", None, id="appeal-three-weekends"),
    # Receipt on a Saturday: registered on Monday; the calendar-day answer falls on a Sunday and
    # stays there by default.
    pytest.param(INFO, at(2026, 2, 14), None, "2026-02-16", "2026-03-01", "2026-02-18", "2026-02-23", id="information-received-saturday"),
    pytest.param(MEDIA, at(2026, 2, 14), None, "2026-02-16", "2026-02-20", None, None, id="media-received-saturday"),
    pytest.param(CLAR, at(2026, 2, 14), None, "2026-02-16", "2026-02-18", "2026-02-18", None, id="clarification-received-saturday"),
    pytest.param(APPEAL, at(2026, 2, 14), None, "2026-02-16", "2026-03-06", "2026-02-18", None, id="appeal-received-saturday"),
    # Nauryz: 21 (Sat) to 25 (Wed) March 2026 are days off.
    pytest.param(INFO, at(2026, 3, 20), None, "2026-03-20", "2026-04-04", "2026-03-30", "2026-04-01", id="information-before-nauryz"),
    pytest.param(MEDIA, at(2026, 3, 19), None, "2026-03-19", "2026-03-31", None, None, id="media-across-nauryz"),
    pytest.param(CLAR, at(2026, 3, 22), None, "2026-03-26", "2026-03-30", "2026-03-30", None, id="clarification-received-during-nauryz"),
    pytest.param(APPEAL, at(2026, 3, 20), None, "2026-03-20", "2026-04-15", "2026-03-30", None, id="appeal-across-nauryz"),
    pytest.param(APPEAL, at(2026, 3, 5), None, "2026-03-05", "2026-04-01", "2026-03-11", None, id="appeal-womens-day-observed-and-nauryz"),
    pytest.param(INFO, at(2026, 3, 23), None, "2026-03-26", "2026-04-07", "2026-03-30", "2026-04-02", id="information-received-on-nauryz"),
    # Independence Day, Wednesday 16 December 2026.
    pytest.param(MEDIA, at(2026, 12, 14), None, "2026-12-14", "2026-12-22", None, None, id="media-across-independence-day"),
    pytest.param(INFO, at(2026, 12, 16, 9), None, "2026-12-17", "2026-12-31", "2026-12-21", "2026-12-24", id="information-received-on-independence-day"),
    pytest.param(APPEAL, at(2026, 12, 15), None, "2026-12-15", "2027-01-11", "2026-12-21", None, id="appeal-independence-day-and-new-year"),
    # Year ends.
    pytest.param(APPEAL, at(2026, 12, 21), None, "2026-12-21", "2027-01-14", "2026-12-24", None, id="appeal-across-new-year-and-christmas"),
    pytest.param(INFO, at(2026, 12, 25), None, "2026-12-25", "2027-01-09", "2026-12-30", "2027-01-05", id="information-across-new-year"),
    pytest.param(MEDIA, at(2026, 12, 30), None, "2026-12-30", "2027-01-11", None, None, id="media-across-new-year"),
    pytest.param(CLAR, at(2026, 12, 31, 23, 59), None, "2026-12-31", "2027-01-06", "2027-01-06", None, id="clarification-last-minute-of-the-year"),
    pytest.param(MEDIA, at(2025, 12, 31), None, "2025-12-31", "2026-01-12", None, None, id="media-new-year-2026"),
    # 20:00 UTC on 31 December is 01:00 on 1 January in Almaty: received on a holiday.
    pytest.param(INFO, datetime.datetime(2026, 12, 31, 20, tzinfo=datetime.UTC), None, "2027-01-05", "2027-01-16", "2027-01-08", "2027-01-13", id="information-utc-evening-is-new-year-in-almaty"),
    pytest.param(MEDIA, datetime.datetime(2026, 12, 31, 18, 59, tzinfo=datetime.UTC), None, "2026-12-31", "2027-01-12", None, None, id="media-utc-evening-still-31-december-in-almaty"),
    # Decreed transfers: Friday 8 May off, Saturday 16 May working.
    pytest.param(MEDIA, at(2026, 5, 6), None, "2026-05-06", "2026-05-15", None, None, id="media-may-holidays"),
    pytest.param(MEDIA, at(2026, 5, 6), DECREE_2026, "2026-05-06", "2026-05-16", None, None, id="media-may-holidays-with-transfers"),
    pytest.param(CLAR, at(2026, 5, 8), None, "2026-05-08", "2026-05-13", "2026-05-13", None, id="clarification-friday-8-may"),
    pytest.param(CLAR, at(2026, 5, 8), DECREE_2026, "2026-05-12", "2026-05-14", "2026-05-14", None, id="clarification-received-on-extra-day-off"),
    pytest.param(INFO, at(2026, 5, 16), None, "2026-05-18", "2026-05-31", "2026-05-20", "2026-05-25", id="information-saturday-16-may"),
    pytest.param(INFO, at(2026, 5, 16), DECREE_2026, "2026-05-16", "2026-05-31", "2026-05-20", "2026-05-22", id="information-received-on-working-saturday"),
]
# fmt: on


@pytest.mark.parametrize(
    ("kind", "received", "transfers", "registered", "answer", "forward", "refusal"), TABLE
)
def test_deadline_table(kind, received, transfers, registered, answer, forward, refusal):
    for day, working in (transfers or {}).items():
        CalendarDay.objects.create(date=day, is_working=working, note="Decree (test)")

    result = deadlines.compute(kind, received)

    assert result.as_json() == {
        "registered_on": registered,
        "answer_due": answer,
        "forward_due": forward,
        "refusal_due": refusal,
    }


# kind, received, transfers, answer_due when calendar-day deadlines move
MOVED = [
    pytest.param(INFO, at(2026, 2, 14), None, "2026-03-02", id="sunday-to-monday"),
    pytest.param(INFO, at(2026, 3, 20), None, "2026-04-06", id="saturday-to-monday"),
    pytest.param(INFO, at(2026, 12, 25), None, "2027-01-11", id="year-end-saturday"),
    pytest.param(INFO, at(2026, 4, 23), DECREE_2026, "2026-05-12", id="extra-day-off"),
    pytest.param(INFO, at(2026, 4, 23), None, "2026-05-08", id="working-friday-stays"),
    pytest.param(INFO, at(2026, 2, 10), None, "2026-02-25", id="working-day-stays"),
    # Working-day clocks are never affected.
    pytest.param(MEDIA, at(2026, 12, 30), None, "2027-01-11", id="media-unaffected"),
]


@pytest.mark.parametrize(("kind", "received", "transfers", "answer"), MOVED)
def test_calendar_deadlines_move_when_the_setting_says_so(kind, received, transfers, answer):
    for day, working in (transfers or {}).items():
        CalendarDay.objects.create(date=day, is_working=working)
    settings_row = RequestSettings.load()
    settings_row.move_calendar_deadlines = True
    settings_row.save()

    assert deadlines.compute(kind, received).answer_due.isoformat() == answer


def test_calendar_deadline_is_not_moved_by_default():
    assert RequestSettings.load().move_calendar_deadlines is False
    assert deadlines.add_calendar_days(D(2026, 2, 14), 15) == D(2026, 3, 1)
    assert deadlines.add_calendar_days(D(2026, 2, 14), 15, move=True) == D(2026, 3, 2)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 2, 10), True),  # Tuesday
        (D(2026, 2, 14), False),  # Saturday
        (D(2026, 2, 15), False),  # Sunday
        (D(2026, 1, 1), False),
        (D(2026, 1, 2), False),
        (D(2026, 1, 7), False),  # Orthodox Christmas
        (D(2026, 3, 9), False),  # Women's Day (Sunday 8 March) observed
        (D(2026, 3, 23), False),  # Nauryz
        (D(2026, 3, 24), False),  # Nauryz, observed
        (D(2026, 3, 25), False),  # Nauryz, observed
        (D(2026, 3, 26), True),
        (D(2026, 12, 16), False),  # Independence Day
        (D(2026, 12, 17), True),
        (D(2026, 12, 31), True),
        (D(2027, 1, 4), False),  # 2 January (Saturday) observed
    ],
)
def test_is_working_day_by_the_rule(day, working):
    assert deadlines.is_working_day(day) is working


def test_transfer_rows_win_over_the_rule():
    CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False)
    CalendarDay.objects.create(date=D(2026, 5, 16), is_working=True)
    # A decree may even make a public holiday a working day.
    CalendarDay.objects.create(date=D(2026, 3, 25), is_working=True)

    assert deadlines.is_working_day(D(2026, 5, 8)) is False
    assert deadlines.is_working_day(D(2026, 5, 16)) is True
    assert deadlines.is_working_day(D(2026, 3, 25)) is True
    assert deadlines.next_working_day(D(2026, 3, 20)) == D(2026, 3, 25)


def test_the_packages_own_weekend_working_days_count_and_rows_still_win():
    # The package knows that Sunday 5 January 2025 was worked (for Friday 3 January).
    assert deadlines.is_working_day(D(2025, 1, 3)) is False
    assert deadlines.is_working_day(D(2025, 1, 5)) is True
    CalendarDay.objects.create(date=D(2025, 1, 5), is_working=False)
    assert deadlines.is_working_day(D(2025, 1, 5)) is False


def test_working_day_arithmetic():
    cal = WorkingCalendar(DECREE_2026, move=False)
    assert cal.next_working_day(D(2026, 3, 20)) == D(2026, 3, 26)
    assert cal.next_working_day(D(2026, 2, 10)) == D(2026, 2, 11)  # strictly after
    assert cal.add_working_days(D(2026, 2, 10), 0) == D(2026, 2, 10)
    assert cal.add_working_days(D(2026, 5, 6), 5) == D(2026, 5, 16)
    assert cal.working_days_between(D(2026, 3, 20), D(2026, 3, 27)) == 2
    assert cal.working_days_between(D(2026, 3, 20), D(2026, 3, 20)) == 0
    assert cal.working_days_between(D(2026, 12, 31), D(2027, 1, 8)) == 3
    assert cal.working_days_between(D(2026, 3, 27), D(2026, 3, 20)) == -2
    # a < d <= b: the start does not count, the end does.
    assert cal.working_days_between(D(2026, 3, 26), D(2026, 3, 27)) == 1
    assert cal.subtract_working_days(D(2026, 3, 26), 1) == D(2026, 3, 20)
    assert cal.subtract_working_days(D(2026, 5, 16), 3) == D(2026, 5, 13)
    assert cal.subtract_working_days(D(2026, 5, 13), 0) == D(2026, 5, 13)
    with pytest.raises(ValueError):
        cal.add_working_days(D(2026, 1, 1), -1)


def test_working_days_between_inverts_add_working_days():
    cal = WorkingCalendar(DECREE_2026, move=False)
    start = D(2025, 12, 1)
    for n in range(0, 60, 7):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n


def test_module_functions_read_the_transfers_once_per_call(django_assert_num_queries):
    CalendarDay.objects.create(date=D(2026, 5, 8), is_working=False)
    with django_assert_num_queries(1):
        result = deadlines.add_working_days(D(2026, 1, 1), 200)
    assert result == WorkingCalendar({D(2026, 5, 8): False}).add_working_days(D(2026, 1, 1), 200)
    assert result != WorkingCalendar({}).add_working_days(D(2026, 1, 1), 200)
    cal = WorkingCalendar.load()
    with django_assert_num_queries(0):
        for kind in RequestKind.values:
            deadlines.compute(
                kind, at(2026, 12, 25), calendar=WorkingCalendar(cal.overrides, move=False)
            )


def test_naive_datetimes_and_dates_are_almaty_dates():
    assert deadlines.compute(MEDIA, datetime.datetime(2026, 3, 20, 23, 30)).registered_on == D(
        2026, 3, 20
    )
    assert deadlines.compute(MEDIA, D(2026, 3, 21)).registered_on == D(2026, 3, 26)


def test_compute_returns_deadlines_and_rejects_unknown_kinds():
    assert isinstance(deadlines.compute(INFO, timezone.now()), Deadlines)
    with pytest.raises(ValueError):
        deadlines.compute("complaint", timezone.now())


# --- Clocks and their configuration


def test_default_clocks_follow_the_law():
    info, media, clar, appeal = (deadlines.clock(k) for k in (INFO, MEDIA, CLAR, APPEAL))
    assert (info.answer.days, info.answer.unit, info.answer.start) == (15, "calendar", "receipt")
    assert (info.forward.days, info.forward.unit, info.forward.start) == (3, "working", "receipt")
    assert (info.refusal.days, info.refusal.unit, info.refusal.start) == (
        5,
        "working",
        "registration",
    )
    assert (info.extension.max_count, info.extension.max_days) == (1, 15)
    assert info.extension.notice_working_days == 3 and info.extension.condition
    assert (media.answer.days, media.answer.unit, media.answer.start) == (5, "working", "receipt")
    assert media.forward is None and media.refusal is None
    assert (media.extension.max_count, media.extension.max_days) == (1, 15)
    assert media.extension.notice_working_days == 2
    assert (clar.answer.days, clar.answer.unit, clar.answer.start) == (2, "working", "registration")
    assert (clar.forward.days, clar.forward.start) == (2, "registration")
    assert clar.extension.notice_working_days == 2
    assert (appeal.answer.days, appeal.answer.unit) == (15, "working")
    assert (appeal.forward.days, appeal.forward.unit) == (3, "working")
    assert appeal.extension.max_total_months == 2 and appeal.extension.max_count is None
    assert appeal.extension.notice_working_days == 3


@override_settings(
    CITIZEN_REQUESTS_CLOCKS={
        "information": {"answer": {"days": 10}, "forward": None},
        "media": {"refusal": {"days": 3, "unit": "working", "start": "registration"}},
        "appeal": {"extension": {"max_total_months": 1}},
    }
)
def test_clocks_are_overridden_by_the_setting():
    result = deadlines.compute(INFO, at(2026, 2, 10))
    assert (result.answer_due, result.forward_due) == (D(2026, 2, 20), None)
    assert result.refusal_due == D(2026, 2, 17)  # untouched
    assert deadlines.compute(MEDIA, at(2026, 2, 10)).refusal_due == D(2026, 2, 13)
    assert deadlines.clock(APPEAL).extension.max_total_months == 1
    assert deadlines.clock(APPEAL).extension.notice_working_days == 3
    assert deadlines.clock(CLAR) == deadlines.DEFAULT_CLOCKS[RequestKind.CLARIFICATION]


@pytest.mark.parametrize(
    "bad",
    [
        {"information": {"answer": None}},
        {"information": {"answer": {"unit": "lunar"}}},
        {"information": {"forward": {"start": "whenever"}}},
        {"information": {"answer": {"days": -1}}},
        {"information": {"deadline": {"days": 1}}},
        {"information": {"answer": 15}},
    ],
)
def test_bad_clock_settings_fail_loudly(bad):
    with override_settings(CITIZEN_REQUESTS_CLOCKS=bad), pytest.raises(ImproperlyConfigured):
        deadlines.clock(INFO)


# --- Extensions


def make_request(kind, received, **kwargs):
    dates = deadlines.compute(kind, received)
    return CitizenRequestFactory(
        kind=kind,
        received_at=received,
        registered_on=dates.registered_on,
        answer_due=dates.answer_due,
        forward_due=dates.forward_due,
        refusal_due=dates.refusal_due,
        **kwargs,
    )


def extend(request, new_due):
    request.original_answer_due = request.original_answer_due or request.answer_due
    request.answer_due = new_due
    request.extended_at = timezone.now()
    request.save()
    RequestEvent.objects.create(request=request, action=RequestEvent.Action.EXTENDED, public=True)


def test_information_may_be_extended_once_by_15_calendar_days():
    request = make_request(INFO, at(2026, 3, 20))
    assert request.answer_due == D(2026, 4, 4)
    assert deadlines.extension_limit(request) == D(2026, 4, 19)

    extend(request, D(2026, 4, 19))
    assert deadlines.extension_limit(request) is None


def test_extension_limit_moves_with_the_setting():
    request = make_request(INFO, at(2026, 3, 20))  # due Saturday 4 April
    settings_row = RequestSettings.load()
    settings_row.move_calendar_deadlines = True
    settings_row.save()
    # 4 April + 15 = Sunday 19 April, moved to Monday.
    assert deadlines.extension_limit(request) == D(2026, 4, 20)


def test_media_extension_adds_up_to_15_calendar_days_to_the_due_date():
    request = make_request(MEDIA, at(2026, 12, 30))
    assert request.answer_due == D(2027, 1, 11)
    assert deadlines.extension_limit(request) == D(2027, 1, 26)


def test_clarification_extension_once():
    request = make_request(CLAR, at(2026, 3, 22))
    assert deadlines.extension_limit(request) == D(2026, 4, 14)
    request.extended_at = timezone.now()  # extended before any timeline event was written
    assert deadlines.extension_limit(request) is None


def test_appeal_extensions_up_to_two_months_from_receipt_in_total():
    request = make_request(APPEAL, at(2026, 3, 20))
    assert request.answer_due == D(2026, 4, 15)
    assert deadlines.extension_limit(request) == D(2026, 5, 20)

    extend(request, D(2026, 5, 1))
    assert deadlines.extension_limit(request) == D(2026, 5, 20)  # again, within the total
    extend(request, D(2026, 5, 20))
    assert deadlines.extension_limit(request) is None


def test_appeal_two_months_end_on_the_last_day_of_a_short_month():
    request = make_request(APPEAL, at(2026, 12, 31))
    assert deadlines.extension_limit(request) == D(2027, 2, 28)


def test_closed_or_unextendable_requests_have_no_extension_limit():
    request = make_request(INFO, at(2026, 3, 20), status=Status.ANSWERED)
    assert deadlines.extension_limit(request) is None
    with override_settings(CITIZEN_REQUESTS_CLOCKS={"media": {"extension": None}}):
        assert deadlines.extension_limit(make_request(MEDIA, at(2026, 3, 20))) is None
        with pytest.raises(ValueError):
            deadlines.extension_notice_due(MEDIA, D(2026, 3, 20))


@pytest.mark.parametrize(
    ("kind", "extended_on", "notice_due"),
    [
        (INFO, D(2026, 3, 20), D(2026, 3, 30)),  # 3 wd across Nauryz
        (MEDIA, D(2026, 12, 15), D(2026, 12, 18)),  # 2 wd across Independence Day
        (CLAR, D(2026, 12, 30), D(2027, 1, 5)),  # 2 wd across the new year
        (APPEAL, D(2026, 2, 13), D(2026, 2, 18)),  # 3 wd across a weekend
    ],
)
def test_extension_notice_due(kind, extended_on, notice_due):
    assert deadlines.extension_notice_due(kind, extended_on) == notice_due
