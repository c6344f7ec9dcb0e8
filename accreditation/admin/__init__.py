"""The accreditation officers' admin, one module per area, registered from ``wagtail_hooks``.

The areas share one "Accreditation" menu: each module adds its items with the
``register_accreditation_menu_item`` hook (``MenuItem``s with an ``order``). Officer actions
are written to Wagtail's audit log; the actions are registered in :mod:`.audit`.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

MENU_HOOK = "register_accreditation_menu_item"

accreditation_menu = Menu(register_hook_name=MENU_HOOK)


def can(user, *perms: str) -> bool:
    return bool(user and user.is_authenticated and user.has_perms(perms))


def require(user, *perms: str) -> None:
    if not can(user, *perms):
        raise PermissionDenied


def forbidden(request, message: str | None = None) -> TemplateResponse:
    """A 403 in the admin's layout that says why."""
    return TemplateResponse(
        request,
        "citizen_requests/admin/forbidden.html",
        {
            "page_title": _("Not allowed"),
            "header_title": _("Not allowed"),
            "header_icon": "warning",
            "message": message or _("You are not allowed to do this with accreditations."),
        },
        status=403,
    )


class AccreditationMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return any(item.is_shown(request) for item in self.menu.registered_menu_items)


@hooks.register("register_admin_menu_item")
def register_accreditation_menu():
    return AccreditationMenuItem(
        gettext_lazy("Accreditation"),
        accreditation_menu,
        name="accreditation",
        icon_name="user",
        order=260,
    )
