"""What officers and journalists change or see on an accreditation besides the decisions: the
announcements of events (Mass Media Law Art. 28 p.2), switched on or off, and the audited views
of personal data."""

from __future__ import annotations

from django.db import transaction

from wagtail.log_actions import log

from ..models import Accreditation
from .rules import require


def set_notices_opt_in(
    accreditation: Accreditation, wanted: bool, *, user=None, via: str = "link"
) -> bool:
    """Switch the announcements of events on or off for one accreditation; ``True`` if changed.

    The journalist does it from the signed link in any notice (``via="link"``, no user); an
    officer from the admin (``via="admin"``), with the change permission. Each change is audited
    as ``accreditation.notices_on`` or ``accreditation.notices_off``.
    """
    if via != "link":
        require(user, "accreditation.change_accreditation")
    wanted = bool(wanted)
    with transaction.atomic():
        changed = (
            Accreditation.objects.filter(pk=accreditation.pk)
            .exclude(notices_opt_in=wanted)
            .update(notices_opt_in=wanted)
        )
        accreditation.notices_opt_in = wanted
        if changed:
            log(
                accreditation,
                "accreditation.notices_on" if wanted else "accreditation.notices_off",
                user=user,
                data={"via": via},
            )
    return bool(changed)


def log_personal_data_view(instance, *, user, what: str) -> None:
    """Record that an officer saw personal data (IIN, photo, phone) of ``instance``."""
    log(instance, "accreditation.view_personal_data", user=user, data={"what": what})
