"""What the command line and the admin do to the media watch's records, checked once here."""

import datetime
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from .models import Language, Mention, Outlet, Source, Tone, ToneCorrection, WatchTerm
from .polling import PollResult, poll
from .texts import ArticleResult, extract_articles, wanted

#: The permission to correct a mention's tone (the press secretaries have it).
CORRECT_TONE = "media_watch.add_tonecorrection"


def add_term(text: str, language: str, kind: str = WatchTerm.Kind.TOPIC) -> tuple[WatchTerm, bool]:
    """The watch term ``text`` in ``language``, added unless it is watched already (in any
    case). Returns ``(term, created)``."""
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError(_("Give the words to watch."))
    if len(text) > WatchTerm._meta.get_field("text").max_length:
        raise ValidationError(_("A watch term is at most 200 characters long."))
    if language not in Language.values:
        raise ValidationError(_("The language must be kk, ru or en."))
    if kind not in WatchTerm.Kind.values:
        raise ValidationError(_("The kind must be agency, person or topic."))
    key = WatchTerm.key_of(text)
    existing = WatchTerm.objects.filter(key=key, language=language).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return WatchTerm.objects.create(text=text, language=language, kind=kind), True
    except IntegrityError:
        return WatchTerm.objects.get(key=key, language=language), False


def check_source_url(url: str) -> str:
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            _("“%(url)s” is not a web address (http:// or https://).") % {"url": url}
        ) from None
    if len(url) > Source._meta.get_field("url").max_length:
        raise ValidationError(_("The address is longer than 2,000 characters."))
    return url


def add_source(
    url: str,
    language: str,
    *,
    name: str = "",
    kind: str = Source.Kind.FEED,
    fetch_articles: bool = False,
) -> tuple[Source, bool]:
    """The source at ``url`` of the outlet called ``name`` (made when new; by default named
    after the address's host). Returns ``(source, created)``; a source watched already is
    returned as it is."""
    url = check_source_url(url)
    if language not in Language.values:
        raise ValidationError(_("The language must be kk, ru or en."))
    if kind not in Source.Kind.values:
        raise ValidationError(_("The kind must be feed or sitemap."))
    existing = Source.objects.filter(url=url).select_related("outlet").first()
    if existing is not None:
        return existing, False
    parts = urlsplit(url)
    name = " ".join((name or "").split())[:255] or (parts.hostname or url).removeprefix("www.")
    with transaction.atomic():
        outlet, _created = Outlet.objects.get_or_create(
            name=name,
            defaults={"language": language, "website": f"{parts.scheme}://{parts.netloc}/"},
        )
        source = Source.objects.create(
            url=url, outlet=outlet, language=language, kind=kind, fetch_articles=fetch_articles
        )
    return source, True


def source_json(source: Source) -> dict:
    """A source as the command line lists it."""

    def moment(value):
        return timezone.localtime(value).isoformat() if value else None

    return {
        "id": source.pk,
        "url": source.url,
        "kind": source.kind,
        "lang": source.language,
        "outlet": source.outlet.name,
        "active": source.active,
        "fetch_articles": source.fetch_articles,
        "health": source.health,
        "last_fetched": moment(source.last_fetched_at),
        "last_success": moment(source.last_success_at),
        "consecutive_failures": source.consecutive_failures,
        "last_error": source.last_error,
        "next_attempt": moment(source.next_attempt_at),
    }


def run_once(
    *, articles: bool = True, alert: bool = True
) -> tuple[list[PollResult], ArticleResult]:
    """Poll every active source once, one after the other, then (with ``articles``) fetch the
    article text of the items waiting for it."""
    results = []
    for source in Source.objects.filter(active=True).select_related("outlet").order_by("pk"):
        results.append(poll(source, alert=alert))
    article_result = ArticleResult()
    if articles:
        waiting = wanted(limit=10_000)
        article_result = extract_articles(waiting, alert=alert)
    return results, article_result


def mentions_json(since: datetime.datetime | None = None) -> list[dict]:
    """Each item that names a watch term, oldest first: ``url`` is the link as the source gave
    it, ``story`` is shared by the copies of one story, ``alerted`` tells whether the story's
    alert went out."""
    found = Mention.objects.select_related("item", "item__outlet", "story").order_by(
        "item__published_at", "pk"
    )
    if since is not None:
        found = found.filter(item__published_at__gte=since)
    rows = []
    for mention in found.iterator(chunk_size=1000):
        item = mention.item
        rows.append(
            {
                "url": item.url,
                "outlet": item.outlet.name,
                "lang": item.language,
                "title": item.title,
                "published": timezone.localtime(item.published_at).isoformat(),
                "terms": sorted({hit["text"] for hit in mention.hits}),
                "tone": mention.current_tone,
                "reasons": list(mention.reasons),
                "story": mention.story_id,
                "alerted": mention.story.alerted_at is not None,
            }
        )
    return rows


def correct_tone(mention: Mention, tone: str, user, note: str = "") -> ToneCorrection:
    """Set ``mention``'s tone as an officer judged it; the automatic tone and every earlier
    correction are kept, and the change is written to the story's audit log, whoever calls."""
    if not (user.is_active and user.has_perm(CORRECT_TONE)):
        raise PermissionDenied(_("You may not correct a mention's tone."))
    if tone not in Tone.values:
        raise ValidationError(_("The tone must be negative, neutral or positive."))
    previous = mention.current_tone
    with transaction.atomic():
        correction = ToneCorrection.objects.create(
            mention=mention, tone=tone, previous_tone=previous, note=note, user=user
        )
        mention.corrected_tone = tone
        mention.save(update_fields=["corrected_tone", "updated_at"])
        log(
            mention.story,
            "media_watch.tone_corrected",
            user=user,
            data={"mention": mention.pk, "from": previous, "to": tone},
        )
    return correction
