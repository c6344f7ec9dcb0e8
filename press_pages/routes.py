"""Sub-routes that other apps give a routable page, through a Wagtail hook.

A page type declares the hook it reads (``routes_hook``); an app higher up registers a function
under that name in its ``wagtail_hooks`` that returns URL patterns made with :func:`page_path` or
:func:`page_re_path`. The page then serves and reverses them like its own routes, so the page's
module never imports the views, and the app that owns the views owns their addresses.
"""

import functools

from django.urls import path, re_path

from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin


class ContributedRoutesMixin(RoutablePageMixin):
    """A routable page that also serves the routes registered under its ``routes_hook``.

    Contributed routes are tried before the page's own, so one may take the page's empty path
    (the page itself) from ``RoutablePageMixin``'s default.
    """

    #: The Wagtail hook whose functions return this page type's extra URL patterns.
    routes_hook = ""

    @classmethod
    def get_subpage_urls(cls):
        contributed = []
        if cls.routes_hook:
            for routes in hooks.get_hooks(cls.routes_hook):
                contributed.extend(routes())
        return (*contributed, *super().get_subpage_urls())


def _page_view(view):
    """``view(request, page, **kwargs)`` as the page method ``RoutablePageMixin`` binds and calls."""

    @functools.wraps(view)
    def route(page, request, *args, **kwargs):
        return view(request, page, *args, **kwargs)

    return route


def page_path(route: str, view, name: str):
    """A sub-route of a page served by ``view(request, page, **kwargs)`` (``path`` syntax)."""
    return path(route, _page_view(view), name=name)


def page_re_path(route: str, view, name: str):
    """A sub-route of a page served by ``view(request, page, **kwargs)`` (a regular expression)."""
    return re_path(route, _page_view(view), name=name)
