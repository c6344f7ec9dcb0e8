"""What a signed submission was filed as, told by the services that file them.

A :class:`~esign.models.SignedSubmission` points at its record (a request, an accreditation
application) by content type and primary key only: this app knows no service. Each service
registers, with the Wagtail hook :data:`TARGETS_HOOK`, a function returning a
:class:`SubmissionTarget`: the record's model, what to call it, where its admin page is and who
may open it. The staff list of signed submissions (:mod:`esign.admin`) shows a submission to a
member of staff only if they may open the record it was filed as.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse

from wagtail import hooks

TARGETS_HOOK = "register_signed_submission_target"


@dataclass(frozen=True)
class SubmissionTarget:
    """A kind of record that signed submissions are filed as.

    ``label`` names the kind ("Request"); ``url_name`` is the admin view of one record, taking
    its ``pk``; ``permissions`` are all needed to open it (and so to see its signed
    submissions); ``title`` gives a record's name in the list (its number).
    """

    model: type[models.Model]
    label: str
    url_name: str
    permissions: tuple[str, ...]
    title: Callable[[models.Model], str] = field(default=str)

    def may_open(self, user) -> bool:
        return bool(user and user.is_active and user.has_perms(self.permissions))

    def url(self, pk) -> str:
        try:
            return reverse(self.url_name, args=[pk])
        except NoReverseMatch:
            return ""


def registered() -> dict[int, SubmissionTarget]:
    """Every registered kind, by content type id."""
    found = {}
    for hook in hooks.get_hooks(TARGETS_HOOK):
        target = hook()
        found[ContentType.objects.get_for_model(target.model).pk] = target
    return found


def content_types_for(user) -> list[int]:
    """The content types of the records ``user`` may open."""
    return [pk for pk, target in registered().items() if target.may_open(user)]


@dataclass
class FiledAs:
    """What one submission was filed as, for the list: the kind, the record's name and its
    admin page (empty when it is gone, or the user may not open it)."""

    label: str = ""
    title: str = ""
    url: str = ""

    def __str__(self) -> str:
        return f"{self.label} {self.title}".strip()


def describe(submissions: Iterable, user) -> None:
    """Set ``filed_as`` (a :class:`FiledAs`) on each of ``submissions``, fetching the records
    of each kind in one query."""
    kinds = registered()
    wanted = defaultdict(set)
    submissions = list(submissions)
    for submission in submissions:
        if submission.content_type_id in kinds:
            wanted[submission.content_type_id].add(submission.object_id)
    records = {}
    for content_type_id, ids in wanted.items():
        model = kinds[content_type_id].model
        pks = [model._meta.pk.to_python(value) for value in ids]
        for pk, record in model._default_manager.in_bulk(pks).items():
            records[content_type_id, str(pk)] = record
    for submission in submissions:
        target = kinds.get(submission.content_type_id)
        record = records.get((submission.content_type_id, submission.object_id))
        if target is None:
            submission.filed_as = FiledAs()
        elif record is None:
            submission.filed_as = FiledAs(str(target.label), f"#{submission.object_id}")
        else:
            submission.filed_as = FiledAs(
                str(target.label),
                str(target.title(record)),
                target.url(record.pk) if target.may_open(user) else "",
            )
