"""The public request forms: one form class, shaped per kind of request.

Every kind asks who the requester is, how to reach them, and what they ask. The Access to
Information Law (Art. 11 p.5) fixes the requester's details: an individual's name and ИИН, or a
legal entity's name, БИН, outgoing number and date and its signatory. Media requests (Mass Media
Law Art. 35–36) come from a journalist of an outlet, with the accreditation card. Appeals
(АППК Art. 63) ask the ИИН only if the person has one. Nothing else is collected.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agency.forms import (
    DescribedFieldsMixin,
    MultipleFileField,
    MultipleFileInput,
    clean_identifier,
    clean_phone_number,
)
from agency.uploads import ACCEPT, MAX_FILE_SIZE, MAX_FILES

from .kinds import NUMBER_PREFIXES, Channel, RequesterType, RequestKind
from .models import CitizenRequest

MEDIA_KINDS = (RequestKind.MEDIA, RequestKind.CLARIFICATION)
MAX_TEXT = 10_000

#: Fields that only a legal entity fills in.
LEGAL_ENTITY_FIELDS = (
    "organisation",
    "bin",
    "signatory_position",
    "outgoing_number",
    "outgoing_date",
)


class RequestForm(DescribedFieldsMixin, forms.Form):
    """A request of one ``kind``. ``cleaned_data`` holds model field values and checked files."""

    requester_type = forms.ChoiceField(
        label=_("I am filing as"),
        choices=RequesterType.choices,
        initial=RequesterType.INDIVIDUAL,
        widget=forms.RadioSelect,
    )
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=255,
        help_text=_(
            "Surname, first name and patronymic (if it is in your identity document). For a "
            "legal entity: the signatory's name."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    iin = forms.CharField(
        label=_("IIN"),
        max_length=20,
        required=False,
        help_text=_("Your individual identification number: 12 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    organisation = forms.CharField(
        label=_("Full name of the legal entity"), max_length=255, required=False
    )
    bin = forms.CharField(
        label=_("BIN"),
        max_length=20,
        required=False,
        help_text=_("The business identification number: 12 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    signatory_position = forms.CharField(
        label=_("Signatory's position"), max_length=255, required=False
    )
    outgoing_number = forms.CharField(
        label=_("Outgoing number of your letter"), max_length=64, required=False
    )
    outgoing_date = forms.DateField(
        label=_("Date of your letter"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    outlet = forms.CharField(
        label=_("Media outlet"),
        max_length=255,
        help_text=_("The name of the newspaper, channel, agency or online outlet."),
    )
    accreditation_number = forms.CharField(
        label=_("Accreditation card number"),
        max_length=64,
        help_text=_(
            "Your accreditation with our agency, or the card of the unified media platform."
        ),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        help_text=_("For example +7 701 234 56 78."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    channel = forms.ChoiceField(
        label=_("How should we send the answer?"),
        choices=Channel.choices,
        initial=Channel.EMAIL,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=255)
    text = forms.CharField(
        label=_("Your request"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
    )
    consent = forms.BooleanField(
        label=_("I consent to the processing of my personal data as described above."),
        error_messages={
            "required": _(
                "We can only register your request with your consent to the processing of your personal data."
            )
        },
    )
    # A honeypot: hidden from people, filled in by robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, kind: str, **kwargs):
        self.kind = RequestKind(kind)
        super().__init__(*args, **kwargs)

    def prepare_fields(self):
        self.fields["text"].help_text = gettext(
            "What would you like to know? At most %(limit)s characters."
        ) % {"limit": MAX_TEXT}
        self.fields["attachments"].help_text = gettext(
            "Up to %(count)s files, each at most %(size)s MB: PDF, JPEG, PNG or DOCX. "
            "Do not attach copies of identity documents."
        ) % {"count": MAX_FILES, "size": MAX_FILE_SIZE // (1024 * 1024)}
        self.fields["submission_token"].initial = uuid.uuid4()
        if self.kind in MEDIA_KINDS:
            for name in ("requester_type", "iin", *LEGAL_ENTITY_FIELDS):
                del self.fields[name]
            self.fields["full_name"].help_text = _("The journalist's or editor's full name.")
            if self.kind == RequestKind.CLARIFICATION:
                self.fields["subject"].label = _("The official message you are asking about")
                self.fields["subject"].help_text = _("Its title and date of publication.")
        else:
            del self.fields["outlet"]
            del self.fields["accreditation_number"]
            if self.kind == RequestKind.APPEAL:
                self.fields["iin"].help_text = _(
                    "Your individual identification number: 12 digits, if you have one."
                )
        # Required in some cases only (checked in clean()): not labelled "optional".
        conditional = {"email", "postal_address"}
        if self.kind == RequestKind.INFORMATION:
            conditional |= {"iin", *LEGAL_ENTITY_FIELDS}
        elif self.kind == RequestKind.APPEAL:
            conditional |= {"organisation", "bin"}
        for name in conditional & set(self.fields):
            self.fields[name].conditionally_required = True
        if "email" in self.fields:
            self.fields["email"].help_text = _("Needed for an answer by e-mail.")
        self.fields["postal_address"].help_text = _(
            "Needed for an answer by post: street, building, flat, town, postcode."
        )

    @property
    def visible(self):
        """The fields shown in the form, by section name, for the template."""
        sections = {
            "requester": ["requester_type", "full_name", "iin"],
            "legal_entity": list(LEGAL_ENTITY_FIELDS),
            "media": ["outlet", "accreditation_number"],
            "contact": ["email", "phone", "postal_address", "channel"],
            "request": ["subject", "text", "attachments"],
        }
        return {
            section: [self[name] for name in names if name in self.fields]
            for section, names in sections.items()
        }

    @property
    def personal_data_items(self) -> list[str]:
        """What personal data this form collects, for the consent text (Personal Data Law Art. 8 p.4(7))."""
        labels = {
            "full_name": _("full name"),
            "iin": _("IIN"),
            "organisation": _("the legal entity's name, BIN and the signatory's position"),
            "outlet": _("media outlet and accreditation card number"),
            "email": _("e-mail address"),
            "phone": _("phone number"),
            "postal_address": _("postal address"),
            "text": _("the content of the request and its attachments"),
        }
        return [str(label) for name, label in labels.items() if name in self.fields]

    # -- Validation -----------------------------------------------------------------------
    def clean_iin(self):
        return clean_identifier(self.cleaned_data.get("iin"), _("IIN"))

    def clean_bin(self):
        return clean_identifier(self.cleaned_data.get("bin"), _("BIN"))

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def clean_full_name(self):
        value = " ".join(self.cleaned_data.get("full_name", "").split())
        if len(value) < 3 or not any(ch.isalpha() for ch in value):
            raise ValidationError(
                _("Give your full name: anonymous requests are not considered."), code="anonymous"
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("website") or "submission_token" in self.errors:
            # A robot filled in the hidden field, or the page was not ours.
            raise ValidationError(
                _("Your request could not be sent. Please try again."), code="rejected"
            )
        requester = data.get("requester_type", RequesterType.INDIVIDUAL)
        data.setdefault("requester_type", requester)
        required = _("This field is required.")
        if requester == RequesterType.INDIVIDUAL:
            if (
                self.kind == RequestKind.INFORMATION
                and "iin" in self.fields
                and not data.get("iin")
            ) and "iin" not in self.errors:
                self.add_error("iin", ValidationError(required, code="required"))
            for name in LEGAL_ENTITY_FIELDS:
                if name in self.fields:
                    data[name] = None if name == "outgoing_date" else ""
        elif requester == RequesterType.LEGAL_ENTITY:
            data["iin"] = ""
            needed = ["organisation", "bin"]
            if self.kind == RequestKind.INFORMATION:
                needed += ["signatory_position", "outgoing_number", "outgoing_date"]
            for name in needed:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, ValidationError(required, code="required"))
        channel = data.get("channel")
        if channel == Channel.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                ValidationError(
                    _("Give your e-mail address, or choose to receive the answer by post."),
                    code="required",
                ),
            )
        if channel == Channel.POST and not data.get("postal_address"):
            self.add_error(
                "postal_address",
                ValidationError(
                    _("Give your postal address, or choose to receive the answer by e-mail."),
                    code="required",
                ),
            )
        return data

    def model_data(self) -> dict:
        """The validated values that go onto :class:`~citizen_requests.models.CitizenRequest`."""
        data = self.cleaned_data
        values = {name: data[name] for name in CitizenRequest.FILED_FIELDS if name in data}
        values["requester_type"] = values.get("requester_type") or RequesterType.INDIVIDUAL
        values["postal_address"] = values.get("postal_address", "").strip()
        return values


class StatusForm(DescribedFieldsMixin, forms.Form):
    """The requester's number and tracking code."""

    number = forms.CharField(
        label=_("Registration number"),
        max_length=40,
        help_text=_("As on your acknowledgement, for example АҚ-2026-000017."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        help_text=_("The 12-character code shown when you filed the request."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_number(self):
        return normalise_number(self.cleaned_data["number"])


#: What each letter of a prefix may be typed as: the Kazakh letter, its Russian-keyboard stand-in
#: (К for Қ, О for Ө), the Latin letter that looks like it, and its Kazakh Latin spelling
#: (Q for Қ, S for С). Digits are not in it: 6 for Б or 0 for О would read a typo as a number.
_LOOK_ALIKES = {
    "А": "АA",
    "Б": "БB",
    "Қ": "ҚКKQ",
    "Ө": "ӨОO",
    "С": "СCS",
    "Т": "ТT",
}
_SKELETON = str.maketrans({typed: real for real, typed in _LOOK_ALIKES.items() for typed in typed})


def _skeleton(prefix: str) -> str:
    return prefix.translate(_SKELETON)


#: The real prefix of every register number a requester may type, by its look-alike skeleton.
_PREFIXES_BY_SKELETON = {_skeleton(prefix): prefix for prefix in NUMBER_PREFIXES.values()}


def normalise_number(value: str) -> str:
    """A registration number as typed (any case, spaces, dashes, and the prefix in Latin or
    Russian look-alike letters: ``ak-2026-000017``, ``АК-2026-000017``) in its stored form.

    Only the prefix is mapped, and only onto a real prefix: anything else is kept as typed, so
    it is not found like any other wrong number.
    """
    value = "".join(value.split()).upper().replace("–", "-").replace("—", "-")
    prefix, dash, rest = value.partition("-")
    if not dash:
        return value
    real = _PREFIXES_BY_SKELETON.get(_skeleton(prefix))
    return f"{real or prefix}-{rest}"
