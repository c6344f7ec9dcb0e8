"""The case timeline: every action is a :class:`~citizen_requests.models.RequestEvent`.

Events the requester should see on the status page (extended, forwarded, refused, answered,
and the notices) are ``public``; internal steps (assignment, sub-tasks) are not.
"""

import datetime
from collections.abc import Iterable

from django.utils import timezone

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


def shown_at(
    citizen_request: CitizenRequest, item: RequestEvent
) -> datetime.date | datetime.datetime:
    """When ``item`` is said to have happened: a moment, or a date for the registration.

    A request is received when it is filed, and registered on its registration date (the next
    working day when filed on a day off, AIL Art. 11 p.2), even though the number is given at
    once: the registration line shows that date, not the moment of filing.
    """
    if item.action == RequestEvent.Action.REGISTERED and citizen_request.registered_on:
        return citizen_request.registered_on
    return item.at


def _order(citizen_request: CitizenRequest, item: RequestEvent) -> datetime.datetime:
    shown = shown_at(citizen_request, item)
    if isinstance(shown, datetime.datetime):
        return shown
    start_of_day = timezone.make_aware(datetime.datetime.combine(shown, datetime.time.min))
    return max(item.at, start_of_day)


def in_order(citizen_request: CitizenRequest, events: Iterable[RequestEvent]) -> list[dict]:
    """The ``events`` of the case in the order they happened: ``{"event", "at", "date_only"}``.

    A registration dated after the day of filing comes after what happened in between (the
    acknowledgement sent on the day off).
    """
    items = sorted(events, key=lambda item: (_order(citizen_request, item), item.pk or 0))
    rows = []
    for item in items:
        shown = shown_at(citizen_request, item)
        rows.append(
            {"event": item, "at": shown, "date_only": not isinstance(shown, datetime.datetime)}
        )
    return rows
