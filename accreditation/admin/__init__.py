"""The accreditation officers' admin, one module per area: intakes, applications,
accreditations and deprivations, press events, cards and the audit log's actions.

The lists are :class:`agency.admin.ServiceViewSet` viewsets grouped under one "Accreditation"
menu (``accreditation.wagtail_hooks``); the record pages and the officers' actions are views
registered on them. Officer actions are written to Wagtail's audit log; the actions are
registered in :mod:`.audit`.
"""

from django.utils.translation import gettext_lazy as _

#: Why an officer's action is refused when the refusal itself gives no reason.
REFUSAL = _("You are not allowed to do this with accreditations.")


def can(user, *perms: str) -> bool:
    return bool(user and user.is_authenticated and user.has_perms(perms))
