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
