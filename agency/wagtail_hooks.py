"""Wagtail hooks of the kernel: staff sign-in security (:mod:`agency.staff_auth.hooks`)."""

from .staff_auth import hooks  # noqa: F401
