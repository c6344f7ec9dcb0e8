"""A translator's word that a translation is ready for review.

wagtail-localize's translation editor counts translated segments but has no way to say "I am
done, please review". ``TranslationReadiness`` keeps that word beside the ``Translation``; the
translation completeness task shows on the source page which translations are ready and which
are not. Marking and withdrawing are audit-logged on the translated page.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail_localize.models import Translation, TranslationSource

from .languages import language_name

READY_ACTION = "workflows.translation_ready"
NOT_READY_ACTION = "workflows.translation_not_ready"


class TranslationReadiness(models.Model):
    """A translation its translator marked ready for review, by whom and when."""

    translation = models.OneToOneField(
        Translation,
        on_delete=models.CASCADE,
        related_name="readiness",
        verbose_name=_("translation"),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("marked by"),
    )
    marked_at = models.DateTimeField(_("marked ready"), default=timezone.now)

    class Meta:
        verbose_name = _("translation readiness")
        verbose_name_plural = _("translation readiness marks")

    def __str__(self):
        return str(self.translation)


def translation_of(page) -> Translation | None:
    """The enabled wagtail-localize translation that ``page`` is the target of, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def is_ready(translation: Translation) -> bool:
    return TranslationReadiness.objects.filter(translation=translation).exists()


def can_mark(user, page) -> bool:
    """Those who may edit the translated page may say whether it is ready."""
    return user.is_active and page.permissions_for_user(user).can_edit()


@transaction.atomic
def mark(translation: Translation, page, user, ready: bool) -> bool:
    """Mark ``translation`` (of ``page``) ready for review, or withdraw the mark.

    Returns whether anything changed; a change is logged on ``page``.
    """
    if ready:
        _readiness, changed = TranslationReadiness.objects.get_or_create(
            translation=translation, defaults={"marked_by": user}
        )
    else:
        changed = TranslationReadiness.objects.filter(translation=translation).delete()[0] > 0
    if changed:
        log(
            instance=page,
            action=READY_ACTION if ready else NOT_READY_ACTION,
            user=user,
            data={
                "translation": translation.pk,
                "language": translation.target_locale.language_code,
            },
        )
    return changed


def readiness_summary(source_page) -> list[str]:
    """Which translations of ``source_page`` are marked ready for review, and which are not."""
    source = TranslationSource.objects.get_for_instance_or_none(source_page)
    if source is None:
        return []
    translations = (
        Translation.objects.filter(source=source, enabled=True)
        .select_related("target_locale", "readiness")
        .order_by("target_locale__language_code")
    )
    ready, stale, not_ready = [], [], []
    for translation in translations:
        name = language_name(translation.target_locale.language_code)
        if not hasattr(translation, "readiness"):
            not_ready.append(name)
            continue
        total, done = translation.get_progress()
        # The source may have changed since the mark: new segments wait for a translation.
        (ready if done == total else stale).append(name)
    lines = []
    if ready:
        lines.append(gettext("Ready for review: %(languages)s.") % {"languages": ", ".join(ready)})
    if stale:
        lines.append(
            gettext(
                "Marked ready, but the source has changed since and is not fully translated: "
                "%(languages)s."
            )
            % {"languages": ", ".join(stale)}
        )
    if not_ready:
        lines.append(
            gettext("Not marked ready by the translator: %(languages)s.")
            % {"languages": ", ".join(not_ready)}
        )
    return lines
