"""The demand as a PDF letter on the agency's letterhead, in the outlet's language.

Art. 38 p.2 asks that a demand be in writing and say what was spread, when and how: the letter
cites the item (outlet, title, address, date of publication) above the demand's text, and
carries the demand's register number and date.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agency.dates import local_day
from agency.letters import FONT, LetterPDF, paragraphs_html
from agency.models import AgencyProfile

from ..models import Demand


def letter_title(demand: Demand) -> str:
    """The letter's title in the active language."""
    if demand.kind == Demand.Kind.REFUTATION:
        return _("Demand for a refutation")
    return _("Demand to publish a reply")


def render_demand_pdf(demand: Demand) -> bytes:
    """The PDF bytes of ``demand``'s letter, in the letter's language."""
    with translation.override(demand.language):
        agency = AgencyProfile.for_language(demand.language)
        name, position = AgencyProfile.default_signatory(demand.language)
        item = demand.item
        written_on = demand.sent_on or timezone.localdate(demand.created_at)
        title = letter_title(demand)
        pdf = LetterPDF()
        pdf.set_title(f"{title} {demand.number}")
        pdf.set_creator("Baspasoz")
        pdf.set_lang(demand.language)
        pdf.add_page()
        pdf.letterhead(agency)

        addressee = [_("To the editor of “%(outlet)s”") % {"outlet": demand.outlet.name}]
        if demand.outlet.website:
            addressee.append(demand.outlet.website)
        pdf.addressee(addressee)
        number = _("No. %(number)s of %(date)s") % {
            "number": demand.number,
            "date": local_day(written_on),
        }
        pdf.reference([number], title)

        pdf.set_font(FONT, size=10)
        citation = [
            _("Outlet: %(outlet)s") % {"outlet": item.outlet.name},
            _("Item: %(title)s") % {"title": item.title},
            _("Address: %(url)s") % {"url": item.url or item.canonical_url},
            _("Published: %(date)s") % {"date": local_day(item.published_at)},
        ]
        pdf.multi_cell(0, 5, "\n".join(citation), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_font(FONT, size=11)
        pdf.write_html(
            paragraphs_html(demand.text.split("\n\n")),
            font_family=FONT,
            warn_on_tags_not_matching=False,
        )
        if demand.kind == Demand.Kind.REPLY and demand.planned_issue and not demand.outlet.is_daily:
            pdf.multi_cell(
                0,
                5.5,
                _("Please publish the reply in your next planned issue, of %(date)s.")
                % {"date": local_day(demand.planned_issue)},
                new_x="LMARGIN",
                new_y="NEXT",
            )
        elif demand.kind == Demand.Kind.REPLY:
            pdf.multi_cell(
                0,
                5.5,
                _("A daily outlet publishes the reply within five calendar days of receiving it."),
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.ln(10)
        pdf.signature(name, position)
        return bytes(pdf.output())


def letter_filename(demand: Demand) -> str:
    return f"{demand.number}.pdf"
