"""From an answered request to an FAQ answer: a draft page with the personal data removed.

The draft is made by :func:`citizen_requests.faq.publish_as_faq` and then goes through the FAQ
moderation workflow like any other page, whose check stops anything the removal missed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from .. import faq
from . import forms
from .case_page import CaseMixin


class FAQDraftView(CaseMixin, TemplateView):
    """Draft an FAQ answer from an answered request."""

    template_name = "citizen_requests/admin/faq_draft.html"
    header_icon = "help"
    page_title = gettext_lazy("Publish as FAQ answer")

    def check_permission(self, user) -> None:
        if not faq.can_publish_faq(self.case, user):
            raise PermissionDenied(
                _(
                    "Only an answered request can become an FAQ answer, by someone who may "
                    "decide requests and add pages to the FAQ."
                )
            )

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs(
            self.case_breadcrumb(self.case_url), {"url": "", "label": self.get_page_title()}
        )

    def indexes(self):
        """The FAQ pages (in the request's language) the user may add the answer to."""
        user = self.request.user
        indexes = faq.faq_indexes(self.case.language)
        return indexes.filter(
            pk__in=[i.pk for i in indexes if faq.can_publish_faq(self.case, user, i)]
        )

    def render_form(self, form):
        return self.render_to_response(
            self.get_context_data(case=self.case, form=form, media=form.media)
        )

    def get(self, request, *args, **kwargs):
        form = forms.FAQDraftForm(
            initial=faq.suggested_content(self.case),
            indexes=self.indexes(),
            language=self.case.language,
        )
        return self.render_form(form)

    def post(self, request, *args, **kwargs):
        case = self.case
        form = forms.FAQDraftForm(request.POST, indexes=self.indexes(), language=case.language)
        if not form.is_valid():
            return self.render_form(form)
        data = form.cleaned_data
        try:
            page = faq.publish_as_faq(
                case,
                request.user,
                index=data["index"],
                category=data["category"],
                title=data["title"],
                short_answer=data["short_answer"],
                full_answer=data["full_answer"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_form(form)
        messages.success(
            request,
            _("Draft FAQ answer “%(title)s” created. Submit it for moderation.")
            % {"title": page.title},
        )
        if page.permissions_for_user(request.user).can_edit():
            return redirect("wagtailadmin_pages:edit", page.pk)
        return redirect(self.case_url)
