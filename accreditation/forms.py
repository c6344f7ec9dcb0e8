"""The outlet's application for accreditation: the outlet, its editor-in-chief, and its
journalists as a formset (Typical Rules; legal-basis §2.5 and §3).

The applicant is the media outlet (Mass Media Law Art. 28 p.1). Each journalist brings a photo
for the card (a JPEG or PNG of at most 5 MB, checked by what it contains with Pillow) and an IIN
checked by its control digit. No copies of identity documents are collected (Personal Data Law
Art. 7 p.10).
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agency.forms import DescribedFieldsMixin, clean_identifier, clean_phone_number
from agency.uploads import check_file
from agency.uploads.sniff import JPEG, PNG

from .services import ApplicationData, JournalistData

MAX_PHOTO_SIZE = 5 * 1024 * 1024
PHOTO_ACCEPT = ".jpg,.jpeg,.png,image/jpeg,image/png"
MAX_JOURNALISTS = 20
DEFAULT_ROWS = 1


def briefing_label(event) -> str:
    starts = timezone.localtime(event.starts_at)
    return f"{event.title} — {date_format(starts, 'DATETIME_FORMAT')}"


class PhotoField(forms.FileField):
    """A JPEG or PNG photo of at most 5 MB, returned as a checked file."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if upload.size is not None and upload.size > MAX_PHOTO_SIZE:
            raise ValidationError(_("The photo is larger than 5 MB."), code="too_large")
        try:
            # Only pictures are read further: a document sent here costs no document check.
            return check_file(upload, kinds={JPEG, PNG}, max_size=MAX_PHOTO_SIZE)
        except ValidationError as error:
            if error.code in ("bad_type", "too_large"):
                raise ValidationError(
                    _("The photo must be a JPEG or PNG picture of at most 5 MB."), code="bad_type"
                ) from None
            raise


class JournalistForm(DescribedFieldsMixin, forms.Form):
    """One journalist to be accredited."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=255,
        help_text=_("As in the identity document."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    position = forms.CharField(label=_("Position"), max_length=255)
    iin = forms.CharField(
        label=_("IIN"),
        max_length=20,
        help_text=_("The individual identification number: 12 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    photo = PhotoField(
        label=_("Photo for the card"),
        help_text=_("A portrait photo, JPEG or PNG, at most 5 MB."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("The card, notices of events and reminders are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=32,
        required=False,
        help_text=_("For example +7 701 234 56 78."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    notices_opt_in = forms.BooleanField(
        label=_("E-mail this journalist notices of the agency's press events"),
        required=False,
        help_text=_(
            "Announcements of briefings and other press events, and the agency's official "
            "messages about emergencies (Law on Mass Media Art. 37), sent while the accreditation "
            "is valid. The journalist can stop them with one click from any notice."
        ),
    )

    def has_changed(self):
        """A ticked notices box alone does not fill in an extra row: that row stays empty."""
        return any(name != "notices_opt_in" for name in self.changed_data)

    def clean_full_name(self):
        value = " ".join(self.cleaned_data.get("full_name", "").split())
        if len(value) < 3 or not any(ch.isalpha() for ch in value):
            raise ValidationError(_("Give the journalist's full name."), code="name")
        return value

    def clean_iin(self):
        value = clean_identifier(self.cleaned_data.get("iin"), _("IIN"))
        if not value:
            raise ValidationError(_("This field is required."), code="required")
        return value

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def journalist_data(self) -> JournalistData:
        data = self.cleaned_data
        return JournalistData(
            full_name=data["full_name"],
            position=data["position"].strip(),
            iin=data["iin"],
            email=data["email"],
            phone=data.get("phone", ""),
            photo=data["photo"],
            notices_opt_in=bool(data.get("notices_opt_in")),
        )


class BaseJournalistFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            iin = form.cleaned_data.get("iin") if form.has_changed() else None
            if iin and iin in seen:
                form.add_error("iin", ValidationError(_("This IIN is given twice."), code="twice"))
            seen.add(iin)


JournalistFormSet = forms.formset_factory(
    JournalistForm,
    formset=BaseJournalistFormSet,
    extra=0,
    min_num=1,
    max_num=MAX_JOURNALISTS,
    validate_min=True,
    validate_max=True,
    absolute_max=MAX_JOURNALISTS,
)


def journalist_formset(data=None, files=None, rows: int = DEFAULT_ROWS) -> BaseJournalistFormSet:
    """The journalists' formset; unbound, with ``rows`` empty blocks (1 to 20)."""
    if data is not None:
        return JournalistFormSet(data, files, prefix="journalists")
    formset = JournalistFormSet(prefix="journalists")
    formset.extra = max(1, min(MAX_JOURNALISTS, rows)) - 1
    return formset


class ApplicationForm(DescribedFieldsMixin, forms.Form):
    """The outlet, its editor-in-chief and contacts, consent; ``briefing`` for temporary ones."""

    briefing = forms.TypedChoiceField(
        label=_("Event"),
        coerce=int,
        help_text=_("Temporary accreditation is for one event."),
    )
    outlet_name = forms.CharField(
        label=_("Name of the media outlet"),
        max_length=255,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    is_foreign = forms.BooleanField(
        label=_("This is a foreign media outlet"),
        required=False,
        help_text=_(
            "Foreign media are accredited by the Ministry of Foreign Affairs of Kazakhstan, "
            "not by us."
        ),
    )
    country = forms.CharField(
        label=_("Country of the foreign outlet"), max_length=100, required=False
    )
    registration_number = forms.CharField(
        label=_("Registration details"),
        max_length=100,
        required=False,
        help_text=_(
            "The number of the registration certificate or of the entry in the register of "
            "media outlets."
        ),
    )
    bin = forms.CharField(
        label=_("BIN (required for outlets registered in Kazakhstan)"),
        max_length=20,
        required=False,
        help_text=_(
            "The outlet's business identification number: 12 digits. A foreign outlet has none: "
            "leave it empty."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    editor_in_chief = forms.CharField(
        label=_("Editor-in-chief or authorised person"),
        max_length=255,
        help_text=_(
            "Full name of the person who signs the application: the editor-in-chief, or the "
            "person authorised to sign for the outlet."
        ),
    )
    signer_iin = forms.CharField(
        label=_("IIN of the person who signs"),
        max_length=20,
        required=False,
        help_text=_(
            "12 digits. The application is signed with this person's ЭЦП, issued to this IIN "
            "and to the outlet's BIN. Leave it empty only for a foreign outlet."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        help_text=_("The acknowledgement and the decision are sent here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    contact_phone = forms.CharField(
        label=_("Contact phone"),
        max_length=32,
        required=False,
        help_text=_("For example +7 717 200 00 00."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    outlet_website = forms.URLField(
        label=_("Outlet's website"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    list_publicly = forms.BooleanField(
        label=_("Show our outlet in the public list of accredited outlets"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "On behalf of the outlet and with the journalists' agreement, I consent to the "
            "processing of the personal data described above."
        ),
        error_messages={
            "required": _(
                "We can only register the application with consent to the processing of the "
                "personal data."
            )
        },
    )
    # A honeypot: hidden from people, filled in by robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, briefings=None, **kwargs):
        self.briefings = briefings
        super().__init__(*args, **kwargs)

    def prepare_fields(self):
        briefings = self.briefings
        if briefings is None:
            del self.fields["briefing"]
        else:
            self.fields["briefing"].choices = [("", gettext("Choose the event"))] + [
                (event.pk, briefing_label(event)) for event in briefings
            ]
        self.fields["submission_token"].initial = uuid.uuid4()
        # Required for a Kazakh outlet only (checked in clean()): not labelled "optional".
        self.fields["bin"].conditionally_required = True
        self.fields["signer_iin"].conditionally_required = True

    def clean_bin(self):
        return clean_identifier(self.cleaned_data.get("bin"), _("BIN"))

    def clean_signer_iin(self):
        return clean_identifier(self.cleaned_data.get("signer_iin"), _("IIN"))

    def clean_contact_phone(self):
        return clean_phone_number(self.cleaned_data.get("contact_phone"))

    def clean(self):
        data = super().clean()
        if data.get("website") or "submission_token" in self.errors:
            raise ValidationError(
                _("Your application could not be sent. Please try again."), code="rejected"
            )
        if data.get("is_foreign"):
            if not (data.get("country") or "").strip() and "country" not in self.errors:
                self.add_error(
                    "country", ValidationError(_("Name the outlet's country."), code="required")
                )
        else:
            data["country"] = ""
            if not data.get("bin") and "bin" not in self.errors:
                self.add_error(
                    "bin",
                    ValidationError(
                        _("The BIN is required for an outlet registered in Kazakhstan."),
                        code="required",
                    ),
                )
            if not data.get("signer_iin") and "signer_iin" not in self.errors:
                self.add_error(
                    "signer_iin",
                    ValidationError(
                        _("Give the IIN of the person who signs the application."),
                        code="required",
                    ),
                )
        return data

    def selected_briefing(self):
        if self.briefings is None:
            return None
        chosen = self.cleaned_data.get("briefing")
        return next((event for event in self.briefings if event.pk == chosen), None)

    def application_data(self, formset) -> ApplicationData:
        data = self.cleaned_data
        return ApplicationData(
            outlet_name=" ".join(data["outlet_name"].split()),
            editor_in_chief=" ".join(data["editor_in_chief"].split()),
            contact_email=data["contact_email"],
            contact_phone=data.get("contact_phone", ""),
            registration_number=data.get("registration_number", "").strip(),
            bin=data.get("bin", ""),
            is_foreign=bool(data.get("is_foreign")),
            country=(data.get("country") or "").strip(),
            website=data.get("outlet_website", ""),
            list_publicly=bool(data.get("list_publicly")),
            journalists=[
                form.journalist_data()
                for form in formset.forms
                if form.has_changed() and form.cleaned_data
            ],
        )


#: What the application collects, for the consent text (Personal Data Law Art. 8 p.4(7)).
PERSONAL_DATA_ITEMS = (
    _("the journalists' full names, positions and IINs"),
    _("their photos"),
    _("their e-mail addresses and phone numbers"),
    _("the full name and IIN of the person who signs, and the outlet's contacts"),
)
