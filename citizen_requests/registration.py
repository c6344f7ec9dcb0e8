"""Registration: a submitted form becomes a numbered request with its legal clocks.

Everything happens in one database transaction: the per-kind, per-year counter row is locked
(``select_for_update``), so concurrent submissions on PostgreSQL get consecutive numbers with no
gap and no duplicate; a registration that fails gives its number back by rolling back. The
acknowledgement e-mail is written to the outbox in that transaction, and sent after it commits;
the timeline says "acknowledgement sent" only once the mail server accepted it.
"""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from agency import mail, numbering
from agency.private_files import private_storage
from agency.uploads import CheckedFile, check_file

from . import deadlines
from .kinds import RequestKind
from .models import CitizenRequest, RequestAttachment, RequestEvent, RequestStatusPage

logger = logging.getLogger(__name__)

#: Called by the outbox once the mail server accepted the acknowledgement.
ACKNOWLEDGEMENT_SENT = "citizen_requests.registration.acknowledgement_sent"


def _checked(files) -> list[CheckedFile]:
    return [f if isinstance(f, CheckedFile) else check_file(f) for f in files]


def register(
    *,
    kind: str,
    language: str,
    data: dict,
    files: list,
    received_at=None,
    submission_token=None,
    signature: str = "",
) -> tuple[CitizenRequest, str | None]:
    """Store and number a request; return it with its tracking code.

    ``files`` are Django ``UploadedFile`` objects (checked here) or already checked
    :class:`~agency.uploads.CheckedFile` objects. When ``submission_token`` was
    already used, nothing is created: the first request is returned, with ``None`` for the
    code (which only its first response showed). ``signature`` says how the request was
    certified (:class:`~citizen_requests.kinds.Signature`; blank when not filed on the site).
    """
    kind = RequestKind(kind)
    received_at = received_at or timezone.now()
    checked = _checked(files)
    clocks = deadlines.compute(kind, received_at)
    year = clocks.registered_on.year
    code = CitizenRequest.new_tracking_code()
    stored: list[str] = []
    try:
        with transaction.atomic():
            counter = numbering.lock(kind, year)
            # Submissions of one kind queue here, so a double submit finds the first one.
            if submission_token is not None:
                existing = _by_token(submission_token)
                if existing is not None:
                    return existing, None
            sequence, number = numbering.take(counter)
            values = {name: data[name] for name in CitizenRequest.FILED_FIELDS if name in data}
            citizen_request = CitizenRequest(
                kind=kind,
                year=year,
                sequence=sequence,
                number=number,
                language=language,
                consent_at=received_at,
                received_at=received_at,
                registered_on=clocks.registered_on,
                answer_due=clocks.answer_due,
                forward_due=clocks.forward_due,
                refusal_due=clocks.refusal_due,
                submission_token=submission_token,
                signature=signature,
                **values,
            )
            citizen_request.set_tracking_code(code)
            citizen_request.save()
            for item in checked:
                filename = item.storage_name
                name = private_storage().save(
                    f"requests/{received_at:%Y/%m}/{filename}",
                    ContentFile(item.data, name=filename),
                )
                stored.append(name)
                RequestAttachment.objects.create(
                    request=citizen_request,
                    file=name,
                    original_name=item.original_name,
                    content_type=item.content_type,
                    size=item.size,
                    sha256=RequestAttachment.digest(item.data),
                )
            RequestEvent.objects.bulk_create(
                [
                    RequestEvent(
                        request=citizen_request,
                        at=received_at,
                        action=RequestEvent.Action.RECEIVED,
                        public=True,
                    ),
                    RequestEvent(
                        request=citizen_request,
                        at=max(received_at, timezone.now()),
                        action=RequestEvent.Action.REGISTERED,
                        public=True,
                        data={
                            "number": citizen_request.number,
                            "answer_due": clocks.answer_due.isoformat(),
                        },
                    ),
                ]
            )
            if citizen_request.email:
                mail.send(
                    [
                        mail.after_sending(
                            acknowledgement(citizen_request),
                            ACKNOWLEDGEMENT_SENT,
                            citizen_request.pk,
                        )
                    ]
                )
    except IntegrityError:
        _remove(stored)
        # Two submissions with one token raced past the check: the other one won.
        if submission_token is not None:
            existing = _by_token(submission_token)
            if existing is not None:
                return existing, None
        raise
    except BaseException:
        _remove(stored)
        raise
    return citizen_request, code


def _by_token(token) -> CitizenRequest | None:
    return CitizenRequest.objects.filter(submission_token=token).order_by().first()


def _remove(names: list[str]) -> None:
    for name in names:
        try:
            private_storage().delete(name)
        except OSError:
            logger.warning("Could not remove %s after a failed registration", name)


def status_page_url(language: str) -> str:
    """The full address of the status page in ``language`` (or any language), or ``""``."""
    pages = RequestStatusPage.objects.live().select_related("locale")
    page = pages.filter(locale__language_code=language).first() or pages.first()
    return page.get_full_url() if page else ""


def acknowledgement(citizen_request: CitizenRequest):
    """The acknowledgement e-mail, in the language of the request.

    The tracking code is not in it: it is shown once, on the acknowledgement page, so it never
    rests in an outbox or a mailbox that others may read.
    """
    language = citizen_request.language
    context = {"request": citizen_request, "status_url": status_page_url(language)}
    return mail.compose(
        citizen_request.email,
        "citizen_requests/acknowledgement_email",
        context,
        language=language,
        group="acknowledgement",
    )


def acknowledgement_sent(request_id: int) -> None:
    """Put "acknowledgement sent" on the timeline of request ``request_id``, once.

    Called by the outbox after the mail server accepted the acknowledgement, in the transaction
    that marks the message sent; a message sent again after a worker died adds no second line.
    """
    citizen_request = CitizenRequest.objects.filter(pk=request_id).first()
    if citizen_request is None:
        return
    if citizen_request.events.filter(action=RequestEvent.Action.ACKNOWLEDGED).exists():
        return
    RequestEvent.objects.create(
        request=citizen_request, action=RequestEvent.Action.ACKNOWLEDGED, public=True
    )
