"""Wagtail's finish action for workflows (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this while ``wagtail.models`` is still loading, so this module imports nothing
from Wagtail at import time.
"""


def publish_approved(workflow_state, user=None):
    """Clear and publish the approved revision with its translations (see ``workflows.guard``)."""
    from .guard import publish_approved as publish

    return publish(workflow_state, user=user)
