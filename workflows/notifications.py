"""Moderation e-mails: who hears about what, in their own language.

Wagtail already mails the approvers when a page reaches their group's task and the author when
the workflow is approved or rejected (``wagtail.admin.mail``). This module takes the place of
those notifiers, under the same signals and ``dispatch_uid``, for two reasons:

* Wagtail writes to a recipient who chose no admin language in the language of whoever caused
  the event (the active language of that request). Here such a recipient gets the site's
  default language (``LANGUAGE_CODE``) instead; a chosen language is used as before.
* Wagtail does not tell a user about an event they caused. When the restricted-information
  check rejects a page the author has just submitted, the author caused it, so Wagtail stays
  silent. An automatic rejection (one with nobody as ``finished_by``) is always mailed to the
  author here, with the check's report.

Our own e-mails (overdue reviews, escalations of pages with a deadline) are composed with ``agency.mail``, which makes the same choice
of language. Every message goes through ``EMAIL_BACKEND``, the kernel's outbox (``agency.mail``).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from agency.mail import admin_url

from .restricted import BLOCK
from .roles import members_of

# What each finding category means, for the author reading the check's report.
CATEGORY_LABELS = {
    "iin": _("Individual identification number (IIN)"),
    "bin": _("Business identification number (BIN)"),
    "phone": _("Phone number"),
    "email": _("E-mail address"),
    "id_document": _("Identity document number"),
    "iban": _("Bank account number (IBAN)"),
    "payment_card": _("Payment card number"),
    "secrecy_marking": _("Secrecy marking"),
    "minor": _("Minor involved in an offence"),
    "stop_list": _("Stop-list term"),
    "birth_date": _("Date of birth next to a name"),
    "vehicle_plate": _("Vehicle registration plate"),
    "secret_vocabulary": _("Words about a protected secret"),
}
REPORT_LIMIT = 10


def press_secretaries():
    """Active members of the press secretaries' group who have an e-mail address."""
    return members_of("press_secretaries")


def heads():
    """Active members of the Heads group who have an e-mail address."""
    return members_of("heads")


def blocking_findings(task_state) -> list[dict]:
    """The blocking findings of a restricted-information check's report, ready to list."""
    report = getattr(task_state, "report", None) or {}
    findings = [f for f in report.get("findings", []) if f.get("severity") == BLOCK]
    return [
        {
            "category": CATEGORY_LABELS.get(f.get("category"), f.get("category", "")),
            "field": f.get("field", ""),
            "excerpt": f.get("excerpt", ""),
            "legal_basis": f.get("legal_basis", ""),
        }
        for f in findings
    ]


class RecipientLanguageMixin:
    """Recipients without a chosen admin language are written to in ``LANGUAGE_CODE``.

    Wagtail's notifiers render each message inside ``UserProfile.get_preferred_language()``,
    which falls back to the active language, that of the user who caused the event.
    """

    def send_emails(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().send_emails(*args, **kwargs)


class TaskSubmissionNotifier(RecipientLanguageMixin, GroupApprovalTaskStateSubmissionEmailNotifier):
    """The members of a review task's groups: a page waits for them."""


class WorkflowSubmissionNotifier(RecipientLanguageMixin, WorkflowStateSubmissionEmailNotifier):
    """Wagtail's notice of a new submission to superusers (``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS``)."""


class WorkflowApprovalNotifier(RecipientLanguageMixin, WorkflowStateApprovalEmailNotifier):
    """The author: the page passed moderation."""


class WorkflowRejectionNotifier(RecipientLanguageMixin, WorkflowStateRejectionEmailNotifier):
    """The author: a reviewer requested changes, or an automatic check sent the page back."""

    def is_automatic(self, workflow_state) -> bool:
        task_state = workflow_state.current_task_state
        return task_state is not None and task_state.finished_by_id is None

    def get_recipient_users(self, workflow_state, **kwargs):
        if self.is_automatic(workflow_state):
            # An automatic check acts for nobody, so the author hears about it even when their
            # own submission started it.
            author = workflow_state.requested_by
            return {author} if author is not None else set()
        return super().get_recipient_users(workflow_state, **kwargs)

    def get_template_set(self, instance, **kwargs):
        template_set = super().get_template_set(instance, **kwargs)
        if self.is_automatic(instance):
            template_set["subject"] = "workflows/email/check_rejected_subject.txt"
            template_set["text"] = "workflows/email/check_rejected.txt"
        return template_set

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        findings = blocking_findings(context["task_state"])
        context["findings"] = findings[:REPORT_LIMIT]
        context["more_findings"] = max(len(findings) - REPORT_LIMIT, 0)
        if "page" in context:
            context["edit_url"] = admin_url(
                reverse("wagtailadmin_pages:edit", args=[context["page"].pk])
            )
        return context


# (signal, sender, dispatch_uid of Wagtail's receiver, our notifier)
NOTIFIERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
]


def install() -> None:
    """Put the notifiers above in place of Wagtail's, whichever app happens to load first.

    Disconnecting by ``dispatch_uid`` removes Wagtail's receiver if it is already connected;
    connecting ours under the same ``dispatch_uid`` makes Wagtail's later ``connect`` a no-op.
    """
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid, weak=False)


install()
