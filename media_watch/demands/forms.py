"""The forms of the demand screens: drafting a demand from a story, and its status actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminDateInput

from ..models import Demand, Item


class CopyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item: Item) -> str:
        return f"{item.outlet.name}: {item.title}"


class DemandForm(forms.Form):
    """Kind, the copy answered, the officer's text and, for a reply to an outlet that is not a
    daily, the date of its next planned issue."""

    kind = forms.ChoiceField(
        label=_("Kind of demand"), choices=Demand.Kind.choices, widget=forms.RadioSelect
    )
    item = CopyChoiceField(
        label=_("Copy answered"),
        queryset=Item.objects.none(),
        empty_label=None,
        help_text=_("The letter goes to this copy's outlet, in the outlet's language."),
    )
    text = forms.CharField(
        label=_("What is untrue, or the text of the reply"),
        help_text=_(
            "Write it in the outlet's language. The letter states before it what was published, "
            "where and when."
        ),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    planned_issue = forms.DateField(
        label=_("Next planned issue"),
        required=False,
        widget=AdminDateInput,
        help_text=_("Required for a reply to an outlet that is not a daily."),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, story, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = (
            Item.objects.filter(story=story).select_related("outlet").order_by("published_at")
        )


class StatusForm(forms.Form):
    """A status action's note, and the day the demand was sent."""

    note = forms.CharField(label=_("Note"), required=False, max_length=2000)
    sent_on = forms.DateField(
        label=_("Sent on"),
        required=False,
        widget=AdminDateInput,
        help_text=_("The day the outlet received the demand; today if left empty."),
    )
