from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState, Workflow
from wagtail.search import index


def default_required_locales() -> list[str]:
    return list(settings.WORKFLOWS_REQUIRED_LOCALES)


class LanguageListField(models.JSONField):
    """A JSON list of language codes, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=settings.LANGUAGES,
            widget=forms.CheckboxSelectMultiple,
            required=False,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )


class StopListTerm(index.Indexed, models.Model):
    """A phrase that must not be published, managed by legal reviewers.

    Typical entries are names covered by a court ban, organisations on the register of banned
    extremist materials, or a case the prosecutor asked to keep out of the press.
    """

    class Severity(models.TextChoices):
        BLOCK = "block", _("Block publication")
        WARN = "warn", _("Warn the reviewer")

    class Language(models.TextChoices):
        ANY = "", _("Any language")
        KK = "kk", "Қазақша"
        RU = "ru", "Русский"
        EN = "en", "English"

    phrase = models.CharField(
        _("phrase"),
        max_length=255,
        help_text=_(
            "Matched regardless of case, ё/е and Kazakh letters; inflected endings of the last "
            "word are tolerated."
        ),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, blank=True, default=""
    )
    severity = models.CharField(
        _("severity"), max_length=8, choices=Severity.choices, default=Severity.BLOCK
    )
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=500,
        help_text=_("For example a court decision or a register entry, with its number and date."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("phrase"),
        FieldPanel("language"),
        FieldPanel("severity"),
        FieldPanel("legal_basis"),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("phrase"),
        index.SearchField("legal_basis"),
        index.FilterField("severity"),
        index.FilterField("active"),
    ]

    class Meta:
        verbose_name = _("stop-list term")
        verbose_name_plural = _("stop-list terms")
        ordering = ["phrase"]
        constraints = [
            models.UniqueConstraint(fields=["phrase", "language"], name="unique_stop_list_phrase")
        ]

    def __str__(self):
        return self.phrase


def default_workflow_field(verbose_name) -> models.ForeignKey:
    """The default workflow of one page type, used where the page tree assigns none."""
    return models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Used unless a workflow is assigned to the page or a parent in the page tree."),
    )


@register_setting(icon="tasks")
class ModerationSettings(BaseGenericSetting):
    """Which workflow moderates each page type, and which languages must go live together."""

    news_workflow = default_workflow_field(_("news workflow"))
    briefing_workflow = default_workflow_field(_("briefing workflow"))
    faq_workflow = default_workflow_field(_("FAQ answer workflow"))
    required_locales = LanguageListField(
        _("required languages"),
        default=default_required_locales,
        help_text=_("A page goes live only together with its translations into these languages."),
    )

    panels = [
        FieldPanel("news_workflow"),
        FieldPanel("briefing_workflow"),
        FieldPanel("faq_workflow"),
        FieldPanel("required_locales"),
    ]

    class Meta:
        verbose_name = _("moderation")

    def workflow_for(self, page_class) -> Workflow | None:
        """The default workflow for ``page_class``, or None when it has none."""
        field = {
            "newspage": "news_workflow",
            "briefingpage": "briefing_workflow",
            "faqanswerpage": "faq_workflow",
        }.get(page_class._meta.model_name)
        workflow = getattr(self, field) if field else None
        return workflow if workflow is not None and workflow.active else None

    def get_required_locales(self) -> list[str]:
        codes = {code for code, _name in settings.LANGUAGES}
        return [code for code in (self.required_locales or []) if code in codes]


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
        from .guard import scan_bundle

        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object.specific
        result = scan_bundle(page, task_state.revision)
        task_state.report = result.as_dict()
        task_state.save(update_fields=["report"])
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


class PressSecretaryApprovalTask(ReviewTask):  # noqa: DJ008 (Task.__str__ is the name)
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

    def get_actions(self, obj, user):
        from .guard import missing_translations, unpublished_source

        actions = super().get_actions(obj, user)
        if any(name == "approve" for name, *_rest in actions) and (
            missing_translations(obj) or unpublished_source(obj) is not None
        ):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        from .guard import (
            missing_translations,
            same_answers,
            source_not_live_message,
            unpublished_source,
        )

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
        from .guard import incomplete_translations

        task_state = super().start(workflow_state, user=user)
        problems = incomplete_translations(workflow_state.content_object.specific)
        if problems:
            task_state.reject(update=False, comment="; ".join(problems))
        else:
            task_state.approve(
                update=False, comment=gettext("Every required translation is complete.")
            )
        return task_state

    def get_actions(self, obj, user):
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return TaskState.objects.none()


class Clearance(models.Model):
    """Permission for one exact revision to go live: a finished review or an emergency publish."""

    class Kind(models.TextChoices):
        REVIEW = "review", _("Full review")
        EMERGENCY = "emergency", _("Emergency publication")

    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="clearances"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clearances",
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    report = models.JSONField(_("report"), default=dict, blank=True)

    class Meta:
        verbose_name = _("clearance")
        verbose_name_plural = _("clearances")
        ordering = ["-granted_at"]
        permissions = [("emergency_publish", _("Can publish in an emergency without full review"))]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.revision}"


class Waiver(models.Model):
    """A legal reviewer's decision that one finding on one page may be published."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    category = models.CharField(_("category"), max_length=32)
    rule = models.CharField(_("rule"), max_length=120)
    excerpt = models.CharField(_("excerpt"), max_length=200)
    field = models.CharField(_("field"), max_length=255, blank=True)
    justification = models.TextField(_("justification"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    waived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    waived_at = models.DateTimeField(_("waived"), auto_now_add=True)

    class Meta:
        verbose_name = _("waiver")
        verbose_name_plural = _("waivers")
        ordering = ["-waived_at"]
        constraints = [
            models.UniqueConstraint(fields=["page", "fingerprint"], name="unique_waiver_per_page")
        ]

    def __str__(self):
        return f"{self.category} {self.excerpt}"


class EmergencyPublication(models.Model):
    """A page published without full review, waiting for its follow-up review."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The follow-up review."),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("emergency publication")
        verbose_name_plural = _("emergency publications")
        ordering = ["-published_at"]

    def __str__(self):
        return f"{self.page} ({self.published_at:%Y-%m-%d %H:%M})"


class Withdrawal(models.Model):
    """Why a page was unpublished, and the public notice shown at its address, if any."""

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    site = models.ForeignKey(
        "wagtailcore.Site", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    url_path = models.CharField(max_length=255, db_index=True)
    title = models.CharField(_("title"), max_length=255)
    reason = models.TextField(
        _("reason"), help_text=_("Kept in the audit log; never shown publicly.")
    )
    show_notice = models.BooleanField(_("show a public withdrawal notice"), default=False)
    notice = models.TextField(_("public explanation"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), auto_now_add=True)
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return self.title


class ReviewReminder(models.Model):
    """An overdue review that was reported to the press secretaries, so it is reported once."""

    task_state = models.OneToOneField(
        "wagtailcore.TaskState", on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(_("reported"), auto_now_add=True)

    class Meta:
        verbose_name = _("overdue review reminder")
        verbose_name_plural = _("overdue review reminders")

    def __str__(self):
        return f"{self.task_state_id} ({self.sent_at:%Y-%m-%d %H:%M})"
