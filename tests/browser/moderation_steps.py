"""Browser steps in the page editor and the page listings, shared by the journeys that take a
page through moderation: where a page is edited and listed, its row in a listing, an action of
the editor's action menu, and the page's moderation trail for failure messages."""

from wagtail.models import WorkflowState


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def listing_url(page) -> str:
    return f"/admin/pages/{page.pk}/"


def listed(browser_page, title: str):
    """The row of the page called ``title`` in an admin page listing."""
    return browser_page.get_by_role("row").filter(has=browser_page.get_by_text(title, exact=True))


def choose_action(browser_page, name) -> None:
    """Click an action of the editor's action menu, opening the "More actions" list if needed."""
    action = browser_page.locator("footer").get_by_role("button", name=name, exact=True)
    if not action.is_visible():
        browser_page.locator("footer").get_by_role("button", name="More actions").click()
    action.click()


def moderation_trail(page) -> str:
    """The workflow states, task states and revisions of ``page``, for failure messages."""
    lines = []
    for state in WorkflowState.objects.for_instance(page).order_by("pk"):
        lines.append(f"workflow {state.workflow.name}: {state.status}")
        for task_state in state.task_states.order_by("pk").select_related("task", "revision"):
            lines.append(
                f"  {task_state.task.name}: {task_state.status} on revision "
                f"{task_state.revision_id} by {task_state.finished_by}: {task_state.get_comment()}"
            )
    for revision in page.revisions.order_by("pk").select_related("user"):
        lines.append(f"revision {revision.pk} by {revision.user}")
    return "\n".join(lines)
