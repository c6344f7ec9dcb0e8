"""Give the Accreditation officers and Heads groups their permissions on the new models."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from workflows.roles import sync_groups


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accreditation", "0001_initial"),
        ("citizen_requests", "0002_group_permissions"),
        ("workflows", "0003_review_reminders"),
        ("cms", "0002_schedule_publish_scheduled"),
        ("press_pages", "0003_briefing_capacity_and_cancellation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
