from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accreditation.pages import AccreditationPage
from citizen_requests.models import RequestFormPage, RequestStatusPage
from press_pages.models import (
    BriefingIndexPage,
    BriefingPage,
    FAQAnswerPage,
    FAQIndexPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    ObligatoryMessagePage,
)


class TreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                NewsIndexPage,
                BriefingIndexPage,
                FAQIndexPage,
                RequestFormPage,
                RequestStatusPage,
                AccreditationPage,
            },
        )

    def test_indexes_sit_under_the_home_page(self):
        for index in (NewsIndexPage, BriefingIndexPage, FAQIndexPage):
            self.assertAllowedParentPageTypes(index, {HomePage})

    def test_each_index_holds_only_its_items(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, ObligatoryMessagePage})
        self.assertAllowedSubpageTypes(BriefingIndexPage, {BriefingPage})
        self.assertAllowedSubpageTypes(FAQIndexPage, {FAQAnswerPage})

    def test_items_are_leaves(self):
        for leaf in (NewsPage, BriefingPage, FAQAnswerPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_items_cannot_be_created_outside_their_index(self):
        home = HomePage.objects.get(locale__language_code="kk")
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, BriefingPage)
        self.assertCanNotCreateAt(HomePage, FAQAnswerPage)
        self.assertTrue(NewsIndexPage.can_create_at(home))
