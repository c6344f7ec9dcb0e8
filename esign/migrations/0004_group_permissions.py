"""Reports → Signed submissions for the groups (``workflows.roles``): the Request and
Accreditation officers with the signers' IINs, the Heads without them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from workflows.roles import sync_groups


def grant_signed_submission_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)


class Migration(migrations.Migration):
    # After every app whose permissions the groups hold, so that the groups keep them all.
    dependencies = [
        ("esign", "0003_signer_iin_permission_and_timestamp_revocation"),
        ("workflows", "0009_obligatory_messages"),
        ("citizen_requests", "0008_signature"),
        ("accreditation", "0009_obligatory_message_deliveries"),
        ("media_watch", "0004_merge_0003_demands_0003_story_handling"),
        ("press_pages", "0005_obligatory_message_page"),
        ("agency", "0007_name_translations"),
    ]

    operations = [
        migrations.RunPython(grant_signed_submission_permissions, migrations.RunPython.noop),
    ]
