"""The accreditation forms in Chromium: axe-core finds no serious or critical problem on the
page with its form, the form with errors, the temporary form, the signing page and the
acknowledgement."""

import datetime

from django.utils import timezone

import pytest

from tests.accreditation.factories import VALID_BIN, VALID_IIN, IntakeFactory, accreditation_page
from tests.accreditation.helpers import SIGNER_IIN
from tests.browser.axe import serious_violations
from tests.browser.conftest import DESKTOP
from tests.press_pages.factories import BriefingIndexPageFactory, BriefingPageFactory, kk_home

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_accreditation_forms_are_accessible(new_page, tmp_path):
    from tests.accreditation.factories import jpeg_bytes

    page = accreditation_page()
    IntakeFactory()
    starts = timezone.now() + datetime.timedelta(days=10)
    BriefingPageFactory(
        parent=BriefingIndexPageFactory(parent=kk_home()),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
    )
    browser_page = new_page(viewport=DESKTOP)
    problems = []
    assert browser_page.goto(page.url).status == 200
    problems += serious_violations(browser_page, "form")
    browser_page.click("[data-submit]")
    browser_page.wait_for_selector("[data-error-summary]")
    problems += serious_violations(browser_page, "form with errors")
    assert browser_page.goto(page.url + "temporary/").status == 200
    problems += serious_violations(browser_page, "temporary")

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_bytes())
    browser_page.goto(page.url)
    browser_page.fill("#id_outlet_name", "Qazaq Times")
    browser_page.fill("#id_bin", VALID_BIN)
    browser_page.fill("#id_editor_in_chief", "Сәуле Ахметова")
    browser_page.fill("#id_signer_iin", SIGNER_IIN)
    browser_page.fill("#id_contact_email", "editor@qazaqtimes.example.kz")
    browser_page.fill("#id_journalists-0-full_name", "Айдос Серіков")
    browser_page.fill("#id_journalists-0-position", "Тілші")
    browser_page.fill("#id_journalists-0-iin", VALID_IIN)
    browser_page.fill("#id_journalists-0-email", "aidos@qazaqtimes.example.kz")
    browser_page.set_input_files("#id_journalists-0-photo", str(photo))
    browser_page.check("#id_consent")
    browser_page.click("[data-submit]")
    browser_page.wait_for_selector("[data-signed-rows]")
    problems += serious_violations(browser_page, "signing")
    browser_page.click("[data-unsigned-button]")
    browser_page.wait_for_selector("[data-acknowledgement]")
    problems += serious_violations(browser_page, "acknowledgement")
    assert not problems, "axe-core found serious or critical violations:\n" + "\n".join(problems)
