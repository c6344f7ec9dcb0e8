"""One story in the admin: every outlet's copy, the matched words and the tone's reasons per
mention, the tone corrections, and the officer's actions (correct a tone, mark the story
handled, draft an official comment, draft a refutation or reply demand). Each action checks
the permission again in the service it calls and is written to the audit log.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import chart, comments, services, stories
from ..models import Mention, Story, Tone, ToneCorrection

VIEW = "media_watch.view_story"
CORRECT = services.CORRECT_TONE
NAMESPACE = "media_watch_stories"
DEMAND_URL_NAME = "media_watch_demand_create"


def require(user, permission: str) -> None:
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied


class ToneForm(forms.Form):
    tone = forms.ChoiceField(label=gettext_lazy("Tone"), choices=Tone.choices)
    note = forms.CharField(
        label=gettext_lazy("Why"), required=False, max_length=1000, widget=forms.TextInput
    )


class HandledForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("How it was handled"),
        max_length=stories.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def story_url(story) -> str:
    return reverse(f"{NAMESPACE}:story", args=[story.pk])


def demand_url(story) -> str | None:
    """The refutation or reply demand's form for ``story``, where that screen exists."""
    try:
        return reverse(DEMAND_URL_NAME, args=[story.pk])
    except NoReverseMatch:
        return None


class StoryView(WagtailAdminTemplateMixin, TemplateView):
    """A story with every outlet's copy, its mentions and what was done about it."""

    viewset = None
    template_name = "media_watch/admin/story.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW)
        self.story = get_object_or_404(
            Story.objects.select_related("handled_by", "comment_page"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.story.title

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs({"url": "", "label": self.story.title})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story, user = self.story, self.request.user
        mentions = {
            mention.item_id: mention
            for mention in Mention.objects.filter(story=story).prefetch_related("terms")
        }
        corrections = (
            ToneCorrection.objects.filter(mention__story=story)
            .select_related("user", "mention__item__outlet")
            .order_by("-created_at", "-pk")
        )
        copies = []
        for item in story.items.select_related("outlet").order_by("published_at", "pk"):
            mention = mentions.get(item.pk)
            copies.append(
                {
                    "item": item,
                    "mention": mention,
                    "tone_form": ToneForm(
                        initial={"tone": mention.current_tone}, prefix=f"m{mention.pk}"
                    )
                    if mention
                    else None,
                }
            )
        comment = story.comment_page
        context.update(
            story=story,
            copies=copies,
            corrections=corrections,
            may_correct=user.has_perm(CORRECT),
            may_handle=user.has_perm(stories.HANDLE),
            may_comment=comment is None and comments.can_draft_comment(story, user),
            handled_form=HandledForm(initial={"note": story.handled_note}),
            comment=comment,
            comment_edit_url=reverse("wagtailadmin_pages:edit", args=[comment.pk])
            if comment
            else None,
            demand_url=demand_url(story) if user.has_perm(stories.HANDLE) else None,
        )
        return context


def _story(pk: int) -> Story:
    return get_object_or_404(Story, pk=pk)


@require_POST
def correct_tone_view(request, pk: int, mention_id: int):
    """An officer's tone for one copy: the automatic tone and earlier corrections are kept."""
    require(request.user, CORRECT)
    story = _story(pk)
    mention = get_object_or_404(Mention, pk=mention_id, story=story)
    form = ToneForm(request.POST, prefix=f"m{mention.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose negative, neutral or positive."))
        return HttpResponseRedirect(story_url(story))
    services.correct_tone(
        mention, form.cleaned_data["tone"], request.user, form.cleaned_data["note"]
    )
    messages.success(request, _("Tone changed. The earlier tone is kept in the history."))
    return HttpResponseRedirect(story_url(story))


@require_POST
def mark_handled_view(request, pk: int):
    story = _story(pk)
    form = HandledForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say how the story was handled (at most 2,000 characters)."))
        return HttpResponseRedirect(story_url(story))
    try:
        stories.mark_handled(story, request.user, form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The story is marked handled."))
    return HttpResponseRedirect(story_url(story))


@require_POST
def draft_comment_view(request, pk: int):
    """Draft the official comment and open it in the page editor; an existing draft is
    opened instead of making a second one."""
    require(request.user, stories.HANDLE)
    story = _story(pk)
    if story.comment_page_id:
        messages.info(request, _("This story already has a comment; it is opened here."))
        return HttpResponseRedirect(
            reverse("wagtailadmin_pages:edit", args=[story.comment_page_id])
        )
    try:
        page = comments.draft_comment(story, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return HttpResponseRedirect(story_url(story))
    messages.success(
        request,
        _("Draft comment “%(title)s” created. Check it and submit it for moderation.")
        % {"title": page.title},
    )
    return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


class ChartView(WagtailAdminTemplateMixin, TemplateView):
    """Mentions per day by tone over the last 30 days, as a chart and as a table."""

    viewset = None
    template_name = "media_watch/admin/chart.html"
    header_icon = "view"
    page_title = gettext_lazy("Mentions by day")

    def dispatch(self, request, *args, **kwargs):
        require(request.user, VIEW)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.viewset.breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = stories.mentions_by_day()
        title = _("Mentions per day by tone, last %(days)s days") % {"days": stories.CHART_DAYS}
        context.update(
            rows=rows,
            chart=chart.svg(rows, title),
            chart_title=title,
            labels=chart.tone_labels(),
        )
        return context
