"""The kernel takes over the models that moved in from ``cms`` and ``citizen_requests``.

Their tables were renamed by ``cms.0003`` and ``citizen_requests.0005``; here the models enter
the migration state without touching the database, and their content types (with the
permissions that hang on them) move to this app, so nothing that refers to them is lost.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

import wagtail.fields

#: (old app, old model, new model) of every model that moved here.
MOVED = [
    ("cms", "agencyprofile", "agencyprofile"),
    ("cms", "sitesettings", "sitesettings"),
    ("citizen_requests", "calendarday", "calendarday"),
    ("citizen_requests", "requestcounter", "registercounter"),
]


def _move(apps, moves):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for (old_app, old_model), (new_app, new_model) in moves:
        old = ContentType.objects.filter(app_label=old_app, model=old_model).first()
        if old is None:
            continue
        ContentType.objects.filter(app_label=new_app, model=new_model).delete()
        old.app_label, old.model = new_app, new_model
        old.save(update_fields=["app_label", "model"])
        if old_model != new_model:
            for permission in Permission.objects.filter(content_type=old):
                action, _sep, model = permission.codename.partition("_")
                if model == old_model:
                    permission.codename = f"{action}_{new_model}"
                    permission.save(update_fields=["codename"])


def forwards(apps, schema_editor):
    _move(apps, [((app, old), ("agency", new)) for app, old, new in MOVED])


def backwards(apps, schema_editor):
    _move(apps, [(("agency", new), (app, old)) for app, old, new in MOVED])


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cms", "0003_move_models_to_agency"),
        ("citizen_requests", "0005_move_models_to_agency"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CalendarDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="date")),
                        (
                            "is_working",
                            models.BooleanField(
                                default=False,
                                help_text="Tick for a working Saturday or Sunday; leave empty for an extra day off.",
                                verbose_name="working day",
                            ),
                        ),
                        (
                            "note",
                            models.CharField(
                                blank=True,
                                help_text="The decree that transferred the day, for example its number and date.",
                                max_length=255,
                                verbose_name="note",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "calendar transfer",
                        "verbose_name_plural": "calendar transfers",
                        "ordering": ["date"],
                    },
                ),
                migrations.CreateModel(
                    name="RegisterCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("kind", models.CharField(max_length=20)),
                        ("year", models.PositiveSmallIntegerField()),
                        ("last", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "year"), name="request_counter_kind_year"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("telegram_url", models.URLField(blank=True, verbose_name="Telegram")),
                        ("facebook_url", models.URLField(blank=True, verbose_name="Facebook")),
                        ("instagram_url", models.URLField(blank=True, verbose_name="Instagram")),
                        ("youtube_url", models.URLField(blank=True, verbose_name="YouTube")),
                        ("x_url", models.URLField(blank=True, verbose_name="X (Twitter)")),
                        (
                            "logo",
                            models.ForeignKey(
                                blank=True,
                                help_text="Shown in the header of every page. A square emblem works best.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="logo",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "site settings",
                    },
                ),
                migrations.CreateModel(
                    name="AgencyProfile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("name", models.CharField(max_length=255, verbose_name="name")),
                        (
                            "short_name",
                            models.CharField(blank=True, max_length=80, verbose_name="short name"),
                        ),
                        ("address", models.TextField(blank=True, verbose_name="address")),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=64, verbose_name="phone"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "reception_hours",
                            models.CharField(
                                blank=True, max_length=255, verbose_name="reception hours"
                            ),
                        ),
                        (
                            "press_secretary_name",
                            models.CharField(
                                blank=True, max_length=255, verbose_name="press secretary"
                            ),
                        ),
                        (
                            "press_secretary_position",
                            models.CharField(
                                blank=True,
                                max_length=255,
                                verbose_name="press secretary's position",
                            ),
                        ),
                        (
                            "press_secretary_phone",
                            models.CharField(
                                blank=True, max_length=64, verbose_name="press secretary's phone"
                            ),
                        ),
                        (
                            "press_secretary_email",
                            models.EmailField(
                                blank=True, max_length=254, verbose_name="press secretary's e-mail"
                            ),
                        ),
                        (
                            "footer_links",
                            wagtail.fields.StreamField(
                                [("link", 3)],
                                blank=True,
                                block_lookup={
                                    0: ("wagtail.blocks.CharBlock", (), {"label": "label"}),
                                    1: (
                                        "wagtail.blocks.PageChooserBlock",
                                        (),
                                        {"label": "page", "required": False},
                                    ),
                                    2: (
                                        "wagtail.blocks.URLBlock",
                                        (),
                                        {"label": "outside address", "required": False},
                                    ),
                                    3: (
                                        "wagtail.blocks.StructBlock",
                                        [[("label", 0), ("page", 1), ("url", 2)]],
                                        {},
                                    ),
                                },
                                help_text="Extra links shown in the footer, after the main sections.",
                                verbose_name="footer links",
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                editable=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtailcore.locale",
                                verbose_name="locale",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "agency profile",
                        "verbose_name_plural": "agency profiles",
                        "abstract": False,
                        "unique_together": {("translation_key", "locale")},
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
