"""Moderation rules as Django system checks, run by ``manage.py check`` in CI.

That every content page type is moderated is a rule of the page types, checked in
``press_pages.checks``.
"""

from django.apps import apps
from django.core import checks

from wagtail.models import Task


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
