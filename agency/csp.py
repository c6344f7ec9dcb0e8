"""The security headers every response carries: Content-Security-Policy and Permissions-Policy.

The public site runs no inline code at all, so its policy allows scripts and styles from the
site's own origin only. That policy is the same for every visitor, as it must be: the page cache
(:mod:`agency.cache`) serves one stored response to everyone, so per-request nonces are not
used. The middleware stands outside the page cache and so also covers cached pages, the bad
requests it turns away and the error pages.

The admin (``ADMIN_CSP_PATH_PREFIXES``) gets its own policy (``ADMIN_CONTENT_SECURITY_POLICY``),
since Wagtail's editing interface still sets inline styles from its scripts.

Pages where a person will sign with an electronic digital signature (Law of the Republic of
Kazakhstan "On electronic document and electronic digital signature" of 7 January 2003
No. 370-II) reach the signing application running on the person's own computer (NCALayer,
KAZTOKEN) on the loopback address. :func:`signing_page` opens exactly those origins
(``SIGNING_LOCAL_ORIGINS``) to the page's scripts, and nothing else.
"""

from functools import wraps

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django_permissions_policy import PermissionsPolicyMiddleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy on the admin's addresses.

    A view's own decorators (``csp``, ``csp_update``, ``csp_replace``) still apply on top of
    whichever policy the address has.
    """

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.ADMIN_CSP_PATH_PREFIXES))


def signing_permissions_policy() -> str:
    """The Permissions-Policy of a signing page: the site's, plus the local-network features.

    Browsers ask the person before a public page may reach the loopback address; the policy
    lets this page (and only its own frames) ask.
    """
    policy = {**settings.PERMISSIONS_POLICY}
    for feature in settings.SIGNING_PERMISSIONS_FEATURES:
        policy[feature] = "self"
    return PermissionsPolicyMiddleware.compute_header_value(policy, name="signing page")


def signing_page(view):
    """Let the page ``view`` renders talk to the signing applications on the person's computer.

    Adds ``SIGNING_LOCAL_ORIGINS`` to the page's ``connect-src`` and allows the local-network
    features in its Permissions-Policy. Works on a view function or on a page's ``serve``.
    """

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        response._csp_update = {"connect-src": list(settings.SIGNING_LOCAL_ORIGINS)}
        response._permissions_policy_override = signing_permissions_policy()
        return response

    return wrapped
