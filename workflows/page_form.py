"""The admin form of moderated pages."""

from wagtail.admin.forms import WagtailAdminPageForm


class ModeratedPageForm(WagtailAdminPageForm):
    """A page form whose "changed" test looks only at what the editor changed.

    Fields with a callable default (a news item's date, an answer's review date) make Django
    compare against a hidden initial input that Wagtail's panels never render, so they always
    count as changed. A reviewer's Approve posted from the editor would then save a revision of
    their own and, with re-approval on edit, restart the review they were finishing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.show_hidden_initial = False

    def save(self, commit=True):
        """Save the page, except for a workflow action (Approve) posted with nothing changed.

        Wagtail's editor posts the whole form with a workflow action, and saves a draft page's
        row before acting even when nothing changed (it already skips the revision then). That
        write would only copy the revision under review into the draft row again and queue a
        search and reference index update that the publication repeats, so it is skipped, as
        it is when the same action comes from the dashboard.
        """
        if commit and self.is_unchanged_workflow_action():
            commit = False
        return super().save(commit=commit)

    def is_unchanged_workflow_action(self) -> bool:
        return (
            self.is_bound
            and self.instance.pk is not None
            and bool(self.data.get("action-workflow-action"))
            and not self.has_changed()
        )
