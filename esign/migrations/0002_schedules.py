"""The signing step's schedules: revocation re-checks every 30 minutes, nonce pruning daily.

Idempotent: a schedule of the same name is reused, not duplicated, and its time is left as an
administrator may have changed it.
"""

from django.db import migrations

from agency.schedules import daily_schedules

RECHECK_SCHEDULE = "esign: recheck_unknown"
create_daily, delete_daily = daily_schedules(
    {"esign: prune_nonces": ("esign.jobs.prune_nonces", (3, 50))}
)


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).get_or_create(
        name=RECHECK_SCHEDULE,
        defaults={
            "func": "esign.jobs.recheck_unknown",
            "schedule_type": "I",  # Schedule.MINUTES
            "minutes": 30,
            "repeats": -1,
        },
    )
    create_daily(apps, schema_editor)


def delete_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(name=RECHECK_SCHEDULE).delete()
    delete_daily(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("esign", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
