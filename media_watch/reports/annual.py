"""The annual report to the population (Access to Information Law Art. 14), drafted from the
year's figures as a news item in the Kazakh (source) tree.

The draft is never published from here: the officer checks and completes it in the page editor
and submits it to the news workflow like any other news item; translators take it to the other
languages from there. A year has one draft (:class:`~media_watch.models.AnnualReport`): drafting
the same year again returns the page made the first time.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from press_pages.models import NewsIndexPage, NewsPage

from ..models import AnnualReport
from ..stories import HANDLE
from .figures import PeriodFigures, year_figures
from .tables import sections

LEAD_MAX = 300


def source_index():
    """The news index of the Kazakh (default language) tree, where the draft goes."""
    return NewsIndexPage.objects.filter(locale=Locale.get_default()).order_by("path").first()


def can_draft_annual(user, index=None) -> bool:
    """Press secretaries (and superusers): those who handle the media watch's stories and may
    add a news item to the source tree's news section."""
    if not (user.is_active and user.has_perm(HANDLE)):
        return False
    index = index or source_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def existing_draft(year: int) -> Page | None:
    """The page drafted for ``year`` before, if it still exists."""
    record = AnnualReport.objects.filter(year=year).select_related("page").first()
    return record.page if record and record.page_id else None


def table_block(section) -> dict:
    """A section as the value of the news body's table block (texts in every cell)."""
    return {
        "data": [[str(cell) for cell in row] for row in [section.header, *section.rows]],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_caption": section.title,
    }


def report_texts(year: int, data: PeriodFigures, language: str) -> dict:
    """The draft's title, lead and body blocks in ``language``."""
    with translation.override(language):
        title = _("Report to the population for %(year)s") % {"year": year}
        lead = _(
            "What the agency did in %(year)s to inform the public: publications, briefings, "
            "requests for information and work with the media."
        ) % {"year": year}
        summary = _(
            "In %(year)s the agency published %(publications)s items on its site, held "
            "%(briefings)s briefings and received %(requests)s requests for information, of "
            "which %(on_time)s were answered on time."
        ) % {
            "year": year,
            "publications": data.publications_total,
            "briefings": data.briefings,
            "requests": data.requests.total,
            "on_time": data.requests.on_time,
        }
        body = [("paragraph", RichText(str(format_html("<p>{}</p>", summary))))]
        for section in sections(data):
            body.append(("heading", {"text": section.title, "level": "h2"}))
            body.append(("table", table_block(section)))
    return {"title": title, "lead": lead[:LEAD_MAX], "body": body}


def draft_annual_report(year: int, user, *, now=None) -> tuple[Page, bool]:
    """The draft news item of ``year``'s report: ``(page, created)``. A year drafted before
    gives its page back unchanged; otherwise a new draft (not live) is made and logged."""
    index = source_index()
    if index is None:
        raise ValidationError(_("There is no news section to put the report in."))
    if not can_draft_annual(user, index):
        raise PermissionDenied(_("You may not draft news items in the news section."))
    with transaction.atomic():
        record, _created = AnnualReport.objects.select_for_update().get_or_create(
            year=year, defaults={"created_by": user}
        )
        if record.page_id and Page.objects.filter(pk=record.page_id).exists():
            return record.page.specific, False
        texts = report_texts(year, year_figures(year, now=now), index.locale.language_code)
        page = NewsPage(
            title=texts["title"],
            lead=texts["lead"],
            body=texts["body"],
            display_date=timezone.localdate(),
            slug=find_available_slug(
                index, slugify(texts["title"], allow_unicode=True)[:80] or f"report-{year}"
            ),
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        record.page = page
        record.created_by = user
        record.save(update_fields=["page", "created_by"])
        log(record, "media_watch.annual_report_drafted", user=user, data={"page": page.pk})
    return page, True
