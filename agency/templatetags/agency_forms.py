"""``{% error_summary form %}``: the one summary of a form's problems on every public page."""

from django import template
from django.utils.translation import gettext as _

from agency.forms import error_summary as summary_items

register = template.Library()


@register.inclusion_tag("components/error_summary.html")
def error_summary(form, formset=None, formset_label="", files_note=""):
    """The problems of ``form`` (and ``formset``), each linked to its field.

    When the submission carried files, the summary says they must be attached again: files are
    not kept across a form with a problem. ``files_note`` words that for the form's own files.
    """
    sent_files = bool(getattr(form, "files", None))
    if sent_files and not files_note:
        files_note = _(
            "For your safety, files are not kept when a form has a problem: attach them again."
        )
    return {
        "items": summary_items(form, formset, formset_label),
        "note": files_note if sent_files else "",
    }
