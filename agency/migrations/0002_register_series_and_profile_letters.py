"""Counters count series (not only request kinds); the profile gets the BIN and the signatory."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agency", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint("registercounter", "request_counter_kind_year"),
        migrations.RenameField("registercounter", "kind", "series"),
        migrations.AlterField(
            "registercounter", "series", models.CharField(max_length=20, verbose_name="series")
        ),
        migrations.AlterField(
            "registercounter", "year", models.PositiveSmallIntegerField(verbose_name="year")
        ),
        migrations.AlterField(
            "registercounter",
            "last",
            models.PositiveIntegerField(default=0, verbose_name="last number"),
        ),
        migrations.AlterModelOptions(
            "registercounter",
            {"verbose_name": "register counter", "verbose_name_plural": "register counters"},
        ),
        migrations.AddConstraint(
            "registercounter",
            models.UniqueConstraint(fields=("series", "year"), name="register_counter_series_year"),
        ),
        migrations.AddField(
            "agencyprofile",
            "bin",
            models.CharField(
                blank=True,
                help_text="The agency's business identification number: stated as the operator's in every consent to the processing of personal data (Personal Data Law, Art. 8 p.4).",
                max_length=12,
                verbose_name="BIN",
            ),
        ),
        migrations.AddField(
            "agencyprofile",
            "signatory_name",
            models.CharField(
                blank=True,
                help_text="Who signs the agency's letters unless the officer names someone else.",
                max_length=200,
                verbose_name="signatory's name",
            ),
        ),
        migrations.AddField(
            "agencyprofile",
            "signatory_position",
            models.CharField(
                blank=True,
                help_text="Printed under the letters, for example «Head of the press service».",
                max_length=200,
                verbose_name="signatory's position",
            ),
        ),
    ]
