"""Wagtail hooks of the kernel: staff sign-in security (:mod:`agency.staff_auth.hooks`) and the
names of shared admin objects in the admin's languages (:mod:`agency.names_admin`)."""

from wagtail import hooks

from .names_admin import names_viewset
from .staff_auth import hooks as staff_auth_hooks  # noqa: F401


@hooks.register("register_admin_viewset")
def register_names_viewset():
    return names_viewset
