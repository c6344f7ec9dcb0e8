"""The daily reminder before an accreditation expires runs on a django-q2 schedule.

Idempotent: a schedule of the same name is reused, not duplicated, and its time is left as an
administrator may have changed it.
"""

from django.db import migrations

from agency.schedules import daily_schedules

#: name → (function, local time of the first run)
SCHEDULES = {
    "accreditation: send_expiry_reminders": ("accreditation.expiry.send_expiry_reminders", (9, 30)),
}


create_schedules, delete_schedules = daily_schedules(SCHEDULES)


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0004_event_registration_language_and_reminders"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
