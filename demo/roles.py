"""One demo user per role, in the groups that ``workflows.roles`` defines.

Running the seed again repairs the groups (see ``workflows.roles.sync_groups``) and their names
in the admin's languages (``workflows.names.sync_names``).
"""

from dataclasses import dataclass

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from django_otp.plugins.otp_totp.models import TOTPDevice

from agency.staff_auth.factors import (
    TOTP_DEVICE_NAME,
    issue_recovery_codes,
    recovery_codes,
    secret_base32,
)
from workflows.names import sync_names
from workflows.roles import sync_groups


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    first_name: str
    last_name: str
    group: str | None  # a key of GROUPS; None for the superuser
    can: str


# Development credentials only: the command refuses to run without DEBUG
# unless forced, and prints them so nobody mistakes them for real ones.
DEMO_USERS = [
    DemoUser(
        "admin",
        "demo-admin-2026",
        "Әкімші",
        "Демо",
        None,
        _("Everything: users, groups, settings and all content."),
    ),
    DemoUser(
        "editor",
        "demo-editor-2026",
        "Дана",
        "Жұмабаева",
        "editors",
        _("Writes and edits news, briefings and answers and submits them; cannot publish."),
    ),
    DemoUser(
        "press_secretary",
        "demo-press-2026",
        "Әлия",
        "Сейітова",
        "press_secretaries",
        _("Edits and publishes pages, manages topics, categories and the agency profile."),
    ),
    DemoUser(
        "legal_reviewer",
        "demo-legal-2026",
        "Бауыржан",
        "Ахметов",
        "legal_reviewers",
        _("Signs in to approve or reject pages sent to their review; cannot edit or publish."),
    ),
    DemoUser(
        "request_officer",
        "demo-requests-2026",
        "Гүлнар",
        "Омарова",
        "request_officers",
        _("Handles citizen and media requests; cannot edit pages."),
    ),
    DemoUser(
        "accreditation_officer",
        "demo-accreditation-2026",
        "Серік",
        "Нұрпейісов",
        "accreditation_officers",
        _("Handles journalist accreditation; cannot edit pages."),
    ),
    DemoUser(
        "head",
        "demo-head-2026",
        "Дәурен",
        "Оспанов",
        "heads",
        _(
            "Reads requests, accreditation, vocabularies and settings in the admin; changes nothing."
        ),
    ),
]


def seed_roles() -> tuple[int, int]:
    """Create or repair the groups and create missing users. Returns (groups, users) created.

    Existing users keep their password, name and extra groups: only missing
    group memberships are added.
    """
    synced = sync_groups(django_apps)
    sync_names(django_apps)
    groups = {key: group for key, (group, _created) in synced.items()}
    groups_created = sum(created for _group, created in synced.values())

    User = get_user_model()
    users_created = 0
    for demo in DEMO_USERS:
        user = User.objects.filter(username=demo.username).first()
        if user is None:
            user = User(
                username=demo.username,
                first_name=demo.first_name,
                last_name=demo.last_name,
                email=f"{demo.username}@mdpc.example",
                is_staff=demo.group is None,
                is_superuser=demo.group is None,
            )
            user.set_password(demo.password)
            user.save()
            users_created += 1
        if demo.group:
            user.groups.add(groups[demo.group])
        demo_second_factor(user)
    return groups_created, users_created


#: How many of a demo user's recovery codes the seed prints.
PRINTED_RECOVERY_CODES = 3


@dataclass(frozen=True)
class DemoSecondFactor:
    secret: str  # base32, as typed into an authenticator app
    otpauth_url: str
    recovery_codes: list[str]


def demo_second_factor(user) -> DemoSecondFactor:
    """The demo user's authenticator app and some unused recovery codes, made once: the admin
    asks for the second factor, so each demo user has one, published like the password."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True)
    codes = recovery_codes(user) or issue_recovery_codes(user)
    return DemoSecondFactor(
        secret_base32(device), device.config_url, codes[:PRINTED_RECOVERY_CODES]
    )


def demo_user(username: str):
    """The demo user called ``username``, if it exists (it is the author of demo content)."""
    return get_user_model().objects.filter(username=username).first()
