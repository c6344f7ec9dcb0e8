"""Signals of the press pages, for the services above them to act on without being imported.

``obligatory_message_published`` is sent when an obligatory message (Law on Mass Media
Art. 37) goes live, with ``page``: the message in the site's default language (its
translations go live with it), or the page itself when it has no such translation. The
``accreditation`` app listens, and e-mails it to the accredited journalists; a receiver keeps
its own record of what it did, since a message is published again when it is corrected.
"""

from django.dispatch import Signal, receiver

from wagtail.models import Locale
from wagtail.signals import page_published

from .models import ObligatoryMessagePage

obligatory_message_published = Signal()


def message_source(page: ObligatoryMessagePage) -> ObligatoryMessagePage:
    """The message ``page`` belongs to: its translation in the default language, else itself."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    source = (
        ObligatoryMessagePage.objects.filter(translation_key=page.translation_key, locale=default)
        .order_by("pk")
        .first()
    )
    return source or page


@receiver(page_published)
def send_obligatory_message_published(sender, instance, **kwargs):
    """An obligatory message's source went live: tell the receivers (translations are silent)."""
    page = instance.specific
    if not isinstance(page, ObligatoryMessagePage) or page.alias_of_id:
        return
    if message_source(page).pk != page.pk:
        return
    obligatory_message_published.send(sender=ObligatoryMessagePage, page=page)
