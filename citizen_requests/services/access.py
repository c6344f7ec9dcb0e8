"""Who may act on requests, and the row lock under which every case action runs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from ..models import CitizenRequest

#: The permission each action needs (app label ``citizen_requests``).
PERMISSIONS = {
    "view": "citizen_requests.view_citizenrequest",
    "personal_data": "citizen_requests.view_personal_data",
    "assign": "citizen_requests.change_citizenrequest",
    "ask_unit": "citizen_requests.add_informationsubtask",
    "answer_subtask": "citizen_requests.change_informationsubtask",
    "extend": "citizen_requests.decide_request",
    "forward": "citizen_requests.decide_request",
    "refuse": "citizen_requests.decide_request",
    "answer": "citizen_requests.decide_request",
    "mark_posted": "citizen_requests.change_citizenrequest",
    "publish_faq": "citizen_requests.decide_request",
}


def can(user, action: str) -> bool:
    """Whether ``user`` may do ``action`` (a key of :data:`PERMISSIONS`) on any case."""
    return bool(user and user.is_active and user.has_perm(PERMISSIONS[action]))


def require(user, action: str) -> None:
    if not can(user, action):
        raise PermissionDenied(_("You are not allowed to do this with requests."))


def require_open(citizen_request: CitizenRequest) -> None:
    if not citizen_request.is_open:
        raise ValidationError(
            _("The case is closed (%(status)s): nothing more can be done with it.")
            % {"status": citizen_request.get_status_display()}
        )


def locked(citizen_request: CitizenRequest) -> CitizenRequest:
    """The case re-read under a row lock, so two officers cannot act on it at once."""
    return CitizenRequest.objects.select_for_update().get(pk=citizen_request.pk)


def refresh(target: CitizenRequest, source: CitizenRequest) -> None:
    """Copy the fields of ``source`` (the locked case) onto the caller's ``target``."""
    for field in target._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))
