"""Registrations remember their language; the day-before reminder runs on a django-q2 schedule.

The schedule is idempotent: a schedule of the same name is reused, not duplicated, and its time
is left as an administrator may have changed it.
"""

from django.db import migrations, models

from agency.schedules import daily_schedules

#: name → (function, local time of the first run)
SCHEDULES = {
    "accreditation: send_event_reminders": ("accreditation.tasks.send_event_reminders", (9, 0)),
}


create_schedules, delete_schedules = daily_schedules(SCHEDULES)


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0003_accreditation_page"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventregistration",
            name="language",
            field=models.CharField(
                choices=[("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")],
                default="kk",
                help_text="The language the journalist registered in; notices use it.",
                max_length=5,
                verbose_name="language",
            ),
        ),
        migrations.RunPython(create_schedules, delete_schedules),
    ]
