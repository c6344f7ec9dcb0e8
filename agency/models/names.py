"""Names of shared admin objects in each of the site's languages, kept beside the objects."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class NameTranslation(models.Model):
    """What a workflow, task, group or collection is called in Kazakh, Russian and English.

    Wagtail and Django keep one name per object, which staff see whatever their admin language.
    These rows sit beside those tables, which stay as they are: the stored name remains the
    object's identifier (code finds groups by it), and :mod:`agency.names` shows the reader's
    language wherever the admin displays the name. An empty language falls back to the stored name.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("kind"), related_name="+"
    )
    object_id = models.PositiveIntegerField(_("object"))
    named = GenericForeignKey("content_type", "object_id")
    kk = models.CharField(_("in Kazakh"), max_length=255, blank=True)
    ru = models.CharField(_("in Russian"), max_length=255, blank=True)
    en = models.CharField(_("in English"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("name in the admin's languages")
        verbose_name_plural = _("names in the admin's languages")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="agency_name_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return self.kk or self.ru or self.en
