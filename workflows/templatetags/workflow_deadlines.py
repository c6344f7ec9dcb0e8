"""Template tags for the clocks of pages with a deadline in Wagtail's own admin screens."""

from django import template

from wagtail.models import get_default_page_content_type

from ..deadlines import clocks_for

register = template.Library()


@register.simple_tag
def deadline_clocks(workflow_states) -> dict:
    """The clocks of the pages in ``workflow_states`` that have a deadline, by page id: one
    query per page type with a deadline, whatever the number of rows."""
    page_type = get_default_page_content_type().pk
    return clocks_for(
        int(state.object_id)
        for state in workflow_states
        if state.base_content_type_id == page_type and str(state.object_id).isdigit()
    )


@register.filter
def clock_of(clocks: dict, workflow_state):
    """The clock of ``workflow_state``'s page from :func:`deadline_clocks`, or ``None``."""
    object_id = str(workflow_state.object_id)
    return clocks.get(int(object_id)) if object_id.isdigit() else None
