"""Fixtures for the moderation journey in the browser: a news section, the press office's people,
and the translator's work, which happens outside the admin journey under test.

A test module makes the fixture available with ``from tests.browser.moderation_fixtures import
moderation_site_fixture  # noqa: F401`` and asks for ``moderation_site``; it builds on
``tests/browser/conftest.py`` (the live server, the database snapshot and Chromium).
"""

from types import SimpleNamespace

from django.utils import translation

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

import pytest

from tests.press_pages.factories import NewsIndexPageFactory, kk_home, publish
from tests.signin import fresh_code, totp_device
from tests.workflows.moderation import PASSWORD, member
from workflows.models import ModerationSettings

# The admin is used in English so the tests can name Wagtail's buttons and headings; the
# project's own strings are looked up in English too, whichever catalogues are compiled.
ADMIN_LANGUAGE = "en"


def staff(role: str, username: str):
    """A member of ``role`` who may use the admin, in English."""
    user = member(role, username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save()
    return user


@pytest.fixture(name="moderation_site")
def moderation_site_fixture(browser, live_server, django_db_serialized_rollback, transactional_db):
    """A live kk news section, kk and ru required together, and the people of the journey.

    Committed (transactional) so the live server sees it; serialized rollback restores the
    locales, groups and workflows that the migrations create.
    """
    news_index = publish(NewsIndexPageFactory(parent=kk_home(), title="Жаңалықтар", slug="news"))
    moderation = ModerationSettings.load()
    moderation.required_locales = ["kk", "ru"]
    moderation.save()
    return SimpleNamespace(
        news_index=news_index,
        editor=staff("editors", "editor"),
        press_secretary=staff("press_secretaries", "press-secretary"),
        translator=staff("editors", "translator"),
    )


def log_in(
    browser_page, user, password: str = PASSWORD, *, admin_language: str = "en", opening=None
) -> None:
    """Sign in to the Wagtail admin through its login form and the authenticator app's code
    (the user's app is made on first use).

    The login form is in the browser's language (English here); the second factor is asked in
    ``admin_language``, the user's own. With ``opening``, an admin address followed while
    signed out (a link in an e-mail), the sign-in starts there and ends on that address.
    """
    device = totp_device(user)
    with translation.override(admin_language):
        code, continue_ = translation.gettext("Code"), translation.gettext("Continue")
    browser_page.goto(opening or "/admin/login/")
    browser_page.wait_for_url("**/admin/login/**")
    browser_page.get_by_label("Username").fill(user.get_username())
    browser_page.get_by_label("Password").fill(password)
    browser_page.get_by_role("button", name="Sign in").click()
    browser_page.wait_for_url("**/admin/two-step/verify/**")
    browser_page.get_by_label(code).fill(fresh_code(device))
    browser_page.get_by_role("button", name=continue_).click()
    browser_page.wait_for_url(opening or "**/admin/")


def translate_as_translator(page, code: str, texts: dict[str, str], user):
    """The translator's result: a draft of ``page`` in ``code`` made with wagtail-localize.

    ``TranslationCreator`` sets up the translation as the "Translate this page" action does,
    each source string listed in ``texts`` gets its translation as the translation editor would
    store it (strings not listed, such as the slug, keep the source text), and ``save_target``
    saves the draft without publishing, as "Save" in the translation editor does.
    """
    locale = Locale.objects.get(language_code=code)
    TranslationCreator(user, [locale]).create_translations(page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": texts.get(segment.string.data, segment.string.data),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
            },
        )
    translation.save_target(user=user, publish=False)
    return page.get_translation(locale).specific
