"""Factories for the accreditation app: outlets, applications, accreditations, registrations.

Dates are set directly; tests of the clocks and of numbering go through
``accreditation.services``. Numbers made here sit high in the series (900000+) so they never
collide with numbers taken from ``agency.numbering`` in the same test.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone

import factory
from factory.django import DjangoModelFactory
from PIL import Image

from accreditation.models import (
    Accreditation,
    AccreditationType,
    Application,
    ApplicationJournalist,
    EventRegistration,
    Intake,
    Outlet,
)
from agency.numbering import format_number

#: Synthetic IINs and a BIN that pass the checksum (legal-basis §5.2).
VALID_IIN = "900115300122"
VALID_BIN = "040140000018"
OTHER_IIN = "850325400565"


def jpeg_bytes(size=(60, 80), color=(200, 180, 160)) -> bytes:
    """A small real JPEG (checked by content with Pillow)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def png_bytes(size=(60, 80), color=(120, 140, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


def photo_file(name="photo.jpg") -> ContentFile:
    return ContentFile(jpeg_bytes(), name=name)


class OutletFactory(DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Qazaq Media {n}")
    registration_number = factory.Sequence(lambda n: f"KZ{n:05d}VV")
    bin = VALID_BIN
    is_foreign = False
    editor_in_chief = "Сәуле Ахметова"
    email = factory.Sequence(lambda n: f"editor{n}@media.example.kz")
    phone = "+7 717 200 00 00"
    website = "https://media.example.kz"
    list_publicly = True


class IntakeFactory(DjangoModelFactory):
    """An intake open today and for two more weeks (dates set directly)."""

    class Meta:
        model = Intake

    opens_on = factory.LazyFunction(timezone.localdate)
    closes_on = factory.LazyAttribute(lambda o: o.opens_on + datetime.timedelta(days=14))
    announcement_kk = "Тұрақты аккредиттеуге өтінімдер қабылдау басталды."
    announcement_ru = "Начат приём заявок на постоянную аккредитацию."
    announcement_en = "Applications for permanent accreditation are open."


class ApplicationFactory(DjangoModelFactory):
    """A pending permanent application, received now, review due in three days."""

    class Meta:
        model = Application

    number = factory.Sequence(
        lambda n: format_number("accreditation", timezone.localdate().year, 900000 + n)
    )
    kind = AccreditationType.PERMANENT
    intake = factory.SubFactory(IntakeFactory)
    outlet = factory.SubFactory(OutletFactory)
    editor_in_chief = factory.LazyAttribute(lambda o: o.outlet.editor_in_chief)
    contact_email = factory.LazyAttribute(lambda o: o.outlet.email or "editor@media.example.kz")
    contact_phone = "+7 717 200 00 00"
    language = "kk"
    status = Application.Status.PENDING
    received_at = factory.LazyFunction(timezone.now)
    review_due = factory.LazyAttribute(
        lambda o: timezone.localtime(o.received_at).date() + datetime.timedelta(days=3)
    )
    consent_at = factory.LazyFunction(timezone.now)


class ApplicationJournalistFactory(DjangoModelFactory):
    class Meta:
        model = ApplicationJournalist

    application = factory.SubFactory(ApplicationFactory)
    full_name = factory.Sequence(lambda n: f"Журналист Тестов {n}")
    position = "Тілші"
    iin = VALID_IIN
    photo = factory.LazyFunction(photo_file)
    email = factory.Sequence(lambda n: f"journalist{n}@media.example.kz")
    phone = "+7 701 111 11 11"


class AccreditationFactory(DjangoModelFactory):
    """An active permanent accreditation, valid today (from today to a year less a day)."""

    class Meta:
        model = Accreditation

    card_number = factory.Sequence(
        lambda n: format_number("card", timezone.localdate().year, 900000 + n)
    )
    kind = AccreditationType.PERMANENT
    outlet = factory.SubFactory(OutletFactory)
    journalist = None
    full_name = factory.Sequence(lambda n: f"Айдос Журналистов {n}")
    position = "Тілші"
    iin = VALID_IIN
    email = factory.Sequence(lambda n: f"card{n}@media.example.kz")
    phone = "+7 701 222 22 22"
    photo = factory.LazyFunction(photo_file)
    valid_from = factory.LazyFunction(timezone.localdate)
    valid_until = factory.LazyAttribute(
        lambda o: (
            o.valid_from.replace(year=o.valid_from.year + 1) - datetime.timedelta(days=1)
            if not (o.valid_from.month == 2 and o.valid_from.day == 29)
            else datetime.date(o.valid_from.year + 1, 2, 28)
        )
    )
    status = Accreditation.Status.ACTIVE
    notices_opt_in = True

    class Params:
        expired = factory.Trait(
            valid_from=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=400)
            ),
            valid_until=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=35)
            ),
        )
        deprived = factory.Trait(
            status=Accreditation.Status.DEPRIVED,
            deprived_at=factory.LazyFunction(timezone.now),
            deprivation_ground="rules_breach",
            barred_until=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=182)
            ),
        )


class EventRegistrationFactory(DjangoModelFactory):
    """A confirmed registration. Pass ``briefing=`` (a BriefingPage, e.g. from
    ``tests.press_pages.factories.BriefingPageFactory``)."""

    class Meta:
        model = EventRegistration

    accreditation = factory.SubFactory(AccreditationFactory)
    status = EventRegistration.Status.REGISTERED
    confirmed_at = factory.LazyFunction(timezone.now)


def accreditation_page(language: str = "kk"):
    """The live accreditation page in ``language`` (kk under the home page, others translated)."""
    from accreditation.pages import AccreditationPage
    from tests.press_pages.factories import kk_home, translate

    page = AccreditationPage.objects.filter(locale__language_code=language).first()
    if page:
        return page
    source = AccreditationPage.objects.filter(locale__language_code="kk").first()
    if source is None:
        source = kk_home().add_child(
            instance=AccreditationPage(title="Журналистерді аккредиттеу", slug="accreditation")
        )
    return source if language == "kk" else translate(source, language, title="Аккредитация")
