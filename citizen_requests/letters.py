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
    citizen_request: CitizenRequest,
    *,
    title: str,
    body_html: str,
    signatory_name: str,
    signatory_position: str,
    written_on=None,
) -> bytes:
    """The PDF bytes of one letter to the requester. Call under the request's language."""
    agency = AgencyProfile.for_language(citizen_request.language)
    written_on = written_on or timezone.localdate()
    pdf = LetterPDF()
    pdf.set_title(f"{title} {citizen_request.number}")
    pdf.set_creator("Baspasoz")
    pdf.add_page()
    pdf.letterhead(agency)

    # The addressee.
    addressee = [citizen_request.requester_name]
    if citizen_request.organisation and citizen_request.full_name:
        addressee.append(citizen_request.full_name)
    if citizen_request.channel == "post" and citizen_request.postal_address:
        addressee.append(citizen_request.postal_address)
    elif citizen_request.email:
        addressee.append(citizen_request.email)
    pdf.addressee(addressee)

    # The request's number and date (Art. 11 p.14), and the date of the letter.
    received = timezone.localtime(citizen_request.received_at).date()
    pdf.reference(
        [
            date_format(written_on, "DATE_FORMAT"),
            _("Re: your request No. %(number)s of %(date)s")
            % {"number": citizen_request.number, "date": date_format(received, "DATE_FORMAT")},
        ],
        title,
    )
    pdf.set_font(FONT, size=11)
    pdf.write_html(body_html, font_family=FONT, warn_on_tags_not_matching=False)
    pdf.ln(10)

    pdf.signature(signatory_name, signatory_position)
    return bytes(pdf.output())


def render_answer_pdf(answer: Answer) -> ContentFile:
    """The answer letter, in the answer's language, ready to save to ``Answer.pdf``."""
    citizen_request = answer.request
    with translation.override(answer.language):
        data = render_letter(
            citizen_request,
            title=_("Answer to your request"),
            body_html=html_for_pdf(answer.body),
            signatory_name=answer.signatory_name,
            signatory_position=answer.signatory_position,
            written_on=timezone.localdate(citizen_request.answered_at or timezone.now()),
        )
    return ContentFile(data, name=f"{citizen_request.number}.pdf")


def notice_text(citizen_request: CitizenRequest, notice: str) -> tuple[str, list[str]]:
    """The title and paragraphs of a notice (``extended``, ``forwarded``, ``refused``).

    Call under the request's language.
    """
    received = date_format(timezone.localtime(citizen_request.received_at).date(), "DATE_FORMAT")
    ref = {"number": citizen_request.number, "date": received}
    if notice == "extended":
        return _("Extension of the deadline"), [
            _(
                "The deadline for answering your request No. %(number)s of %(date)s has been "
                "extended to %(due)s."
            )
            % {**ref, "due": date_format(citizen_request.answer_due, "DATE_FORMAT")},
            _("Reason: %(reason)s") % {"reason": citizen_request.extension_reason},
        ]
    if notice == "forwarded":
        return _("Your request has been forwarded"), [
            _(
                "Your request No. %(number)s of %(date)s concerns matters outside our "
                "competence. It has been forwarded to %(body)s, which will answer you."
            )
            % {**ref, "body": citizen_request.forwarded_to},
        ]
    if notice == "refused":
        return _("Refusal to provide information"), [
            _("Your request No. %(number)s of %(date)s is refused.") % ref,
            _("Ground: %(ground)s") % {"ground": citizen_request.get_refusal_ground_display()},
            citizen_request.refusal_motivation,
            _("You may appeal this refusal to a higher authority or to a court."),
        ]
    raise ValueError(notice)


def render_notice_pdf(citizen_request: CitizenRequest, notice: str) -> bytes:
    """A notice as a printable letter, for requesters who chose the post."""
    name, position = AgencyProfile.default_signatory(citizen_request.language)
    with translation.override(citizen_request.language):
        title, paragraphs = notice_text(citizen_request, notice)
        return render_letter(
            citizen_request,
            title=title,
            body_html=paragraphs_html(paragraphs),
            signatory_name=name,
            signatory_position=position,
        )
