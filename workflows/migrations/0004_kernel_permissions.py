"""The groups' permissions on the agency profile, site settings and working calendar follow
those models into the ``agency`` app (on a new database the groups were made before it)."""

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
        ("workflows", "0003_review_reminders"),
        ("agency", "0002_register_series_and_profile_letters"),
        ("citizen_requests", "0006_letters_settings_to_agency_profile"),
        ("accreditation", "0006_notices_opt_in"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
