"""Factories for the forms module's models."""

import datetime

from django.utils import timezone, translation

import factory
from factory.django import DjangoModelFactory

from citizen_requests.kinds import NUMBER_PREFIXES, RequesterType, RequestKind, Status
from citizen_requests.models import CitizenRequest, RequestEvent, Unit


def kk(msgid: str, **params) -> str:
    """``msgid`` as the kk catalogue gives it, with ``params``: public pages and forms are in kk."""
    with translation.override("kk"):
        text = translation.gettext(msgid)
    return text % params if params else text


#: A synthetic IIN that passes the checksum (legal-basis §5.2).
VALID_IIN = "900115300122"


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Unit {n}")
    email = factory.LazyAttribute(lambda o: f"unit{abs(hash(o.name)) % 10000}@agency.example.kz")


class CitizenRequestFactory(DjangoModelFactory):
    """A registered information request from an individual, received now, due in 15 days.

    Dates are set directly, not computed by the deadline engine; tests of the clocks go
    through ``citizen_requests.registration``.
    """

    class Meta:
        model = CitizenRequest

    kind = RequestKind.INFORMATION
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    sequence = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(
        lambda o: f"{NUMBER_PREFIXES[RequestKind(o.kind)]}-{o.year}-{o.sequence:06d}"
    )
    status = Status.REGISTERED
    language = "kk"
    requester_type = RequesterType.INDIVIDUAL
    full_name = "Асқар Тестов"
    iin = VALID_IIN
    email = factory.Sequence(lambda n: f"citizen{n}@example.kz")
    phone = "+7 701 000 00 00"
    subject = "Бюджет туралы"
    text = "2026 жылғы бюджеттің орындалуы туралы ақпарат беруіңізді сұраймын."
    consent_at = factory.LazyFunction(timezone.now)
    received_at = factory.LazyFunction(timezone.now)
    registered_on = factory.LazyAttribute(lambda o: timezone.localtime(o.received_at).date())
    answer_due = factory.LazyAttribute(lambda o: o.registered_on + datetime.timedelta(days=15))
    tracking_digest = factory.LazyAttribute(
        lambda o: CitizenRequest.tracking_digest_for(o.tracking_code)
    )

    class Params:
        tracking_code = "TEST-CODE-0001"


class RequestEventFactory(DjangoModelFactory):
    class Meta:
        model = RequestEvent

    request = factory.SubFactory(CitizenRequestFactory)
    action = RequestEvent.Action.NOTE
