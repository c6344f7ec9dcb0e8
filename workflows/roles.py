"""The press office's groups and their least-privilege permissions.

A data migration creates them and the demo seed repairs them; both call :func:`sync_groups`
with an app registry (the migration's historical one, or the live one). Each run sets every
group's permissions to exactly what is listed here, so it also repairs a group someone widened
by hand.

Wagtail has no read-only page permission (the explorer lists only pages a user may add, edit,
publish or lock), so reviewers and heads get no page permissions: reviewers reach a page through
the moderation task assigned to their group, and everyone reads published pages on the site.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

ADMIN_ACCESS = "wagtailadmin.access_admin"


@dataclass(frozen=True)
class GroupSpec:
    """What a group may do.

    ``page`` are Wagtail page permission types granted on every home page (so on each language
    tree); ``faq_index`` the same on every FAQ index page only; ``collection`` are image and document permissions on the root collection; ``model``
    are global ``app_label.codename`` permissions; ``apps`` grant the listed actions on every
    model of an app that exists, so apps still being built get their permissions once they ship.
    """

    name: str
    page: tuple[str, ...] = ()
    faq_index: tuple[str, ...] = ()
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
    "agency.view_agencyprofile",
)
STOP_LIST_MANAGE = (
    "workflows.add_stoplistterm",
    "workflows.change_stoplistterm",
    "workflows.delete_stoplistterm",
    "workflows.view_stoplistterm",
)

#: The accreditation app's records (its page type is governed by page permissions instead).
ACCREDITATION_RECORDS = (
    "outlet",
    "intake",
    "application",
    "applicationjournalist",
    "accreditation",
    "eventregistration",
    "eventquestion",
    "eventnotice",
)

#: The media watch: the press secretaries keep its terms, outlets and sources and correct the
#: tone of mentions and draft and follow the demands to outlets; the Heads read what it found.
MEDIA_WATCH_MANAGE = (
    *(
        f"media_watch.{action}_{model}"
        for model in ("watchterm", "outlet", "source")
        for action in ("view", "add", "change", "delete")
    ),
    *(f"media_watch.view_{model}" for model in ("story", "item", "mention", "tonecorrection")),
    "media_watch.change_mention",
    "media_watch.change_story",
    "media_watch.add_tonecorrection",
    *(f"media_watch.{action}_demand" for action in ("view", "add", "change")),
    # The weekly announcements to the authorised body (model regulation p.10.1).
    "media_watch.send_announcements",
    "media_watch.change_announcementsettings",
)
MEDIA_WATCH_VIEW = tuple(
    f"media_watch.view_{model}"
    for model in (
        "watchterm",
        "outlet",
        "source",
        "story",
        "item",
        "mention",
        "tonecorrection",
        "demand",
    )
)

#: Reports → Signed submissions, each seeing the submissions filed as records they may open; the
#: signers' full IINs only for those who already see the filers' personal data.
SIGNED_SUBMISSIONS_VIEW = ("esign.view_signedsubmission",)
SIGNED_SUBMISSIONS_WITH_IINS = (*SIGNED_SUBMISSIONS_VIEW, "esign.view_signer_iin")

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
            "agency.change_agencyprofile",
            "agency.view_sitesettings",
            "agency.change_sitesettings",
            "workflows.emergency_publish",
            "workflows.view_stoplistterm",
            *MEDIA_WATCH_MANAGE,
        ),
    ),
    "legal_reviewers": GroupSpec(
        "Legal reviewers",
        collection=("choose_image", "choose_document"),
        model=(ADMIN_ACCESS, *SNIPPETS_VIEW, *STOP_LIST_MANAGE, "workflows.add_waiver"),
    ),
    "request_officers": GroupSpec(
        "Request officers",
        # Drafting an FAQ answer from an answered request ("Publish as FAQ answer"); the draft
        # then goes through the FAQ workflow like any other.
        faq_index=("add",),
        model=(
            ADMIN_ACCESS,
            *(
                f"citizen_requests.{action}_{model}"
                for model in ("citizenrequest", "informationsubtask", "answer", "requestattachment")
                for action in ("view", "add", "change")
            ),
            "citizen_requests.view_requestevent",
            "citizen_requests.add_requestevent",
            "citizen_requests.view_unit",
            "agency.view_calendarday",
            "citizen_requests.view_personal_data",
            "citizen_requests.decide_request",
            "citizen_requests.view_reports",
            *SIGNED_SUBMISSIONS_WITH_IINS,
        ),
    ),
    "accreditation_officers": GroupSpec(
        "Accreditation officers",
        model=(
            ADMIN_ACCESS,
            *(
                f"accreditation.{action}_{model}"
                for model in ACCREDITATION_RECORDS
                for action in ("view", "add", "change")
            ),
            "accreditation.deprive_accreditation",
            *SIGNED_SUBMISSIONS_WITH_IINS,
        ),
    ),
    "heads": GroupSpec(
        "Heads",
        model=(
            ADMIN_ACCESS,
            *SNIPPETS_VIEW,
            "agency.view_sitesettings",
            # Reports and the overdue list, without the requesters' personal data.
            "citizen_requests.view_reports",
            *(f"accreditation.view_{model}" for model in ACCREDITATION_RECORDS),
            *MEDIA_WATCH_VIEW,
            # The monthly report and its dashboard panel (media_watch.reports).
            "media_watch.view_head_reports",
            *SIGNED_SUBMISSIONS_VIEW,
        ),
    ),
}


def _permissions(apps, spec: GroupSpec) -> set:
    Permission = apps.get_model("auth", "Permission")
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


def home_page_ids(apps) -> list[int]:
    """Every home page, one per language tree."""
    Page = apps.get_model("wagtailcore", "Page")
    return list(
        Page.objects.filter(
            content_type__app_label="press_pages", content_type__model="homepage"
        ).values_list("pk", flat=True)
    )


def faq_index_ids(apps) -> list[int]:
    """Every FAQ index page, one per language tree."""
    Page = apps.get_model("wagtailcore", "Page")
    return list(
        Page.objects.filter(
            content_type__app_label="press_pages", content_type__model="faqindexpage"
        ).values_list("pk", flat=True)
    )


def members_of(*roles: str):
    """Active members of the groups of ``roles`` (keys of :data:`GROUPS`) who have an e-mail
    address, each once."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=[GROUPS[role].name for role in roles], is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def sync_group(apps, spec: GroupSpec):
    """Create or repair one group. Returns ``(group, created)``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    group, created = Group.objects.get_or_create(name=spec.name)
    group.permissions.set(_permissions(apps, spec))

    def page_rows(page_ids, kinds) -> set:
        return {
            (page_id, permission.pk)
            for page_id in page_ids
            for permission in Permission.objects.filter(
                content_type__app_label="wagtailcore",
                content_type__model="page",
                codename__in=[f"{kind}_page" for kind in kinds],
            )
        }

    page_permissions = page_rows(home_page_ids(apps), spec.page) | page_rows(
        faq_index_ids(apps), spec.faq_index
    )
    existing = {
        (row.page_id, row.permission_id): row
        for row in GroupPagePermission.objects.filter(group=group)
    }
    for key, row in existing.items():
        if key not in page_permissions:
            row.delete()
    for page_id, permission_id in page_permissions - existing.keys():
        GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        )

    root = Collection.objects.filter(depth=1).first()
    wanted = set(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailimages", "wagtaildocs"],
            codename__in=spec.collection,
        ).values_list("pk", flat=True)
    )
    kept = set()
    for row in GroupCollectionPermission.objects.filter(group=group):
        if root is not None and row.collection_id == root.pk and row.permission_id in wanted:
            kept.add(row.permission_id)
        else:
            row.delete()
    if root is not None:
        for permission_id in wanted - kept:
            GroupCollectionPermission.objects.create(
                group=group, collection=root, permission_id=permission_id
            )
    return group, created


def sync_groups(apps) -> dict:
    """Create or repair every group. Returns ``{key: (group, created)}``."""
    return {key: sync_group(apps, spec) for key, spec in GROUPS.items()}


def grant_home_permissions(home_page) -> None:
    """Give a new language tree's home the group page permissions the existing home has."""
    from wagtail.models import GroupPagePermission, Page

    source = (
        Page.objects.filter(depth=home_page.depth, translation_key=home_page.translation_key)
        .exclude(pk=home_page.pk)
        .order_by("pk")
        .first()
    )
    if source is None:
        return
    for row in GroupPagePermission.objects.filter(page=source):
        GroupPagePermission.objects.get_or_create(
            group_id=row.group_id, page=home_page, permission_id=row.permission_id
        )


def grant_faq_index_permissions(faq_index) -> None:
    """Give a new FAQ index the page permissions the groups' ``faq_index`` lists."""
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission

    for spec in GROUPS.values():
        if not spec.faq_index:
            continue
        group = Group.objects.filter(name=spec.name).first()
        if group is None:
            continue
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=[f"{kind}_page" for kind in spec.faq_index],
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=faq_index, permission=permission
            )
