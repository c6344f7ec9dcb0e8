"""The forms module's django-q2 schedules: reminders, escalation, the Heads' digest, anonymisation.

Each runs daily at a local (Asia/Almaty) time and calls a function of ``citizen_requests.tasks``.
Idempotent: a schedule of the same name is reused, not duplicated; its time is left as an
administrator may have changed it.
"""

from django.db import migrations

from agency.schedules import daily_schedules

#: name → (function, local time of the first run)
SCHEDULES = {
    "citizen_requests: remind_executors": ("citizen_requests.tasks.remind_executors", (8, 0)),
    "citizen_requests: escalate_overdue": ("citizen_requests.tasks.escalate_overdue", (8, 15)),
    "citizen_requests: send_daily_digest": ("citizen_requests.tasks.send_daily_digest", (8, 30)),
    "citizen_requests: anonymise_closed_cases": (
        "citizen_requests.tasks.anonymise_closed_cases",
        (2, 0),
    ),
}


create_schedules, delete_schedules = daily_schedules(SCHEDULES)


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_requests", "0003_request_settings_operator_bin"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
