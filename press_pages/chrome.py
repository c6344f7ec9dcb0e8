"""The public site's chrome: header, footer, language switcher and breadcrumbs, as cached data.

The header and footer appear on every page, so what they need (agency profile, logo, main menu,
section feeds, each locale's home page) is computed once per site and language and kept in
Django's cache as plain data. The cache key holds ``agency.cache.current_generation()``, which
every publish and every snippet or settings change bumps, so the chrome is never stale and needs
no SQL on a warm cache. A page's translations and ancestors are cached the same way, and every
value is memoised on the request, so ``<head>`` and body share it. The template tags of
:mod:`press_pages.templatetags.press_tags` only hand these to the templates.
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_supported_language_variant

from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Locale, Page, Site

from agency.addresses import absolute_url
from agency.cache import current_generation
from agency.models import AgencyProfile, SiteSettings

from .models import BriefingIndexPage, FAQIndexPage, HomePage, NewsIndexPage, Topic
from .models.base import plain_text

CHROME_TIMEOUT = 24 * 60 * 60
LOGO_SPEC = "height-96"
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


def memo(request, key, compute):
    """Compute a value once per request (or every time if there is no request)."""
    if request is None:
        return compute()
    store = request.__dict__.setdefault("_press_chrome_memo", {})
    if key not in store:
        store[key] = compute()
    return store[key]


def shared(request, *key_parts, compute):
    """A value kept in Django's cache until the next publish or content change.

    The key holds the generation that ``agency.cache`` bumps on every publish,
    unpublish, move and snippet or settings save, so nothing here needs
    invalidating by hand. The value is also memoised on the request.
    """
    generation = memo(request, "generation", current_generation)
    key = ":".join(["press", str(generation), *map(str, key_parts)])

    def lookup():
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, CHROME_TIMEOUT)
        return value

    return memo(request, key, lookup)


def _locale_codes(request) -> dict[int, str]:
    """Locale primary keys to language codes; a new locale matters only once it has content."""
    return shared(
        request, "locales", compute=lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def _active_language() -> str:
    try:
        return get_supported_language_variant(translation.get_language() or "")
    except LookupError:
        return settings.LANGUAGE_CODE


def page_language(request, page: Page | None) -> str:
    """The language of the page being shown, else the active language.

    A page's own locale wins so that a preview from the admin (whose language
    is the editor's) still declares the page's language.
    """
    if page is not None and page.locale_id:
        code = _locale_codes(request).get(page.locale_id)
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
        "intro": plain_text(getattr(page, "intro", "")),
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


def chrome(request, page: Page | None) -> dict:
    """The header and footer data for the current site and language (cached)."""
    language = page_language(request, page)
    site = _site(request)
    return shared(
        request,
        "chrome",
        site.pk if site is not None else 0,
        language,
        compute=lambda: _build_chrome(site, language, request),
    )


def menu_items(request, page: Page | None) -> list[dict]:
    """The main menu, with the section holding the current page marked."""
    path = page.path if page is not None and page.path else None
    return [
        {**item, "current": path is not None and path.startswith(item["path"])}
        for item in chrome(request, page)["menu"]
    ]


def language_links(request, page: Page | None) -> list[dict]:
    """One link per language for the switcher and the hreflang alternates.

    On a page: its live translation, else that language's home page (languages
    without a home page are left out). Elsewhere: the same URL in that language.
    Each item: ``code``, ``name``, ``url``, ``full_url`` (set only for a real
    translation), ``current`` and ``is_translation``.
    """
    site_chrome = chrome(request, page)
    current = site_chrome["language"]

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
        urls = shared(
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
        url, full_url = urls.get(code) or (site_chrome["homes"].get(code), None)
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "full_url": absolute_url(full_url, request),
                "current": code == current,
                "is_translation": full_url is not None,
            }
        )
    return links


def page_ancestors(request, page) -> list[dict]:
    """The page's ancestors below the tree root, home page first: ``title``, ``url``, ``depth``."""

    def compute():
        return [
            {"title": a.title, "url": a.get_url(request), "depth": a.depth}
            for a in page.breadcrumbs()
        ]

    if not (page.pk and page.live):
        return compute()
    return shared(request, "ancestors", _site_pk(request), page.pk, compute=compute)


def topic_choices(request, page) -> list[dict]:
    """The topics of the page's language for the news filter, as ``slug``/``name`` (cached)."""

    def compute():
        return [
            {"slug": topic.slug, "name": topic.name}
            for topic in Topic.objects.filter(locale_id=page.locale_id)
        ]

    return shared(request, "topics", page.locale_id, compute=compute)
