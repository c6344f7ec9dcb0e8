"""A case's files and letters: the requester's attachments, the answer letter, the notices to
be posted, and marking a letter as posted.

Files carry personal data: they go only to those who may see it, every download is recorded
in :class:`~citizen_requests.models.PersonalDataAccess`, and none is kept in a cache
(:func:`agency.private_files.private_file_response`).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from agency.private_files import PrivateFile, private_file_response
from esign.services import submissions_for

from .. import services
from ..letters import render_notice_pdf
from ..models import CitizenRequest, RequestAttachment, RequestEvent
from .case_page import log_access

CASE_URL = "citizen_requests_cases:case"
NOTICES = ("extended", "forwarded", "refused")


def may_see_personal_data(user) -> bool:
    return services.can(user, "view") and services.can(user, "personal_data")


def attachment(request, pk: int, attachment_id: int):
    """One of the case's files (the requester's, or one sent with the answer)."""

    def find():
        item = get_object_or_404(RequestAttachment, pk=attachment_id, request_id=pk)
        return PrivateFile(item.file, item.original_name, item.content_type, record=item)

    def log(file):
        item = file.record
        log_access(item.request, request.user, f"attachment {item.pk}: {item.original_name}")

    return private_file_response(may_see_personal_data(request.user), find, log)


def answer_letter(request, pk: int):
    """The answer letter as PDF (it carries the requester's name and address)."""

    def find():
        case = get_object_or_404(CitizenRequest, pk=pk)
        answer = getattr(case, "answer", None)
        if answer is None or not answer.pdf:
            raise Http404
        return PrivateFile(answer.pdf, f"{case.number}.pdf", "application/pdf", record=case)

    return private_file_response(
        may_see_personal_data(request.user),
        find,
        lambda file: log_access(file.record, request.user, "answer letter"),
    )


def notice_letter(request, pk: int, event_id: int):
    """A notice to be posted (extension, forwarding, refusal), as a printable PDF letter."""
    notice = ""

    def find():
        nonlocal notice
        case = get_object_or_404(CitizenRequest, pk=pk)
        item = get_object_or_404(
            RequestEvent, pk=event_id, request=case, action=RequestEvent.Action.NOTICE
        )
        notice = item.data.get("notice")
        if notice not in NOTICES:
            raise Http404
        return PrivateFile(render_notice_pdf(case, notice), f"{case.pk}-{notice}.pdf", record=case)

    return private_file_response(
        may_see_personal_data(request.user),
        find,
        lambda file: log_access(file.record, request.user, f"notice letter {notice}"),
    )


#: The parts of a signed submission that can be downloaded: (file name suffix, content type).
SIGNED_PARTS = {
    "document": ("signed.json", "application/json"),
    "cms": ("p7s", "application/pkcs7-signature"),
}


def signed_file(request, pk: int, submission_id: int, part: str):
    """The signed document (its exact bytes) or its detached CMS, from the case's signed
    submission; they carry the requester's IIN and name."""

    def find():
        case = get_object_or_404(CitizenRequest, pk=pk)
        found = [item for item in submissions_for(case) if item.pk == submission_id]
        if not found or part not in SIGNED_PARTS:
            raise Http404
        suffix, content_type = SIGNED_PARTS[part]
        content = bytes(getattr(found[0], part))
        return PrivateFile(
            content, f"{case.number}-{found[0].pk}.{suffix}", content_type, record=case
        )

    return private_file_response(
        may_see_personal_data(request.user),
        find,
        lambda file: log_access(file.record, request.user, f"signed {part} {submission_id}"),
    )


def mark_posted(request, pk: int, event_id: int):
    """Record that a letter to be posted was posted (the timeline then says so)."""
    if request.method != "POST":
        return redirect(CASE_URL, pk=pk)
    case = get_object_or_404(CitizenRequest, pk=pk)
    try:
        services.mark_posted(case, request.user, event_id=event_id)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The letter is marked as posted."))
    return redirect(CASE_URL, pk=pk)
