from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """One code: from the authenticator app, or (when ``recovery`` is allowed) a recovery code."""

    code = forms.CharField(max_length=64, strip=True)

    def __init__(self, *args, recovery: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.widget.attrs.update({"autocomplete": "one-time-code", "autofocus": True})
        if recovery:
            field.label = _("Code")
            field.help_text = _(
                "The six-digit code from your authenticator app, or one of your recovery codes."
            )
            field.widget.attrs.update({"spellcheck": "false", "autocapitalize": "none"})
        else:
            field.label = _("Code from the app")
            field.help_text = _("The six-digit code your authenticator app shows now.")
            field.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})
