"""Admin hooks for pages with a deadline: their escalations in the page history."""

import datetime

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.log_actions import LogFormatter

from ..deadlines import format_duration
from ..jobs import ESCALATE_ACTION


class EscalationFormatter(LogFormatter):
    """The heads were told that the page was not live: when after the event, and how many."""

    label = _("Escalate to the heads")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        after = datetime.timedelta(minutes=int(data.get("after_minutes") or 0))
        count = int(data.get("recipients") or 0)
        return ngettext(
            "Not published %(after)s after the event: %(count)d head was told.",
            "Not published %(after)s after the event: %(count)d heads were told.",
            count,
        ) % {"after": format_duration(after), "count": count}


@hooks.register("register_log_actions")
def register_escalation_log_action(actions):
    actions.register_action(ESCALATE_ACTION)(EscalationFormatter)
