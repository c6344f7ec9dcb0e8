"""Behaviour shared by every press page, as abstract mixins listed before ``Page``."""

import datetime
from http import HTTPMethod

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.rich_text import get_text_for_indexing

from agency.cache import current_generation

ITEMS_PER_PAGE = 12
SEARCH_QUERY_MAX_LENGTH = 200
CHILD_MAP_SECONDS = 24 * 60 * 60

LISTING_IMAGE_SPEC = "fill-480x270"
DESCRIPTION_FIELDS = ("search_description", "lead", "intro", "short_answer", "announcement")
DESCRIPTION_MAX_LENGTH = 300


def listing_image_renditions() -> Prefetch:
    """The listing renditions of items whose ``hero_image`` is ``select_related``.

    Joining the image and prefetching only its renditions costs one query for
    the whole list, where prefetching the image too would cost two.
    """
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE_SPEC)
    )
    return Prefetch("hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions")


def plain_text(value) -> str:
    """Text without markup: a rich-text introduction shown where HTML is not wanted.

    Section cards and meta descriptions show an editor's introduction, which on the
    service pages is rich text; rendered as it is, its tags would appear as text.
    """
    return get_text_for_indexing(str(value or ""))


def page_description(page) -> str:
    """What describes ``page`` to search engines: its search description, else the first of
    its own summaries (lead, introduction, short answer, announcement) as plain text, else
    ``""``, where the template uses the site-wide default."""
    for field in DESCRIPTION_FIELDS:
        text = plain_text(getattr(page, field, ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_MAX_LENGTH)
    return ""


def search_query(request) -> str:
    """The visitor's search words from ``?q=``, trimmed and capped in length."""
    return request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX_LENGTH]


class PublicPageMethods:
    """What the site's base template asks of a page, for pages without the press-page fields.

    The public pages of the services (request forms, the accreditation page) answer GET (the
    form) and POST (a submission or a look-up) only.
    """

    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS, HTTPMethod.POST]

    def breadcrumbs(self):
        return self.get_ancestors().filter(depth__gt=1)

    def get_meta_description(self) -> str:
        return page_description(self)

    def get_og_image(self):
        return None


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
        return page_description(self)

    def breadcrumbs(self):
        """Ancestors from the locale's home page down to the parent, for the trail."""
        return self.get_ancestors().filter(depth__gt=1)

    def route(self, request, path_components):
        """Find the child page in one query instead of ``Page.route``'s two.

        ``Page.route`` loads a child as a plain ``Page`` and then again as its
        specific class. Here the class is known: an index allows one child
        type, and the home page's few children are looked up in a small map
        cached until the next publish. Part of the public pages' query budget.
        """
        child_model = self._child_model(path_components[0]) if path_components else None
        if child_model is None:
            return super().route(request, path_components)
        related = [
            name
            for name in ("og_image", "hero_image")
            if any(field.name == name for field in child_model._meta.fields)
        ]
        try:
            child = (
                child_model.objects.child_of(self)
                .select_related(*related)
                .get(slug=path_components[0])
            )
        except child_model.DoesNotExist:
            return super().route(request, path_components)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def _child_model(self, slug: str):
        """The specific class of the child at ``slug``, if known without a query."""
        child_models = type(self).allowed_subpage_models()
        if len(child_models) == 1:
            return child_models[0]
        key = f"press:children:{current_generation()}:{self.pk}"
        children = cache.get(key)
        if children is None:
            children = dict(self.get_children().values_list("slug", "content_type_id"))
            cache.set(key, children, CHILD_MAP_SECONDS)
        if slug not in children:
            return None
        return ContentType.objects.get_for_id(children[slug]).model_class()


class ListingMixin(models.Model):
    """An index page that lists its children 12 at a time, with validated filters.

    Invalid ``page``, ``year`` or ``topic`` values raise ``Http404``: a listing
    never answers a bad address with an error page of its own or a 500.
    """

    class Meta:
        abstract = True

    @staticmethod
    def paginate(request, queryset, per_page: int = ITEMS_PER_PAGE, count: int | None = None):
        """The requested page of ``queryset``; ``count``, if known, spares the COUNT query."""
        paginator = Paginator(queryset, per_page)
        if count is not None:
            paginator.count = count
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
