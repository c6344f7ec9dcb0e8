"""The forms module's models, re-exported for ``citizen_requests.models``."""

from .calendar import CalendarDay
from .cases import (
    Answer,
    CitizenRequest,
    InformationSubtask,
    PersonalDataAccess,
    RequestAttachment,
    RequestCounter,
    RequestEvent,
    Unit,
)
from .pages import RequestFormPage, RequestStatusPage
from .settings import RequestSettings

__all__ = [
    "Answer",
    "CalendarDay",
    "CitizenRequest",
    "InformationSubtask",
    "PersonalDataAccess",
    "RequestAttachment",
    "RequestCounter",
    "RequestEvent",
    "RequestFormPage",
    "RequestSettings",
    "RequestStatusPage",
    "Unit",
]
