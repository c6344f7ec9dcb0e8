"""Forms of the officer's case page: one form per case action, and the FAQ draft."""

from __future__ import annotations

import re

from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.admin.widgets import AdminDateInput

from agency.dates import local_day
from agency.forms import MultipleFileField
from press_pages.models import FAQCategory

from ..models import Unit
from ..services import eligible_executors, refusal_grounds

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class StaffChoiceField(forms.ModelChoiceField):
    """A choice of staff by full name, as the case page names them (the username if none)."""

    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=Unit.objects.filter(active=True)
    )
    executor = StaffChoiceField(label=_("Executor"), required=False, queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["executor"].queryset = eligible_executors()


class SubtaskForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.filter(active=True))
    question = forms.CharField(label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(
        label=_("Due"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Empty: two working days, and never after the case's due date."),
    )


class SubtaskAnswerForm(forms.Form):
    subtask = forms.IntegerField(widget=forms.HiddenInput)
    response = forms.CharField(
        label=_("What the unit provided"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExtendForm(forms.Form):
    new_due = forms.DateField(label=_("New due date"), widget=AdminDateInput)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the requester with the notice."),
    )
    condition_met = forms.BooleanField(label=_("The legal condition is met"), required=False)

    def __init__(self, *args, condition: str = "", limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        if condition:
            self.fields["condition_met"].help_text = condition
        else:
            del self.fields["condition_met"]
        if limit:
            self.fields["new_due"].help_text = _("At the latest %(limit)s.") % {
                "limit": local_day(limit)
            }


class ForwardForm(forms.Form):
    to_body = forms.CharField(label=_("Forward to (body)"), max_length=255)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RefuseForm(forms.Form):
    ground = forms.ChoiceField(label=_("Ground"), choices=())
    motivation = forms.CharField(
        label=_("Motivation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Explain the refusal to the requester, citing the law."),
    )

    def __init__(self, *args, citizen_request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [
            (g.value, g.label) for g in refusal_grounds(citizen_request)
        ]


class AnswerForm(forms.Form):
    """The answer letter. Its text is typed plainly, paragraphs apart, and kept as rich text
    (paragraphs and line breaks) for the letter and the status page."""

    body = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(
            attrs={
                "rows": 10,
                "placeholder": _("Write the answer here. Leave an empty line between paragraphs."),
            }
        ),
        help_text=_("In the language of the request."),
    )
    signatory_name = forms.CharField(label=_("Signatory"), max_length=200, required=False)
    signatory_position = forms.CharField(
        label=_("Signatory's position"), max_length=200, required=False
    )
    files = MultipleFileField(label=_("Attachments"), required=False)

    def clean_body(self):
        return plain_text_as_rich_text(self.cleaned_data["body"])


def plain_text_as_rich_text(text: str) -> str:
    """Typed text as rich text: a paragraph per block of lines, a line break per line, escaped."""
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line.strip()) for line in block.splitlines()))
        for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
        if block.strip()
    )


class FAQDraftForm(forms.Form):
    index = forms.ModelChoiceField(label=_("FAQ page"), queryset=None, empty_label=None)
    category = forms.ModelChoiceField(label=_("Category"), queryset=None)
    title = forms.CharField(label=_("Question"), max_length=255)
    short_answer = forms.CharField(
        label=_("Short answer"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    full_answer = forms.CharField(
        label=_("Full answer"), widget=get_rich_text_editor_widget(features=ANSWER_FEATURES)
    )

    def __init__(self, *args, indexes=None, language="kk", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["index"].queryset = indexes
        self.fields["category"].queryset = FAQCategory.objects.filter(
            locale__language_code=language
        )
