"""The interview request of the accreditation page (``interview/``): an accredited journalist
asks to interview a named official, and the agency registers it as a media request.

The request is a media request of the forms module, with that request's deadlines, number, case
view and answer by e-mail. Nothing here is cached.
"""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from agency.http import no_store
from citizen_requests.models import CitizenRequest
from citizen_requests.registration import register as register_citizen_request
from citizen_requests.registration import status_page_url

from .. import events
from ..event_forms import InterviewForm
from ..event_links import subpage_url
from .common import over_limit, page_language, see_other

INTERVIEW_SESSION_KEY = "accreditation_interview_ack"


def interview_text(data: dict) -> str:
    """The request's text, in the active language, from the form's fields."""
    formats = dict(InterviewForm.FORMATS)
    official = data["official"]
    if data.get("official_position"):
        official = f"{official}, {data['official_position']}"
    lines = [
        _("Request for an interview with %(official)s.") % {"official": official},
        _("Format: %(format)s") % {"format": formats[data["interview_format"]]},
    ]
    if data.get("preferred_dates"):
        lines.append(_("Preferred dates: %(dates)s") % {"dates": data["preferred_dates"]})
    lines += ["", data["text"].strip()]
    return "\n".join(lines)


def interview_request(request, page):
    """An accredited journalist asks to interview a named official: a media request.

    It is registered by :func:`citizen_requests.registration.register` with the journalist's
    details from the accreditation (not as typed), so it has the media request's deadlines, its
    number, its case view for officers and its answer by e-mail to the accreditation's address.
    """
    if request.method == "GET" and "done" in request.GET:
        return _interview_done(request, page)
    status = 200
    form = InterviewForm(request.POST or None) if request.method == "POST" else InterviewForm()
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            card = events.normalise_card_number(data["card_number"])
            accreditation = events.find_accreditation(card)
            if over_limit(request, card):
                form.add_error(
                    None,
                    _(
                        "Too many attempts from your connection or for this card. Please try again in an hour."
                    ),
                )
                status = 429
            elif accreditation is None or not accreditation.is_valid():
                form.add_error(
                    "card_number",
                    _(
                        "We found no valid accreditation with this card number. Interview "
                        "requests are for journalists accredited with us; others can send a "
                        "media request."
                    ),
                )
                status = 400
            else:
                citizen_request, code = register_citizen_request(
                    kind="media",
                    language=page_language(page),
                    data={
                        "requester_type": "individual",
                        "full_name": accreditation.full_name,
                        "outlet": accreditation.outlet.name,
                        "accreditation_number": accreditation.card_number,
                        "email": accreditation.email,
                        "phone": accreditation.phone,
                        "channel": "email",
                        "subject": (_("Interview: %(official)s") % {"official": data["official"]})[
                            :255
                        ],
                        "text": interview_text(data),
                    },
                    files=[],
                    submission_token=data["submission_token"],
                )
                if code is not None:
                    request.session[INTERVIEW_SESSION_KEY] = {
                        "id": citizen_request.pk,
                        "code": code,
                    }
                return see_other(f"{subpage_url(request, page, 'interview')}?done=1")
        else:
            status = 400
    context = page.get_context(request)
    context.update(
        form=form,
    )
    response = TemplateResponse(
        request, "accreditation/events/interview.html", context, status=status
    )
    return no_store(response)


def _interview_done(request, page):
    ack = request.session.pop(INTERVIEW_SESSION_KEY, None) if hasattr(request, "session") else None
    citizen_request = None
    if ack:
        citizen_request = CitizenRequest.objects.filter(pk=ack.get("id")).first()
    context = page.get_context(request)
    context.update(
        citizen_request=citizen_request,
        tracking_code=ack.get("code") if ack else None,
        status_url=status_page_url(page_language(page)),
    )
    response = TemplateResponse(request, "accreditation/events/interview_done.html", context)
    return no_store(response)
