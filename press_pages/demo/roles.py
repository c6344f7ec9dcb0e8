"""Demo groups with least-privilege permissions, and one demo user per role.

Each group's permissions are set to exactly what is listed here on every run,
so running the seed again also repairs a group someone widened by hand. Wagtail's
own "Editors" group is reused for editors (and narrowed from the whole tree to
the home pages); its "Moderators" group and default workflow are left alone.

Wagtail has no read-only page permission (the explorer only shows pages a
user may add, edit, publish or lock), so reviewers and heads get no page
permissions here: reviewers reach a page through the moderation task assigned
to their group, and everyone reads published pages on the site itself.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

ADMIN_ACCESS = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class GroupSpec:
    """What a group may do.

    ``page`` are Wagtail page permission types granted on every home page (so
    on each language tree); ``collection`` are image and document permissions on
    the root collection; ``model`` are global ``app_label.codename`` permissions;
    ``apps`` grant the listed actions on every model of an app that exists,
    so apps still being built get their permissions once they ship.
    """

    name: str
    page: tuple[str, ...] = ()
    collection: tuple[str, ...] = ()
    model: tuple[str, ...] = ()
    apps: dict[str, tuple[str, ...]] = field(default_factory=dict)


MEDIA_EDIT = (
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
)
MEDIA_MANAGE = (*MEDIA_EDIT, "delete_image", "delete_document")
SNIPPETS_VIEW = (
    "press_pages.view_topic",
    "press_pages.view_faqcategory",
    "cms.view_agencyprofile",
)

GROUPS = {
    "editors": GroupSpec(
        "Editors",
        page=("add", "change"),
        collection=MEDIA_EDIT,
        model=(
            ADMIN_ACCESS,
            "wagtail_localize.submit_translation",
            *SNIPPETS_VIEW,
            "press_pages.add_topic",
            "press_pages.change_topic",
        ),
    ),
    "press_secretaries": GroupSpec(
        "Press secretaries",
        page=("add", "change", "publish", "lock", "unlock"),
        collection=MEDIA_MANAGE,
        model=(
            ADMIN_ACCESS,
            "wagtail_localize.submit_translation",
            *SNIPPETS_VIEW,
            "press_pages.add_topic",
            "press_pages.change_topic",
            "press_pages.delete_topic",
            "press_pages.add_faqcategory",
            "press_pages.change_faqcategory",
            "press_pages.delete_faqcategory",
            "cms.change_agencyprofile",
            "cms.view_sitesettings",
            "cms.change_sitesettings",
        ),
    ),
    "legal_reviewers": GroupSpec(
        "Legal reviewers",
        collection=("choose_image", "choose_document"),
        model=(ADMIN_ACCESS, *SNIPPETS_VIEW),
    ),
    "request_officers": GroupSpec(
        "Request officers",
        model=(ADMIN_ACCESS,),
        apps={"citizen_requests": ("view", "add", "change")},
    ),
    "accreditation_officers": GroupSpec(
        "Accreditation officers",
        model=(ADMIN_ACCESS,),
        apps={"accreditation": ("view", "add", "change")},
    ),
    "heads": GroupSpec(
        "Heads",
        model=(ADMIN_ACCESS, *SNIPPETS_VIEW, "cms.view_sitesettings"),
        apps={"citizen_requests": ("view",), "accreditation": ("view",)},
    ),
}


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


def _permissions(spec: GroupSpec) -> set[Permission]:
    wanted = set()
    for dotted in spec.model:
        app_label, codename = dotted.split(".")
        wanted |= set(
            Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )
    for app_label, actions in spec.apps.items():
        for permission in Permission.objects.filter(content_type__app_label=app_label):
            if permission.codename.split("_", 1)[0] in actions:
                wanted.add(permission)
    return wanted


def _sync_group(spec: GroupSpec, homes: list[Page]) -> tuple[Group, bool]:
    group, created = Group.objects.get_or_create(name=spec.name)
    group.permissions.set(_permissions(spec))

    page_permissions = {
        (home.pk, permission)
        for home in homes
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=[f"{kind}_page" for kind in spec.page],
        )
    }
    existing = {
        (row.page_id, row.permission): row
        for row in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }
    for key, row in existing.items():
        if key not in page_permissions:
            row.delete()
    for page_id, permission in page_permissions - existing.keys():
        GroupPagePermission.objects.create(group=group, page_id=page_id, permission=permission)

    root = Collection.get_first_root_node()
    wanted = set(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__in=spec.collection,
        )
    )
    kept = set()
    for row in GroupCollectionPermission.objects.filter(group=group).select_related("permission"):
        if row.collection_id == root.pk and row.permission in wanted:
            kept.add(row.permission)
        else:
            row.delete()
    for permission in wanted - kept:
        GroupCollectionPermission.objects.create(
            group=group, collection=root, permission=permission
        )
    return group, created


def seed_roles(homes: list[Page]) -> tuple[int, int]:
    """Create or repair the groups and create missing users. Returns (groups, users) created.

    Existing users keep their password, name and extra groups: only missing
    group memberships are added.
    """
    groups = {}
    groups_created = 0
    for key, spec in GROUPS.items():
        groups[key], created = _sync_group(spec, homes)
        groups_created += created

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
    return groups_created, users_created


def demo_user(username: str):
    """The demo user called ``username``, if it exists (it is the author of demo content)."""
    return get_user_model().objects.filter(username=username).first()
