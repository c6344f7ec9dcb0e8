"""The media watch's models, re-exported for ``media_watch.models``."""

from .announcements import AnnouncementSending, AnnouncementSettings
from .demands import Demand
from .items import Item, Story, StoryKey
from .reports import AnnualReport
from .sources import Language, Outlet, Source
from .terms import Mention, Tone, ToneCorrection, WatchTerm

__all__ = [
    "AnnouncementSending",
    "AnnouncementSettings",
    "AnnualReport",
    "Demand",
    "Item",
    "Language",
    "Mention",
    "Outlet",
    "Source",
    "Story",
    "StoryKey",
    "Tone",
    "ToneCorrection",
    "WatchTerm",
]
