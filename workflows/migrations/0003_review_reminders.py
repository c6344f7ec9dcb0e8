"""Overdue reviews: the record of what was reported, and the django-q2 schedule that reports it.

The schedule runs ``workflows.tasks.notify_overdue_reviews`` every 15 minutes. Idempotent: a
schedule of the same name is reused, not duplicated.
"""

import django.db.models.deletion
from django.db import migrations, models

SCHEDULE_NAME = "workflows: notify_overdue_reviews"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).get_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": "workflows.tasks.notify_overdue_reviews",
            "schedule_type": "I",  # Schedule.MINUTES
            "minutes": 15,
            "repeats": -1,
        },
    )


def delete_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(name=SCHEDULE_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("workflows", "0002_groups_and_default_workflows"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewReminder",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="reported")),
                (
                    "task_state",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.taskstate",
                    ),
                ),
            ],
            options={
                "verbose_name": "overdue review reminder",
                "verbose_name_plural": "overdue review reminders",
            },
        ),
        migrations.RunPython(create_schedule, delete_schedule),
    ]
