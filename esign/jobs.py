"""django-q2 jobs of the signing step.

* :func:`recheck_unknown` runs every 30 minutes (the schedule of migration 0002): submissions
  whose latest check could not learn the revocation status are verified again, and the new
  check is appended. A submission is retried for ``ESIGN_RECHECK_DAYS`` after it was received.
  When the revocation sources are still down the run stops early, after a few submissions
  that stay unknown, and the next run tries again. Running it twice only appends one more
  check: harmless.
* :func:`prune_nonces` runs daily and removes issued documents whose nonce has expired: they
  hold personal data, and a signed one was copied into its signed submission.
"""

import datetime
import logging
import time

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from agency.daily import once_a_day

from . import services
from .models import SignatureCheck, SignedSubmission, SigningNonce
from .verification import REVOCATION_UNKNOWN

logger = logging.getLogger(__name__)

#: A run stops after this many submissions in a row stay unknown, or after this many seconds.
GIVE_UP_AFTER = 3
TIME_BUDGET = 240


def waiting_for_revocation():
    """Signed submissions whose latest check left the revocation status unknown, oldest first,
    within ``ESIGN_RECHECK_DAYS``."""
    latest = SignatureCheck.objects.filter(submission=OuterRef("pk")).order_by("-checked_at", "-pk")
    cutoff = timezone.now() - datetime.timedelta(days=settings.ESIGN_RECHECK_DAYS)
    return (
        SignedSubmission.objects.filter(created_at__gte=cutoff)
        .annotate(latest_state=Subquery(latest.values("state")[:1]))
        .filter(latest_state=REVOCATION_UNKNOWN)
        .order_by("created_at", "pk")
    )


def recheck_unknown() -> dict:
    """Verify again every submission whose revocation status is unknown. Returns counts."""
    started = time.monotonic()
    counts = {"checked": 0, "settled": 0}
    still_unknown = 0
    for submission in waiting_for_revocation().iterator():
        try:
            check = services.recheck(submission)
        except Exception:
            logger.exception("Re-checking signed submission %s failed", submission.pk)
            continue
        counts["checked"] += 1
        if check.state == REVOCATION_UNKNOWN:
            still_unknown += 1
        else:
            still_unknown = 0
            counts["settled"] += 1
        if still_unknown >= GIVE_UP_AFTER or time.monotonic() - started > TIME_BUDGET:
            break
    return counts


@once_a_day("esign: prune_nonces")
def prune_nonces(today=None) -> int:
    """Remove issued documents whose nonce expired more than a day ago. Returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=1)
    deleted, _kinds = SigningNonce.objects.filter(expires_at__lt=cutoff).delete()
    return deleted
