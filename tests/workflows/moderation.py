"""Moderate pages in tests the way the press office does: through their workflows."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from workflows.models import ModerationSettings
from workflows.roles import GROUPS

PASSWORD = "test-password-2026"


def member(role: str, username: str | None = None):
    """A user in the group of ``role`` (a key of ``workflows.roles.GROUPS``)."""
    username = username or role
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.kz"}
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=GROUPS[role].name))
    return user


def prefer_english(*users) -> None:
    """Set the admin language of ``users`` to English, as the assertions read English messages."""
    for user in users:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save(update_fields=["preferred_language"])


def reviewer_for(task, author):
    """A member of one of ``task``'s groups who is not ``author``."""
    group = task.groups.order_by("pk").first()
    role = next(key for key, spec in GROUPS.items() if spec.name == group.name)
    user = member(role, f"{role}-reviewer")
    assert author is None or user.pk != author.pk
    return user


def submit(page, author=None) -> WorkflowState:
    """Save ``page``'s current state as a revision by ``author`` and start its workflow."""
    page = page.specific
    author = author or member("editors", "author")
    page.save_revision(user=author)
    return page.get_workflow().start(page, author)


def approve_all(state: WorkflowState) -> WorkflowState:
    """Approve every remaining review task of ``state``, each by a reviewer who is not the author."""
    state.refresh_from_db()
    while state.status == WorkflowState.STATUS_IN_PROGRESS:
        task_state = state.current_task_state.specific
        task = task_state.task.specific
        author = task_state.revision.user
        task.on_action(task_state, reviewer_for(task, author), "approve")
        state.refresh_from_db()
    return state


def moderate(page, author=None):
    """Submit ``page`` and approve it through its workflow; it is then live. Returns the page."""
    state = approve_all(submit(page, author))
    if state.status != WorkflowState.STATUS_APPROVED:
        comment = state.current_task_state.comment if state.current_task_state else ""
        raise AssertionError(f"moderation of {page} ended {state.status}: {comment}")
    page.refresh_from_db()
    return page.specific


def require_translations(*codes: str) -> None:
    """The "translations go together" rule for ``codes``, set as an administrator would."""
    settings = ModerationSettings.load()
    settings.required_locales = list(codes)
    settings.save()
