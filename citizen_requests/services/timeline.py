"""The case timeline: every action is a :class:`~citizen_requests.models.RequestEvent`.

Events the requester should see on the status page (extended, forwarded, refused, answered,
and the notices) are ``public``; internal steps (assignment, sub-tasks) are not.
"""

import datetime

from ..models import CitizenRequest, RequestEvent


def event(
    citizen_request: CitizenRequest,
    user,
    action: str,
    *,
    public: bool = False,
    note: str = "",
    **data,
) -> RequestEvent:
    """Add a line to the case timeline; dates in ``data`` are stored as ISO text."""
    return RequestEvent.objects.create(
        request=citizen_request,
        actor=user if user and user.is_authenticated else None,
        action=action,
        public=public,
        note=note,
        data={key: _jsonable(value) for key, value in data.items()},
    )


def _jsonable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
