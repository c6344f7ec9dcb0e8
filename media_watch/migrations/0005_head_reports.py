"""The annual report's drafts and the permission to read the reports for the Heads (given to the
Heads group), and the monthly schedule that mails last month's report to them."""

import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from agency.schedules import monthly_schedules
from workflows.roles import sync_groups

create_monthly, delete_monthly = monthly_schedules(
    {"media watch: monthly report": ("media_watch.jobs.send_monthly_report", (8, 0))}
)


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)
    create_monthly(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("media_watch", "0004_merge_0003_demands_0003_story_handling"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AnnualReport",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(unique=True, verbose_name="year")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="drafted")),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="drafted by",
                    ),
                ),
                (
                    "page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.page",
                        verbose_name="page",
                    ),
                ),
            ],
            options={
                "verbose_name": "annual report to the population",
                "verbose_name_plural": "annual reports to the population",
                "ordering": ["-year"],
                "permissions": [("view_head_reports", "Can read the reports for the Heads")],
            },
        ),
        migrations.RunPython(forwards, delete_monthly),
    ]
