"""What the media watch tests share: items of a feed written relative to now, and stories
with their copies written directly."""

import datetime

from django.utils import timezone

from media_watch.models import Item, Mention, Story


def news(link: str, title: str, summary: str = "", *, hours_ago: float = 1) -> dict:
    """One feed item published ``hours_ago``."""
    published = timezone.now() - datetime.timedelta(hours=hours_ago)
    return {"title": title, "link": link, "summary": summary, "published": published}


def story_with_copies(title: str, copies, *, language: str = "ru", hours_ago: float = 2):
    """A story and its copies, written directly: ``copies`` gives for each copy
    ``(outlet, url, tone, reasons, terms)``, ``terms`` being watch terms it names."""
    published = timezone.now() - datetime.timedelta(hours=hours_ago)
    story = Story.objects.create(
        title=title,
        language=language,
        title_key=f"key-{title[:30]}",
        published_at=published,
        item_count=len(copies),
        outlet_count=len({copy[0].pk for copy in copies}),
    )
    for position, (outlet, url, tone, reasons, terms) in enumerate(copies):
        item = Item.objects.create(
            canonical_url=url,
            url=url,
            title=title,
            summary="",
            published_at=published + datetime.timedelta(minutes=position),
            language=language,
            outlet=outlet,
            story=story,
        )
        mention = Mention.objects.create(
            item=item,
            story=story,
            hits=[
                {
                    "term": term.pk,
                    "text": term.text,
                    "kind": term.kind,
                    "matched": term.text,
                    "field": "title",
                }
                for term in terms
            ],
            tone=tone,
            reasons=list(reasons),
        )
        mention.terms.set(terms)
    return story
