"""Speakers and topic links become translatable rows (a locale and a translation key each).

Existing rows are bootstrapped as in Wagtail's ``BootstrapTranslatableMixin``: the fields are
added nullable, filled, then made required. Each row takes its page's locale. The rows of a
translated page share their translation keys with the source page's rows, position by position,
when both pages have as many rows; wagtail-localize then recognises them at the next sync.
"""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

CHILD_MODELS = ("BriefingSpeaker", "NewsPageTopic")


def source_locales(apps, translation_keys) -> dict:
    """The locale each page's translations were made from, by the page's translation key."""
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sources = TranslationSource.objects.filter(object_id__in=translation_keys).order_by("pk")
    return {str(key): locale_id for key, locale_id in sources.values_list("object_id", "locale_id")}


def bootstrap(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    default_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for model_name in CHILD_MODELS:
        Row = apps.get_model("press_pages", model_name)
        rows = list(
            Row.objects.order_by("page_id", "sort_order", "pk").values(
                "pk", "page__locale_id", "page__translation_key"
            )
        )
        if not rows:
            continue
        # translation key of the page -> locale -> its rows, in order
        families = defaultdict(lambda: defaultdict(list))
        for row in rows:
            families[str(row["page__translation_key"])][row["page__locale_id"]].append(row["pk"])
        sources = source_locales(apps, list(families))
        updates = []
        for page_key, by_locale in families.items():
            source_locale = sources.get(page_key)
            if source_locale not in by_locale:
                source_locale = (
                    default_locale.pk
                    if default_locale and default_locale.pk in by_locale
                    else min(by_locale)
                )
            source_keys = [uuid.uuid4() for _pk in by_locale[source_locale]]
            for locale_id, pks in by_locale.items():
                same_shape = len(pks) == len(source_keys)
                for position, pk in enumerate(pks):
                    key = source_keys[position] if same_shape else uuid.uuid4()
                    updates.append(Row(pk=pk, locale_id=locale_id, translation_key=key))
        Row.objects.bulk_update(updates, ["locale", "translation_key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("press_pages", "0003_briefing_capacity_and_cancellation"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        *(
            operation
            for model_name in ("briefingspeaker", "newspagetopic")
            for operation in (
                migrations.AddField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AddField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(editable=False, null=True),
                ),
            )
        ),
        migrations.RunPython(bootstrap, migrations.RunPython.noop, elidable=True),
        *(
            operation
            for model_name in ("briefingspeaker", "newspagetopic")
            for operation in (
                migrations.AlterField(
                    model_name=model_name,
                    name="locale",
                    field=models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name="translation_key",
                    field=models.UUIDField(default=uuid.uuid4, editable=False),
                ),
                migrations.AlterUniqueTogether(
                    name=model_name,
                    unique_together={("translation_key", "locale")},
                ),
            )
        ),
    ]
