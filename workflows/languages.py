"""The languages a moderated page goes live in, and its versions in them.

A page goes live only together with its versions in the required languages (the moderation
settings); a translation never goes live before its source-language page. The functions here
answer those questions for the tasks, the guard and the review screens.
"""

from django.conf import settings
from django.utils.translation import gettext

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .answers import answer, answering
from .configuration import ModerationSettings


def required_locales() -> list[str]:
    return list(
        answer("required_locales", lambda: ModerationSettings.load().get_required_locales())
    )


def default_locale():
    """The default language's ``Locale`` (Wagtail reads it from the database on every call)."""
    return answer("default_locale", Locale.get_default)


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def translation_codes(page, **filters) -> set[str]:
    """Language codes of ``page``'s other-language versions (``filters``: e.g. ``live=True``)."""
    versions = page.get_translations(inclusive=False).filter(**filters)
    return set(versions.values_list("locale__language_code", flat=True))


def language_code(page) -> str:
    """The language code of ``page``, without a query per page inside ``same_answers``."""
    if not answering():
        return page.locale.language_code
    codes = answer("locale_codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))
    return codes.get(page.locale_id) or page.locale.language_code


def missing_translations(page) -> list[str]:
    """Names of the required languages in which ``page`` has no version at all.

    Inside ``same_answers`` it is asked once per page: creating a language version is not part
    of an approval.
    """

    def compute():
        have = {language_code(page)} | translation_codes(page)
        return [language_name(code) for code in required_locales() if code not in have]

    return list(answer(("missing_translations", page.pk), compute))


def incomplete_translations(page) -> list[str]:
    """Human-readable problems with the required translations of ``page``, empty when complete."""
    problems = [
        gettext("No %(language)s version.") % {"language": name}
        for name in missing_translations(page)
    ]
    source_page = page.get_translation_or_none(page.get_default_locale()) or page
    source = TranslationSource.objects.get_for_instance_or_none(source_page)
    if source is not None:
        for translation in Translation.objects.filter(
            source=source,
            target_locale__language_code__in=required_locales(),
            enabled=True,
        ).select_related("target_locale"):
            total, done = translation.get_progress()
            if done < total:
                problems.append(
                    gettext("%(language)s: %(done)d of %(total)d segments translated.")
                    % {
                        "language": language_name(translation.target_locale.language_code),
                        "done": done,
                        "total": total,
                    }
                )
    return problems


def companions(page) -> list[Page]:
    """Required-language versions of ``page`` that are not live yet: they go live with it."""
    versions = page.get_translations(inclusive=False).filter(
        live=False, locale__language_code__in=required_locales()
    )
    return list(versions.select_related("locale").specific())


def unpublished_source(page) -> Page | None:
    """The source-language version of translation ``page`` while it is not live, else None.

    The source page is what the workflow moderates; its translations go live together with it
    or after it, never before it. Applies when the default language is a required one.
    """
    default = default_locale()
    if page.locale_id == default.pk or default.language_code not in required_locales():
        return None
    source = page.get_translation_or_none(default)
    return source if source is not None and not source.live else None


def source_not_live_message(page, source) -> str:
    return gettext(
        "“%(title)s” cannot go live before its %(language)s version; it goes live together "
        "with that version once it is approved."
    ) % {
        "title": page.get_admin_display_title(),
        "language": language_name(source.locale.language_code),
    }
