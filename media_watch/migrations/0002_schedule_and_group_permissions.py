"""The minute schedule that queues the sources' polls, and the groups' permissions on the new
models (the press secretaries keep the media watch, the Heads read it)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from workflows.roles import sync_groups

POLL_SCHEDULE = "media watch: poll due sources"


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).get_or_create(
        name=POLL_SCHEDULE,
        defaults={
            "func": "media_watch.jobs.poll_due_sources",
            "schedule_type": "I",  # Schedule.MINUTES
            "minutes": 1,
            "repeats": -1,
        },
    )


def backwards(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(name=POLL_SCHEDULE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("media_watch", "0001_initial"),
        ("accreditation", "0008_registration_cancel_reason"),
        ("citizen_requests", "0007_schedules_call_jobs"),
        ("workflows", "0006_translation_readiness"),
        ("cms", "0003_move_models_to_agency"),
        ("press_pages", "0004_translatable_child_rows"),
        ("agency", "0006_cache_generation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
