"""Anonymisation of closed cases, after the years set in the request settings (a django-q2 job).

Personal data is kept until the purpose of its processing is achieved and destroyed when its
storage term ends (Personal Data Law Art. 12 p.2, Art. 18): :func:`anonymise_closed_cases` runs
daily and removes the requester's personal data from every case closed more than
``RequestSettings.anonymise_after_years`` ago, keeping what the records of requests need. It
also deletes the attachments kept for forms that were never sent again
(:func:`citizen_requests.uploads.discard_stale`).
"""

import datetime
import logging
import re
import time

from django.db import transaction
from django.utils import timezone

from workflows.restricted import scan_text

from ..models import CitizenRequest, RequestAttachment, RequestEvent, RequestSettings
from ..uploads import discard_stale

logger = logging.getLogger(__name__)

#: Scanner categories that are personal data, removed from texts on anonymisation.
PERSONAL_CATEGORIES = frozenset({"iin", "phone", "email", "id_document", "iban", "payment_card"})
REDACTED = "[…]"
#: Seconds one anonymisation run may take (django-q2 stops a job after Q_CLUSTER["timeout"]).
ANONYMISE_TIME_BUDGET = 180


def anonymisation_cutoff(now=None, years: int | None = None) -> datetime.datetime:
    """Cases closed before this moment are due for anonymisation."""
    now = now or timezone.now()
    years = years if years is not None else RequestSettings.load().anonymise_after_years
    local = timezone.localtime(now)
    try:
        return local.replace(year=local.year - years)
    except ValueError:  # 29 February
        return local.replace(year=local.year - years, day=28)


def redact(text: str, identifiers: list[str], names: list[str] = ()) -> str:
    """``text`` without the requester's identifiers and the personal data the scanner finds.

    ``identifiers`` are removed where they stand as whole words; ``names`` (parts of the
    requester's name) also with an inflectional ending (Тестовтың, Тестову).
    """
    if not text:
        return text
    for identifier in identifiers:
        text = re.sub(rf"(?<!\w){re.escape(identifier)}(?!\w)", REDACTED, text, flags=re.IGNORECASE)
    for name in names:
        text = re.sub(rf"(?<!\w){re.escape(name)}\w*", REDACTED, text, flags=re.IGNORECASE)
    findings = [f for f in scan_text(text) if f.category in PERSONAL_CATEGORIES]
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + REDACTED + text[finding.end :]
    return text


def _redact_data(value, identifiers, names):
    if isinstance(value, str):
        return redact(value, identifiers, names)
    if isinstance(value, list):
        return [_redact_data(item, identifiers, names) for item in value]
    if isinstance(value, dict):
        return {key: _redact_data(item, identifiers, names) for key, item in value.items()}
    return value


def _identifiers(case: CitizenRequest) -> tuple[list[str], list[str]]:
    """The requester's own identifiers and name parts, longest first, to find in free text."""
    values = {case.full_name, case.iin, case.email, case.phone, case.accreditation_number}
    values |= {line.strip() for line in case.postal_address.splitlines()}
    values |= {part.strip() for part in case.postal_address.split(",")}
    # Each part of the name (surname, given name), but not initials or short particles.
    names = {part for part in case.full_name.split() if len(part) >= 3}

    def longest_first(items):
        return sorted((v for v in items if v and len(v.strip()) >= 3), key=len, reverse=True)

    return longest_first(values), longest_first(names)


def anonymise(case: CitizenRequest, now=None) -> None:
    """Remove the requester's personal data from one case, keeping what the statistics need.

    Kept: kind, number, dates and clocks, status, outcome, unit, executor, language, channel,
    the requester type and an organisation's name and BIN (not personal data). Removed: name,
    IIN, contacts, accreditation card, the tracking code (the status page no longer finds the
    case), the requester's attachments and the answer letter PDF (it carries the address).
    The subject, text, answer, sub-tasks and timeline notes keep their content with the
    requester's identifiers and any personal data the scanner finds replaced by ``[…]``.
    """
    now = now or timezone.now()
    identifiers, names = _identifiers(case)
    files = []
    with transaction.atomic():
        for attachment in RequestAttachment.objects.filter(request=case, answer__isnull=True):
            files.append((attachment.file.storage, attachment.file.name))
            attachment.delete()
        answer = getattr(case, "answer", None)
        if answer is not None:
            if answer.pdf:
                files.append((answer.pdf.storage, answer.pdf.name))
                answer.pdf = ""
            answer.body = redact(answer.body, identifiers, names)
            answer.save(update_fields=["pdf", "body"])
        for subtask in case.subtasks.all():
            subtask.question = redact(subtask.question, identifiers, names)
            subtask.response = redact(subtask.response, identifiers, names)
            subtask.save(update_fields=["question", "response"])
        for event in case.events.all():
            event.note = redact(event.note, identifiers, names)
            event.data = _redact_data(event.data, identifiers, names)
            event.save(update_fields=["note", "data"])
        case.subject = redact(case.subject, identifiers, names)
        case.text = redact(case.text, identifiers, names)
        case.full_name = ""
        case.iin = ""
        case.email = ""
        case.phone = ""
        case.postal_address = ""
        case.accreditation_number = ""
        case.tracking_digest = ""
        case.submission_token = None
        case.anonymised_at = now
        case.save()
        RequestEvent.objects.create(request=case, at=now, action=RequestEvent.Action.ANONYMISED)

        def delete_files():
            for storage, name in files:
                if name:
                    storage.delete(name)

        transaction.on_commit(delete_files, robust=True)


def anonymise_closed_cases(now=None, *, time_budget: float = ANONYMISE_TIME_BUDGET) -> int:
    """Anonymise the cases closed before :func:`anonymisation_cutoff`, the oldest first.

    Each case is its own transaction. A run stops after ``time_budget`` seconds, well inside
    django-q2's job timeout, and the next daily run goes on where it stopped (a first run over
    a large backlog takes a few days). Returns how many cases were anonymised.
    """
    started = time.monotonic()
    discard_stale(now)
    cutoff = anonymisation_cutoff(now)
    pending = (
        CitizenRequest.objects.filter(closed_at__lt=cutoff, anonymised_at__isnull=True)
        .order_by("closed_at", "pk")
        .values_list("pk", flat=True)
    )
    count = 0
    for pk in list(pending):
        if time.monotonic() - started > time_budget:
            logger.info("Anonymisation stopped after %s cases; the next run goes on", count)
            break
        with transaction.atomic():
            case = (
                CitizenRequest.objects.select_for_update()
                .filter(pk=pk, anonymised_at__isnull=True)
                .first()
            )
            if case is None:
                continue
            anonymise(case, now)
            count += 1
    return count
