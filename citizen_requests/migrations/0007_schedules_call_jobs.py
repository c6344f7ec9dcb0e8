"""The request schedules call the jobs in ``citizen_requests.jobs``.

Migration 0004 created them with the functions of the former ``citizen_requests.tasks`` module;
their names, times and any change an administrator made are kept. Reversible.
"""

from django.db import migrations

from agency.schedules import renamed_functions

RENAMES = {
    "citizen_requests.tasks.remind_executors": "citizen_requests.jobs.remind_executors",
    "citizen_requests.tasks.escalate_overdue": "citizen_requests.jobs.escalate_overdue",
    "citizen_requests.tasks.send_daily_digest": "citizen_requests.jobs.send_daily_digest",
    "citizen_requests.tasks.anonymise_closed_cases": (
        "citizen_requests.jobs.anonymise_closed_cases"
    ),
}

forward, backward = renamed_functions(RENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_requests", "0006_letters_settings_to_agency_profile"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(forward, backward)]
