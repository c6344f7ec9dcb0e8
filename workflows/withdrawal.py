"""Withdrawing a moderated page: a required reason in the admin, an optional public notice.

Admin side. Wagtail's unpublish confirmation (``wagtailadmin_pages:unpublish``) gets three more
fields, a reason (required), "show a public withdrawal notice" and the public explanation, when
the page is moderated, or when it has moderated subpages that may be unpublished with it. The
``before_unpublish_page`` hook (``workflows.hooks.reviews``) calls :func:`unpublish_with_reason`,
which withdraws each moderated page through ``workflows.services.withdraw`` (its record, the
``workflows.withdraw`` audit entry and the unpublishing) and then lets Wagtail's own action
unpublish whatever is still live (the page if it is not moderated, other subpages). Each page is
unpublished once. Invalid input shows the confirmation again with the errors and what was typed.

Public side. When a request for an address would end in "page not found" and a withdrawal
with a notice is active for that address, :class:`WithdrawalMiddleware` answers
"410 Gone" with the notice, in the language of the address. Publishing the page again ends the
notice (``workflows.signals.end_withdrawal_notice``).
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages
from wagtail.models import Page, Site, get_page_models

from .mixins import RestrictedInfoMixin, is_guarded
from .records import Withdrawal
from .services import withdraw

FORM_PREFIX = "withdrawal"
UNPUBLISH_VIEW_NAME = "wagtailadmin_pages:unpublish"


class WithdrawalForm(forms.Form):
    """Why a moderated page is withdrawn, and what the public sees at its address."""

    reason = forms.CharField(
        label=_("Reason for withdrawal"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log; never shown publicly."),
    )
    show_notice = forms.BooleanField(
        label=_("Show a public withdrawal notice"),
        required=False,
        help_text=_(
            "Visitors to the page's address see its title, the date of withdrawal and the "
            "explanation below, instead of “page not found”."
        ),
    )
    notice = forms.CharField(
        label=_("Public explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required for the notice. Write it in the language of the page."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_notice") and not (cleaned.get("notice") or "").strip():
            self.add_error("notice", _("Write the explanation the public will see."))
        return cleaned


def guarded_page_models() -> list[type]:
    return [model for model in get_page_models() if issubclass(model, RestrictedInfoMixin)]


def live_guarded_descendants(page):
    return page.get_descendants().live().type(*guarded_page_models())


def needs_reason(page) -> bool:
    """Whether unpublishing ``page`` may withdraw a moderated page (itself or a subpage)."""
    return is_guarded(page.specific) or live_guarded_descendants(page).exists()


def withdrawal_targets(pages, *, include_descendants: bool, user) -> list[Page]:
    """The live moderated pages that unpublishing ``pages`` would take offline.

    Subpages the user may not unpublish are left out, as Wagtail's own action leaves them live.
    """
    targets = []
    for page in pages:
        page = page.specific
        if is_guarded(page) and page.live:
            targets.append(page)
        if include_descendants:
            targets.extend(
                descendant
                for descendant in live_guarded_descendants(page).specific()
                if descendant.permissions_for_user(user).can_unpublish()
            )
    return targets


def _unpublish_view(request, page):
    """Wagtail's unpublish view for ``page``, set up as for this request (to render it again)."""
    from wagtail.admin.views.pages.unpublish import UnpublishView

    view = UnpublishView()
    view.setup(request, page.pk)
    view.objects_to_unpublish = view.get_objects_to_unpublish()
    return view


def form_context(page, form=None) -> dict:
    """Template context for the withdrawal fields on the confirmation of unpublishing ``page``.

    When only subpages are moderated the reason is needed only if they are unpublished too, so
    the browser must not insist on it.
    """
    subpages_only = not is_guarded(page.specific)
    if form is None:
        form = WithdrawalForm(prefix=FORM_PREFIX)
    form.use_required_attribute = not subpages_only
    return {"withdrawal_form": form, "withdrawal_subpages_only": subpages_only}


def unpublish_with_reason(request, page):
    """``before_unpublish_page``: withdraw moderated pages with a reason, or show the errors.

    Returns ``None`` when nothing moderated is unpublished (Wagtail goes on as usual), else the
    response: the confirmation again with errors, or the redirect after unpublishing.
    """
    view = _unpublish_view(request, page)
    include_descendants = bool(request.POST.get("include_descendants"))
    targets = withdrawal_targets(
        view.objects_to_unpublish, include_descendants=include_descendants, user=request.user
    )
    if not targets:
        return None

    form = WithdrawalForm(request.POST, prefix=FORM_PREFIX)
    if form.is_valid():
        try:
            with transaction.atomic():
                for target in targets:
                    withdraw(target, user=request.user, **form.cleaned_data)
                # Whatever is still live: the page itself if it is not moderated, and the
                # subpages that are not. Withdrawn pages are no longer live, so they are skipped.
                for obj in view.objects_to_unpublish:
                    UnpublishPageAction(
                        Page.objects.get(pk=obj.pk).specific,
                        user=request.user,
                        include_descendants=include_descendants,
                    ).execute(skip_permission_checks=True)
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            for fn in hooks.get_hooks("after_unpublish_page"):
                result = fn(request, view.object)
                if hasattr(result, "status_code"):
                    return result
            messages.success(
                request, view.get_success_message(), buttons=view.get_success_buttons()
            )
            return redirect(view.get_next_url())

    context = view.get_context_data(**form_context(view.object, form))
    return view.render_to_response(context)


def add_form_to_confirmation(request, response):
    """Give Wagtail's unpublish confirmation the withdrawal fields when they apply."""
    match = getattr(request, "resolver_match", None)
    context = getattr(response, "context_data", None)
    if (
        match is None
        or match.view_name != UNPUBLISH_VIEW_NAME
        or context is None
        or "withdrawal_form" in context
    ):
        return response
    page = context.get("page")
    if isinstance(page, Page) and needs_reason(page):
        context.update(form_context(page))
    return response


def notice_for(request) -> tuple[Withdrawal, str] | None:
    """The active public notice for the address requested, and the language of that address.

    Addresses are ``/<language>/<path below the home page>/``; the notice is stored with the
    page's ``url_path``, which starts with the ``url_path`` of that language's home page.
    """
    path = request.path_info
    language = get_language_from_path(path)
    prefix = f"/{language}/"
    if language is None or not path.startswith(prefix):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    rest = path[len(prefix) :]
    if rest and not rest.endswith("/"):
        rest += "/"
    root = Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
    home_path = (
        Page.objects.filter(translation_key=root, locale__language_code=language)
        .values_list("url_path", flat=True)
        .first()
    )
    if home_path is None:
        return None
    withdrawal = (
        Withdrawal.objects.filter(
            site=site, url_path=home_path + rest, active=True, show_notice=True
        )
        .order_by("-withdrawn_at", "-pk")
        .first()
    )
    return (withdrawal, language) if withdrawal is not None else None


def notice_response(request, withdrawal: Withdrawal, language: str):
    """The public notice: "410 Gone", never cached, in the language of the address."""
    with translation.override(language), timezone.override(settings.TIME_ZONE):
        response = render(
            request, "workflows/withdrawn.html", {"withdrawal": withdrawal}, status=410
        )
    response["Content-Language"] = language
    # A 410 may be cached by browsers and proxies by default; the page may come back.
    add_never_cache_headers(response)
    return response


class WithdrawalMiddleware:
    """Withdrawn addresses answer with their public notice; see the module docstring.

    List it after ``LocaleMiddleware`` and before ``RedirectMiddleware``, so a redirect an
    editor set up for the address wins over the notice. It also adds the withdrawal fields to
    the admin's unpublish confirmation (:func:`add_form_to_confirmation`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            found = notice_for(request)
            if found is not None:
                return notice_response(request, *found)
        return response

    def process_template_response(self, request, response):
        return add_form_to_confirmation(request, response)
