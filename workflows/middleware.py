"""Turns a blocked publication anywhere in the admin into a message instead of a 403 page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .guard import PublicationBlocked, latest_refusal


def _in_admin(request) -> bool:
    return request.path.startswith(reverse("wagtailadmin_home")) and not request.headers.get(
        "accept", ""
    ).startswith("application/json")


class PublicationBlockedMiddleware:
    """Admin paths without their own check (translation editor, workflow actions) end here.

    Wagtail's admin views catch ``PermissionDenied`` themselves and say only "Sorry, you do not
    have permission to access this area." (for example when approving a page whose content a new
    stop-list term now blocks). A refusal that no one has shown is added to the messages then.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = latest_refusal.set(None)
        try:
            response = self.get_response(request)
            refusal = latest_refusal.get()
            if (
                refusal is not None
                and not refusal.shown
                and response.status_code in {302, 403}
                and _in_admin(request)
            ):
                messages.error(request, refusal.message)
                refusal.shown = True
            return response
        finally:
            latest_refusal.reset(token)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublicationBlocked) or not _in_admin(request):
            return None
        exception.shown = True
        messages.error(request, exception.message)
        if exception.page is not None and exception.page.pk is not None:
            return redirect("wagtailadmin_pages:edit", exception.page.pk)
        referer = request.headers.get("referer", "")
        if url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(referer)
        return redirect("wagtailadmin_home")
