"""Media watch → Stories: what the outlets published about the agency, newest first, with
filters (language, outlet, tone, watch term, date, alerted, handled), each story's page and its
actions (:mod:`.story_page`), and the chart of mentions per day (:class:`.story_page.ChartView`).

For the press secretaries and the Heads (``media_watch.view_story``); the actions need
``media_watch.change_story`` or ``media_watch.add_tonecorrection``.
"""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import HeaderButton

import django_filters

from agency.admin import LinkColumn, PlainColumn, ServiceIndexView, ServiceViewSet
from agency.dates import local_moment

from ..models import Item, Language, Mention, Outlet, Story, Tone, WatchTerm
from ..stories import filter_tone, story_tone, with_tones
from . import story_page

NAMESPACE = "media_watch_stories"
VIEW = "media_watch.view_story"
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


class StoryFilterSet(WagtailFilterSet):
    """The filters of the stories list; those on copies and mentions look through them."""

    language = django_filters.ChoiceFilter(
        label=gettext_lazy("Language"), choices=Language.choices, empty_label=gettext_lazy("Any")
    )
    outlet = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Outlet"), queryset=Outlet.objects.all(), method="filter_outlet"
    )
    tone = django_filters.ChoiceFilter(
        label=gettext_lazy("Tone"),
        choices=Tone.choices,
        empty_label=gettext_lazy("Any"),
        method="filter_tone",
    )
    term = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Watch term"),
        queryset=WatchTerm.objects.all(),
        method="filter_term",
    )
    published = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("First published"),
        field_name="published_at",
        widget=DateRangePickerWidget,
    )
    alerted = django_filters.ChoiceFilter(
        label=gettext_lazy("Alert sent"),
        choices=YES_NO,
        empty_label=gettext_lazy("Any"),
        method="filter_alerted",
        widget=forms.RadioSelect,
    )
    handled = django_filters.ChoiceFilter(
        label=gettext_lazy("Handled"),
        choices=YES_NO,
        empty_label=gettext_lazy("Any"),
        method="filter_handled",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Story
        fields = ["language", "outlet", "tone", "term", "published", "alerted", "handled"]

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(pk__in=Item.objects.filter(outlet=value).values("story_id"))

    def filter_term(self, queryset, name, value):
        return queryset.filter(pk__in=Mention.objects.filter(terms=value).values("story_id"))

    def filter_tone(self, queryset, name, value):
        return filter_tone(queryset, value)

    def filter_alerted(self, queryset, name, value):
        return queryset.filter(alerted_at__isnull=value != "yes")

    def filter_handled(self, queryset, name, value):
        return queryset.filter(handled_at__isnull=value != "yes")


class StoryIndexView(ServiceIndexView):
    """Stories with their overall tone; a link to the chart of mentions per day."""

    def get_base_queryset(self):
        return with_tones(Story.objects.all())

    def user_has_permission(self, permission):
        return permission == "view" and self.viewset.user_can_view(self.request.user)

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                gettext_lazy("Mentions by day"),
                url=self.viewset.chart_url,
                icon_name="view",
            )
        ]


def tone_label(story) -> str:
    return Tone(story_tone(story)).label


def yes_no(value) -> str:
    return str(YES_NO[0][1] if value else YES_NO[1][1])


class StoryViewSet(ServiceViewSet):
    """The stories the media watch found, each with its copies and what was done about it."""

    model = Story
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Stories")
    menu_name = "media-watch-stories"
    view_permission = VIEW
    refusal_message = gettext_lazy(
        "The media watch's stories are for the press secretaries and the Heads."
    )
    index_view_class = StoryIndexView
    filterset_class = StoryFilterSet
    record_url_name = "story"
    ordering = ["-published_at", "-pk"]
    list_per_page = 50
    list_display = [
        LinkColumn("title", label=gettext_lazy("Headline"), url_name=f"{NAMESPACE}:story"),
        PlainColumn("outlet_count", label=gettext_lazy("Outlets"), sort_key="outlet_count"),
        PlainColumn(
            "published_at",
            label=gettext_lazy("First published"),
            accessor=lambda story: local_moment(story.published_at, "SHORT_DATETIME_FORMAT"),
            sort_key="published_at",
        ),
        PlainColumn("tone", label=gettext_lazy("Tone"), accessor=tone_label),
        PlainColumn(
            "alerted_at",
            label=gettext_lazy("Alert sent"),
            accessor=lambda story: yes_no(story.alerted_at),
        ),
        PlainColumn(
            "handled_at",
            label=gettext_lazy("Handled"),
            accessor=lambda story: yes_no(story.handled_at),
        ),
    ]

    @property
    def chart_url(self) -> str:
        return reverse(f"{NAMESPACE}:chart")

    def get_record_urlpatterns(self):
        return [
            path("chart/", story_page.ChartView.as_view(viewset=self), name="chart"),
            path("<int:pk>/", story_page.StoryView.as_view(viewset=self), name="story"),
            path("<int:pk>/handled/", story_page.mark_handled_view, name="handled"),
            path("<int:pk>/comment/", story_page.draft_comment_view, name="comment"),
            path(
                "<int:pk>/mentions/<int:mention_id>/tone/",
                story_page.correct_tone_view,
                name="tone",
            ),
        ]


story_viewset = StoryViewSet(NAMESPACE, url_prefix="media-watch/stories")
