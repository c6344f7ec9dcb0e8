"""Rules of the press page types as Django system checks, run by ``manage.py check`` in CI."""

from django.apps import apps
from django.core import checks

from wagtail.models import Page

from workflows.mixins import RestrictedInfoMixin

from .models import HomePage, ListingMixin


@checks.register("baspasoz")
def check_moderated_page_types(app_configs, **kwargs):
    """Every press page that carries content (not a home or an index) is moderated."""
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
