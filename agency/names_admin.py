"""Settings → Names in languages: what workflows, tasks, groups and collections are called.

Administrators (the model permissions of :class:`~agency.models.NameTranslation`) name each
object in Kazakh, Russian and English. The stored name, which Wagtail's own forms edit, is shown
beside the translations and is what a language without one falls back to.
"""

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .admin import RefusingViewSetMixin
from .models import NameTranslation
from .names import NAMED_MODELS


def named_models():
    return [apps.get_model(label) for label in NAMED_MODELS]


def object_choices() -> list:
    """The objects without translations yet, grouped by kind, as ``content type id:pk`` values."""
    taken = set(NameTranslation.objects.values_list("content_type_id", "object_id"))
    groups = []
    for model in named_models():
        content_type = ContentType.objects.get_for_model(model)
        rows = model.objects.order_by("name").values_list("pk", "name")
        options = [
            (f"{content_type.pk}:{pk}", name)
            for pk, name in rows
            if (content_type.pk, pk) not in taken
        ]
        if options:
            groups.append((str(model._meta.verbose_name_plural).capitalize(), options))
    return groups


class NameTranslationForm(WagtailAdminModelForm):
    """The three names; on a new row, also the object they name."""

    named_object = forms.ChoiceField(
        label=_("Workflow, task, group or collection"),
        help_text=_("Only objects that have no names in languages yet are listed."),
    )

    class Meta:
        model = NameTranslation
        fields = ["kk", "ru", "en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["named_object"]
        else:
            self.fields["named_object"].choices = [("", "---------"), *object_choices()]
            self.order_fields(["named_object", "kk", "ru", "en"])

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(language) for language in ("kk", "ru", "en")):
            raise forms.ValidationError(_("Give the name in at least one language."))
        chosen = cleaned.get("named_object")
        if chosen:
            content_type_id, object_id = (int(part) for part in chosen.split(":"))
            self.instance.content_type_id = content_type_id
            self.instance.object_id = object_id
            if NameTranslation.objects.filter(
                content_type_id=content_type_id, object_id=object_id
            ).exists():
                self.add_error(
                    "named_object", _("This object already has names in languages: edit them.")
                )
        return cleaned


def kind(row: NameTranslation) -> str:
    return str(row.content_type.model_class()._meta.verbose_name).capitalize()


def stored_name(row: NameTranslation) -> str:
    named = row.named
    return named.name.stored if named is not None else "—"


class NameTranslationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("content_type").prefetch_related("named")


class NameTranslationViewSet(RefusingViewSetMixin, ModelViewSet):
    """The names of workflows, tasks, groups and collections in the admin's languages."""

    model = NameTranslation
    icon = "globe"
    menu_label = _("Names in languages")
    menu_name = "names-in-languages"
    menu_order = 630
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = NameTranslationIndexView
    list_display = [
        Column("kind", label=_("Kind"), accessor=kind),
        Column("stored", label=_("Stored name"), accessor=stored_name),
        "kk",
        "ru",
        "en",
    ]
    ordering = ["content_type", "object_id"]

    def get_form_class(self, for_update=False):
        return NameTranslationForm


names_viewset = NameTranslationViewSet("agency_names", url_prefix="names")
