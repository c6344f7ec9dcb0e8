"""The kernel's models, re-exported for ``agency.models``."""

from .cache import CacheGeneration
from .calendar import CalendarDay
from .daily import DailyRun
from .jobs import QueuedJob
from .names import NameTranslation
from .outbox import OutboxMessage
from .profile import AgencyProfile, FooterLinkBlock, SiteSettings
from .registers import RegisterCounter

__all__ = [
    "AgencyProfile",
    "CacheGeneration",
    "CalendarDay",
    "DailyRun",
    "FooterLinkBlock",
    "NameTranslation",
    "OutboxMessage",
    "QueuedJob",
    "RegisterCounter",
    "SiteSettings",
]
