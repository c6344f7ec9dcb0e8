"""The demo's accreditation: the accreditation page (kk, with ru and en through wagtail-localize),
an open intake, and one outlet with two accredited journalists.

Everything goes through :mod:`accreditation.services`, as the officer's admin does: the demo
accreditation officer opens the intake, the outlet applies, the officer approves. Safe to run
again: the page, the intake and the application (a fixed submission token) are reused. The page
and the intake's announcement are in ``data/<language>/pages.yaml``.
"""

import io
import uuid

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from PIL import Image, ImageDraw

from accreditation import services
from accreditation.models import Application, ApplicationJournalist
from accreditation.pages import AccreditationPage
from agency.uploads import CheckedFile

from .content import ACCREDITATION_ANNOUNCEMENT, ACCREDITATION_PAGE
from .fields import demo_key
from .localize import translate
from .roles import demo_user
from .seeding import SEED_SETTINGS

TRANSLATED = ("ru", "en")
#: The demo application's double-submit token: a second run finds it and adds nothing.
DEMO_SUBMISSION = uuid.UUID("6d0c5a2e-8f3b-4c1e-9a77-acc12ed17a01")

#: A fictional outlet and journalists; the BIN and IINs are synthetic with valid checksums.
OUTLET = {
    "outlet_name": "Qazaq Aqparat",
    "registration_number": "KZ45VPY00012345",
    "bin": "040140000018",
    "editor_in_chief": "Сәуле Ахметова",
    "contact_email": "editor@qazaq-aqparat.example.kz",
    "contact_phone": "+7 717 255 00 11",
    "website": "https://qazaq-aqparat.example.kz",
    "list_publicly": True,
}
JOURNALISTS = [
    {
        "full_name": "Айдос Серіков",
        "position": "Саяси шолушы",
        "iin": "900115300122",
        "email": "aidos.serikov@qazaq-aqparat.example.kz",
        "phone": "+7 701 555 01 02",
        "color": (70, 110, 150),
    },
    {
        "full_name": "Мария Ким",
        "position": "Фототілші",
        "iin": "850325400565",
        "email": "maria.kim@qazaq-aqparat.example.kz",
        "phone": "+7 702 555 03 04",
        "color": (150, 90, 70),
    },
]


def _page(code: str, **extra) -> AccreditationPage:
    return AccreditationPage(
        title=ACCREDITATION_PAGE["title"][code],
        slug=ACCREDITATION_PAGE["slug"][code],
        intro=ACCREDITATION_PAGE["intro"][code],
        **extra,
    )


def portrait(color: tuple[int, int, int]) -> CheckedFile:
    """A plain drawn portrait (head and shoulders) for a demo card."""
    image = Image.new("RGB", (300, 400), (235, 238, 242))
    draw = ImageDraw.Draw(image)
    draw.ellipse((95, 70, 205, 190), fill=(224, 190, 160))
    draw.rounded_rectangle((50, 220, 250, 420), radius=60, fill=color)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    data = buffer.getvalue()
    return CheckedFile(data, "image/jpeg", ".jpg", "portrait.jpg", len(data))


def seed_accreditation_page(seeder) -> AccreditationPage:
    kk = seeder.locales["kk"]
    key = demo_key("accreditation-page", "page")
    page = AccreditationPage.objects.filter(translation_key=key, locale=kk).first()
    if page is None:
        page = _page("kk", show_in_menus=True, locale=kk, translation_key=key)
        seeder._add(seeder.home, page)
        seeder._publish(page, timezone.now())
    for code in TRANSLATED:
        locale = seeder.locales[code]
        if seeder._existing_translation(page, locale) is None:
            target = translate(page, locale, _page(code), user=seeder.editor)
            seeder._count(target, code)
            seeder._publish(target, *seeder._translation_dates(page))
    return page


def seed_intake_and_journalists() -> None:
    officer = demo_user("accreditation_officer")
    if officer is None:
        return
    today = timezone.localdate()
    if services.current_intake(today) is None:
        services.open_intake(
            user=officer,
            opens_on=today,
            announcement_kk=ACCREDITATION_ANNOUNCEMENT.kk,
            announcement_ru=ACCREDITATION_ANNOUNCEMENT.ru,
            announcement_en=ACCREDITATION_ANNOUNCEMENT.en,
        )
    if Application.objects.filter(submission_token=DEMO_SUBMISSION).exists():
        return
    data = services.ApplicationData(
        **OUTLET,
        journalists=[
            services.JournalistData(
                full_name=person["full_name"],
                position=person["position"],
                iin=person["iin"],
                email=person["email"],
                phone=person["phone"],
                photo=portrait(person["color"]),
                notices_opt_in=True,
            )
            for person in JOURNALISTS
        ],
    )
    application, _created = services.apply(
        kind="permanent", data=data, language="kk", submission_token=DEMO_SUBMISSION
    )
    for journalist in application.journalists.filter(
        decision=ApplicationJournalist.Decision.PENDING
    ):
        services.approve(journalist, user=officer)


def seed_accreditation(seeder) -> None:
    """Add the accreditation page, an open intake and two accredited journalists.

    ``seeder`` is the :class:`demo.builder.DemoSeeder` that has just run.
    """
    with override_settings(**SEED_SETTINGS), transaction.atomic():
        seed_accreditation_page(seeder)
        seed_intake_and_journalists()
        seeder.run_deferred_tasks()
