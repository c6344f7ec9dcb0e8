"""The member of staff's own pages: enrolment, verification, and the recovery codes and passkeys.

Enrolment and verification are open to a signed-in user who has not passed the second factor
(see :mod:`.middleware`); the page of the user's own factors is not. Each page is kept out of
caches (:func:`agency.http.no_store`): it shows secrets.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from wagtail.log_actions import log

from django_otp import login as otp_login
from django_otp_webauthn.templatetags.otp_webauthn import get_configuration

from ..http import no_store
from . import factors
from .forms import CodeForm

#: The recovery codes just issued, kept in the (server-side) session until shown once.
FRESH_CODES_KEY = "staff_auth_fresh_codes"


def audit(user, action: str) -> None:
    """Write ``action`` of ``user`` on their own account to the audit log (which goes by the
    model of the instance, so the user is loaded plainly, without request.user's wrappers)."""
    account = get_user_model()._default_manager.get(pk=user.pk)
    log(instance=account, action=action, user=account)


def next_url(request) -> str:
    """Where to go once the second factor is passed: a local address, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': target})}"


def passed(request, device) -> None:
    """Mark this session as having passed the second factor with ``device``."""
    request.session.cycle_key()
    otp_login(request, device)


def show_codes_once(request, codes: list[str], target: str):
    request.session[FRESH_CODES_KEY] = codes
    return redirect(with_next("staff_auth_security", target))


@require_http_methods(["GET", "POST"])
def enrol(request):
    """First sign-in: set up an authenticator app (or a passkey), then see the recovery codes."""
    user = request.user
    target = next_url(request)
    if factors.has_second_factor(user):
        if not user.is_verified():
            return redirect(with_next("staff_auth_verify", target))
        if not factors.recovery_codes_left(user) and FRESH_CODES_KEY not in request.session:
            # Enrolled with a passkey just now: the recovery codes follow.
            audit(user, "agency.second_factor_enrol")
            return show_codes_once(request, factors.issue_recovery_codes(user), target)
        return redirect(target)
    device = factors.pending_totp(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if factors.confirm_totp(device, form.cleaned_data["code"]):
            passed(request, device)
            audit(user, "agency.second_factor_enrol")
            return show_codes_once(request, factors.issue_recovery_codes(user), target)
        # The sign-in pages show errors above the form, as the login page does.
        form.add_error(
            None,
            _(
                "This code is not right. Check that the time on your phone is correct and "
                "enter the newest code."
            ),
        )
    url = device.config_url
    context = {
        "form": form,
        "next": target,
        "qr_code": factors.qr_svg(url, _("QR code to scan with your authenticator app")),
        "secret": factors.grouped(factors.secret_base32(device)),
        "otpauth_url": url,
        "after_passkey": with_next("staff_auth_enrol", target),
        "passkey_config": get_configuration(request),
    }
    status = 400 if form.is_bound else 200
    return no_store(
        TemplateResponse(request, "agency/staff_auth/enrol.html", context, status=status)
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    """Each sign-in: a code from the app, a passkey or a recovery code."""
    user = request.user
    target = next_url(request)
    if user.is_verified():
        return redirect(target)
    if not factors.has_second_factor(user):
        return redirect(with_next("staff_auth_enrol", target))
    form = CodeForm(request.POST or None, recovery=True)
    if request.method == "POST" and form.is_valid():
        device = factors.verify_code(user, form.cleaned_data["code"])
        if device is not None:
            passed(request, device)
            if factors.is_recovery_device(device):
                audit(user, "agency.recovery_code_used")
                left = factors.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code. %(count)d code is left: make "
                        "new ones on the two-step sign-in page.",
                        "You signed in with a recovery code. %(count)d codes are left: make "
                        "new ones on the two-step sign-in page.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(target)
        # The sign-in pages show errors above the form, as the login page does.
        form.add_error(
            None,
            _(
                "This code is not right or has already been used. Wait for a new code in your "
                "app and try again; after several wrong codes each new try has to wait longer."
            ),
        )
    context = {"form": form, "next": target, "passkey": factors.has_passkey(user)}
    status = 400 if form.is_bound else 200
    return no_store(
        TemplateResponse(request, "agency/staff_auth/verify.html", context, status=status)
    )


@require_http_methods(["GET", "POST"])
def security(request):
    """The user's own factors: new recovery codes, passkeys; fresh codes are shown here once."""
    user = request.user
    target = next_url(request)
    if request.method == "POST":
        audit(user, "agency.recovery_codes_issue")
        return show_codes_once(request, factors.issue_recovery_codes(user), target)
    context = {
        "page_title": _("Two-step sign-in"),
        "header_title": _("Two-step sign-in"),
        "header_icon": "lock",
        "codes": request.session.pop(FRESH_CODES_KEY, None),
        "next": target,
        "summary": factors.summary(user),
        "passkeys": factors.passkeys(user),
        "passkey_config": get_configuration(request),
    }
    return no_store(TemplateResponse(request, "agency/staff_auth/security.html", context))
