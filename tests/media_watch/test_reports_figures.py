"""The figures of a period: each count over November 2026 in Asia/Almaty, with what lies just
outside the month left out, the officer's tone over the automatic one, requests on time and
overdue as the request reports count them, and the time to handle alerted stories."""

import datetime

import pytest
import time_machine

from media_watch.reports.figures import (
    month_end,
    month_figures,
    period_figures,
    previous_month,
)
from media_watch.reports.tables import duration, key_rows, sections
from tests.media_watch import report_data
from tests.media_watch.report_data import NOVEMBER, NOW

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def test_the_month_is_counted_in_almaty_time():
    report_data.november()
    data = month_figures(NOVEMBER)
    assert (data.first, data.last) == (NOVEMBER, datetime.date(2026, 11, 30))
    assert data.publications == {
        "news": {"kk": 2, "ru": 1, "en": 0},
        "obligatory": {"kk": 1, "ru": 0, "en": 0},
        "faq": {"kk": 1, "ru": 0, "en": 0},
    }
    assert data.publications_total == 5
    assert data.briefings == 1
    requests = data.requests
    assert (requests.total, requests.answered, requests.on_time, requests.late) == (3, 2, 1, 2)
    assert (
        data.accreditations_granted,
        data.accreditations_refused,
        data.accreditations_deprived,
    ) == (2, 1, 1)
    # The second negative mention reads positive: an officer corrected it.
    assert data.mentions == {"negative": 1, "neutral": 1, "positive": 2}
    assert (data.alerted, data.handled, data.unhandled) == (3, 2, 1)
    assert data.median_to_handle == datetime.timedelta(hours=2)
    assert data.longest_to_handle == datetime.timedelta(hours=3)
    assert (data.demands_opened, data.demands_sent, data.demands_closed) == (2, 1, 1)


def test_any_range_of_days_and_the_tables_of_the_report():
    report_data.november()
    week = period_figures(datetime.date(2026, 11, 1), datetime.date(2026, 11, 7))
    assert week.publications_total == 2 and week.requests.total == 3 and week.alerted == 0
    assert week.median_to_handle is None and duration(None) == "—"
    data = month_figures(NOVEMBER)
    tables = {section.key: section for section in sections(data)}
    assert list(tables) == ["publications", "events", "requests", "media", "demands"]
    assert tables["publications"].rows[-1] == ["Total", 4, 1, 0, 5]
    media = dict(tables["media"].rows)
    assert media["Median time to handle"] == "2 h 0 min"
    assert media["Alerted stories not yet handled"] == 1
    rows = {label: (now, before) for label, now, before in key_rows(week, data)}
    assert rows["Publications"] == (2, 5) and rows["Requests overdue"] == (2, 2)


def test_month_arithmetic():
    assert previous_month(datetime.date(2026, 1, 15)) == datetime.date(2025, 12, 1)
    assert month_end(datetime.date(2024, 2, 1)) == datetime.date(2024, 2, 29)
    assert month_end(datetime.date(2026, 12, 1)) == datetime.date(2026, 12, 31)
