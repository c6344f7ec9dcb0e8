"""The public accreditation page: the intake and its application forms, card verification,
the list of accredited outlets and the interview request, each a route of one page per language
tree.

The page is a model and imports no view: its routes are given by :mod:`accreditation.routes`
through the ``register_accreditation_page_routes`` hook, as the briefing pages' registration
routes are, so views, services and this model depend one way.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from press_pages.models import PublicPageMethods
from press_pages.routes import ContributedRoutesMixin

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]

#: Wagtail hook: functions returning the accreditation page's URL patterns.
ACCREDITATION_PAGE_ROUTES_HOOK = "register_accreditation_page_routes"


class AccreditationPage(PublicPageMethods, ContributedRoutesMixin, Page):
    """Accreditation of journalists: how to apply, the open intake, cards and outlets."""

    parent_page_types = ["press_pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    routes_hook = ACCREDITATION_PAGE_ROUTES_HOOK

    intro = RichTextField(
        _("introduction"),
        features=INTRO_FEATURES,
        blank=True,
        help_text=_("Who may apply, what to attach, and how long the review takes."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("accreditation page")
