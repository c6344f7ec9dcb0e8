"""The public accreditation page: the intake and its application forms, card verification,
and the list of accredited outlets, each a route of one page per language tree."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from press_pages.models import PublicPageMethods

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class AccreditationPage(PublicPageMethods, RoutablePageMixin, Page):
    """Accreditation of journalists: how to apply, the open intake, cards and outlets."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(
        _("introduction"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("Who may apply, what to attach, and how long the review takes."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("accreditation page")

    @path("", name="apply")
    def apply(self, request):
        from .views.apply import permanent_application

        return permanent_application(request, self)

    @path("temporary/", name="temporary")
    def temporary(self, request):
        from .views.apply import temporary_application

        return temporary_application(request, self)

    @re_path(r"^verify/(?P<token>[A-Za-z0-9_-]{20,100})/$", name="verify")
    def verify(self, request, token):
        from .views.verify import verify_card

        return verify_card(request, self, token)

    @re_path(r"^verify/(?P<token>[A-Za-z0-9_-]{20,100})/photo/$", name="verify_photo")
    def verify_photo(self, request, token):
        from .views.verify import card_photo

        return card_photo(request, self, token)

    @re_path(r"^notices/(?P<signed>[A-Za-z0-9_-]{1,200})/$", name="notices")
    def notices(self, request, signed):
        from .views.notices import notice_settings

        return notice_settings(request, self, signed)

    @path("outlets/", name="outlets")
    def outlets(self, request):
        from .views.outlets import outlet_list

        return outlet_list(request, self)

    @path("interview/", name="interview")
    def interview(self, request):
        from .views.events import interview_request

        return interview_request(request, self)
