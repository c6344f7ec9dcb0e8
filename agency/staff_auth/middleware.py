"""The second-factor gate on the admin, and the idle limit of staff sessions."""

import contextlib
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from .factors import has_second_factor

#: What a signed-in user who has not yet passed the second factor may still reach on the admin.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",  # the icons every admin page, these included, loads
    "staff_auth_enrol",
    "staff_auth_verify",
}
OPEN_NAMESPACES = {"otp_webauthn"}


def staff_areas() -> tuple[str, ...]:
    """The address prefixes of the staff areas: the Wagtail admin, and Django's if mounted."""
    prefixes = [reverse("wagtailadmin_home")]
    with contextlib.suppress(NoReverseMatch):
        prefixes.append(reverse("admin:index"))
    return tuple(prefixes)


def is_open(path: str) -> bool:
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name in OPEN_URL_NAMES or bool(set(match.namespaces) & OPEN_NAMESPACES)


def is_staff(user) -> bool:
    """Whether ``user`` works in the admin (the only people with accounts on the site)."""
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


class SecondFactorMiddleware:
    """A signed-in user reaches the staff areas only after the second factor of this session.

    Without a factor yet, the user is sent to enrolment; with one, to verification. Either
    comes back to the address asked for. Outside the staff areas such a session is anonymous,
    so a password alone opens nothing that needs a signed-in person either (documents in a
    collection or pages restricted to signed-in people). Comes after django-otp's
    ``OTPMiddleware``, which tells whether the session has passed the second factor.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._areas = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            if self._areas is None:
                self._areas = staff_areas()
            path = request.path_info
            if is_open(path):
                pass
            elif path.startswith(self._areas):
                name = "staff_auth_verify" if has_second_factor(user) else "staff_auth_enrol"
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(name)}?{query}")
            else:
                request.user = AnonymousUser()
        return self.get_response(request)


class StaffIdleSessionMiddleware:
    """A member of staff's session ends after ``STAFF_IDLE_MINUTES`` without a request.

    Each request of a signed-in member of staff sets the session to expire that long after it,
    so work keeps it alive; a session left idle expires and the next request is anonymous.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and is_staff(user):
            request.session.set_expiry(settings.STAFF_IDLE_MINUTES * 60)
        return self.get_response(request)
