"""Public views that are not pages: site search and robots.txt."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator, capfirst
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page
from wagtail.rich_text import get_text_for_indexing

from .models import BriefingPage, FAQAnswerPage, NewsPage
from .models.base import ITEMS_PER_PAGE, SEARCH_QUERY_MAX_LENGTH, search_query
from .search import search_pages

SEARCHABLE_PAGE_TYPES = (NewsPage, BriefingPage, FAQAnswerPage)
SNIPPET_WORDS = 40


@dataclass
class SearchResult:
    """A found page with what the result list shows about it."""

    page: Page
    type_label: str
    date: date | None
    snippet: str


def describe_result(page) -> SearchResult:
    """The type, date and short text to show for a specific press page."""
    if isinstance(page, NewsPage):
        when, snippet = page.display_date, page.lead
    elif isinstance(page, BriefingPage):
        when = timezone.localdate(page.starts_at)
        snippet = Truncator(get_text_for_indexing(page.announcement)).words(SNIPPET_WORDS)
    elif isinstance(page, FAQAnswerPage):
        when, snippet = page.last_reviewed, page.short_answer
    else:
        when, snippet = None, page.search_description
    return SearchResult(
        page=page, type_label=capfirst(page._meta.verbose_name), date=when, snippet=snippet
    )


def _page_or_first(paginator: Paginator, number):
    """The requested page of results; a malformed or out-of-range number shows the first."""
    try:
        return paginator.page(number or 1)
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)


@require_safe
def search(request):
    """Search the news, briefings and answers of the visitor's language.

    Index and home pages are left out: they hold no content of their own. Any
    form of a word finds the same pages (``press_pages.search``). The page of
    results is turned into specific pages in bulk (a query per page type, not
    per result).
    """
    query = search_query(request)
    context = {"query": query, "query_max_length": SEARCH_QUERY_MAX_LENGTH}
    if query:
        locale = Locale.get_active()
        pages = Page.objects.live().public().filter(locale=locale).type(*SEARCHABLE_PAGE_TYPES)
        outcome = search_pages(pages, query, locale.language_code, vocabulary_key="site")
        results = _page_or_first(
            Paginator(outcome.results, ITEMS_PER_PAGE), request.GET.get("page")
        )
        pks = [page.pk for page in results.object_list]
        specific = Page.objects.filter(pk__in=pks).specific().defer_streamfields().in_bulk()
        context.update(
            results=results,
            result_items=[describe_result(specific[pk]) for pk in pks if pk in specific],
            all_words=outcome.all_words,
            suggestion=outcome.suggestion,
        )
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def robots_txt(request):
    """Keep crawlers out of the admin and search results, and point them to the sitemap."""
    search_paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            search_paths.append(reverse("search"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        *(f"Disallow: {path}" for path in search_paths),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
