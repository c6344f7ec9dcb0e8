"""The page cache's generation, kept in the database when the cache is not shared."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    """The number every key of the public caches includes (:mod:`agency.cache`), one row.

    With a cache of its own in each process (the embedded default, without Redis), a publish in
    the worker must still reach the web process's cache: the number lives here, read by its
    primary key, instead of in the cache.
    """

    value = models.BigIntegerField(_("generation"))

    class Meta:
        verbose_name = _("page cache generation")
        verbose_name_plural = _("page cache generations")

    def __str__(self) -> str:
        return str(self.value)
