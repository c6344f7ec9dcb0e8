"""Dates for people to read: the Asia/Almaty day or time in the active language's format."""

import datetime

from django.utils import translation

from agency.dates import local_day, local_moment

#: 20:30 UTC on 6 December is 01:30 on 7 December in Almaty (UTC+5).
LATE_EVENING_UTC = datetime.datetime(2026, 12, 6, 20, 30, tzinfo=datetime.UTC)


def test_a_day_in_each_languages_format():
    day = datetime.date(2026, 12, 31)
    with translation.override("kk"):
        assert local_day(day) == "31.12.2026"
    with translation.override("ru"):
        assert local_day(day) == "31 декабря 2026 г."
    with translation.override("en"):
        assert local_day(day) == "Dec. 31, 2026"


def test_a_moment_is_read_on_the_almaty_day_and_clock():
    with translation.override("kk"):
        assert local_day(LATE_EVENING_UTC) == "07.12.2026"
        assert local_moment(LATE_EVENING_UTC) == "07.12.2026, 01:30"
        assert local_day(LATE_EVENING_UTC, "SHORT_DATE_FORMAT") == "07.12.2026"


def test_a_naive_moment_is_taken_as_almaty_time():
    naive = datetime.datetime(2026, 12, 6, 23, 15)
    with translation.override("kk"):
        assert local_day(naive) == "06.12.2026"
        assert local_moment(naive) == "06.12.2026, 23:15"
