"""The accreditation officers' admin, one module per area: intakes, applications,
accreditations and deprivations, press events, cards and the audit log's actions.

The lists are :class:`agency.admin.ServiceViewSet` viewsets grouped under one "Accreditation"
menu (``accreditation.wagtail_hooks``); the record pages and the officers' actions are views
registered on them. Officer actions are written to Wagtail's audit log; the actions are
registered in :mod:`.audit`.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from agency.private_files import PrivateFile, private_file_response

from .. import services

#: Why an officer's action is refused when the refusal itself gives no reason.
REFUSAL = _("You are not allowed to do this with accreditations.")


def can(user, *perms: str) -> bool:
    return bool(user and user.is_authenticated and user.has_perms(perms))


def photo_response(request, permitted: bool, find_record):
    """A journalist's photo (of ``find_record()``, an application's journalist or an
    accreditation) to staff with ``permitted``; every view is logged as personal data seen."""

    def find():
        record = find_record()
        if not record.photo:
            raise Http404
        name = record.photo.name.rsplit("/", 1)[-1]
        return PrivateFile(record.photo, name, as_attachment=False, record=record)

    return private_file_response(
        permitted,
        find,
        lambda file: services.log_personal_data_view(file.record, user=request.user, what="photo"),
    )
