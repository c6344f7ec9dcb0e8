"""The daily reminder before an accreditation expires runs on a django-q2 schedule.

Idempotent: a schedule of the same name is reused, not duplicated, and its time is left as an
administrator may have changed it.
"""

import datetime
import zoneinfo

from django.db import migrations

#: name → (function, local time of the first run)
SCHEDULES = {
    "accreditation: send_expiry_reminders": ("accreditation.expiry.send_expiry_reminders", (9, 30)),
}
TIME_ZONE = zoneinfo.ZoneInfo("Asia/Almaty")


def next_local(hour: int, minute: int, now=None) -> datetime.datetime:
    """The next ``hour:minute`` in Asia/Almaty after ``now``, as an aware datetime."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(TIME_ZONE)
    run = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if run <= now:
        run += datetime.timedelta(days=1)
    return run


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    manager = Schedule.objects.using(schema_editor.connection.alias)
    for name, (func, (hour, minute)) in SCHEDULES.items():
        manager.get_or_create(
            name=name,
            defaults={
                "func": func,
                "schedule_type": "D",  # Schedule.DAILY
                "repeats": -1,
                "next_run": next_local(hour, minute),
            },
        )


def delete_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(name__in=SCHEDULES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0004_event_registration_language_and_reminders"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
