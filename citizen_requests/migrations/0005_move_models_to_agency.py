"""The working calendar's transfers and the register counters move to the ``agency`` app.

The tables are renamed, not copied (``requestcounter`` becomes ``agency_registercounter``);
``agency.0001_initial`` takes the models over in the migration state.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_requests", "0004_schedules"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("calendarday", "agency_calendarday"),
                migrations.AlterModelTable("requestcounter", "agency_registercounter"),
            ],
            state_operations=[
                migrations.DeleteModel("calendarday"),
                migrations.DeleteModel("requestcounter"),
            ],
        ),
    ]
