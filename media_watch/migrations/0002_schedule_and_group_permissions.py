"""The media watch's schedules (the sources' polls and the held alerts every minute, the digest
daily), and the groups' permissions on the new models (the press secretaries keep the media
watch, the Heads read it)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from agency.schedules import daily_schedules
from workflows.roles import sync_groups

MINUTE_SCHEDULES = {
    "media watch: poll due sources": "media_watch.jobs.poll_due_sources",
    "media watch: send held alerts": "media_watch.jobs.send_held_alerts",
}
create_daily, delete_daily = daily_schedules(
    {"media watch: daily digest": ("media_watch.jobs.send_daily_digest", (9, 0))}
)


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)
    Schedule = apps.get_model("django_q", "Schedule")
    manager = Schedule.objects.using(schema_editor.connection.alias)
    for name, func in MINUTE_SCHEDULES.items():
        manager.get_or_create(
            name=name,
            defaults={
                "func": func,
                "schedule_type": "I",  # Schedule.MINUTES
                "minutes": 1,
                "repeats": -1,
            },
        )
    create_daily(apps, schema_editor)


def backwards(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.using(schema_editor.connection.alias).filter(
        name__in=MINUTE_SCHEDULES
    ).delete()
    delete_daily(apps, schema_editor)


class Migration(migrations.Migration):
    # Only what it needs: rolling the other apps' later migrations back leaves it in place.
    dependencies = [
        ("media_watch", "0001_initial"),
        ("accreditation", "0006_notices_opt_in"),
        ("citizen_requests", "0006_letters_settings_to_agency_profile"),
        ("workflows", "0004_kernel_permissions"),
        ("press_pages", "0003_briefing_capacity_and_cancellation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("django_q", "0018_task_success_index"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
