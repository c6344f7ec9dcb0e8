"""The press office's groups, the moderation tasks and the default workflow of each page type."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

from workflows.roles import sync_groups

WORKFLOWS = {
    "news_workflow": ("News", ["check", "press"]),
    "briefing_workflow": ("Briefings", ["check", "press"]),
    "faq_workflow": ("FAQ answers", ["check", "legal", "press"]),
}


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
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    groups = {key: group for key, (group, _created) in sync_groups(apps).items()}

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Group = apps.get_model("auth", "Group")

    # Wagtail's own default workflow covers the whole tree; ours are chosen per page type.
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    tasks = {
        "check": _task(
            apps, "RestrictedInformationCheckTask", "Restricted-information check", due_hours=1
        ),
        "legal": _task(apps, "LegalReviewTask", "Legal review", due_hours=24),
        "press": _task(apps, "PressSecretaryApprovalTask", "Press secretary approval", due_hours=4),
    }
    _task(apps, "TranslationCompletenessTask", "Translation completeness", due_hours=24)
    tasks["legal"].groups.set([groups["legal_reviewers"]])
    tasks["press"].groups.set([groups["press_secretaries"]])

    ModerationSettings = apps.get_model("workflows", "ModerationSettings")
    moderation, _created = ModerationSettings.objects.get_or_create(
        pk=1, defaults={"required_locales": list(settings.WORKFLOWS_REQUIRED_LOCALES)}
    )
    for setting, (name, steps) in WORKFLOWS.items():
        workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
        if created:
            for order, step in enumerate(steps):
                WorkflowTask.objects.create(workflow=workflow, task=tasks[step], sort_order=order)
        setattr(moderation, setting, workflow)
    moderation.save()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0001_initial"),
        ("press_pages", "0002_locales_and_home"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
