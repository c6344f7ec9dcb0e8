"""What every form of the site shares: described fields, several checked files in one input,
and the checks of the identifiers and phone numbers people type."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .identifiers import is_valid_iin_or_bin, normalise_phone
from .uploads import check_files


def describe_fields(form: forms.Form) -> None:
    """Every input names its hint and its error (``aria-describedby``), is marked invalid while
    it has an error, and says whether it is required.

    Call it when the form is built and again after validation (:class:`DescribedFieldsMixin`
    does both), since the errors are only known then.
    """
    for name, field in form.fields.items():
        bound = form[name]
        ids = []
        if field.help_text:
            ids.append(f"{bound.auto_id}_helptext")
        if form.is_bound and name in form.errors:
            ids.append(f"{bound.auto_id}_error")
            field.widget.attrs["aria-invalid"] = "true"
        else:
            field.widget.attrs.pop("aria-invalid", None)
        if ids:
            field.widget.attrs["aria-describedby"] = " ".join(ids)
        else:
            field.widget.attrs.pop("aria-describedby", None)
        if field.required and not isinstance(field.widget, forms.RadioSelect | forms.HiddenInput):
            field.widget.attrs["required"] = True


class DescribedFieldsMixin:
    """Runs :func:`describe_fields` when the form is built and after it is validated.

    A form that adjusts its fields once they are built (labels, hints, fields dropped for one
    kind of request) does it in :meth:`prepare_fields`, so they are described as adjusted.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_fields()
        describe_fields(self)

    def prepare_fields(self) -> None:
        """Adjust the built fields before they are described (nothing by default)."""

    def full_clean(self):
        super().full_clean()
        describe_fields(self)


def clean_identifier(value: str | None, label) -> str:
    """An IIN or BIN without spaces or hyphens, or a ``checksum`` error naming ``label``."""
    value = re.sub(r"[\s-]", "", value or "")
    if value and not is_valid_iin_or_bin(value):
        raise ValidationError(
            _("This is not a valid %(label)s: check the 12 digits."),
            code="checksum",
            params={"label": label},
        )
    return value


def clean_phone_number(value: str | None) -> str:
    """A phone as ``normalise_phone`` writes it, ``""`` if empty, or a ``phone`` error."""
    value = (value or "").strip()
    if not value:
        return ""
    phone = normalise_phone(value)
    if not phone:
        raise ValidationError(
            _("Enter a phone number with its code, for example +7 701 234 56 78."), code="phone"
        )
    return phone


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input, each checked by what it contains (:mod:`agency.uploads`).

    ``cleaned_data`` holds the :class:`~agency.uploads.CheckedFile` list; an empty input is an
    error only when the field is required.
    """

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return check_files(files)


def _href(bound) -> str:
    """The id a summary link points at: a radio group's own id, else its input's."""
    return bound.auto_id if bound.widget_type == "radioselect" else bound.id_for_label


def error_summary(form, formset=None, formset_label: str = "") -> list[dict]:
    """Every problem of a bound ``form`` (and ``formset``), for the summary at the top of the
    page: ``{"href", "label", "message"}`` per error, linked to its field when it has one.

    ``formset_label`` names a formset field with ``%(number)s`` (the row, from 1) and
    ``%(field)s``, for example "Journalist 2: Full name".
    """
    if form is None or not form.is_bound:
        return []
    items = [{"href": "", "label": "", "message": str(e)} for e in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name in form.fields:
            bound = form[name]
            items += [{"href": _href(bound), "label": bound.label, "message": e} for e in errors]
    if formset is not None:
        items += [{"href": "", "label": "", "message": str(e)} for e in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            for name, errors in row.errors.items():
                if name not in row.fields:
                    continue
                bound = row[name]
                label = formset_label % {"number": number, "field": bound.label}
                items += [{"href": _href(bound), "label": label, "message": e} for e in errors]
    return items
