"""The answer to a request, and letters that go by post.

The answer is written in the language of the request, rendered to a PDF letter
(:mod:`citizen_requests.letters`, with what Access to Information Law Art. 11 p.14 asks a letter
to state) and delivered by the channel the requester chose; a letter to be posted waits on the
timeline until an officer marks it as posted.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from agency.models import AgencyProfile

from ..delivery import deliver_answer
from ..kinds import Status
from ..letters import render_answer_pdf
from ..models import Answer, CitizenRequest, RequestAttachment, RequestEvent
from .access import locked, refresh, require, require_open
from .timeline import event

Action = RequestEvent.Action


def answer(
    citizen_request: CitizenRequest,
    user,
    *,
    body: str,
    signatory_name: str = "",
    signatory_position: str = "",
    files=(),
) -> Answer:
    """Answer in the language of the request: the letter is rendered to PDF and delivered.

    ``files`` are uploads already checked by ``agency.uploads.check_files``
    (``CheckedFile``), attached to the answer and sent with it.
    """
    require(user, "answer")
    if not _has_text(body):
        raise ValidationError(_("Write the answer."))
    default_name, default_position = AgencyProfile.default_signatory(citizen_request.language)
    signatory_name = (signatory_name or default_name).strip()
    signatory_position = (signatory_position or default_position).strip()
    if not signatory_name or not signatory_position:
        raise ValidationError(
            _("Name the signatory and their position: the letter must state them.")
        )
    with transaction.atomic():
        case = locked(citizen_request)
        require_open(case)
        if Answer.objects.filter(request=case).exists():
            raise ValidationError(_("This request has already been answered."))
        now = timezone.now()
        reply = Answer.objects.create(
            request=case,
            body=body,
            language=case.language,
            signatory_name=signatory_name,
            signatory_position=signatory_position,
            created_by=user,
        )
        for checked in files:
            RequestAttachment.objects.create(
                request=case,
                answer=reply,
                file=ContentFile(checked.data, name=checked.storage_name),
                original_name=checked.original_name,
                content_type=checked.content_type,
                size=checked.size,
                sha256=RequestAttachment.digest(checked.data),
            )
        case.status = Status.ANSWERED
        case.answered_at = now
        case.closed_at = now
        case.save(update_fields=["status", "answered_at", "closed_at", "updated_at"])
        reply.request = case
        reply.pdf.save(f"{case.number}.pdf", render_answer_pdf(reply), save=True)
        event(
            case,
            user,
            Action.ANSWERED,
            public=True,
            due=case.answer_due,
            late=timezone.localdate(now) > case.answer_due,
        )
        deliver_answer(reply, user=user)
    refresh(citizen_request, case)
    return reply


def mark_posted(citizen_request: CitizenRequest, user, *, event_id: int) -> RequestEvent:
    """Record that a letter waiting to be posted has been posted."""
    require(user, "mark_posted")
    with transaction.atomic():
        pending = (
            RequestEvent.objects.select_for_update()
            .filter(request=citizen_request, pk=event_id)
            .first()
        )
        if pending is None or pending.data.get("channel") != "post":
            raise ValidationError(_("There is no letter to be posted."))
        if pending.data.get("posted_at"):
            raise ValidationError(_("This letter has already been posted."))
        now = timezone.now()
        pending.data = {**pending.data, "posted_at": now.isoformat(), "posted_by": user.pk}
        pending.save(update_fields=["data"])
        if pending.action == Action.DELIVERED:
            Answer.objects.filter(request=citizen_request, delivered_at__isnull=True).update(
                delivered_at=now
            )
        return event(
            citizen_request,
            user,
            Action.NOTE,
            note=_("Letter posted."),
            posted=pending.pk,
        )


def letters_to_post(citizen_request: CitizenRequest) -> list[RequestEvent]:
    """The "to be posted" records of a case not yet marked as posted."""
    return [
        e
        for e in citizen_request.events.filter(action__in=[Action.DELIVERED, Action.NOTICE])
        if e.data.get("channel") == "post" and not e.data.get("posted_at")
    ]


def _has_text(html: str) -> bool:
    return bool(strip_tags(html or "").strip())
