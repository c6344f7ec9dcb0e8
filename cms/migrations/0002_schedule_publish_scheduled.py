"""Run Wagtail's ``publish_scheduled`` every minute on the django-q2 scheduler.

Scheduled publishing and expiry in Wagtail need that command to run
periodically; with this schedule, a running ``qcluster`` is all that is needed
(no cron). Idempotent: a schedule of the same name is reused, not duplicated.
"""

from django.db import migrations

SCHEDULE_NAME = "wagtail: publish_scheduled"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).get_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": "django.core.management.call_command",
            "args": "'publish_scheduled'",
            "schedule_type": "I",  # Schedule.MINUTES
            "minutes": 1,
            "repeats": -1,
        },
    )


def delete_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(name=SCHEDULE_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
