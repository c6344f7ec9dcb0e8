"""iCalendar (.ics) downloads of press events.

A journalist adds one briefing to their calendar from its page (route
``ics``, ``<briefing>/ical/``), or subscribes to every upcoming event of a
briefing index (route ``ical``, ``<index>/ical/``). Wagtail serves only
slash-terminated paths without dots, hence no ``.ics`` in the address; the
download's file name carries it instead. Times are written in Asia/Almaty
with a VTIMEZONE, so calendar clients show them right wherever the reader is.
"""

import datetime
import functools
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.rich_text import get_text_for_indexing

from icalendar import Calendar, Event, Timezone
from icalendar.prop import vDuration

from agency.addresses import absolute_url
from agency.models import AgencyProfile

from .feeds import title_with_agency

PRODUCT = "Baspasoz"
CALENDAR_REFRESH = datetime.timedelta(hours=1)


@functools.cache
def _vtimezone() -> Timezone:
    """The site's time zone as a VTIMEZONE; building it takes tens of milliseconds."""
    return Timezone.from_tzid(settings.TIME_ZONE)


def _event_description(briefing) -> str:
    """Plain text for the event: the announcement, speakers, stream and attendance rules."""
    parts = [get_text_for_indexing(briefing.announcement)]
    speakers = list(briefing.speakers.all())
    if speakers:
        lines = [_("Speakers:")]
        lines.extend(f"- {speaker.name}, {speaker.position}" for speaker in speakers)
        parts.append("\n".join(lines))
    if briefing.stream_url:
        parts.append(_("Online stream: %(url)s") % {"url": briefing.stream_url})
    if briefing.accreditation_required:
        parts.append(_("Only accredited journalists may attend."))
    return "\n\n".join(part for part in parts if part)


def briefing_event(request, briefing) -> Event:
    """One VEVENT for ``briefing``, in the site's time zone.

    The UID names the page (translation key and language) and the host of the
    site's record, so re-importing an updated event replaces the old one instead
    of adding a copy, whatever address it was downloaded from, and the Kazakh and
    Russian versions are distinct events. The URL is the address being served.
    """
    record_url = briefing.get_full_url(request)
    url = absolute_url(record_url, request)
    tz = ZoneInfo(settings.TIME_ZONE)
    language = briefing.locale.language_code
    modified = briefing.last_published_at or briefing.latest_revision_created_at
    return Event.new(
        uid=f"briefing-{briefing.translation_key}-{language}@{urlsplit(record_url).hostname}",
        summary=briefing.title,
        start=briefing.starts_at.astimezone(tz),
        end=briefing.ends_at.astimezone(tz),
        location=briefing.venue,
        description=_event_description(briefing),
        url=url,
        categories=[briefing.get_kind_display()],
        status="CONFIRMED",
        # Without a METHOD, DTSTAMP means "when this information last changed".
        stamp=modified,
        last_modified=modified,
        created=briefing.first_published_at,
    )


def _calendar(name: str, language: str, uid: str, events) -> Calendar:
    calendar = Calendar.new(
        prodid=f"-//{PRODUCT}//Press office//{language.upper()}",
        name=name,
        uid=uid,
        calscale="GREGORIAN",
    )
    calendar["X-WR-TIMEZONE"] = settings.TIME_ZONE
    calendar.add_component(_vtimezone())
    for event in events:
        calendar.add_component(event)
    return calendar


def _ics_response(calendar: Calendar, filename: str) -> HttpResponse:
    return HttpResponse(
        calendar.to_ical(),
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def _filename(slug: str, fallback: str, language: str) -> str:
    """An ASCII file name like ``press-conference-kk.ics``, whatever the slug holds."""
    return f"{slugify(slug) or fallback}-{language}.ics"


def briefing_calendar_response(request, briefing) -> HttpResponse:
    """A one-event ``.ics`` download for ``briefing``, in the briefing's language."""
    language = briefing.locale.language_code
    with translation.override(language):
        event = briefing_event(request, briefing)
        calendar = _calendar(
            name=briefing.title, language=language, uid=f"calendar-{event.uid}", events=[event]
        )
    return _ics_response(calendar, _filename(briefing.slug, "briefing", language))


def upcoming_calendar_response(request, briefing_index) -> HttpResponse:
    """A subscribable calendar of the index's live events that have not ended yet."""
    language = briefing_index.locale.language_code
    briefings = (
        briefing_index.upcoming()
        .select_related("locale")
        .defer_streamfields()
        .prefetch_related("speakers")
    )
    with translation.override(language):
        record_url = briefing_index.get_full_url(request)
        url = absolute_url(record_url, request)
        calendar = _calendar(
            name=title_with_agency(briefing_index, AgencyProfile.for_locale(briefing_index.locale)),
            language=language,
            uid=(
                f"briefings-{briefing_index.translation_key}-{language}"
                f"@{urlsplit(record_url).hostname}"
            ),
            events=[briefing_event(request, briefing) for briefing in briefings],
        )
    calendar.url = url
    calendar.refresh_interval = CALENDAR_REFRESH
    calendar.add("X-PUBLISHED-TTL", vDuration(CALENDAR_REFRESH))
    return _ics_response(calendar, _filename(briefing_index.slug, "briefings", language))
