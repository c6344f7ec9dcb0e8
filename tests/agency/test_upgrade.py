"""A database of the previous release upgrades with its rows intact.

The test migrates the test database back to the schema the previous release had, writes rows
with that release's models (as the migration state knew them), migrates forward and reads
them back through today's models.
"""

import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

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
