"""Workflow, task, group and collection names shown in the reader's language.

Wagtail and Django keep one ``name`` per workflow, task, group and collection, and their admin
templates print it in some seventy places: lists, the page editor's status, reports, choosers,
permission forms and notification e-mails. The translations live beside those tables
(:class:`~agency.models.NameTranslation`), which stay as they are, and :func:`install` binds
them to the ``name`` attribute of each of these models:

* reading ``obj.name`` gives a :class:`ReaderName`, a ``str`` equal to the stored name. It
  compares, hashes, sorts, serialises to JSON and is saved to the database as the stored name,
  so code that finds a group by its name, and the audit log's stored titles, are unaffected;
* printing it (a template, ``str()``, ``format``, ``%s``, an f-string) gives the name in the
  active language, or the stored name when that language has none;
* ``str(obj)`` is the printed name too, for the admin's messages and choice labels;
* the admin's edit forms edit the stored name (:meth:`ReaderNameAttribute.stored_value`):
  the translations are edited under Settings, beside it.

The translations are read once per request, and at most every :data:`RELOAD_SECONDS` outside
requests (jobs, e-mails); a saved translation is shown at once in the process that saved it.
"""

from __future__ import annotations

import time
import types

from django.core.signals import request_started
from django.db import DatabaseError
from django.db.models.query_utils import DeferredAttribute
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from .models import NameTranslation

#: The models whose names have translations (``app_label.Model``).
NAMED_MODELS = ("wagtailcore.Workflow", "wagtailcore.Task", "auth.Group", "wagtailcore.Collection")
LANGUAGES = ("kk", "ru", "en")
#: How long a process outside requests trusts the translations it has read.
RELOAD_SECONDS = 5.0

_loaded_at = float("-inf")
_names: dict[tuple[str, int], dict[str, str]] = {}


def forget(**kwargs) -> None:
    """Read the translations again when next needed (a request starts, a row was saved)."""
    global _loaded_at
    _loaded_at = float("-inf")


def _translations() -> dict[tuple[str, int], dict[str, str]]:
    global _loaded_at, _names
    now = time.monotonic()
    if now - _loaded_at > RELOAD_SECONDS:
        try:
            rows = NameTranslation.objects.select_related("content_type")
            _names = {
                (f"{row.content_type.app_label}.{row.content_type.model}", row.object_id): {
                    "kk": row.kk,
                    "ru": row.ru,
                    "en": row.en,
                }
                for row in rows
            }
        except DatabaseError:
            # Without the table (before its migration) or the database, names stay as stored.
            _names = {}
        _loaded_at = now
    return _names


def reader_language() -> str:
    """The active language as one of the site's language codes."""
    language = (translation.get_language() or "kk").split("-")[0]
    return language if language in LANGUAGES else "kk"


def name_in(label: str, object_id, stored: str, language: str | None = None) -> str:
    """The name of object ``object_id`` of model ``label`` (``app_label.model``) in ``language``.

    ``stored`` is returned when there is no translation for that language.
    """
    if object_id is None:
        return stored
    try:
        names = _translations().get((label.lower(), int(object_id)))
    except (TypeError, ValueError):
        return stored
    return (names or {}).get(language or reader_language()) or stored


class ReaderName(str):
    """A stored name that prints in the reader's language (see the module's docstring)."""

    label: str
    object_id: int | None

    def __new__(cls, stored: str, label: str, object_id):
        name = super().__new__(cls, stored)
        name.label = label
        name.object_id = object_id
        return name

    def __str__(self) -> str:
        return name_in(self.label, self.object_id, str.__str__(self))

    def __reduce__(self):
        return (str, (str.__str__(self),))

    @property
    def stored(self) -> str:
        return str.__str__(self)


class ReaderNameAttribute(DeferredAttribute):
    """The ``name`` attribute of a named model: the stored value, wrapped in a :class:`ReaderName`."""

    def __init__(self, field):
        super().__init__(field)
        self.label = field.model._meta.label_lower

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or not isinstance(value, str) or isinstance(value, ReaderName):
            return value
        return ReaderName(value, self.label, instance.pk)

    def __set__(self, instance, value):
        # A data descriptor, so that reading goes through __get__ although the value is in the
        # instance's __dict__; a ReaderName from another object is stored as its plain value.
        if isinstance(value, ReaderName):
            value = value.stored
        instance.__dict__[self.field.attname] = value

    @staticmethod
    def stored_value(field, obj):
        """``Field.value_from_object`` for forms and serialisers: the name as stored."""
        value = getattr(obj, field.attname)
        return str.__str__(value) if isinstance(value, str) else value


def install(model) -> None:
    """Show ``model``'s ``name`` in the reader's language (on it and on its subclasses)."""
    field = model._meta.get_field("name")
    if isinstance(model.__dict__.get(field.attname), ReaderNameAttribute):
        return
    setattr(model, field.attname, ReaderNameAttribute(field))
    model.__str__ = _printed_name
    field.value_from_object = types.MethodType(ReaderNameAttribute.stored_value, field)
    post_delete.connect(_forget_translation, sender=model, dispatch_uid=f"names-{model}")


def _printed_name(self) -> str:
    """``str(obj)``: the name in the reader's language, as a plain string."""
    return str(self.name)


def _forget_translation(sender, instance, **kwargs):
    """An object's translations go with it."""
    label = instance._meta.get_field("name").model._meta.label_lower
    app_label, model_name = label.split(".")
    NameTranslation.objects.filter(
        content_type__app_label=app_label, content_type__model=model_name, object_id=instance.pk
    ).delete()


request_started.connect(forget, dispatch_uid="agency-names-request")
post_save.connect(forget, sender=NameTranslation, dispatch_uid="agency-names-save")
post_delete.connect(forget, sender=NameTranslation, dispatch_uid="agency-names-delete")
