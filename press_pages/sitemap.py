"""``/sitemap.xml``: every live, public page of the site in every language.

Each URL lists its translations as ``hreflang`` alternates (itself included)
and the Kazakh version as ``x-default``, so search engines show readers the
page in their language. It is built on Wagtail's and Django's sitemap classes
and Django's ``sitemap.xml`` template, which already renders alternates.

It has to stay fast with tens of thousands of news items: pages are read with
their generic fields only, and the translations of a whole sitemap page come
from one more query, grouped by ``translation_key``, never one per page.
"""

from collections import defaultdict
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from agency.addresses import absolute_url

# What a URL, its lastmod and its alternates need; anything else stays unread.
PAGE_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "locale_id",
    "last_published_at",
    "latest_revision_created_at",
)


class TranslatedPagesSitemap(Sitemap):
    """Wagtail's page sitemap across every locale's tree, with hreflang alternates.

    Wagtail's own ``Sitemap`` covers only the site root's tree (the Kazakh
    one) and asks each specific page for its URLs; this one covers the root's
    translations too and works on generic pages, as no page type here has
    more than one URL worth listing.
    """

    def items(self):
        return self.pages

    @cached_property
    def pages(self):
        """The pages to list, built once: ``public()`` reads the restrictions when called."""
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_locale_tree = Q()
        for root in roots:
            in_a_locale_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.live()
            .public()
            .filter(in_a_locale_tree)
            .order_by("path")
            .only(*PAGE_FIELDS)
        )

    def _urls(self, page, protocol, domain):
        """URL entries for one sitemap page, in three queries whatever its size.

        The page's items are read as ids only; the pages themselves come with
        their translations, which include them, so each is loaded once.
        """
        object_list = self.paginator.page(page).object_list
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        language_order = {code: n for n, (code, _) in enumerate(settings.LANGUAGES)}

        located = {}
        alternates = defaultdict(list)
        for translation in self.pages.filter(
            translation_key__in=object_list.values("translation_key")
        ):
            location = absolute_url(translation.get_full_url(self.request), self.request)
            if location is None:
                continue
            located[translation.pk] = (translation, location)
            alternates[translation.translation_key].append(
                {"location": location, "lang_code": languages[translation.locale_id]}
            )
        for group in alternates.values():
            group.sort(key=lambda alternate: language_order.get(alternate["lang_code"], 0))
            default = next((a for a in group if a["lang_code"] == settings.LANGUAGE_CODE), None)
            if default:
                group.append({"location": default["location"], "lang_code": "x-default"})

        urls = []
        for pk in object_list.values_list("pk", flat=True):
            if pk not in located:
                continue
            item, location = located[pk]
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": self.lastmod(item),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates[item.translation_key],
                }
            )

        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap_view(request):
    """The sitemap, split into pages of 50,000 URLs (``?p=2``) if it ever grows that big."""
    return sitemap_views.sitemap(request, {"pages": TranslatedPagesSitemap(request)})
