"""Who saw signers' IINs, and when: one entry of Wagtail's audit log per submission shown.

The list of signed submissions shows full IINs only to those with ``esign.view_signer_iin``;
each time it does (a page of the list, an export), every submission whose IIN was shown gets an
``esign.view_signer_iin`` entry naming the user (Personal Data Law: every view is logged). The
entries are written in bulk: an export can show thousands. Their title carries no IIN or name.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import ModelLogEntry

from ..models import SignedSubmission

ACTION = "esign.view_signer_iin"
BATCH = 1000


def title(submission: SignedSubmission) -> str:
    return f"{submission.purpose} #{submission.pk}"


def log_iins_seen(submissions: Iterable[SignedSubmission], *, user, what: str) -> int:
    """Record that ``user`` saw the IINs of ``submissions`` (``what``: the page or the export).
    Returns how many entries were written."""
    content_type = ContentType.objects.get_for_model(SignedSubmission)
    now, action_id = timezone.now(), uuid.uuid4()
    entries = [
        ModelLogEntry(
            content_type=content_type,
            object_id=str(submission.pk),
            label=title(submission),
            action=ACTION,
            timestamp=now,
            data={"what": what},
            user=user,
            uuid=action_id,
        )
        for submission in submissions
        if submission.iin
    ]
    ModelLogEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


@hooks.register("register_log_actions")
def register_esign_log_actions(actions):
    actions.register_action(ACTION, _("View signers' IINs"), _("Signer's IIN viewed"))
