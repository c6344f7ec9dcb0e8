"""Forms of the review screens: a waiver's justification and an emergency publication's reason.

Both ask for a written reason of at least ``services.MIN_REASON_LENGTH`` characters, as the
services do; checking it here too gives the reviewer Django's translated message next to the
field, with what they typed kept.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MIN_REASON_LENGTH


class WaiverForm(forms.Form):
    """A legal reviewer's decision that one finding may be published, and why."""

    finding = forms.CharField(widget=forms.HiddenInput)
    justification = forms.CharField(
        label=_("Justification"),
        min_length=MIN_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Why this may be published, for example the person's written consent or the "
            "public register it comes from. Kept in the audit log."
        ),
    )


class EmergencyPublishForm(forms.Form):
    """Why the page cannot wait for its review."""

    reason = forms.CharField(
        label=_("Reason"),
        min_length=MIN_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why this cannot wait for the review, for example an official warning about an "
            "emergency. Kept in the audit log; the page is reviewed afterwards."
        ),
    )
