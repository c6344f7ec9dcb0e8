"""Behaviour shared by every press page, as abstract mixins listed before ``Page``."""

import datetime

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

ITEMS_PER_PAGE = 12


class PressPageMixin(models.Model):
    """What every press page has: SEO and sharing fields, and a breadcrumb trail.

    ``seo_title`` and ``search_description`` come from ``Page``; this adds the
    image shown when a page is shared. It is listed before ``Page`` in bases.
    """

    og_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sharing image"),
        help_text=_("Shown when the page is shared on social networks (1200×630 works best)."),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("og_image"),
            ],
            heading=_("Search engines and sharing"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Menus")),
    ]

    class Meta:
        abstract = True

    def get_og_image(self):
        """The image to share: the page's own, else its hero image if it has one."""
        return self.og_image or getattr(self, "hero_image", None)

    def get_meta_description(self) -> str:
        return self.search_description or getattr(self, "lead", "") or ""

    def breadcrumbs(self):
        """Ancestors from the locale's home page down to the parent, for the trail."""
        return self.get_ancestors().filter(depth__gt=1)


class ListingMixin(models.Model):
    """An index page that lists its children 12 at a time, with validated filters.

    Invalid ``page``, ``year`` or ``topic`` values raise ``Http404``: a listing
    never answers a bad address with an error page of its own or a 500.
    """

    class Meta:
        abstract = True

    @staticmethod
    def paginate(request, queryset, per_page: int = ITEMS_PER_PAGE):
        paginator = Paginator(queryset, per_page)
        raw = request.GET.get("page", "1")
        try:
            return paginator.page(raw)
        except (PageNotAnInteger, EmptyPage):
            raise Http404("No such page of results") from None

    @staticmethod
    def parse_year(request) -> int | None:
        raw = request.GET.get("year", "")
        if not raw:
            return None
        if not raw.isdigit() or not (datetime.MINYEAR <= int(raw) <= datetime.MAXYEAR):
            raise Http404("Invalid year")
        return int(raw)
