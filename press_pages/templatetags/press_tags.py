"""Template tags of the public site: its chrome (header, footer, language switcher, breadcrumbs),
metadata for search engines and sharing, and small formatting helpers.

The tags only hand the templates what :mod:`press_pages.chrome` (cached per site, language and
publication) and :mod:`press_pages.seo` compute.
"""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page

from agency.addresses import page_url

from .. import chrome, seo

register = template.Library()


def _current_page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def page_language(context) -> str:
    """The language of the page being shown (its own locale, even in a preview), else the active
    language."""
    return chrome.page_language(context.get("request"), _current_page(context))


@register.simple_tag(takes_context=True)
def press_chrome(context) -> dict:
    """The header and footer data for the current site and language (cached)."""
    return chrome.chrome(context.get("request"), _current_page(context))


@register.simple_tag(takes_context=True)
def menu_items(context) -> list[dict]:
    """The main menu, with the section holding the current page marked."""
    return chrome.menu_items(context.get("request"), _current_page(context))


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """One link per language for the switcher and the hreflang alternates."""
    return chrome.language_links(context.get("request"), _current_page(context))


@register.simple_tag(takes_context=True)
def page_ancestors(context, page) -> list[dict]:
    """The page's ancestors below the tree root, home page first: ``title``, ``url``, ``depth``."""
    return chrome.page_ancestors(context.get("request"), page)


@register.simple_tag(takes_context=True)
def parent_url(context, page) -> str:
    """The URL of the page's parent, from the (cached) breadcrumb trail."""
    ancestors = chrome.page_ancestors(context.get("request"), page)
    return ancestors[-1]["url"] if ancestors else ""


@register.simple_tag(takes_context=True)
def topic_choices(context, page) -> list[dict]:
    """The topics of the page's language for the news filter, as ``slug``/``name`` (cached)."""
    return chrome.topic_choices(context.get("request"), page)


@register.simple_tag(takes_context=True)
def og_image(context, page) -> dict | None:
    """The sharing image of a page as an absolute URL with its size and alt text."""
    return seo.og_image(context.get("request"), page)


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The description of the page shown (or of the site, on pages without their own)."""
    return seo.meta_description(
        _current_page(context), chrome.chrome(context.get("request"), _current_page(context))
    )


@register.simple_tag(takes_context=True)
def canonical_url(context, page) -> str | None:
    """The page's absolute URL on the address being served (the Site record's port aside)."""
    return page_url(page, context.get("request"))


@register.simple_tag
def og_type(page) -> str:
    """OpenGraph type: news items are articles, everything else a website."""
    return seo.og_type(page)


@register.simple_tag(takes_context=True)
def page_json_ld(context) -> str:
    """schema.org structured data for the current page, as an inert ``<script>`` element."""
    page = _current_page(context)
    if page is None:
        return ""
    request = context.get("request")
    return seo.json_ld_script(page, request, chrome.chrome(request, page))


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


@register.filter
def iso_datetime(value) -> str:
    """A datetime for ``<time datetime>``: local time, to the second, with its UTC offset."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
