"""Speakers and topic links become translatable rows (a locale and a translation key each).

Existing rows are bootstrapped as in Wagtail's ``BootstrapTranslatableMixin``: the fields are
added nullable, filled, then made required. Each row takes its page's locale. The rows of a
translated page share their translation keys with the source page's rows, position by position,
when both pages have as many rows; wagtail-localize then recognises them at the next sync.
The texts of such translated speakers go into wagtail-localize's translation memory as the
translations of the source speakers' texts, so the next sync keeps them instead of bringing the
source language back.
"""

import uuid
from collections import defaultdict

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

#: Each model, with its text fields that wagtail-localize now gives translators as segments.
CHILD_MODELS = {"BriefingSpeaker": ("name", "position"), "NewsPageTopic": ()}
#: wagtail-localize's hashes of a string and of a context path (``String._get_data_hash`` and
#: ``TranslationContext._get_path_id``): historical models have no methods.
STRING_NAMESPACE = uuid.UUID("59ed7d1c-7eb5-45fa-9c8b-7a7057ed56d7")
PATH_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")


def source_locales(apps, translation_keys) -> dict:
    """The locale each page's translations were made from, by the page's translation key."""
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sources = TranslationSource.objects.filter(object_id__in=translation_keys).order_by("pk")
    return {str(key): locale_id for key, locale_id in sources.values_list("object_id", "locale_id")}


def remember_translation(apps, page_key, source, translated, key, fields) -> None:
    """Record ``translated``'s texts as translations of ``source``'s (rows, as dicts)."""
    String = apps.get_model("wagtail_localize", "String")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    StringTranslation = apps.get_model("wagtail_localize", "StringTranslation")
    relation = source["relation"]
    for field in fields:
        original, text = source[field], translated[field]
        if not original or not text:
            continue
        string, _created = String.objects.get_or_create(
            locale_id=source["page__locale_id"],
            data_hash=uuid.uuid5(STRING_NAMESPACE, original),
            defaults={"data": original},
        )
        path = f"{relation}.{key}.{field}"
        context, _created = TranslationContext.objects.get_or_create(
            object_id=page_key,
            path_id=uuid.uuid5(PATH_NAMESPACE, path),
            defaults={"path": path, "field_path": f"{relation}.{field}"},
        )
        StringTranslation.objects.get_or_create(
            translation_of=string,
            locale_id=translated["page__locale_id"],
            context=context,
            defaults={"data": text, "translation_type": "manual", "tool_name": "migration"},
        )


def bootstrap(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Translation = apps.get_model("wagtail_localize", "Translation")
    default_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    relations = {"BriefingSpeaker": "speakers", "NewsPageTopic": "topic_links"}
    for model_name, fields in CHILD_MODELS.items():
        Row = apps.get_model("press_pages", model_name)
        rows = list(
            Row.objects.order_by("page_id", "sort_order", "pk").values(
                "pk", "page__locale_id", "page__translation_key", *fields
            )
        )
        if not rows:
            continue
        # translation key of the page -> locale -> its rows, in order
        families = defaultdict(lambda: defaultdict(list))
        for row in rows:
            row["relation"] = relations[model_name]
            families[str(row["page__translation_key"])][row["page__locale_id"]].append(row)
        sources = source_locales(apps, list(families))
        updates = []
        for page_key, by_locale in families.items():
            source_locale = sources.get(page_key)
            translated_into = set()
            if source_locale in by_locale:
                translated_into = set(
                    Translation.objects.filter(
                        source__object_id=page_key, source__locale_id=source_locale
                    ).values_list("target_locale_id", flat=True)
                )
            else:
                source_locale = (
                    default_locale.pk
                    if default_locale and default_locale.pk in by_locale
                    else min(by_locale)
                )
            source_rows = by_locale[source_locale]
            source_keys = [uuid.uuid4() for _row in source_rows]
            for locale_id, locale_rows in by_locale.items():
                same_shape = len(locale_rows) == len(source_keys)
                for position, row in enumerate(locale_rows):
                    key = source_keys[position] if same_shape else uuid.uuid4()
                    updates.append(Row(pk=row["pk"], locale_id=locale_id, translation_key=key))
                    if same_shape and locale_id in translated_into:
                        remember_translation(
                            apps, page_key, source_rows[position], row, key, fields
                        )
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
