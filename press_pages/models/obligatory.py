"""The obligatory message: a news item the law requires within 3 hours of an event."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from workflows.configuration import ModerationSettings
from workflows.deadlines import ClockedTabbedInterface, EventDeadlineMixin

from .news import NewsPage

#: An event time this far ahead of the clock is a typing error, not a clock difference.
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)


class ObligatoryMessagePage(EventDeadlineMixin, NewsPage):
    """An official message about a situation that disrupts people's living conditions.

    Law on Mass Media Art. 37 p.1: due to the media no later than 3 hours after the event, its
    text approved by the head. It is a news item (the news list, feeds and search show it, with
    its label) with the time of the event, its own workflow with the head's approval, and a
    clock in the admin; when it goes live, ``press_pages.signals.obligatory_message_published``
    tells whoever delivers it to journalists.
    """

    parent_page_types = ["press_pages.NewsIndexPage"]
    subpage_types = []
    max_count = None

    due_after = datetime.timedelta(hours=3)
    escalate_after = (datetime.timedelta(hours=2), datetime.timedelta(hours=2, minutes=45))
    deadline_note = _(
        "An official message is due no later than 3 hours after the event "
        "(Law on Mass Media, Art. 37 p.1), and its text is approved by the head."
    )

    # News's panels, with the event's time after the title.
    content_panels = [
        *Page.content_panels,
        FieldPanel("event_at"),
        *NewsPage.content_panels[len(Page.content_panels) :],
    ]
    edit_handler = ClockedTabbedInterface()

    search_fields = [*NewsPage.search_fields, index.FilterField("event_at")]

    class Meta:
        verbose_name = _("obligatory message")
        verbose_name_plural = _("obligatory messages")

    def clean(self):
        super().clean()
        if self.event_at and self.event_at > timezone.now() + FUTURE_TOLERANCE:
            raise ValidationError(
                {"event_at": _("The event has to have happened: its time cannot be in the future.")}
            )

    def get_workflow(self):
        """The obligatory messages' workflow from the moderation settings, before the tree's.

        The head's approval is required (the authorised body's rules for Art. 37), so a workflow
        assigned to the news section must not replace it. Translations follow their source.
        """
        return ModerationSettings.load().workflow_for(type(self)) or super().get_workflow()
