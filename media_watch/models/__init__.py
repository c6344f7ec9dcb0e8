"""The media watch's models, re-exported for ``media_watch.models``."""

from .items import Item, Story, StoryKey
from .sources import Language, Outlet, Source
from .terms import Mention, Tone, ToneCorrection, WatchTerm

__all__ = [
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
