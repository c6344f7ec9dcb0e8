"""What the services' admin screens share: one way to refuse, and the base of their viewsets.

**Refusing.** Wagtail answers a ``PermissionDenied`` raised in an admin view with a redirect to
the dashboard, which hides the reason. The office's own screens (requests, accreditation,
moderation) answer a signed-in member of staff who lacks the permission with one response: a
403 page in the admin's layout that says why (:func:`forbidden`). :func:`refuse_with_reason`
turns a view's ``PermissionDenied`` into that page; :class:`ServiceViewSet` applies it to all its
views. Anonymous users and users without admin access never reach these views: Wagtail sends them
to the login page first.

**Lists.** A :class:`ServiceViewSet` is a Wagtail ``ModelViewSet`` whose generic views are only
the list (filters, search, sorting, paging, breadcrumbs, the menu item and the CSV and XLSX
exports). A service's records are never added, changed or deleted through generic forms: the
record's page and its actions are the service's own views, registered on the viewset, and each
goes through the service's functions, which check the permission again and log the change.
"""

from __future__ import annotations

import datetime
import functools
import html

from django import forms
from django.core.exceptions import PermissionDenied
from django.forms.utils import flatatt
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import ModelAdminURLFinder, register_admin_url_finder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .http import no_store
from .spreadsheets import safe_cell

FORBIDDEN_TEMPLATE = "agency/admin/forbidden.html"
#: Spreadsheets read a CSV file without this mark as Latin-1, and Kazakh and Russian break.
UTF8_BOM = "\ufeff"


def forbidden(request, message: str | None = None) -> TemplateResponse:
    """The 403 page in the admin's layout, saying why (``message``) the user may not go on."""
    return TemplateResponse(
        request,
        FORBIDDEN_TEMPLATE,
        {
            "page_title": _("Not allowed"),
            "header_title": _("Not allowed"),
            "header_icon": "warning",
            "message": message or _("You are not allowed to do this."),
        },
        status=403,
    )


def refuse_with_reason(view, message: str | None = None):
    """Wrap ``view`` so that a ``PermissionDenied`` it raises is answered with :func:`forbidden`.

    The exception's own text is the reason shown; without one, ``message``. A view wrapped
    already is returned as it is.
    """
    if getattr(view, "refuses_with_reason", False):
        return view

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return forbidden(request, str(error) or message)

    wrapped.refuses_with_reason = True
    return wrapped


class RefusingViewSetMixin:
    """Every view of the viewset refuses with :func:`forbidden`, giving ``refusal_message``
    when the refusal itself gives no reason.

    A subclass that adds views in its own ``get_urlpatterns`` returns
    ``self.refusing([*super().get_urlpatterns(), ...])``.
    """

    refusal_message = None

    def refusing(self, urlpatterns: list) -> list:
        """``urlpatterns`` with each view wrapped in :func:`refuse_with_reason`."""
        return decorate_urlpatterns(
            urlpatterns, functools.partial(refuse_with_reason, message=self.refusal_message)
        )

    def get_urlpatterns(self):
        return self.refusing(super().get_urlpatterns())


def local_time(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@functools.lru_cache(maxsize=4096)
def short_date(day: datetime.date, language: str) -> str:
    """``day`` in ``language``'s short date format (a list shows the same dates many times)."""
    return dateformat.format(day, get_format("SHORT_DATE_FORMAT", language))


def as_html(value) -> str:
    """``value`` as HTML: escaped, unless it is HTML already (``SafeString``)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class PlainColumn(Column):
    """A column whose cells are written in Python, not rendered from a template each: a page
    of 50 rows and 8 columns then costs about as much as a hand-written template (the
    officers' lists run through 100,000 cases). ``accessor`` is a callable, or an attribute
    path (``unit.name``: empty when ``unit`` is). Subclasses change :meth:`display`,
    :meth:`cell_classname` or :meth:`cell_html`."""

    def get_value(self, instance):
        if callable(self.accessor):
            return self.accessor(instance)
        value = instance
        for name in self.accessor.split("."):
            value = getattr(value, name, None)
            if value is None:
                return None
        return value

    def display(self, value, instance):
        """The cell's content (escaped unless marked safe)."""
        return "" if value is None else value

    def cell_classname(self, instance) -> str:
        return self.classname or ""

    def cell_html(self, instance) -> str:
        """The cell as HTML, every value in it escaped."""
        content = as_html(self.display(self.get_value(instance), instance))
        classname = self.cell_classname(instance)
        if classname:
            return f'<td class="{as_html(classname)}">{content}</td>'
        return f"<td>{content}</td>"

    def render_cell_html(self, instance, parent_context):
        return mark_safe(self.cell_html(instance))  # noqa: S308 (values escaped in cell_html)


class ChoiceColumn(PlainColumn):
    """The label of a choice field's value (``choices``: the field's choices)."""

    def __init__(self, name, *, choices, **kwargs):
        super().__init__(name, **kwargs)
        self.choices = choices

    @functools.cache  # noqa: B019 (one dict per column and language, for the process)
    def labels(self, language: str) -> dict:
        with translation.override(language):
            return {value: str(label) for value, label in self.choices}

    def display(self, value, instance):
        return self.labels(translation.get_language()).get(value, value)


class LinkColumn(PlainColumn):
    """The record's title column: a link to its page (``url_name`` taking the pk, or
    ``get_url(record)``)."""

    def __init__(self, name, *, url_name=None, get_url=None, **kwargs):
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.get_url = get_url or (lambda instance: reverse(url_name, args=[instance.pk]))

    def cell_html(self, instance) -> str:
        url = as_html(self.get_url(instance))
        content = as_html(self.display(self.get_value(instance), instance))
        return (
            f'<td class="title"><div class="title-wrapper"><a href="{url}">{content}</a></div></td>'
        )


class ExactDateColumn(PlainColumn):
    """A date as the date itself (Wagtail's own date column says "3 days ago")."""

    def display(self, value, instance):
        if not value:
            return ""
        if isinstance(value, datetime.datetime):
            value = local_time(value).date()
        return short_date(value, translation.get_language())


class DueDateColumn(ExactDateColumn):
    """A due date, marked (with ``late_classname``, styled by ``stylesheet``, and in words)
    once ``is_late(record)``."""

    def __init__(self, name, *, is_late, late_classname="", stylesheet="", **kwargs):
        super().__init__(name, **kwargs)
        self.is_late = is_late
        self.late_classname = late_classname
        self.stylesheet = stylesheet

    @property
    def media(self):
        return forms.Media(css={"all": [self.stylesheet]} if self.stylesheet else {})

    def cell_html(self, instance) -> str:
        text = as_html(super().display(self.get_value(instance), instance))
        if self.is_late(instance):
            late = as_html(self.late_classname)
            return f'<td class="{late}">{text} ({as_html(_("overdue"))})</td>'
        return f"<td>{text}</td>"


class PlainSelect(forms.Select):
    """A select whose options are written in Python, not rendered from a template each: a
    list's filters are rendered with every page of it, and a list of people can be long."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = "".join(
            f'<option value="{as_html(option["value"])}"{flatatt(option["attrs"])}>'
            f"{as_html(option['label'])}</option>"
            for _group, choices, _index in widget["optgroups"]
            for option in choices
        )
        attrs = flatatt(widget["attrs"])
        return mark_safe(f'<select name="{as_html(name)}"{attrs}>{options}</select>')  # noqa: S308 (escaped)


class ServiceTable(Table):
    """Wagtail's table, with the cells of :class:`PlainColumn` columns written in Python."""

    template_name = "agency/admin/table.html"

    def rows_html(self, parent_context):
        request = parent_context.get("request")
        for index, instance in enumerate(self.data):
            cells = []
            for column in self.columns.values():
                if isinstance(column, PlainColumn):
                    cells.append(column.cell_html(instance))
                else:
                    row = Table.Row(self, instance, index)
                    context = {"row": row, "table": self, "request": request}
                    cells.append(column.render_cell_html(instance, context))
            attrs = flatatt(self.get_row_attrs(instance))
            yield mark_safe(f"<tr{attrs}>{''.join(cells)}</tr>")  # noqa: S308 (cells escaped)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows_html"] = list(self.rows_html(parent_context))
        return context


def in_language(lines, language, zone):
    """The BOM, then ``lines``, each made with ``language`` and ``zone`` active."""
    yield UTF8_BOM.encode()
    while True:
        with translation.override(language), timezone.override(zone):
            try:
                line = next(lines)
            except StopIteration:
                return
        yield line


class ServiceIndexView(generic.IndexView):
    """The list of a :class:`ServiceViewSet`.

    Who may see it is the viewset's :meth:`~ServiceViewSet.user_can_view`. Exported cells
    cannot run as formulas, the CSV file opens in a spreadsheet with its Cyrillic intact, and
    neither export is kept in any cache.
    """

    viewset = None
    permission_required = None
    any_permission_required = None
    table_class = ServiceTable
    custom_value_preprocess = {
        **generic.IndexView.custom_value_preprocess,
        # Times as the office reads them (Asia/Almaty), not in UTC.
        datetime.datetime: {
            generic.IndexView.FORMAT_XLSX: lambda value: local_time(value).replace(tzinfo=None),
            generic.IndexView.FORMAT_CSV: lambda value: f"{local_time(value):%Y-%m-%d %H:%M}",
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.user_can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        """The CSV file's lines, each made in the officer's language and time zone: a
        streamed response is read after the view has returned (and Wagtail has restored the
        site's language)."""
        return in_language(
            super().stream_csv(queryset),
            translation.get_language(),
            timezone.get_current_timezone(),
        )

    def as_spreadsheet(self, queryset, spreadsheet_format):
        return no_store(super().as_spreadsheet(queryset, spreadsheet_format))


class ServiceViewSet(RefusingViewSetMixin, ModelViewSet):
    """The list of a service's records, and the record's own views on top of it.

    Subclasses set ``model``, ``view_permission`` (or override :meth:`user_can_view`),
    ``menu_label`` (also the list's title) and the list's columns, filters and exports, and
    return their own views from :meth:`get_record_urlpatterns`. ``record_url_name`` names the
    view of one record, which the admin's log reports then link to.
    """

    index_view_class = ServiceIndexView
    add_to_reference_index = False
    copy_view_enabled = False
    #: The permission (``app_label.codename``) needed to see the list and its records.
    view_permission = ""
    #: The URL name of the list within the viewset.
    list_url_name = "index"
    #: The URL name of the view of one record (it takes the record's ``pk``), if any.
    record_url_name = None

    def user_can_view(self, user) -> bool:
        return bool(user and user.is_active and user.has_perm(self.view_permission))

    @cached_property
    def list_url(self) -> str:
        return reverse(self.get_url_name(self.list_url_name))

    def breadcrumbs(self, *items: dict) -> list[dict]:
        """Home, the list, then ``items``: the breadcrumbs of a view below the list."""
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": self.list_url, "label": self.menu_label},
            *items,
        ]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "index_url_name": self.get_url_name(self.list_url_name),
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            **{"viewset": self, "page_title": self.menu_label, **kwargs}
        )

    def get_record_urlpatterns(self) -> list:
        """The service's own views: the record's page and its actions."""
        return []

    def get_urlpatterns(self):
        return self.refusing(
            [
                path("", self.index_view, name=self.list_url_name),
                path("results/", self.index_results_view, name="index_results"),
                *self.get_record_urlpatterns(),
            ]
        )

    @cached_property
    def menu_item_class(self):
        viewset = self

        class ServiceMenuItem(MenuItem):
            def is_shown(self, request):
                return viewset.user_can_view(request.user)

        return ServiceMenuItem

    @property
    def url_finder_class(self):
        viewset = self

        class RecordURLFinder(ModelAdminURLFinder):
            def construct_edit_url(self, instance):
                return reverse(viewset.get_url_name(viewset.record_url_name), args=[instance.pk])

            def get_edit_url(self, instance):
                if self.user and not viewset.user_can_view(self.user):
                    return None
                return self.construct_edit_url(instance)

        return RecordURLFinder

    def register_admin_url_finder(self):
        if self.record_url_name:
            register_admin_url_finder(self.model, self.url_finder_class)

    def register_permissions(self):
        """The services' permissions are given through the office's groups
        (``workflows.roles``), not picked one by one in the group editor."""
