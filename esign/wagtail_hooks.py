"""Wagtail hooks of the signing step: Reports → Signed submissions, and the audit log's
``esign.view_signer_iin`` action (registered by :mod:`.admin.audit`)."""

from wagtail import hooks

from .admin import audit  # noqa: F401
from .admin.submissions import signed_submission_viewset


@hooks.register("register_admin_viewset")
def register_signed_submissions():
    return signed_submission_viewset
