"""What every public form of the site shares."""

from django import forms


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
    """Runs :func:`describe_fields` when the form is built and after it is validated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        describe_fields(self)

    def full_clean(self):
        super().full_clean()
        describe_fields(self)
