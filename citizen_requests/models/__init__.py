"""The forms module's models, re-exported for ``citizen_requests.models``."""

from .cases import (
    Answer,
    CitizenRequest,
    InformationSubtask,
    PersonalDataAccess,
    RequestAttachment,
    RequestEvent,
    Unit,
)
from .pages import RequestFormPage, RequestStatusPage
from .settings import RequestSettings

__all__ = [
    "Answer",
    "CitizenRequest",
    "InformationSubtask",
    "PersonalDataAccess",
    "RequestAttachment",
    "RequestEvent",
    "RequestFormPage",
    "RequestSettings",
    "RequestStatusPage",
    "Unit",
]
