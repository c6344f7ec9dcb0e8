"""Page types of the public press site.

Modules depend one way: ``base`` (mixins) and ``taxonomy`` (snippets) are used
by the page modules, never the reverse, and ``home`` reads the other page types.
"""

from .base import ListingMixin, PressPageMixin, PublicPageMethods
from .briefings import BriefingIndexPage, BriefingPage, BriefingSpeaker
from .faq import FAQAnswerPage, FAQIndexPage
from .home import HomePage
from .news import NewsIndexPage, NewsPage, NewsPageRelatedPage, NewsPageTopic
from .obligatory import ObligatoryMessagePage
from .taxonomy import FAQCategory, Topic

__all__ = [
    "BriefingIndexPage",
    "BriefingPage",
    "BriefingSpeaker",
    "FAQAnswerPage",
    "FAQCategory",
    "FAQIndexPage",
    "HomePage",
    "ListingMixin",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedPage",
    "NewsPageTopic",
    "ObligatoryMessagePage",
    "PressPageMixin",
    "PublicPageMethods",
    "Topic",
]
