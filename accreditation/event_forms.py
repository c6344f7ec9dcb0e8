"""The public forms of press events: registration, questions and interview requests.

Each input names its hint and its error through ``aria-describedby``, as the request forms do,
so the shared field templates of ``templates/citizen_requests`` render them.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agency.forms import DescribedFieldsMixin, describe_fields

from .events import MAX_QUESTION_LENGTH

MAX_INTERVIEW_TEXT = 5000


class HoneypotMixin:
    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(
                _("The form could not be sent. Please try again."), code="rejected"
            )
        return data


def card_number_field():
    return forms.CharField(
        label=_("Accreditation card number"),
        max_length=40,
        help_text=_("As printed on your card, for example КАР-2026-000017."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


class RegistrationForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    card_number = card_number_field()
    website = forms.CharField(label=_("Leave this field empty"), required=False)


class QuestionForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "The speakers see the questions before the event. At most %(limit)s characters."
        ) % {"limit": MAX_QUESTION_LENGTH}
        describe_fields(self)  # the hint set here is known now


class InterviewForm(DescribedFieldsMixin, HoneypotMixin, forms.Form):
    """An accredited journalist asks to interview a named official (a media request)."""

    FORMATS = [
        ("in_person", _("In person")),
        ("video", _("By video call")),
        ("phone", _("By phone")),
        ("written", _("In writing")),
    ]

    card_number = card_number_field()
    official = forms.CharField(
        label=_("Official to interview"),
        max_length=255,
        help_text=_("Full name of the official."),
    )
    official_position = forms.CharField(label=_("Their position"), max_length=255, required=False)
    topic = forms.CharField(label=_("Topic of the interview"), max_length=200)
    interview_format = forms.ChoiceField(
        label=_("Format"), choices=FORMATS, initial="in_person", widget=forms.RadioSelect
    )
    preferred_dates = forms.CharField(
        label=_("Preferred dates and times"),
        max_length=255,
        required=False,
        help_text=_("For example: any weekday morning from 10 to 14 March."),
    )
    text = forms.CharField(
        label=_("Questions or outline"),
        max_length=MAX_INTERVIEW_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=_(
            "I consent to the processing of my personal data (name, outlet, card number, e-mail "
            "and phone from my accreditation) to register and answer this request."
        ),
        error_messages={"required": _("We can only register your request with your consent.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "What you would like to ask. At most %(limit)s characters."
        ) % {"limit": MAX_INTERVIEW_TEXT}
        self.fields["submission_token"].initial = uuid.uuid4()
        describe_fields(self)  # the hint set here is known now

    def clean(self):
        data = super().clean()
        if "submission_token" in self.errors:
            raise ValidationError(
                _("The form could not be sent. Please try again."), code="rejected"
            )
        return data
