"""Take demo pages live the way the press office does: through their moderation workflow.

News, briefings and FAQ answers go live only through their workflow (see ``workflows.guard``),
so the seed submits each one as the demo editor and approves every review task as the demo
user of the task's group: the press secretary, and the legal reviewer for FAQ answers. Nobody
approves their own revision, so the author is never a reviewer. A page that the
restricted-information check sends back stops the seed with the check's report: demo content
must never need a waiver.
"""

from django.contrib.auth.models import Group

from wagtail.models import Page, WorkflowState

from workflows.guard import PublicationBlocked
from workflows.mixins import is_guarded
from workflows.roles import GROUPS

from .roles import DEMO_USERS, demo_user


class DemoModerationError(RuntimeError):
    """A demo page did not pass its workflow: the demo content or the demo roles are wrong."""


class DemoModerator:
    """Submits demo pages as ``author`` and approves them as the demo member of each task's group."""

    def __init__(self, author):
        self.author = author
        self._reviewers: dict[int, object] = {}

    def reviewer(self, task):
        """The demo user who approves ``task``: a member of one of its groups, not the author."""
        if task.pk not in self._reviewers:
            self._reviewers[task.pk] = self._find_reviewer(task)
        return self._reviewers[task.pk]

    def _find_reviewer(self, task):
        names = set(task.groups.values_list("name", flat=True))
        for demo in DEMO_USERS:
            if demo.group is None or GROUPS[demo.group].name not in names:
                continue
            user = demo_user(demo.username)
            if (
                user is not None
                and user.pk != self.author.pk
                and user.groups.filter(name__in=names).exists()
            ):
                return user
        groups = ", ".join(
            sorted(Group.objects.filter(name__in=names).values_list("name", flat=True))
        )
        raise DemoModerationError(
            f"No demo user other than {self.author.username} can approve the task "
            f"“{task.name}” (groups: {groups or 'none'})."
        )

    def moderate(self, page: Page) -> WorkflowState:
        """Submit the latest revision of ``page`` and approve every task; the page is then live.

        The caller saves that revision as the author first. Raises :class:`DemoModerationError`
        with the check's report when the workflow ends anywhere but "approved".
        """
        page = page.specific
        if not is_guarded(page):
            raise DemoModerationError(f"{page!r} is not a moderated page type.")
        workflow = page.get_workflow()
        if workflow is None:
            raise DemoModerationError(
                f"No workflow moderates {type(page).__name__}: check the moderation settings."
            )
        try:
            state = workflow.start(page, self.author)
            state.refresh_from_db()
            while state.status == WorkflowState.STATUS_IN_PROGRESS:
                task_state = state.current_task_state.specific
                task = task_state.task.specific
                task.on_action(task_state, self.reviewer(task), "approve")
                state.refresh_from_db()
        except PublicationBlocked as blocked:
            raise DemoModerationError(
                f"Moderation of the demo page “{page.title}” ({page.locale.language_code}, "
                f"id {page.pk}) was refused: {blocked.message}"
                + "".join(f"\n  {line}" for line in _finding_lines(blocked.findings))
            ) from blocked
        if state.status != WorkflowState.STATUS_APPROVED:
            raise DemoModerationError(_failure_report(page, state))
        return state


def _finding_lines(findings) -> list[str]:
    rows = [finding if isinstance(finding, dict) else finding.as_dict() for finding in findings]
    return [
        f"{row.get('field')}: {row.get('category')} ({row.get('severity')}, "
        f"rule {row.get('rule')}): “{row.get('excerpt')}”"
        for row in rows
    ]


def _failure_report(page: Page, state: WorkflowState) -> str:
    """What went wrong, with the restricted-information findings when the check refused."""
    lines = [
        f"Moderation of the demo page “{page.title}” ({page.locale.language_code}, id {page.pk}) "
        f"ended “{state.get_status_display()}” instead of approved."
    ]
    task_state = state.current_task_state.specific if state.current_task_state else None
    if task_state is not None:
        lines.append(f"Task “{task_state.task.name}”: {task_state.get_comment() or 'no comment'}")
        report = getattr(task_state, "report", None) or {}
        lines += [f"  {line}" for line in _finding_lines(report.get("findings", []))]
    lines.append(
        "Demo content must not contain restricted information (IIN, ID numbers, IBAN, card "
        "numbers, secrecy markings, stop-list terms): fix the demo texts in demo/data."
    )
    return "\n".join(lines)
