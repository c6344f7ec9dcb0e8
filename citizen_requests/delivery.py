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

from .kinds import Channel
from .letters import notice_text
from .models import Answer, CitizenRequest, InformationSubtask, RequestEvent

Action = RequestEvent.Action


def _admin_url(request_obj: CitizenRequest) -> str:
    return mail.admin_url(reverse("citizen_requests_cases:case", args=[request_obj.pk]))


def _by_email(request_obj: CitizenRequest) -> bool:
    return request_obj.channel == Channel.EMAIL and bool(request_obj.email)


def _record(request_obj, user, action, *, public, note="", **data) -> RequestEvent:
    return RequestEvent.objects.create(
        request=request_obj,
        actor=user if user and user.is_authenticated else None,
        action=action,
        public=public,
        note=note,
        data=data,
    )


def send_notice(request_obj: CitizenRequest, notice: str, *, user=None) -> RequestEvent:
    """Tell the requester the case was extended, forwarded or refused."""
    with translation.override(request_obj.language):
        title, paragraphs = notice_text(request_obj, notice)
        if _by_email(request_obj):
            mail.send(
                [
                    mail.message(
                        request_obj.email,
                        f"{title}: {request_obj.number}",
                        "\n\n".join(p for p in paragraphs if p),
                        group=f"notice: {notice}",
                    )
                ]
            )
            return _record(
                request_obj, user, Action.NOTICE, public=True, channel="email", notice=notice
            )
    return _record(request_obj, user, Action.NOTICE, public=True, channel="post", notice=notice)


def deliver_answer(answer: Answer, *, user=None) -> RequestEvent:
    """Send the answer letter, or leave it to be posted."""
    request_obj = answer.request
    if not _by_email(request_obj):
        return _record(request_obj, user, Action.DELIVERED, public=False, channel="post")
    with translation.override(request_obj.language):
        received = timezone.localtime(request_obj.received_at).date()
        message = mail.message(
            request_obj.email,
            _("Answer to your request %(number)s") % {"number": request_obj.number},
            _("The answer to your request No. %(number)s of %(date)s is attached as a PDF letter.")
            % {"number": request_obj.number, "date": received.strftime("%d.%m.%Y")},
            group="answer",
        )
    answer.pdf.open("rb")
    try:
        message.attach(f"{request_obj.number}.pdf", answer.pdf.read(), "application/pdf")
    finally:
        answer.pdf.close()
    for attachment in answer.attachments.all():
        with attachment.file.open("rb") as handle:
            message.attach(attachment.original_name, handle.read(), attachment.content_type)
    mail.send([message])
    answer.delivered_at = timezone.now()
    answer.save(update_fields=["delivered_at"])
    return _record(request_obj, user, Action.DELIVERED, public=True, channel="email")


def notify_executor(request_obj: CitizenRequest, executor) -> None:
    """Tell an executor a case was given to them."""
    if not executor.email:
        return
    with translation.override(mail.recipient_language(executor)):
        message = mail.message(
            executor.email,
            _("Request %(number)s is assigned to you") % {"number": request_obj.number},
            _("Answer due: %(due)s.\n%(url)s")
            % {"due": request_obj.answer_due.strftime("%d.%m.%Y"), "url": _admin_url(request_obj)},
            group="assignment",
        )
    mail.send([message])


def notify_unit(subtask: InformationSubtask) -> None:
    """Ask a unit, by e-mail, for the information a case needs."""
    request_obj = subtask.request
    with translation.override(settings.LANGUAGE_CODE):
        message = mail.message(
            subtask.unit.email,
            _("Information needed for request %(number)s by %(due)s")
            % {"number": request_obj.number, "due": subtask.due_on.strftime("%d.%m.%Y")},
            f"{subtask.question}\n\n{_admin_url(request_obj)}",
            group="unit question",
        )
    mail.send([message])
