"""The ``accreditation.*`` actions of Wagtail's audit log (shown in the admin's Logs report)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_accreditation_log_actions(actions):
    actions.register_action(
        "accreditation.open_intake", _("Open an accreditation intake"), _("Intake opened")
    )
    actions.register_action(
        "accreditation.apply", _("Accreditation application"), _("Application received")
    )
    actions.register_action(
        "accreditation.approve", _("Approve accreditation"), _("Journalist accredited")
    )
    actions.register_action(
        "accreditation.refuse", _("Refuse accreditation"), _("Accreditation refused")
    )
    actions.register_action(
        "accreditation.deprive", _("Deprive of accreditation"), _("Accreditation withdrawn")
    )
    actions.register_action(
        "accreditation.notices_on",
        _("Switch on notices of events"),
        _("Notices of events switched on"),
    )
    actions.register_action(
        "accreditation.notices_off",
        _("Switch off notices of events"),
        _("Notices of events switched off"),
    )
    actions.register_action(
        "accreditation.view_personal_data",
        _("View a journalist's personal data"),
        _("Personal data viewed"),
    )
