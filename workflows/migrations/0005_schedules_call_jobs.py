"""The overdue-review schedule calls ``workflows.jobs.notify_overdue_reviews``.

Migration 0003 created it with the former ``workflows.tasks`` module (in Wagtail, tasks are the
steps of a workflow); its name, interval and any change an administrator made are kept.
Reversible.
"""

from django.db import migrations

from agency.schedules import renamed_functions

RENAMES = {"workflows.tasks.notify_overdue_reviews": "workflows.jobs.notify_overdue_reviews"}

forward, backward = renamed_functions(RENAMES)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0004_kernel_permissions"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(forward, backward)]
