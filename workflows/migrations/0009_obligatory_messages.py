"""The obligatory messages' workflow: restricted-information check, press secretary, head.

Creates the "Head approval" task for the Heads group, the "Obligatory messages" workflow (reusing
the check and the press secretary's approval of migration 0002), makes it the obligatory
messages' workflow in the moderation settings, names both in kk, ru and en, and creates the
django-q2 schedule that escalates messages not live in time, every minute. Idempotent: what
exists is reused, and an administrator's changes are kept.
"""

from django.conf import settings
from django.db import migrations

from workflows.names import sync_names
from workflows.roles import GROUPS, sync_group

SCHEDULE_NAME = "workflows: escalate_deadline_pages"
WORKFLOW = "Obligatory messages"
HEAD_TASK = "Head approval"
STEPS = ["Restricted-information check", "Press secretary approval", HEAD_TASK]


def _task(apps, model_name: str, name: str, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Model = apps.get_model("workflows", model_name)
    content_type, _created = ContentType.objects.get_or_create(
        app_label="workflows", model=model_name.lower()
    )
    task, _created = Model.objects.get_or_create(
        name=name, defaults={"content_type": content_type, **fields}
    )
    return task


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ModerationSettings = apps.get_model("workflows", "ModerationSettings")
    Schedule = apps.get_model("django_q", "Schedule")

    heads = Group.objects.filter(name=GROUPS["heads"].name).first()
    if heads is None:
        heads, _created = sync_group(apps, GROUPS["heads"])
    head_task = _task(apps, "HeadApprovalTask", HEAD_TASK, due_hours=1)
    if not head_task.groups.exists():
        head_task.groups.set([heads])
    tasks = {
        "Restricted-information check": _task(
            apps, "RestrictedInformationCheckTask", "Restricted-information check", due_hours=1
        ),
        "Press secretary approval": _task(
            apps, "PressSecretaryApprovalTask", "Press secretary approval", due_hours=4
        ),
        HEAD_TASK: head_task,
    }
    press = tasks["Press secretary approval"]
    if not press.groups.exists():
        press.groups.set([Group.objects.get(name=GROUPS["press_secretaries"].name)])

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        for order, name in enumerate(STEPS):
            WorkflowTask.objects.create(workflow=workflow, task=tasks[name], sort_order=order)
    moderation, _created = ModerationSettings.objects.get_or_create(
        pk=1, defaults={"required_locales": list(settings.WORKFLOWS_REQUIRED_LOCALES)}
    )
    if moderation.obligatory_message_workflow_id is None:
        moderation.obligatory_message_workflow = workflow
        moderation.save(update_fields=["obligatory_message_workflow"])

    sync_names(apps)

    Schedule.objects.using(schema_editor.connection.alias).get_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": "workflows.jobs.escalate_deadline_pages",
            "schedule_type": "I",  # Schedule.MINUTES
            "minutes": 1,
            "repeats": -1,
        },
    )


def backwards(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(name=SCHEDULE_NAME).delete()
    NameTranslation = apps.get_model("agency", "NameTranslation")
    for model, name in (("workflow", WORKFLOW), ("task", HEAD_TASK)):
        named = apps.get_model("wagtailcore", model).objects.filter(name=name)
        NameTranslation.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model=model,
            object_id__in=named.values_list("pk", flat=True),
        ).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("workflows", "HeadApprovalTask").objects.filter(name=HEAD_TASK).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0008_head_approval_and_escalations"),
        ("agency", "0007_name_translations"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
