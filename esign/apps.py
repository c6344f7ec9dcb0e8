from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EsignConfig(AppConfig):
    """Verification of ЭЦП signatures: canonical documents, verdicts, evidence, trust anchors."""

    name = "esign"
    verbose_name = _("Electronic signatures")
