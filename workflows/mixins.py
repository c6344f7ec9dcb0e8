"""The page mixin that puts a page type under moderation."""

from django.db import models


class RestrictedInfoMixin(models.Model):
    """A page that goes live only through moderation, checked for restricted information.

    List it before ``Page``. Saving the page with a new live revision runs the publication
    guard (see ``workflows.guard``), whatever path led there. Translations follow the workflow
    of their source-language page; a page with no workflow assigned in the tree uses the default
    workflow for its type from the moderation settings.
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.live and self._goes_live_with_new_revision():
            from .guard import assert_publishable

            assert_publishable(self, self.live_revision)
        return super().save(*args, **kwargs)

    def _goes_live_with_new_revision(self) -> bool:
        if self.pk is None:
            return True
        from wagtail.models import Page

        row = Page.objects.filter(pk=self.pk).values_list("live", "live_revision_id").first()
        return row is None or not row[0] or row[1] != self.live_revision_id

    def _source_page(self):
        from wagtail.models import Locale

        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        return self.get_translation_or_none(default) or self

    def get_workflow(self):
        from wagtail.models import Page

        from .models import ModerationSettings

        source = self._source_page()
        workflow = Page.get_workflow(source)
        if workflow is None:
            workflow = ModerationSettings.load().workflow_for(type(self))
        return workflow

    @property
    def has_workflow(self):
        return self.get_workflow() is not None
