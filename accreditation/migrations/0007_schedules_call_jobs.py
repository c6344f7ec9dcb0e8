"""The accreditation schedules call the jobs in ``accreditation.jobs``.

Migration 0004 created the event reminders with the former ``accreditation.tasks`` module, and
0005 the expiry reminders with ``accreditation.expiry``; their names, times and any change an
administrator made are kept. Reversible.
"""

from django.db import migrations

from agency.schedules import renamed_functions

RENAMES = {
    "accreditation.tasks.send_event_reminders": "accreditation.jobs.send_event_reminders",
    "accreditation.expiry.send_expiry_reminders": "accreditation.jobs.send_expiry_reminders",
}

forward, backward = renamed_functions(RENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0006_notices_opt_in"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(forward, backward)]
