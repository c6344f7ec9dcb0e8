"""The page mixin that puts a page type under moderation."""

import contextlib
import logging

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from wagtail.models import Page

from .configuration import ModerationSettings
from .guard import (
    BOOKKEEPING_FIELDS,
    assert_alias_publishable,
    assert_live_content_publishable,
    assert_publishable,
    public_content,
)
from .languages import default_locale
from .page_form import ModeratedPageForm
from .status import page_state

logger = logging.getLogger(__name__)

LIVE_STATE_FIELDS = frozenset({"live", "live_revision", "live_revision_id"})


class RestrictedInfoMixin(models.Model):
    """A page that goes live only through moderation, checked for restricted information.

    List it before ``Page``. Saving the page with a new live revision runs the publication
    guard (see ``workflows.guard``), whatever path led there. Translations follow the workflow
    of their source-language page; a page with no workflow assigned in the tree uses the default
    workflow for its type from the moderation settings.
    """

    base_form_class = ModeratedPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # Saving only bookkeeping fields (as ``save_revision`` does) changes neither what is live
        # nor its content, whatever stale ``live_revision`` an object built from a revision holds.
        writes_live_state = update_fields is None or not LIVE_STATE_FIELDS.isdisjoint(update_fields)
        if self.live and writes_live_state:
            if self.alias_of_id:
                if update_fields is None:
                    assert_alias_publishable(self)
            elif self._goes_live_with_new_revision():
                assert_publishable(self, self.live_revision)
            elif update_fields is None and self._changes_live_content():
                # The row of a live page is what readers see. wagtail-localize saves synced
                # translations into it before publishing; the new content stays in the draft
                # revision it saves next, and goes live only once cleared.
                logger.warning(
                    "Kept the live content of page %s: changes wait in a draft for moderation.",
                    self.pk,
                )
                return None
        elif self.live and not self.alias_of_id:
            # Saving chosen fields of a live page writes them straight to what readers see.
            self._check_content_update(update_fields)
        return super().save(*args, **kwargs)

    def _check_content_update(self, update_fields) -> None:
        """Refuse a partial save that changes the content of this live page without moderation.

        Saves of bookkeeping fields only (locks, revision pointers, dates) cost no query.
        """
        names = self._content_field_names(update_fields)
        if not names:
            return
        stored = type(self).objects.filter(pk=self.pk).first()
        if stored is None:
            return
        stored_data = stored.serializable_data()
        own_data = self.serializable_data()
        changed = {name: own_data.get(name) for name in names}
        if public_content(changed) == public_content({n: stored_data.get(n) for n in names}):
            return
        assert_live_content_publishable(self, {**stored_data, **changed})

    def _content_field_names(self, update_fields) -> set[str]:
        names = set()
        for name in update_fields:
            with contextlib.suppress(FieldDoesNotExist):
                name = self._meta.get_field(name).name
            if name not in BOOKKEEPING_FIELDS:
                names.add(name)
        return names

    def _goes_live_with_new_revision(self) -> bool:
        if self.pk is None:
            return True
        row = Page.objects.filter(pk=self.pk).values_list("live", "live_revision_id").first()
        return row is None or not row[0] or row[1] != self.live_revision_id

    def _changes_live_content(self) -> bool:
        stored = type(self).objects.filter(pk=self.pk).first()
        if stored is None:
            return False
        return public_content(stored.serializable_data()) != public_content(
            self.serializable_data()
        )

    def _source_page(self):
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def get_workflow(self):
        source = self._source_page()
        workflow = Page.get_workflow(source)
        if workflow is None:
            workflow = ModerationSettings.load().workflow_for(type(self))
        return workflow

    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    @property
    def status_string(self):
        """The page's state in plain words (see ``workflows.status``), in every Wagtail listing."""
        return page_state(self).label


def is_guarded(page) -> bool:
    """Whether ``page`` is of a moderated type, so the publication guard decides when it goes live."""
    return isinstance(page, RestrictedInfoMixin)
