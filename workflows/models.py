"""The moderation app's models: the review Tasks and their states, defined here.

The Tasks call the publication guard (``workflows.guard``), which itself reads the stop-list
and the moderation settings (``workflows.configuration``) and keeps its records
(``workflows.records``). Those models sit below the guard so that every import stays at the top
of its module; they are re-exported here, where Django and the rest of the code look for them
(migration 0001 refers to ``LanguageListField`` and ``default_required_locales`` here too).
"""

from contextlib import contextmanager
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogContext, get_active_log_context
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from .answers import same_answers
from .configuration import (
    LanguageListField,
    ModerationSettings,
    StopListTerm,
    default_required_locales,
)
from .guard import scan_bundle
from .languages import (
    default_locale,
    incomplete_translations,
    missing_translations,
    source_not_live_message,
    unpublished_source,
)
from .readiness import TranslationReadiness, readiness_summary
from .records import (
    Clearance,
    EmergencyPublication,
    Escalation,
    ReviewReminder,
    Waiver,
    Withdrawal,
)
from .restricted import BLOCK

__all__ = [
    "Clearance",
    "DueTimeMixin",
    "EmergencyPublication",
    "Escalation",
    "HeadApprovalTask",
    "LanguageListField",
    "LegalReviewTask",
    "ModerationSettings",
    "PressSecretaryApprovalTask",
    "RestrictedInformationCheckTask",
    "RestrictedInformationCheckTaskState",
    "ReviewReminder",
    "ReviewTask",
    "StopListTerm",
    "TranslationCompletenessTask",
    "TranslationReadiness",
    "Waiver",
    "Withdrawal",
    "default_required_locales",
]


@contextmanager
def decided_by_the_system():
    """Log what an automatic task decides as done by no user, not by whoever submitted.

    Wagtail credits a log entry without a user to the request's user (its ``LogContext``), so
    an automatic check's approval or rejection would read as the editor's own. The entries keep
    the request's identifier, so they still group with the submission in the history.
    """
    context = LogContext(user=None, generate_uuid=False)
    context.uuid = get_active_log_context().uuid
    with context:
        yield


class DueTimeMixin(models.Model):
    """A review task with a due time; overdue tasks are reported to the press secretaries."""

    due_hours = models.PositiveIntegerField(
        _("due in (hours)"),
        default=24,
        help_text=_("How long the task may wait before it is reported as overdue."),
    )

    class Meta:
        abstract = True

    def due_at(self, task_state: TaskState):
        return task_state.started_at + timedelta(hours=self.due_hours)


class RestrictedInformationCheckTaskState(TaskState):
    """The report of one automatic check: the findings of every revision it scanned."""

    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("restricted-information check state")
        verbose_name_plural = _("restricted-information check states")

    def get_comment(self):
        """The outcome in the reader's language, from the stored report when there is one."""
        findings = (self.report or {}).get("findings")
        if findings is None:
            return self.comment
        blocking = sum(1 for finding in findings if finding.get("severity") == BLOCK)
        if self.status == self.STATUS_REJECTED and blocking:
            return gettext("Restricted information found: %(count)d blocking finding(s).") % {
                "count": blocking
            }
        if self.status == self.STATUS_APPROVED:
            return gettext("No blocking findings (%(warnings)d warning(s)).") % {
                "warnings": len(findings) - blocking
            }
        return self.comment


class RestrictedInformationCheckTask(DueTimeMixin, Task):  # noqa: DJ008 (Task.__str__ is the name)
    """Scans the page and its translations; approves itself when nothing blocks publication.

    Findings with severity "block" that a legal reviewer has not waived send the page back to
    its author with the report. Warnings are kept in the report for the approvers.
    """

    task_state_class = RestrictedInformationCheckTaskState
    admin_form_fields = [*Task.admin_form_fields, "due_hours"]
    admin_form_readonly_on_edit_fields = Task.admin_form_readonly_on_edit_fields

    class Meta:
        verbose_name = _("restricted-information check")
        verbose_name_plural = _("restricted-information checks")

    @classmethod
    def get_description(cls):
        return _(
            "Checks every language of the page for personal data, secrecy markings and "
            "stop-list terms. Approves itself when nothing blocks publication."
        )

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object.specific
        result = scan_bundle(page, task_state.revision)
        task_state.report = result.as_dict()
        task_state.save(update_fields=["report"])
        with decided_by_the_system():
            if result.blocking:
                task_state.reject(
                    user=None,
                    update=False,
                    comment=gettext("Restricted information found: %(count)d blocking finding(s).")
                    % {"count": len(result.blocking)},
                )
            else:
                task_state.approve(
                    user=None,
                    update=False,
                    comment=gettext("No blocking findings (%(warnings)d warning(s)).")
                    % {"warnings": len(result.findings) - len(result.blocking)},
                )
        return task_state

    def get_actions(self, obj, user):
        return []

    def user_can_access_editor(self, obj, user):
        return False

    def locked_for_user(self, obj, user):
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()


class ReviewTask(DueTimeMixin, AbstractGroupApprovalTask):
    """A group approval in which nobody approves a revision they wrote."""

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "due_hours"]

    class Meta:
        abstract = True

    def is_author(self, task_state_or_revision, user) -> bool:
        revision = getattr(task_state_or_revision, "revision", task_state_or_revision)
        return revision is not None and revision.user_id == user.pk

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        state = obj.current_workflow_task_state if actions else None
        if state is not None and self.is_author(state, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and self.is_author(task_state, user):
            raise PermissionDenied(
                gettext("Nobody approves a revision they wrote. Another reviewer must approve it.")
            )
        if action_name in {"approve", "reject"} and not (
            user.is_superuser or self._user_in_groups(user)
        ):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)


class LegalReviewTask(ReviewTask):  # noqa: DJ008 (Task.__str__ is the name)
    """Legal reviewers approve, request changes, or waive single findings with a justification."""

    class Meta:
        verbose_name = _("legal review")
        verbose_name_plural = _("legal reviews")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups check the restricted-information report, waive single "
            "findings with a written justification, and approve or request changes."
        )


class TranslatedApprovalTask(ReviewTask):
    """A group approval that is offered only when every required translation exists, so a page
    never goes live without its translations (the last steps before a page goes live)."""

    class Meta:
        abstract = True

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if any(name == "approve" for name, *_rest in actions) and (
            missing_translations(obj) or unpublished_source(obj) is not None
        ):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        with same_answers():
            if action_name == "approve":
                page = task_state.revision.content_object.specific
                missing = missing_translations(page)
                if missing:
                    raise PermissionDenied(
                        gettext("Translations are missing: %(languages)s.")
                        % {"languages": ", ".join(missing)}
                    )
                source = unpublished_source(page)
                if source is not None:
                    raise PermissionDenied(source_not_live_message(page, source))
            return super().on_action(task_state, user, action_name, **kwargs)


class PressSecretaryApprovalTask(TranslatedApprovalTask):  # noqa: DJ008 (Task.__str__ is the name)
    """The press secretary's approval, the last step before a page goes live.

    Approval is offered only when every required translation exists, so a page never goes live
    without its translations.
    """

    class Meta:
        verbose_name = _("press secretary approval")
        verbose_name_plural = _("press secretary approvals")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve publication. Nobody approves a revision they "
            "wrote, and approval waits until every required translation exists."
        )


class HeadApprovalTask(TranslatedApprovalTask):  # noqa: DJ008 (Task.__str__ is the name)
    """The head's approval of an official message's text, after the press secretary's.

    The authorised body's rules for Law on Mass Media Art. 37 have the head approve an
    obligatory message; the migrations give this task to the Heads group. As in every review,
    nobody approves a revision they wrote, and approval waits for the required translations.
    """

    class Meta:
        verbose_name = _("head approval")
        verbose_name_plural = _("head approvals")

    @classmethod
    def get_description(cls):
        return _(
            "A head (a member of the chosen groups) approves the text before it goes live, as "
            "the rules for obligatory messages require. Nobody approves a revision they wrote, "
            "and approval waits until every required translation exists."
        )


class TranslationCompletenessTask(DueTimeMixin, Task):  # noqa: DJ008 (Task.__str__ is the name)
    """Approves itself when the page is fully translated into every required language."""

    admin_form_fields = [*Task.admin_form_fields, "due_hours"]

    class Meta:
        verbose_name = _("translation completeness check")
        verbose_name_plural = _("translation completeness checks")

    @classmethod
    def get_description(cls):
        return _(
            "Approves itself when the page has a fully translated version in every required "
            "language; otherwise sends it back with the list of what is missing."
        )

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object.specific
        problems = incomplete_translations(page)
        # Which translations their translators marked ready for review, and which not.
        source_page = page.get_translation_or_none(default_locale()) or page
        readiness = readiness_summary(source_page)
        with decided_by_the_system():
            if problems:
                task_state.reject(update=False, comment=" ".join(["; ".join(problems), *readiness]))
            else:
                task_state.approve(
                    update=False,
                    comment=" ".join(
                        [gettext("Every required translation is complete."), *readiness]
                    ),
                )
        return task_state

    def get_actions(self, obj, user):
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()
