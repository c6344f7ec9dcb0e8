"""Media watch → Weekly announcements: the coming week's announcements as the authorised body
will receive them, the files of any week in Kazakh or Russian, and "send now".

Press secretaries and superusers (the ``media_watch.send_announcements`` permission) use it;
anyone else on staff gets the admin's 403 page, which says why.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import log

from agency.admin import refuse_with_reason
from agency.http import no_store

from ..admin.menu import join_media_watch_menu
from ..models import AnnouncementSending, AnnouncementSettings
from . import documents, sending
from .items import LANGUAGES, announcements
from .week import Week

REFUSAL = gettext_lazy("Only press secretaries may export and send the weekly announcements.")
URL_NAME = "media_watch_announcements"
#: The days whose weeks may be shown, downloaded and sent (a week near the calendar's ends
#: would run past it).
FIRST_DAY, LAST_DAY = datetime.date(2000, 1, 1), datetime.date(2999, 12, 31)


class WeekForm(forms.Form):
    """The week to show: any day in it."""

    day = forms.DateField(
        label=gettext_lazy("Any day of the week"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("Enter a date, for example 2026-03-12.")},
    )


def chosen_week(data) -> tuple[Week, WeekForm]:
    """The week the form asks for, else the coming week."""
    form = WeekForm(data)
    if form.is_valid() and form.cleaned_data["day"]:
        day = form.cleaned_data["day"]
        if FIRST_DAY <= day <= LAST_DAY:
            return Week.of(day), form
        form.add_error("day", _("Choose a date between the years 2000 and 2999."))
    return Week.coming(), form


def week_from_slug(slug: str) -> Week:
    """The week of the day ``slug`` names in an address; 404 for anything else, or a day out of
    the range the form allows."""
    try:
        day = datetime.date.fromisoformat(slug)
    except ValueError:
        raise Http404 from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Http404
    return Week.of(day)


def _refuse_unless_allowed(request) -> None:
    if not sending.can_send(request.user):
        raise PermissionDenied(REFUSAL)


def index_view(request):
    _refuse_unless_allowed(request)
    week, form = chosen_week(request.GET or None)
    settings = AnnouncementSettings.load()
    title = _("Weekly announcements")
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "date",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": title},
        ],
        "form": form,
        "week": week,
        "previous_week": week - 1,
        "next_week": week + 1,
        "items": announcements(week),
        "languages": LANGUAGES,
        "settings": settings,
        "next_sending": sending.next_sending(settings),
        "last_sending": sending.last_sending(),
        "week_sendings": AnnouncementSending.objects.filter(week_start=week.monday).select_related(
            "user"
        ),
        "files": [
            (
                reverse(f"{URL_NAME}:pdf", args=[week.slug(), code]),
                _("PDF, %(language)s") % {"language": name},
            )
            for code, name in (("kk", _("Kazakh")), ("ru", _("Russian")))
        ]
        + [(reverse(f"{URL_NAME}:xlsx", args=[week.slug()]), _("Spreadsheet (XLSX)"))],
    }
    return no_store(
        TemplateResponse(
            request,
            "media_watch/announcements/index.html",
            context,
            status=200 if form.is_valid() or not form.is_bound else 400,
        )
    )


def _file(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return no_store(response)


def pdf_view(request, week: str, language: str):
    _refuse_unless_allowed(request)
    if language not in LANGUAGES:
        raise Http404
    chosen = week_from_slug(week)
    content = documents.render_pdf(chosen, announcements(chosen), language)
    return _file(content, documents.pdf_filename(chosen, language), documents.PDF_TYPE)


def xlsx_view(request, week: str):
    _refuse_unless_allowed(request)
    chosen = week_from_slug(week)
    content = documents.render_xlsx(chosen, announcements(chosen))
    return _file(content, documents.xlsx_filename(chosen), documents.XLSX_TYPE)


def send_view(request, week: str):
    _refuse_unless_allowed(request)
    chosen = week_from_slug(week)
    back = f"{reverse(f'{URL_NAME}:index')}?day={chosen.slug()}"
    if request.method != "POST":
        return redirect(back)
    try:
        record = sending.send_now(chosen, request.user)
    except sending.NotConfigured:
        messages.error(
            request,
            _(
                "No address is set. Add the authorised body's address in Settings → Weekly announcements."
            ),
        )
        return redirect(back)
    log(
        record,
        "media_watch.announcements_sent",
        user=request.user,
        data={"week": chosen.slug(), "recipients": record.recipients},
    )
    messages.success(
        request,
        _("The announcements of the week %(week)s are sent to %(recipients)s.")
        % {"week": chosen.label(), "recipients": record.recipients},
    )
    return redirect(back)


def _refusing(view):
    return refuse_with_reason(view, REFUSAL)


urlpatterns = [
    path("", _refusing(index_view), name="index"),
    path("<str:week>/<str:language>.pdf", _refusing(pdf_view), name="pdf"),
    path("<str:week>.xlsx", _refusing(xlsx_view), name="xlsx"),
    path("<str:week>/send/", _refusing(send_view), name="send"),
]


@hooks.register("register_admin_urls")
def register_announcement_urls():
    return [path("media-watch/announcements/", (urlpatterns, URL_NAME, URL_NAME))]


class AnnouncementsMenuItem(MenuItem):
    def is_shown(self, request):
        return sending.can_send(request.user)


@hooks.register("construct_main_menu")
def add_announcements_to_media_watch_menu(request, menu_items):
    """Weekly announcements go in the Media watch menu, after the demands."""
    if not sending.can_send(request.user):
        return
    item = AnnouncementsMenuItem(
        gettext_lazy("Weekly announcements"),
        reverse(f"{URL_NAME}:index"),
        name="media-watch-announcements",
        icon_name="date",
        order=110,
    )
    join_media_watch_menu(menu_items, item)


@hooks.register("register_log_actions")
def register_announcement_log_actions(actions):
    actions.register_action(
        "media_watch.announcements_sent",
        gettext_lazy("Send the weekly announcements"),
        gettext_lazy("Weekly announcements sent"),
    )
