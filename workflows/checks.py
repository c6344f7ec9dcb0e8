"""Moderation rules as Django system checks, run by ``manage.py check`` in CI."""

from django.apps import apps
from django.core import checks

from wagtail.models import Page, Task


@checks.register("baspasoz")
def check_moderated_page_types(app_configs, **kwargs):
    """Every press page that carries content (not a home or an index) is moderated."""
    from press_pages.models import HomePage, ListingMixin

    from .mixins import RestrictedInfoMixin

    errors = []
    for model in apps.get_app_config("press_pages").get_models():
        if not issubclass(model, Page) or issubclass(model, ListingMixin | HomePage):
            continue
        if not issubclass(model, RestrictedInfoMixin):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is not moderated.",
                    hint="List workflows.mixins.RestrictedInfoMixin before Page in the bases.",
                    obj=model,
                    id="baspasoz.E101",
                )
            )
    return errors


@checks.register("baspasoz")
def check_task_descriptions(app_configs, **kwargs):
    """Every moderation task explains itself to the administrators who build workflows."""
    errors = []
    for model in apps.get_app_config("workflows").get_models():
        if not issubclass(model, Task) or model._meta.abstract:
            continue
        if "get_description" not in vars(model) and not any(
            "get_description" in vars(base) for base in model.__mro__[1 : model.__mro__.index(Task)]
        ):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has no get_description().",
                    hint="Describe what the task checks and who acts on it.",
                    obj=model,
                    id="baspasoz.E102",
                )
            )
    return errors
