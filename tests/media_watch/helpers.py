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


def relative_luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#rrggbb`` or ``rgb(r, g, b)``."""
    if colour.startswith("#"):
        channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    else:
        channels = [int(float(part)) for part in colour[colour.index("(") + 1 : -1].split(",")[:3]]
    linear = [
        value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
        for value in (channel / 255 for channel in channels)
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted(map(relative_luminance, (first, second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
