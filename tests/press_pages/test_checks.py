"""The system check that every content page type is moderated (``press_pages.checks``)."""

from django.apps import apps
from django.core import checks

from wagtail.models import Page

from press_pages.checks import check_moderated_page_types
from press_pages.models import HomePage, NewsIndexPage, NewsPage


def test_the_press_page_types_pass():
    errors = checks.run_checks(tags=["baspasoz"])
    assert [error for error in errors if error.id == "baspasoz.E101"] == []


def test_a_content_page_type_without_moderation_is_an_error(monkeypatch):
    config = apps.get_app_config("press_pages")
    monkeypatch.setattr(config, "get_models", lambda: [HomePage, NewsIndexPage, NewsPage, Page])
    errors = check_moderated_page_types(None)
    assert [(error.id, error.obj) for error in errors] == [("baspasoz.E101", Page)]
