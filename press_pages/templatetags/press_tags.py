"""Template tags for the public site's chrome: header, footer, language switcher and metadata.

The header and footer appear on every page, so what they need (agency profile,
logo, main menu, section feeds, each locale's home page) is computed once per
site and language and kept in Django's cache as plain data. The cache key holds
``agency.cache.current_generation()``, which every publish and every snippet or
settings change bumps, so the chrome is never stale and needs no SQL on a warm
cache. A page's translations and ancestors are cached the same way, and every
value is memoised on the request, so ``<head>`` and body share it.
"""

import json

from django import template
from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_supported_language_variant

from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Locale, Page, Site

from agency.cache import current_generation
from agency.models import AgencyProfile, SiteSettings
from press_pages.models import (
    BriefingIndexPage,
    BriefingPage,
    FAQAnswerPage,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    Topic,
)

register = template.Library()

CHROME_TIMEOUT = 24 * 60 * 60
LOGO_SPEC = "height-96"
OG_IMAGE_SPEC = "fill-1200x630"
LANGUAGE_NAMES = dict(settings.LANGUAGES)
AGENCY_FIELDS = (
    "name",
    "short_name",
    "address",
    "phone",
    "email",
    "reception_hours",
    "press_secretary_name",
    "press_secretary_position",
    "press_secretary_phone",
    "press_secretary_email",
)
INDEX_KINDS = {"news": NewsIndexPage, "briefings": BriefingIndexPage, "faq": FAQIndexPage}

# Escapes that keep JSON inert inside a <script> element (as django.utils.html.json_script).
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _memo(request, key, compute):
    """Compute a value once per request (or every time if there is no request)."""
    if request is None:
        return compute()
    store = request.__dict__.setdefault("_press_tags_memo", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def _shared(request, *key_parts, compute):
    """A value kept in Django's cache until the next publish or content change.

    The key holds the generation that ``agency.cache`` bumps on every publish,
    unpublish, move and snippet or settings save, so nothing here needs
    invalidating by hand. The value is also memoised on the request.
    """
    generation = _memo(request, "generation", current_generation)
    key = ":".join(["press", str(generation), *map(str, key_parts)])

    def lookup():
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, CHROME_TIMEOUT)
        return value

    return _memo(request, key, lookup)


def _current_page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _locale_codes(request) -> dict[int, str]:
    """Locale primary keys to language codes; a new locale matters only once it has content."""
    return _shared(
        request, "locales", compute=lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def _active_language() -> str:
    try:
        return get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def page_language(context) -> str:
    """The language of the page being shown, else the active language.

    A page's own locale wins so that a preview from the admin (whose language
    is the editor's) still declares the page's language.
    """
    page = _current_page(context)
    if page is not None and page.locale_id:
        code = _locale_codes(context.get("request")).get(page.locale_id)
        if code in LANGUAGE_NAMES:
            return code
    return _active_language()


def _site(request) -> Site | None:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def _site_pk(request) -> int:
    site = _site(request)
    return site.pk if site is not None else 0


def _section(page, request) -> dict:
    return {
        "title": page.title,
        "url": page.get_url(request),
        "path": page.path,
        "intro": getattr(page, "intro", ""),
        "show_in_menus": page.show_in_menus,
    }


def _agency(profile) -> tuple[dict | None, list[dict]]:
    if profile is None:
        return None, []
    agency = {field: getattr(profile, field) for field in AGENCY_FIELDS}
    footer_links = []
    for block in profile.footer_links:
        linked_page, url = block.value.get("page"), block.value.get("url")
        if linked_page is not None:
            linked_page = linked_page.localized
            if linked_page.live:
                url = linked_page.url
        if url:
            footer_links.append({"label": block.value["label"], "url": url})
    return agency, footer_links


def _build_chrome(site: Site | None, language: str, request) -> dict:
    """Everything the header and footer show, as plain picklable data."""
    homes = {}
    if site is not None:
        root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
        for home in HomePage.objects.live().filter(translation_key=root_key):
            homes[_locale_codes(request).get(home.locale_id)] = home
    home = homes.get(language) or homes.get(settings.LANGUAGE_CODE)

    sections, feeds, indexes = [], [], {}
    if home is not None:
        for child in home.get_children().live().specific():
            section = _section(child, request)
            sections.append(section)
            for kind, index_type in INDEX_KINDS.items():
                if isinstance(child, index_type):
                    indexes.setdefault(kind, section["url"])
                    base = section["url"] or ""
                    feeds.append(
                        {
                            "title": child.title,
                            "rss": base + child.reverse_subpage("rss"),
                            "atom": base + child.reverse_subpage("atom"),
                            "ical": base + child.reverse_subpage("ical")
                            if kind == "briefings"
                            else "",
                        }
                    )

    locale = Locale.objects.filter(language_code=language).first()
    agency, footer_links = _agency(AgencyProfile.for_locale(locale) if locale else None)

    logo, social_links = None, []
    if site is not None:
        site_settings = SiteSettings.for_site(site)
        social_links = [{"name": n, "url": u} for n, u in site_settings.social_links]
        if site_settings.logo is not None:
            rendition = get_rendition_or_not_found(site_settings.logo, LOGO_SPEC)
            logo = {"url": rendition.url, "width": rendition.width, "height": rendition.height}

    return {
        "language": language,
        "agency": agency,
        "footer_links": footer_links,
        "logo": logo,
        "social_links": social_links,
        "home_url": home.get_url(request) if home is not None else "/",
        "homes": {code: page.get_url(request) for code, page in homes.items()},
        "menu": [section for section in sections if section["show_in_menus"]],
        "sections": sections,
        "feeds": feeds,
        "indexes": indexes,
    }


@register.simple_tag(takes_context=True)
def press_chrome(context) -> dict:
    """The header and footer data for the current site and language (cached)."""
    request = context.get("request")
    language = page_language(context)
    site = _site(request)
    return _shared(
        request,
        "chrome",
        site.pk if site is not None else 0,
        language,
        compute=lambda: _build_chrome(site, language, request),
    )


@register.simple_tag(takes_context=True)
def menu_items(context) -> list[dict]:
    """The main menu, with the section holding the current page marked."""
    chrome = press_chrome(context)
    page = _current_page(context)
    path = page.path if page is not None and page.path else None
    return [
        {**item, "current": path is not None and path.startswith(item["path"])}
        for item in chrome["menu"]
    ]


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language for the switcher and the hreflang alternates.

    On a page: its live translation, else that language's home page (languages
    without a home page are left out). Elsewhere: the same URL in that language.
    Each item: ``code``, ``name``, ``url``, ``full_url`` (set only for a real
    translation), ``current`` and ``is_translation``.
    """
    request = context.get("request")
    page = _current_page(context)
    chrome = press_chrome(context)
    current = chrome["language"]

    if page is None:
        if request is None:
            return []
        path = request.get_full_path()
        return [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "full_url": request.build_absolute_uri(translate_url(path, code)),
                "current": code == current,
                "is_translation": True,
            }
            for code, name in settings.LANGUAGES
        ]

    def translation_urls() -> dict[str, tuple[str, str]]:
        codes = _locale_codes(request)
        return {
            codes.get(t.locale_id): (t.get_url(request), t.get_full_url(request))
            for t in page.get_translations(inclusive=True).live()
        }

    if page.pk and page.live:
        urls = _shared(
            request,
            "translations",
            _site_pk(request),
            page.translation_key,
            compute=translation_urls,
        )
    else:  # a preview of a draft is never cached
        urls = translation_urls() if page.pk else {}
        urls[current] = (page.get_url(request), page.get_full_url(request))

    links = []
    for code, name in settings.LANGUAGES:
        url, full_url = urls.get(code) or (chrome["homes"].get(code), None)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": full_url,
                "current": code == current,
                "is_translation": full_url is not None,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def page_ancestors(context, page) -> list[dict]:
    """The page's ancestors below the tree root, home page first: ``title``, ``url``, ``depth``."""
    request = context.get("request")

    def compute():
        return [
            {"title": a.title, "url": a.get_url(request), "depth": a.depth}
            for a in page.breadcrumbs()
        ]

    if not (page.pk and page.live):
        return compute()
    return _shared(request, "ancestors", _site_pk(request), page.pk, compute=compute)


@register.simple_tag(takes_context=True)
def parent_url(context, page) -> str:
    """The URL of the page's parent, from the (cached) breadcrumb trail."""
    ancestors = page_ancestors(context, page)
    return ancestors[-1]["url"] if ancestors else ""


@register.simple_tag(takes_context=True)
def og_image(context, page) -> dict | None:
    """The sharing image of a page as an absolute URL with its size and alt text."""
    request = context.get("request")

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

    return _memo(request, f"og_image:{page.pk}", compute)


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _organisation(chrome: dict, url: str | None = None) -> dict:
    agency = chrome.get("agency") or {}
    data = {"@type": "GovernmentOrganization", "name": agency.get("name") or ""}
    if url:
        data["url"] = url
    return data


def _json_ld_for(page, request, chrome: dict, image: dict | None) -> dict | None:
    language = chrome["language"]
    url = page.get_full_url(request)
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


@register.simple_tag(takes_context=True)
def page_json_ld(context) -> str:
    """schema.org structured data for the current page, as an inert ``<script>`` element."""
    page = _current_page(context)
    if page is None:
        return ""
    request = context.get("request")
    image = og_image(context, page) if isinstance(page, NewsPage) else None
    data = _json_ld_for(page, request, press_chrome(context), image)
    if data is None:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.simple_tag
def og_type(page) -> str:
    """OpenGraph type: news items are articles, everything else a website."""
    return "article" if isinstance(page, NewsPage) else "website"


@register.simple_tag
def elided_page_range(page_obj) -> list:
    """Page numbers around the current one, with ``…`` gaps, for long listings."""
    return list(
        page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    )


@register.simple_tag
def titled_embed(embed, title) -> str:
    """An embed's HTML with ``title`` on its iframe, which screen readers announce.

    Providers' oEmbed HTML often has an untitled iframe; Wagtail renders that
    HTML unescaped anyway, so adding the attribute changes no trust boundary.
    """
    html = str(embed) if embed else ""
    start = html.find("<iframe")
    if start == -1:
        return mark_safe(html)  # noqa: S308 - provider HTML, rendered as Wagtail does
    tag_end = html.find(">", start)
    if " title=" in html[start:tag_end]:
        return mark_safe(html)  # noqa: S308 - provider HTML, rendered as Wagtail does
    titled = format_html('<iframe title="{}"', title)
    return mark_safe(html[:start] + titled + html[start + len("<iframe") :])  # noqa: S308


@register.simple_tag
def document_size(document) -> int | None:
    """A document's size in bytes, without saving it as ``Document.get_file_size`` would.

    A save on a public GET would invalidate every cached page; documents
    uploaded through the admin already have their size recorded.
    """
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except OSError:
        return None


@register.simple_tag(takes_context=True)
def topic_choices(context, page) -> list[dict]:
    """The topics of the page's language for the news filter, as ``slug``/``name`` (cached)."""
    request = context.get("request")

    def compute():
        return [
            {"slug": topic.slug, "name": topic.name}
            for topic in Topic.objects.filter(locale_id=page.locale_id)
        ]

    return _shared(request, "topics", page.locale_id, compute=compute)


@register.filter
def iso_datetime(value) -> str:
    """A datetime for ``<time datetime>``: local time, to the second, with its UTC offset."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
