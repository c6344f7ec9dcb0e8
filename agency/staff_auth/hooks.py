"""Wagtail hooks of staff sign-in: its admin pages, menu items, buttons and audit-log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from . import administration, views


@hooks.register("register_admin_urls")
def register_staff_auth_urls():
    return [
        path("two-step/enrol/", views.enrol, name="staff_auth_enrol"),
        path("two-step/verify/", views.verify, name="staff_auth_verify"),
        path("two-step/", views.security, name="staff_auth_security"),
        path("two-step/passkeys/", include("django_otp_webauthn.urls")),
        path("sign-in-security/", administration.signins, name="staff_auth_signins"),
        path(
            "sign-in-security/unlock/<int:attempt_id>/",
            administration.unlock,
            name="staff_auth_unlock",
        ),
        path(
            "sign-in-security/reset/<int:user_id>/",
            administration.reset,
            name="staff_auth_reset",
        ),
    ]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return administration.is_administrator(request.user)


@hooks.register("register_settings_menu_item")
def register_signins_menu_item():
    return AdministratorsMenuItem(
        gettext_lazy("Sign-in security"),
        reverse("staff_auth_signins"),
        name="sign-in-security",
        icon_name="lock",
        order=610,
    )


@hooks.register("register_account_menu_item")
def register_own_factors_item(request):
    return {
        "url": reverse("staff_auth_security"),
        "label": _("Two-step sign-in"),
        "help_text": _("Your authenticator app, passkeys and recovery codes."),
    }


@hooks.register("register_user_listing_buttons")
def user_reset_button(user, request_user):
    if administration.may_reset(request_user, user):
        yield Button(
            _("Reset two-step sign-in"),
            reverse("staff_auth_reset", args=[user.pk]),
            icon_name="lock",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_staff_auth_log_actions(actions):
    actions.register_action(
        "agency.second_factor_enrol",
        gettext_lazy("Set up two-step sign-in"),
        gettext_lazy("Two-step sign-in set up"),
    )
    actions.register_action(
        "agency.second_factor_reset",
        gettext_lazy("Reset two-step sign-in"),
        gettext_lazy("Two-step sign-in reset"),
    )
    actions.register_action(
        "agency.recovery_codes_issue",
        gettext_lazy("Make new recovery codes"),
        gettext_lazy("New recovery codes made"),
    )
    actions.register_action(
        "agency.recovery_code_used",
        gettext_lazy("Sign in with a recovery code"),
        gettext_lazy("Recovery code used"),
    )
    actions.register_action(
        "agency.signin_unlock",
        gettext_lazy("Unlock sign-in"),
        gettext_lazy("Sign-in unlocked"),
    )
