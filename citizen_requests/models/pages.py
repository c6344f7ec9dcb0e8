"""The public pages of the forms module: one form page per kind, and the status page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from press_pages.models import PublicPageMethods

from ..kinds import RequestKind

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class RequestFormPage(PublicPageMethods, Page):
    """A public form for one kind of request, introduced in the editor's own words."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = []

    kind = models.CharField(
        _("kind of request"),
        max_length=20,
        choices=RequestKind.choices,
        help_text=_("Decides the fields, the legal clocks and the registration number."),
    )
    intro = RichTextField(
        _("introduction"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("Who may file this request, what happens next and in how many days."),
    )
    anonymous_notice = RichTextField(
        _("why anonymous requests are refused"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_(
            "Shown beside the form. Explain that anonymous requests are not considered, and "
            "where to turn instead (for example the police for a reported crime)."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("anonymous_notice"),
    ]

    def serve(self, request, *args, **kwargs):
        # Django loads the page types with the models the views work on, so a page reaches
        # its views when it serves a request, not when its module loads.
        from ..views import serve_form

        request.is_preview = getattr(request, "is_preview", False)
        return serve_form(self, request)

    def status_page(self):
        """The live status page in this page's language, if there is one."""
        return RequestStatusPage.objects.live().filter(locale_id=self.locale_id).first()

    class Meta:
        verbose_name = _("request form page")


class RequestStatusPage(PublicPageMethods, Page):
    """Where requesters follow their case with its number and tracking code."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    def serve(self, request, *args, **kwargs):
        from ..views import serve_status

        request.is_preview = getattr(request, "is_preview", False)
        return serve_status(self, request)

    class Meta:
        verbose_name = _("request status page")
