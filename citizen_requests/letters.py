"""Letters to requesters as PDF (fpdf2), in the language of the request.

The Access to Information Law (Art. 11 p.14) says what an answer states: the holder's name and
postal address, the signatory's position, and the date and registration number of the request.
Every letter here carries them. Text is set in DejaVu Sans (bundled in ``fonts/`` with its
licence) so Kazakh and Russian letters print without missing glyphs.
"""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agency.letters import FONT, LetterPDF, html_for_pdf, paragraphs_html
from agency.models import AgencyProfile

from .models import Answer, CitizenRequest


def render_letter(
    request_obj: CitizenRequest,
    *,
    title: str,
    body_html: str,
    signatory_name: str,
    signatory_position: str,
    written_on=None,
) -> bytes:
    """The PDF bytes of one letter to the requester. Call under the request's language."""
    agency = AgencyProfile.for_language(request_obj.language)
    written_on = written_on or timezone.localdate()
    pdf = LetterPDF()
    pdf.set_title(f"{title} {request_obj.number}")
    pdf.set_creator("Baspasoz")
    pdf.add_page()
    pdf.letterhead(agency)

    # The addressee.
    pdf.set_font(FONT, size=11)
    addressee = [request_obj.requester_name]
    if request_obj.organisation and request_obj.full_name:
        addressee.append(request_obj.full_name)
    if request_obj.channel == "post" and request_obj.postal_address:
        addressee.append(request_obj.postal_address)
    elif request_obj.email:
        addressee.append(request_obj.email)
    pdf.set_x(110)
    pdf.multi_cell(0, 5.5, "\n".join(addressee), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    # The request's number and date (Art. 11 p.14), and the date of the letter.
    received = timezone.localtime(request_obj.received_at).date()
    pdf.multi_cell(
        0,
        5.5,
        date_format(written_on, "DATE_FORMAT"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.multi_cell(
        0,
        5.5,
        _("Re: your request No. %(number)s of %(date)s")
        % {"number": request_obj.number, "date": date_format(received, "DATE_FORMAT")},
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(4)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, size=11)
    pdf.write_html(body_html, font_family=FONT, warn_on_tags_not_matching=False)
    pdf.ln(10)

    pdf.signature(signatory_name, signatory_position)
    return bytes(pdf.output())


def render_answer_pdf(answer: Answer) -> ContentFile:
    """The answer letter, in the answer's language, ready to save to ``Answer.pdf``."""
    request_obj = answer.request
    with translation.override(answer.language):
        data = render_letter(
            request_obj,
            title=_("Answer to your request"),
            body_html=html_for_pdf(answer.body),
            signatory_name=answer.signatory_name,
            signatory_position=answer.signatory_position,
            written_on=timezone.localdate(request_obj.answered_at or timezone.now()),
        )
    return ContentFile(data, name=f"{request_obj.number}.pdf")


def notice_text(request_obj: CitizenRequest, notice: str) -> tuple[str, list[str]]:
    """The title and paragraphs of a notice (``extended``, ``forwarded``, ``refused``).

    Call under the request's language.
    """
    received = date_format(timezone.localtime(request_obj.received_at).date(), "DATE_FORMAT")
    ref = {"number": request_obj.number, "date": received}
    if notice == "extended":
        return _("Extension of the deadline"), [
            _(
                "The deadline for answering your request No. %(number)s of %(date)s has been "
                "extended to %(due)s."
            )
            % {**ref, "due": date_format(request_obj.answer_due, "DATE_FORMAT")},
            _("Reason: %(reason)s") % {"reason": request_obj.extension_reason},
        ]
    if notice == "forwarded":
        return _("Your request has been forwarded"), [
            _(
                "Your request No. %(number)s of %(date)s concerns matters outside our "
                "competence. It has been forwarded to %(body)s, which will answer you."
            )
            % {**ref, "body": request_obj.forwarded_to},
        ]
    if notice == "refused":
        return _("Refusal to provide information"), [
            _("Your request No. %(number)s of %(date)s is refused.") % ref,
            _("Ground: %(ground)s") % {"ground": request_obj.get_refusal_ground_display()},
            request_obj.refusal_motivation,
            _("You may appeal this refusal to a higher authority or to a court."),
        ]
    raise ValueError(notice)


def render_notice_pdf(request_obj: CitizenRequest, notice: str) -> bytes:
    """A notice as a printable letter, for requesters who chose the post."""
    name, position = AgencyProfile.default_signatory(request_obj.language)
    with translation.override(request_obj.language):
        title, paragraphs = notice_text(request_obj, notice)
        return render_letter(
            request_obj,
            title=title,
            body_html=paragraphs_html(paragraphs),
            signatory_name=name,
            signatory_position=position,
        )
