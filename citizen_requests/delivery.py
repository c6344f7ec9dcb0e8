"""Delivering answers and notices by the channel the requester chose, and telling staff.

* **E-mail:** the message goes through the site's ``EMAIL_BACKEND`` (queued on django-q2 after
  the transaction commits); an answer travels as its PDF letter with the answer's attachments.
* **Post:** a printable letter and a "to be posted" record on the timeline (a ``RequestEvent``
  with ``data["channel"] == "post"``), which an officer marks as posted once it has left.

Texts to the requester are in the language of the request; texts to staff in their own admin
language. Every delivery is an event on the case timeline.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agency import mail
from agency.dates import local_day

from .kinds import Channel
from .letters import notice_text
from .models import Answer, CitizenRequest, InformationSubtask, RequestEvent

Action = RequestEvent.Action


def _admin_url(citizen_request: CitizenRequest) -> str:
    return mail.admin_url(reverse("citizen_requests_cases:case", args=[citizen_request.pk]))


def _by_email(citizen_request: CitizenRequest) -> bool:
    return citizen_request.channel == Channel.EMAIL and bool(citizen_request.email)


def _record(citizen_request, user, action, *, public, note="", **data) -> RequestEvent:
    return RequestEvent.objects.create(
        request=citizen_request,
        actor=user if user and user.is_authenticated else None,
        action=action,
        public=public,
        note=note,
        data=data,
    )


def send_notice(citizen_request: CitizenRequest, notice: str, *, user=None) -> RequestEvent:
    """Tell the requester the case was extended, forwarded or refused."""
    with translation.override(citizen_request.language):
        title, paragraphs = notice_text(citizen_request, notice)
        if _by_email(citizen_request):
            mail.send(
                [
                    mail.message(
                        citizen_request.email,
                        f"{title}: {citizen_request.number}",
                        "\n\n".join(p for p in paragraphs if p),
                        group=f"notice: {notice}",
                    )
                ]
            )
            return _record(
                citizen_request, user, Action.NOTICE, public=True, channel="email", notice=notice
            )
    return _record(citizen_request, user, Action.NOTICE, public=True, channel="post", notice=notice)


def deliver_answer(answer: Answer, *, user=None) -> RequestEvent:
    """Send the answer letter, or leave it to be posted."""
    citizen_request = answer.request
    if not _by_email(citizen_request):
        return _record(citizen_request, user, Action.DELIVERED, public=False, channel="post")
    with translation.override(citizen_request.language):
        message = mail.message(
            citizen_request.email,
            _("Answer to your request %(number)s") % {"number": citizen_request.number},
            _("The answer to your request No. %(number)s of %(date)s is attached as a PDF letter.")
            % {"number": citizen_request.number, "date": local_day(citizen_request.received_at)},
            group="answer",
        )
    answer.pdf.open("rb")
    try:
        message.attach(f"{citizen_request.number}.pdf", answer.pdf.read(), "application/pdf")
    finally:
        answer.pdf.close()
    for attachment in answer.attachments.all():
        with attachment.file.open("rb") as handle:
            message.attach(attachment.original_name, handle.read(), attachment.content_type)
    mail.send([message])
    answer.delivered_at = timezone.now()
    answer.save(update_fields=["delivered_at"])
    return _record(citizen_request, user, Action.DELIVERED, public=True, channel="email")


def notify_executor(citizen_request: CitizenRequest, executor) -> None:
    """Tell an executor a case was given to them."""
    if not executor.email:
        return
    with translation.override(mail.recipient_language(executor)):
        message = mail.message(
            executor.email,
            _("Request %(number)s is assigned to you") % {"number": citizen_request.number},
            _("Answer due: %(due)s.\n%(url)s")
            % {
                "due": local_day(citizen_request.answer_due),
                "url": _admin_url(citizen_request),
            },
            group="assignment",
        )
    mail.send([message])


def notify_unit(subtask: InformationSubtask) -> None:
    """Ask a unit, by e-mail, for the information a case needs."""
    citizen_request = subtask.request
    with translation.override(settings.LANGUAGE_CODE):
        message = mail.message(
            subtask.unit.email,
            _("Information needed for request %(number)s by %(due)s")
            % {"number": citizen_request.number, "due": local_day(subtask.due_on)},
            f"{subtask.question}\n\n{_admin_url(citizen_request)}",
            group="unit question",
        )
    mail.send([message])
