"""The administrators' side: reset a colleague's factors, and unlock locked sign-ins.

Administrators are superusers and those who may change user accounts (``auth.change_user``);
only a superuser may reset a superuser's factors. Each reset and unlock is written to Wagtail's
audit log (the admin's Logs report).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.log_actions import log

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset as reset_attempts

from ..admin import refuse_with_reason
from ..http import no_store
from . import factors
from .middleware import is_staff


def is_administrator(user) -> bool:
    return user.is_superuser or user.has_perm("auth.change_user")


def may_reset(user, colleague) -> bool:
    return is_administrator(user) and (user.is_superuser or not colleague.is_superuser)


def _require_administrator(request):
    if not is_administrator(request.user):
        raise PermissionDenied(_("Only administrators may manage colleagues' sign-in."))


def locked_attempts():
    """The failed-sign-in records still counting: within the cool-off period."""
    since = timezone.now() - get_cool_off()
    return AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")


@refuse_with_reason
def signins(request):
    """Failed and locked sign-ins (by account and address), and the staff's second factors."""
    _require_administrator(request)
    User = get_user_model()
    staff = [
        (colleague, factors.summary(colleague), may_reset(request.user, colleague))
        for colleague in User.objects.filter(is_active=True).order_by("username")
        if is_staff(colleague)
    ]
    context = {
        "page_title": _("Sign-in security"),
        "header_title": _("Sign-in security"),
        "header_icon": "lock",
        "attempts": locked_attempts(),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": int(get_cool_off().total_seconds() // 60),
        "staff": staff,
    }
    return no_store(TemplateResponse(request, "agency/staff_auth/signins.html", context))


@refuse_with_reason
@require_POST
def unlock(request, attempt_id: int):
    """Clear the failures of a record's account and address, so both may sign in again."""
    _require_administrator(request)
    attempt = get_object_or_404(AccessAttempt, pk=attempt_id)
    who = attempt.username or ""
    where = attempt.ip_address or ""
    log(
        instance=attempt,
        action="agency.signin_unlock",
        user=request.user,
        title=f"{who} ({where})",
        data={"username": who, "ip_address": where},
    )
    reset_attempts(ip=where or None, username=who or None, ip_or_username=True)
    messages.success(
        request,
        _("Sign-in unlocked for %(username)s and the address %(address)s.")
        % {"username": who or "—", "address": where or "—"},
    )
    return redirect("staff_auth_signins")


@refuse_with_reason
@require_http_methods(["GET", "POST"])
def reset(request, user_id: int):
    """Remove a colleague's factors: the next sign-in leads them through enrolment again."""
    _require_administrator(request)
    colleague = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, colleague):
        raise PermissionDenied(_("Only a superuser may reset a superuser's two-step sign-in."))
    if request.method == "POST":
        removed = factors.remove_all(colleague)
        log(
            instance=colleague,
            action="agency.second_factor_reset",
            user=request.user,
            title=colleague.get_username(),
            data={"removed": removed},
        )
        messages.success(
            request,
            _("Two-step sign-in of %(username)s was reset. They set it up again at next sign-in.")
            % {"username": colleague.get_username()},
        )
        return redirect("staff_auth_signins")
    context = {
        "page_title": _("Reset two-step sign-in"),
        "header_title": _("Reset two-step sign-in"),
        "header_icon": "lock",
        "colleague": colleague,
        "summary": factors.summary(colleague),
    }
    return no_store(TemplateResponse(request, "agency/staff_auth/reset.html", context))
