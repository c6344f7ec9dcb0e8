"""From a story to a draft official comment: a news item prefilled with the story's reference.

The draft is never published from here: it is saved as a revision by the officer and goes
through the news workflow like any other news item. It is made in the news index of the
story's language when that tree has one, otherwise in the Kazakh (default) tree's, and its
title and lead are written in that index's language.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Locale
from wagtail.rich_text import RichText

from agency.dates import local_day
from press_pages.models import NewsIndexPage, NewsPage

from .models import Story
from .stories import HANDLE

LEAD_MAX = 300
TITLE_MAX = 255


def news_index(story: Story):
    """The news index the comment goes to: the story's language tree's, else the default's."""
    for code in (story.language, Locale.get_default().language_code):
        index = NewsIndexPage.objects.filter(locale__language_code=code).order_by("path").first()
        if index is not None:
            return index
    return None


def can_draft_comment(story: Story, user, index=None) -> bool:
    if not (user.is_active and user.has_perm(HANDLE)):
        return False
    index = index or news_index(story)
    return index is not None and index.permissions_for_user(user).can_add_subpage()


def reference(story: Story) -> dict:
    """The story's copies, outlets and first publication, for the comment's text."""
    items = list(story.items.select_related("outlet").order_by("published_at", "pk"))
    return {
        "items": items,
        "outlets": ", ".join(dict.fromkeys(item.outlet.name for item in items)),
        "date": local_day(story.published_at),
    }


def comment_texts(story: Story, language: str) -> dict:
    """The draft's title, lead and body (rich text) in ``language``."""
    with translation.override(language):
        ref = reference(story)
        title = _("Comment: %(headline)s") % {"headline": story.title}
        lead = _("The agency's comment on “%(headline)s” (%(outlets)s, %(date)s).") % {
            "headline": story.title,
            "outlets": ref["outlets"],
            "date": ref["date"],
        }
        copies = format_html_join(
            "",
            '<li><a href="{}">{}</a>, {}, {}</li>',
            (
                (item.url, item.title, item.outlet.name, local_day(item.published_at))
                for item in ref["items"]
            ),
        )
        body = format_html(
            "<p>{}</p><ul>{}</ul>", _("The publication this comment answers:"), copies
        )
    return {
        "title": Truncator(title).chars(TITLE_MAX),
        "lead": Truncator(lead).chars(LEAD_MAX),
        "body": str(body),
    }


def draft_comment(story: Story, user):
    """Create the draft news item commenting on ``story`` (not live), link it to the story and
    log it. Returns the page."""
    index = news_index(story)
    if index is None:
        raise ValidationError(_("There is no news section to put the comment in."))
    if not can_draft_comment(story, user, index):
        raise PermissionDenied(_("You may not draft news items in the news section."))
    texts = comment_texts(story, index.locale.language_code)
    with transaction.atomic():
        page = NewsPage(
            title=texts["title"],
            lead=texts["lead"],
            body=[("paragraph", RichText(texts["body"]))],
            slug=find_available_slug(
                index, slugify(texts["title"], allow_unicode=True)[:80] or "comment"
            ),
            live=False,
            owner=user,
        )
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        story.comment_page = page
        story.save(update_fields=["comment_page"])
        log(story, "media_watch.comment_drafted", user=user, data={"page": page.pk})
    return page
