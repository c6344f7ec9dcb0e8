"""The moderation workflows, tasks and groups, and the root collection, named in kk, ru and en."""

from django.db import migrations

from workflows.names import remove_names, sync_names


def forwards(apps, schema_editor):
    sync_names(apps)


def backwards(apps, schema_editor):
    remove_names(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0006_translation_readiness"),
        ("agency", "0007_name_translations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
