"""The outlets the media watch reads and their sources, with each source's health: when it was
last fetched, whether that worked, how many times in a row it failed and why, and when it is
polled next."""

from django.contrib import messages
from django.db import models
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from agency.admin import RefusingViewSetMixin

from ..models import Outlet, Source

#: The last error as the list shows it; the edit screen of the source shows it whole.
ERROR_PREVIEW = 120


def error_preview(source: Source) -> str:
    error = source.last_error
    return error if len(error) <= ERROR_PREVIEW else error[: ERROR_PREVIEW - 1] + "…"


class HttpsAddressMixin:
    """An address typed without a scheme is taken as https://."""

    def formfield_for_dbfield(self, db_field, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, **kwargs)


class SourceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("outlet")


class SourceViewSet(HttpsAddressMixin, RefusingViewSetMixin, ModelViewSet):
    """The feeds and sitemaps polled, and how each of them is doing."""

    model = Source
    index_view_class = SourceIndexView
    icon = "link-external"
    menu_label = _("Sources")
    menu_name = "media-watch-sources"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "url",
        "outlet",
        "kind",
        "language",
        "active",
        "fetch_articles",
        "health",
        "last_fetched_at",
        "last_success_at",
        "last_status",
        "last_new_items",
        "consecutive_failures",
        "last_error",
        "next_attempt_at",
    ]
    form_fields = ["outlet", "url", "kind", "language", "active", "fetch_articles"]
    list_display = [
        "url",
        "outlet",
        StatusTagColumn(
            "health",
            label=_("health"),
            accessor="get_health_display",
            primary=lambda source: source.health == Source.Health.OK,
        ),
        BooleanColumn("active", label=_("active")),
        DateColumn("last_success_at", label=_("last success")),
        Column("consecutive_failures", label=_("failures in a row")),
        Column("last_error", label=_("last error"), accessor=error_preview),
        DateColumn("next_attempt_at", label=_("next poll")),
    ]
    list_filter = ["health", "active", "kind", "language", "outlet"]
    search_fields = ["url", "outlet__name"]
    ordering = ["outlet__name", "url"]
    list_per_page = 50


class OutletDeleteView(generic.DeleteView):
    """An outlet whose sources or items are kept cannot go: say so instead of refusing
    without a reason."""

    def kept(self):
        messages.error(
            self.request,
            gettext(
                "“%(outlet)s” has sources or items and cannot be deleted. Delete its sources "
                "first, or keep it."
            )
            % {"outlet": self.object},
        )
        return redirect(reverse(self.edit_url_name, args=[self.object.pk]))

    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            return self.kept()
        try:
            return super().form_valid(form)
        except ProtectedError:
            return self.kept()


class OutletViewSet(HttpsAddressMixin, RefusingViewSetMixin, ModelViewSet):
    """The outlets watched: the language of letters to them, and whether each is a daily."""

    model = Outlet
    delete_view_class = OutletDeleteView
    icon = "doc-full"
    menu_label = _("Outlets")
    menu_name = "media-watch-outlets"
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["name", "language", "is_daily", "website", "registered_outlet"]
    list_display = [
        "name",
        Column("language", label=_("language"), accessor="get_language_display"),
        BooleanColumn("is_daily", label=_("daily outlet")),
        "website",
    ]
    list_filter = ["language", "is_daily"]
    search_fields = ["name", "website"]
    ordering = ["name"]
    list_per_page = 50


source_viewset = SourceViewSet("media_watch_sources", url_prefix="media-watch/sources")
outlet_viewset = OutletViewSet("media_watch_outlets", url_prefix="media-watch/outlets")
