"""What the media watch tests share: items of a feed written relative to now."""

import datetime

from django.utils import timezone


def news(link: str, title: str, summary: str = "", *, hours_ago: float = 1) -> dict:
    """One feed item published ``hours_ago``."""
    published = timezone.now() - datetime.timedelta(hours=hours_ago)
    return {"title": title, "link": link, "summary": summary, "published": published}
