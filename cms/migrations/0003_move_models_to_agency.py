"""The agency profile and the site settings move to the ``agency`` app, rows and all.

The tables are renamed, not copied; ``agency.0001_initial`` takes the models over in the
migration state and moves their content types, so permissions and translations keep pointing
at the same rows.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_schedule_publish_scheduled"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("agencyprofile", "agency_agencyprofile"),
                migrations.AlterModelTable("sitesettings", "agency_sitesettings"),
            ],
            state_operations=[
                migrations.DeleteModel("agencyprofile"),
                migrations.DeleteModel("sitesettings"),
            ],
        ),
    ]
