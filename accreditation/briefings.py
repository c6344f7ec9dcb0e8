"""The event behind a briefing page.

A briefing exists once per language (wagtail-localize); registrations, places and notices belong
to the event, which is the briefing in the site's default language (:func:`event_for`), so a
journalist registering on the Russian page takes a place from the same count as one on the
Kazakh page, and each notice links to the briefing in its reader's language (:func:`localized`).
"""

from django.utils import timezone

from wagtail.models import Locale

from press_pages.models import BriefingPage


def event_for(page) -> BriefingPage:
    """The briefing that registrations and notices of ``page`` (any translation) belong to."""
    page = page.specific
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = (
        BriefingPage.objects.filter(translation_key=page.translation_key, locale=default)
        .order_by("pk")
        .first()
    )
    return source or page


def translations_of(event) -> list[int]:
    """The page ids of every translation of ``event``."""
    return list(
        BriefingPage.objects.filter(translation_key=event.translation_key).values_list(
            "pk", flat=True
        )
    )


def localized(event, language: str):
    """``event`` in ``language`` if that translation is live, else ``event`` itself."""
    page = (
        BriefingPage.objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=language)
        .first()
    )
    return page or event


def event_day(event):
    return timezone.localtime(event.starts_at).date()
