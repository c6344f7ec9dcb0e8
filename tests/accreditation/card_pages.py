"""The accreditation page in a language, for the tests of cards, verification and outlets."""

from accreditation.pages import AccreditationPage
from tests.press_pages.factories import kk_home, translate


def accreditation_page(language: str = "kk") -> AccreditationPage:
    """The live accreditation page in ``language`` (kk under the home page, others translated)."""
    page = AccreditationPage.objects.filter(locale__language_code=language).first()
    if page:
        return page
    source = AccreditationPage.objects.filter(locale__language_code="kk").first()
    if source is None:
        source = kk_home().add_child(
            instance=AccreditationPage(title="Журналистерді аккредиттеу", slug="accreditation")
        )
    return source if language == "kk" else translate(source, language, title="Аккредитация")
