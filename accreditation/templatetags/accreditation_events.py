"""Template tags for the registration block of a briefing page."""

from django import template

from ..event_links import temporary_accreditation_url as url_for

register = template.Library()


@register.simple_tag(takes_context=True)
def temporary_accreditation_url(context, page) -> str:
    """The temporary-accreditation form for the event of ``page``, in its language, or ``""``."""
    return url_for(context.get("request"), page)
