"""Template tags for the registration block of a briefing page."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def temporary_accreditation_url(context, page) -> str:
    """The temporary-accreditation form for the event of ``page``, in its language, or ``""``."""
    from accreditation.views.events import temporary_accreditation_url as url_for

    return url_for(context.get("request"), page)
