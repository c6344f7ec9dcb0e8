"""Translate demo objects through wagtail-localize, as a translator would.

The translated texts are known up front (the demo content is written in all
three languages), so instead of typing them into the translation editor we
export the translation's PO file, fill in every ``msgstr`` and import it back.
The result is the same as an editor's work: a ``Translation`` record with its
strings in translation memory, which editors can keep working on in
wagtail-localize's editor.
"""

from collections import defaultdict

from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class SegmentMismatchError(ValueError):
    """The translated demo text is not shaped like its source (a data error in the demo)."""


def _strings_by_path(instance) -> dict[str, list[str]]:
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def paired_strings(source, translated) -> dict[tuple[str, str], str]:
    """Map (context path, source string) to the translated string.

    ``translated`` is an unsaved instance of the same model holding the
    translated texts, with the same StreamField block ids as ``source``, so
    both yield their segments under the same paths and in the same order.
    """
    source_strings = _strings_by_path(source)
    translated_strings = _strings_by_path(translated)
    pairs = {}
    for path, originals in source_strings.items():
        translations = translated_strings.get(path, [])
        if len(translations) != len(originals):
            raise SegmentMismatchError(
                f"{source!r}: {path} has {len(originals)} source strings "
                f"but {len(translations)} translated ones"
            )
        pairs.update(
            {(path, original): text for original, text in zip(originals, translations, strict=True)}
        )
    return pairs


def translate(source, locale: Locale, translated, user=None):
    """Create ``source``'s translation into ``locale`` from the texts in ``translated``.

    Pages are saved as drafts (the caller publishes them, as the project's
    ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`` intends);
    snippets without draft state are saved directly. Returns the target object.
    """
    if isinstance(source, Page):
        source = source.specific
    translation_source, _ = TranslationSource.get_or_create_from_instance(source)
    translation, _ = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale
    )
    strings = paired_strings(source, translated)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get((entry.msgctxt, entry.msgid), entry.msgstr)
    translation.import_po(po, user=user, tool_name="seed_demo")
    translation.save_target(user=user, publish=not isinstance(source, DraftStateMixin))
    target = translation_source.get_translated_instance(locale)
    return target.specific if isinstance(target, Page) else target
