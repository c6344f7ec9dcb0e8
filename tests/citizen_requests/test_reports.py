"""Request reports: the figures, the dashboard and annual summary in the admin, the exports."""

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest
from openpyxl import load_workbook

from agency.calendar import LOCAL_TZ
from citizen_requests import reports
from citizen_requests.deadlines import RequestCalendar as WorkingCalendar
from citizen_requests.kinds import RefusalGround, RequestKind, Status
from citizen_requests.models import PersonalDataAccess
from citizen_requests.reports import charts
from tests.citizen_requests.factories import CitizenRequestFactory, UnitFactory
from tests.signin import staff_login
from tests.workflows.moderation import member, prefer_english

pytestmark = pytest.mark.django_db

YEAR = 2025
SVG = "{http://www.w3.org/2000/svg}"


def at(month: int, day: int, hour: int = 10, year: int = YEAR) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=LOCAL_TZ)


def request_(received, due, *, status=Status.REGISTERED, outcome=None, **fields):
    """A request received at ``received``, due on ``due``, closed at ``outcome`` if given."""
    stamp = {
        Status.ANSWERED: "answered_at",
        Status.REFUSED: "refused_at",
        Status.FORWARDED: "forwarded_at",
    }
    if outcome is not None:
        fields[stamp[status]] = outcome
        fields["closed_at"] = outcome
    return CitizenRequestFactory(
        received_at=received,
        registered_on=received.date(),
        answer_due=due,
        status=status,
        **fields,
    )


@pytest.fixture
def year_of_requests():
    """Six requests of 2025 and one of 2024, with known outcomes."""
    unit = UnitFactory(name="Қаржы бөлімі")
    officer = member("request_officers", "officer")
    cases = {
        # Answered on the due date (on time), 15 days after receipt.
        "on_time": request_(
            at(1, 10),
            datetime.date(YEAR, 1, 25),
            status=Status.ANSWERED,
            outcome=at(1, 25, 17),
            unit=unit,
            executor=officer,
        ),
        # Answered a day late, 5 days after receipt (at 23:00 in Almaty, 18:00 UTC).
        "late": request_(
            at(3, 20),
            datetime.date(YEAR, 3, 24),
            status=Status.ANSWERED,
            outcome=at(3, 25, 23),
            kind=RequestKind.MEDIA,
        ),
        # Refused within the refusal clock, after the answer clock would matter.
        "refused": request_(
            at(3, 2),
            datetime.date(YEAR, 3, 17),
            status=Status.REFUSED,
            outcome=at(3, 6),
            refusal_due=datetime.date(YEAR, 3, 7),
            refusal_ground=RefusalGround.AIL_RESTRICTED,
        ),
        # Forwarded after its forwarding clock: late even though before the answer due date.
        "forwarded_late": request_(
            at(5, 5),
            datetime.date(YEAR, 5, 20),
            status=Status.FORWARDED,
            outcome=at(5, 12),
            forward_due=datetime.date(YEAR, 5, 8),
            kind=RequestKind.APPEAL,
        ),
        # Open and past its due date: late.
        "open_overdue": request_(
            at(11, 3), datetime.date(YEAR, 11, 18), status=Status.IN_PROGRESS, executor=officer
        ),
        # Open, received on 31 December 23:00 local (already 2025 in Almaty, 18:00 UTC).
        "open_new": request_(
            at(12, 31, 23),
            datetime.date(YEAR + 1, 1, 15),
            extended_at=at(12, 31, 23),
            language="ru",
        ),
        "last_year": request_(
            at(12, 31, 9, year=YEAR - 1), datetime.date(YEAR, 1, 15), status=Status.REGISTERED
        ),
    }
    return cases


TODAY = datetime.date(YEAR, 12, 31)


def chart_svgs(html: str) -> list:
    """The report's charts (not the admin's icons), parsed."""
    found = re.findall(r'<svg[^>]*class="report-chart__svg".*?</svg>', html, flags=re.DOTALL)
    return [ET.fromstring(svg) for svg in found]  # noqa: S314 - our own response


class TestFigures:
    def test_counts_timeliness_and_average(self, year_of_requests):
        data = reports.figures(reports.received_in(YEAR), TODAY)

        assert data.total == 6
        assert data.by_kind == {"information": 4, "media": 1, "clarification": 0, "appeal": 1}
        assert data.by_status == {
            "registered": 1,
            "in_progress": 1,
            "answered": 2,
            "refused": 1,
            "forwarded": 1,
        }
        assert data.by_month[1] == 1 and data.by_month[3] == 2 and data.by_month[12] == 1
        assert sum(data.by_month.values()) == 6
        assert data.on_time == 2  # on_time, refused
        assert data.late == 3  # late answer, late forwarding, open overdue
        assert data.open_overdue == 1
        assert data.on_time_rate == pytest.approx(2 / 5)
        assert data.on_time_percent == "40.0 %"
        assert data.answered == 2
        assert data.average_days_to_answer == pytest.approx((15 + 5) / 2)
        assert data.extended == 1

    def test_one_kind_and_an_empty_year(self, year_of_requests):
        media = reports.figures(reports.received_in(YEAR, RequestKind.MEDIA), TODAY)
        assert media.total == 1 and media.late == 1 and media.on_time_rate == 0
        empty = reports.figures(reports.received_in(2019), TODAY)
        assert empty.total == 0 and empty.on_time_rate is None
        assert empty.on_time_percent == "—" and empty.average_days_display == "—"

    def test_overdue_list(self, year_of_requests):
        cases, total = reports.overdue_cases(TODAY)
        numbers = [case.number for case in cases]
        assert total == 2
        assert numbers == [
            year_of_requests["last_year"].number,
            year_of_requests["open_overdue"].number,
        ]
        assert cases[1].overdue_days > 0

    def test_annual_summary(self, year_of_requests):
        summary = reports.annual_summary(YEAR, TODAY)
        assert summary.overall.total == 6
        assert summary.per_kind["appeal"].late == 1
        assert summary.refusal_grounds == {RefusalGround.AIL_RESTRICTED.value: 1}
        assert summary.by_language == {"kk": 5, "ru": 1}
        assert summary.by_month_and_kind[3] == {
            "information": 1,
            "media": 1,
            "clarification": 0,
            "appeal": 0,
        }
        titles = [title for title, _header, _rows in reports.summary_tables(summary)]
        assert len(titles) == 4

    def test_the_years_total_is_the_sum_of_its_kinds(self, year_of_requests):
        summary = reports.annual_summary(YEAR, TODAY)
        direct = reports.figures(reports.received_in(YEAR), TODAY)
        assert summary.overall == direct

    def test_working_days_since_matches_the_calendar(self):
        calendar = WorkingCalendar.load()
        today = datetime.date(2026, 3, 27)
        days = {today - datetime.timedelta(days=n) for n in (0, 1, 5, 9, 40, 400)}
        counts = reports.working_days_since(days, today, calendar)
        assert counts == {day: calendar.working_days_between(day, today) for day in days}

    def test_available_years(self, year_of_requests):
        years = reports.available_years(datetime.date(2026, 5, 1))
        assert years == [2026, 2025, 2024]

    def test_chart_layout(self):
        chart = reports.bar_chart("c", "Title", [("a", 10), ("b", 5), ("c", 0)])
        assert [bar.width for bar in chart.bars] == [charts.BAR_AREA, charts.BAR_AREA // 2, 0]
        assert chart.description == "a: 10; b: 5; c: 0"
        assert chart.height > chart.bars[-1].y + chart.bar_height


class TestAccess:
    def test_heads_and_officers_see_reports_others_do_not(self, client):
        url = reverse("citizen_requests_reports:dashboard")
        for role in ("heads", "request_officers"):
            staff_login(client, member(role, role))
            assert client.get(url).status_code == 200, role
        for role in ("editors", "press_secretaries", "legal_reviewers"):
            staff_login(client, member(role, role))
            assert client.get(url).status_code == 403, role
            response = client.get(reverse("citizen_requests_reports:register_csv", args=[YEAR]))
            assert response.status_code == 403, role
        client.logout()
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]

    def test_the_reports_menu_lists_them_for_heads_only(self, client):
        staff_login(client, member("heads", "head"))
        response = client.get(reverse("wagtailadmin_home"))
        assert reverse("citizen_requests_reports:dashboard") in response.content.decode()
        staff_login(client, member("editors", "editor"))
        response = client.get(reverse("wagtailadmin_home"))
        assert reverse("citizen_requests_reports:dashboard") not in response.content.decode()


class TestDashboard:
    def test_dashboard_shows_figures_accessible_charts_and_no_personal_data(
        self, client, year_of_requests
    ):
        head = member("heads", "head")
        staff_login(client, head)
        response = client.get(
            reverse("citizen_requests_reports:dashboard"), {"year": YEAR}, HTTP_ACCEPT_LANGUAGE="en"
        )
        assert response.status_code == 200
        html = response.content.decode()
        context = response.context
        assert context["year"] == YEAR and context["figures"].total == 6
        assert year_of_requests["open_overdue"].number in html
        assert year_of_requests["open_overdue"].full_name not in html
        assert year_of_requests["open_overdue"].iin not in html
        assert not PersonalDataAccess.objects.exists()
        # Heads may not open cases: the overdue list does not link to them.
        assert "/admin/requests/cases/" not in html

        svg = chart_svgs(html)[0]
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.find(f"{SVG}title").get("id") == title_id
        desc = svg.find(f"{SVG}desc")
        assert desc.get("id") == desc_id and ": 4" in desc.text  # information requests
        assert len(svg.findall(f"{SVG}rect")) == len(RequestKind.values)
        assert len(chart_svgs(html)) == 3

    def test_svg_numbers_do_not_follow_the_language(self, client, year_of_requests):
        staff_login(client, member("request_officers", "officer"))
        with translation.override("ru"):
            response = client.get(
                reverse("citizen_requests_reports:dashboard"),
                {"year": YEAR},
                HTTP_ACCEPT_LANGUAGE="ru",
            )
        svgs = chart_svgs(response.content.decode())
        assert len(svgs) == 3
        for svg in svgs:
            _x, _y, width, height = (int(number) for number in svg.get("viewBox").split())
            rects = svg.findall(f"{SVG}rect")
            widths = [int(rect.get("width")) for rect in rects]
            assert max(widths, default=0) == charts.BAR_AREA, "the largest figure fills its bar"
            for rect in rects:
                assert 0 <= int(rect.get("y")) < height
                assert int(rect.get("x")) + int(rect.get("width")) <= width

    def test_officers_get_links_to_the_cases(self, client, year_of_requests):
        staff_login(client, member("request_officers", "officer"))
        response = client.get(reverse("citizen_requests_reports:dashboard"), {"year": YEAR})
        overdue = year_of_requests["open_overdue"]
        assert any(case.url for case in response.context["overdue"])
        assert f"/{overdue.pk}/" in response.content.decode()

    def test_bad_filters_give_the_defaults(self, client, year_of_requests):
        staff_login(client, member("heads", "head"))
        response = client.get(
            reverse("citizen_requests_reports:dashboard"), {"year": "19x", "kind": "<script>"}
        )
        assert response.status_code == 200
        assert response.context["year"] == timezone.localdate().year
        assert response.context["kind"] == ""

    def test_kind_filter(self, client, year_of_requests):
        staff_login(client, member("heads", "head"))
        response = client.get(
            reverse("citizen_requests_reports:dashboard"), {"year": YEAR, "kind": "media"}
        )
        assert response.context["figures"].total == 1
        assert "register.csv?kind=media" in response.content.decode()


class TestExports:
    def test_register_csv(self, client, year_of_requests):
        head = member("heads", "head")
        prefer_english(head)
        staff_login(client, head)
        response = client.get(reverse("citizen_requests_reports:register_csv", args=[YEAR]))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert f"requests-{YEAR}.csv" in response["Content-Disposition"]
        text = b"".join(response.streaming_content).decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        header, body = rows[0], rows[1:]
        assert len(body) == 6
        by_number = {row[0]: dict(zip(header, row, strict=True)) for row in body}
        late = by_number[year_of_requests["late"].number]
        assert late["Outcome on"] == f"{YEAR}-03-25"
        assert late["On time"] == "no"
        assert late["Days to answer"] == "5"
        on_time = by_number[year_of_requests["on_time"].number]
        assert on_time["On time"] == "yes" and on_time["Unit"] == "Қаржы бөлімі"
        open_new = year_of_requests["open_new"]
        expected = "no" if open_new.answer_due < timezone.localdate() else ""
        assert by_number[open_new.number]["On time"] == expected, "late once past its due date"
        for case in year_of_requests.values():
            assert case.full_name not in text and case.email not in text
        assert not PersonalDataAccess.objects.exists()

    def test_register_xlsx_and_formula_injection(self, client, year_of_requests):
        request_(
            at(6, 1),
            datetime.date(YEAR, 6, 16),
            unit=UnitFactory(name='=HYPERLINK("http://evil")'),
        )
        officer = member("request_officers", "officer")
        prefer_english(officer)
        staff_login(client, officer)
        response = client.get(reverse("citizen_requests_reports:register_xlsx", args=[YEAR]))
        assert response.status_code == 200
        workbook = load_workbook(io.BytesIO(response.content))
        sheet = workbook.active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "Registration number"
        assert len(rows) == 1 + 7
        assert isinstance(rows[1][6], datetime.datetime)
        units = [row[14] for row in rows[1:]]
        assert '\'=HYPERLINK("http://evil")' in units

    def test_annual_summary_page_and_exports(self, client, year_of_requests):
        head = member("heads", "head")
        prefer_english(head)
        staff_login(client, head)
        response = client.get(reverse("citizen_requests_reports:annual", args=[YEAR]))
        assert response.status_code == 200
        html = response.content.decode()
        assert "<caption>" in html and "<svg" in html
        with translation.override("en"):
            assert escape(str(RefusalGround.AIL_RESTRICTED.label)) in html

        response = client.get(reverse("citizen_requests_reports:annual_xlsx", args=[YEAR]))
        workbook = load_workbook(io.BytesIO(response.content))
        assert len(workbook.sheetnames) == 4
        first = list(workbook.worksheets[0].iter_rows(values_only=True))
        assert first[-1][0] == "All kinds" and first[-1][1] == 6

        response = client.get(reverse("citizen_requests_reports:annual_csv", args=[YEAR]))
        text = response.content.decode("utf-8")
        rate = reports.figures(reports.received_in(YEAR)).on_time_percent
        assert "All kinds" in text and f",{rate}," in text

    def test_impossible_years_are_not_found(self, client):
        staff_login(client, member("heads", "head"))
        for name in ("annual", "annual_xlsx", "register_csv"):
            for year in (0, 99999):
                url = reverse(f"citizen_requests_reports:{name}", args=[year])
                assert client.get(url, follow=True).status_code == 404, (name, year)

    def test_unknown_format_is_not_found(self, client):
        staff_login(client, member("heads", "head"))
        response = client.get(f"/admin/requests/reports/{YEAR}/register.pdf", follow=True)
        assert response.status_code == 404
