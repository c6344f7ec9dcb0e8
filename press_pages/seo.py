"""What search engines and social networks read from a page: its sharing image and its
schema.org structured data (JSON-LD)."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.images.shortcuts import get_rendition_or_not_found

from agency.addresses import page_url

from .chrome import memo
from .models import BriefingPage, FAQAnswerPage, HomePage, NewsPage

OG_IMAGE_SPEC = "fill-1200x630"

# Escapes that keep JSON inert inside a <script> element (as django.utils.html.json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def og_image(request, page) -> dict | None:
    """The sharing image of a page as an absolute URL with its size and alt text."""

    def compute():
        image = page.get_og_image() if hasattr(page, "get_og_image") else None
        if image is None:
            return None
        rendition = get_rendition_or_not_found(image, OG_IMAGE_SPEC)
        if request is not None:
            url = request.build_absolute_uri(rendition.url)
        else:
            url = rendition.full_url
        alt = page.hero_image_alt if getattr(page, "hero_image", None) == image else image.title
        return {"url": url, "width": rendition.width, "height": rendition.height, "alt": alt}

    return memo(request, f"og_image:{page.pk}", compute)


def site_description(chrome: dict) -> str:
    """The site-wide description, in the page's language, for pages that have none of their own."""
    agency = chrome.get("agency") or {}
    with translation.override(chrome["language"]):
        if agency.get("name"):
            return _(
                "Official website of the press service of %(agency)s: news, briefings and "
                "answers to frequent questions."
            ) % {"agency": agency["name"]}
        return _(
            "Official website of the press service: news, briefings and answers to frequent questions."
        )


def meta_description(page, chrome: dict) -> str:
    """The page's own description (see ``page_description``), else the site-wide one."""
    own = page.get_meta_description() if hasattr(page, "get_meta_description") else ""
    return own or site_description(chrome)


def og_type(page) -> str:
    """OpenGraph type: news items are articles, everything else a website."""
    return "article" if isinstance(page, NewsPage) else "website"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _organisation(chrome: dict, url: str | None = None) -> dict:
    agency = chrome.get("agency") or {}
    data = {"@type": "GovernmentOrganization", "name": agency.get("name") or ""}
    if url:
        data["url"] = url
    return data


def json_ld(page, request, chrome: dict, image: dict | None) -> dict | None:
    """schema.org data for ``page``: an FAQ page, a news article, an event or the organisation."""
    language = chrome["language"]
    url = page_url(page, request)
    if isinstance(page, FAQAnswerPage):
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": language,
            "url": url,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": page.title,
                    "acceptedAnswer": {"@type": "Answer", "text": page.short_answer},
                }
            ],
        }
    if isinstance(page, NewsPage):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title,
            "description": page.lead,
            "inLanguage": language,
            "mainEntityOfPage": url,
            "datePublished": _iso(page.first_published_at),
            "dateModified": _iso(page.last_published_at),
            "publisher": _organisation(chrome),
        }
        if image:
            data["image"] = [image["url"]]
        return data
    if isinstance(page, BriefingPage):
        location = [{"@type": "Place", "name": page.venue, "address": page.venue}]
        if page.stream_url:
            location.append({"@type": "VirtualLocation", "url": page.stream_url})
        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.get_meta_description(),
            "inLanguage": language,
            "url": url,
            "startDate": _iso(page.starts_at),
            "endDate": _iso(page.ends_at),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": (
                "https://schema.org/MixedEventAttendanceMode"
                if page.stream_url
                else "https://schema.org/OfflineEventAttendanceMode"
            ),
            "location": location if len(location) > 1 else location[0],
            "organizer": _organisation(chrome),
        }
    if isinstance(page, HomePage):
        agency = chrome.get("agency") or {}
        data = {"@context": "https://schema.org", **_organisation(chrome, url)}
        for key, field in (("address", "address"), ("telephone", "phone"), ("email", "email")):
            if agency.get(field):
                data[key] = agency[field]
        if chrome["social_links"]:
            data["sameAs"] = [link["url"] for link in chrome["social_links"]]
        return data
    return None


def json_ld_script(page, request, chrome: dict) -> str:
    """The page's schema.org data as an inert ``<script>`` element, or ``""``."""
    image = og_image(request, page) if isinstance(page, NewsPage) else None
    data = json_ld(page, request, chrome, image)
    if data is None:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )
