"""The translator's "ready for review" screen for one translated page.

Reached from the translation editor (a banner above it) and from the page's "more" buttons.
The mark itself is kept and logged by ``workflows.readiness``.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.models import Page

from agency.admin import forbidden

from .languages import language_name
from .readiness import TranslationReadiness, can_mark, mark, translation_of
from .views import PageReviewMixin


class TranslationReadinessView(PageReviewMixin, TemplateView):
    """Shows whether a translation is marked ready for review; marks it or withdraws the mark."""

    template_name = "workflows/admin/translation_readiness.html"
    page_title = _("Ready for review")
    header_icon = "check"
    http_method_names = ["get", "post"]

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        self.translation = translation_of(self.page)
        if self.translation is None:
            raise Http404("Not a translation")
        if not can_mark(request.user, self.page):
            return forbidden(
                request,
                gettext("Only those who may edit this translation can mark it ready for review."),
            )
        return super().dispatch(request, page_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        total, done = self.translation.get_progress()
        context.update(
            translation=self.translation,
            readiness=TranslationReadiness.objects.filter(translation=self.translation)
            .select_related("marked_by")
            .first(),
            progress=gettext("%(language)s: %(done)d of %(total)d segments translated.")
            % {"language": self.language, "done": done, "total": total},
            ready_url=reverse("workflows_translation_ready", args=[self.page.pk]),
        )
        return context

    @property
    def language(self) -> str:
        return language_name(self.translation.target_locale.language_code)

    def post(self, request, page_id):
        choice = request.POST.get("ready", "")
        if choice not in ("yes", "no"):
            messages.error(request, gettext("Choose whether the translation is ready for review."))
            return self.get(request, page_id)
        ready = choice == "yes"
        if ready:
            total, done = self.translation.get_progress()
            if done < total:
                messages.error(
                    request,
                    gettext("Translate every segment first: %(done)d of %(total)d are translated.")
                    % {"done": done, "total": total},
                )
                return self.get(request, page_id)
        mark(self.translation, self.page, request.user, ready)
        if ready:
            message = gettext("The %(language)s translation is marked ready for review.")
        else:
            message = gettext("The %(language)s translation is no longer marked ready for review.")
        messages.success(request, message % {"language": self.language})
        return redirect("wagtailadmin_pages:edit", self.page.pk)
