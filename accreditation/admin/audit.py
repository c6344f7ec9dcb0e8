"""The ``accreditation.*`` actions of Wagtail's audit log (shown in the admin's Logs report)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.log_actions import LogFormatter


class ObligatoryMessageSent(LogFormatter):
    """An Art. 37 message e-mailed to the accredited journalists, and to how many."""

    label = _("E-mail an official message to journalists")

    def format_message(self, log_entry):
        count = int((log_entry.data or {}).get("recipients") or 0)
        return ngettext(
            "Official message e-mailed to %(count)d accredited journalist.",
            "Official message e-mailed to %(count)d accredited journalists.",
            count,
        ) % {"count": count}


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
    actions.register_action("accreditation.obligatory_message_sent")(ObligatoryMessageSent)
    actions.register_action(
        "accreditation.view_personal_data",
        _("View a journalist's personal data"),
        _("Personal data viewed"),
    )
