"""Project rules as Django system checks, run by ``manage.py check`` in CI."""

from django.apps import apps
from django.core import checks

from wagtail.models import Page


@checks.register("baspasoz")
def check_press_page_anatomy(app_configs, **kwargs):
    """Every press page type has the shared mixin and explicit tree rules."""
    from press_pages.models import PressPageMixin

    errors = []
    for model in apps.get_app_config("press_pages").get_models():
        if not issubclass(model, Page):
            continue
        label = model._meta.label
        if not issubclass(model, PressPageMixin):
            errors.append(
                checks.Error(
                    f"{label} does not include PressPageMixin.",
                    hint="List PressPageMixin before Page in the bases.",
                    obj=model,
                    id="baspasoz.E001",
                )
            )
        for rule in ("parent_page_types", "subpage_types", "max_count"):
            if rule not in model.__dict__:
                errors.append(
                    checks.Error(
                        f"{label} does not set {rule} explicitly.",
                        hint="Set parent_page_types, subpage_types and max_count on every page type.",
                        obj=model,
                        id="baspasoz.E002",
                    )
                )
    return errors
