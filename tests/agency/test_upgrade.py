"""A database of the previous release upgrades with its rows intact.

Each test migrates the test database back to the schema the previous release had, writes or
reads rows with that release's models (as the migration state knew them), migrates forward and
reads them back through today's models.
"""

import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils.module_loading import import_string

import pytest

from agency import numbering
from agency.models import AgencyProfile, CalendarDay, RegisterCounter, SiteSettings
from citizen_requests.models import RequestSettings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

#: Where the previous release's migrations ended, for the apps this release changes.
PREVIOUS = [
    ("agency", None),
    ("cms", "0002_schedule_publish_scheduled"),
    ("citizen_requests", "0004_schedules"),
    ("workflows", "0003_review_reminders"),
]


#: Where each app was while its schedules named the jobs by their former modules.
BEFORE_JOBS_MODULES = [
    ("citizen_requests", "0006_letters_settings_to_agency_profile"),
    ("accreditation", "0006_notices_opt_in"),
    ("workflows", "0004_kernel_permissions"),
]
#: Schedules that later migrations of those apps create: rolling back to the point above removes
#: them, and migrating forward makes them again.
ADDED_SINCE = {"workflows: escalate_deadline_pages"}
#: Schedule name → (function before, function after).
MOVED_JOBS = {
    "citizen_requests: remind_executors": (
        "citizen_requests.tasks.remind_executors",
        "citizen_requests.jobs.remind_executors",
    ),
    "citizen_requests: escalate_overdue": (
        "citizen_requests.tasks.escalate_overdue",
        "citizen_requests.jobs.escalate_overdue",
    ),
    "citizen_requests: send_daily_digest": (
        "citizen_requests.tasks.send_daily_digest",
        "citizen_requests.jobs.send_daily_digest",
    ),
    "citizen_requests: anonymise_closed_cases": (
        "citizen_requests.tasks.anonymise_closed_cases",
        "citizen_requests.jobs.anonymise_closed_cases",
    ),
    "accreditation: send_event_reminders": (
        "accreditation.tasks.send_event_reminders",
        "accreditation.jobs.send_event_reminders",
    ),
    "accreditation: send_expiry_reminders": (
        "accreditation.expiry.send_expiry_reminders",
        "accreditation.jobs.send_expiry_reminders",
    ),
    "workflows: notify_overdue_reviews": (
        "workflows.tasks.notify_overdue_reviews",
        "workflows.jobs.notify_overdue_reviews",
    ),
}


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_rows_written_before_the_kernel_moved_are_read_after_it():
    old = _migrate(PREVIOUS)
    Locale = old.get_model("wagtailcore", "Locale")
    Site = old.get_model("wagtailcore", "Site")
    kk = Locale.objects.get(language_code="kk")
    old.get_model("cms", "AgencyProfile").objects.create(name="Ақпарат министрлігі", locale=kk)
    old.get_model("cms", "SiteSettings").objects.create(
        site=Site.objects.get(is_default_site=True), telegram_url="https://t.me/ministry"
    )
    old.get_model("citizen_requests", "CalendarDay").objects.create(
        date=datetime.date(2026, 5, 8), is_working=False, note="Decree № 5"
    )
    old.get_model("citizen_requests", "RequestCounter").objects.create(
        kind="information", year=2026, last=41
    )
    old.get_model("citizen_requests", "RequestSettings").objects.update_or_create(
        pk=1,
        defaults={
            "operator_bin": "150340004568",
            "signatory_name": "Ә. Бекова",
            "signatory_position": "Баспасөз хатшысы",
            "reminder_days": "5,2",
        },
    )

    _migrate(_leaves())

    profile = AgencyProfile.objects.get()
    assert (profile.name, profile.bin) == ("Ақпарат министрлігі", "150340004568")
    assert AgencyProfile.default_signatory("kk") == ("Ә. Бекова", "Баспасөз хатшысы")
    assert SiteSettings.objects.get().telegram_url == "https://t.me/ministry"
    assert CalendarDay.objects.get().note == "Decree № 5"
    assert RequestSettings.load().reminder_days == "5,2"
    counter = RegisterCounter.objects.get()
    assert (counter.series, counter.year, counter.last) == ("information", 2026, 41)
    with transaction.atomic():
        assert numbering.next_number("information", 2026) == (42, "АҚ-2026-000042")

    assert not ContentType.objects.filter(app_label="cms").exists()
    officers = Group.objects.get(name="Request officers")
    assert officers.permissions.filter(
        content_type__app_label="agency", codename="view_calendarday"
    ).exists()


def _schedules(apps) -> dict[str, tuple[str, int | None]]:
    Schedule = apps.get_model("django_q", "Schedule")
    return {
        name: (func, minutes)
        for name, func, minutes in Schedule.objects.values_list("name", "func", "minutes")
    }


def test_schedules_naming_the_former_job_modules_call_existing_functions_after_the_upgrade():
    old = _migrate(BEFORE_JOBS_MODULES)
    before = _schedules(old)
    assert {name: before[name][0] for name in MOVED_JOBS} == {
        name: functions[0] for name, functions in MOVED_JOBS.items()
    }
    # An administrator's change to a schedule survives the upgrade.
    old.get_model("django_q", "Schedule").objects.filter(
        name="citizen_requests: remind_executors"
    ).update(minutes=7)

    new = _migrate(_leaves())

    after = _schedules(new)
    assert set(after) - ADDED_SINCE == set(before), "no schedule added or lost"
    for name, (_before, moved_to) in MOVED_JOBS.items():
        assert after[name][0] == moved_to
    assert after["citizen_requests: remind_executors"][1] == 7
    for name, (func, _minutes) in after.items():
        assert callable(import_string(func)), name

    _migrate(BEFORE_JOBS_MODULES)
    assert {name: func for name, (func, _minutes) in _schedules(old).items()} == {
        name: func for name, (func, _minutes) in before.items()
    }, "the migrations are reversible"
    _migrate(_leaves())
