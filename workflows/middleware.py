"""Turns a blocked publication anywhere in the admin into a message instead of a 403 page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .guard import PublicationBlocked


class PublicationBlockedMiddleware:
    """Admin paths without their own check (translation editor, workflow actions) end here."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublicationBlocked):
            return None
        admin_root = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_root) or request.headers.get("accept", "").startswith(
            "application/json"
        ):
            return None
        messages.error(request, exception.message)
        if exception.page is not None:
            return redirect("wagtailadmin_pages:edit", exception.page.pk)
        referer = request.headers.get("referer", "")
        if url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(referer)
        return redirect(admin_root)
