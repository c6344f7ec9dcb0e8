"""The load generator: many requests fast, numbered without gaps, in a realistic mix of states."""

from django.core.management import call_command
from django.utils import timezone

import pytest

from agency.models import RegisterCounter
from citizen_requests.kinds import RequestKind, Status
from citizen_requests.models import CitizenRequest
from tests.citizen_requests.factories import CitizenRequestFactory

pytestmark = pytest.mark.django_db


def test_generates_numbered_requests_in_every_state(capsys):
    call_command("generate_requests", count=3000, executors=3, units=4)
    assert "Created 3000 requests" in capsys.readouterr().out
    assert CitizenRequest.objects.count() == 3000
    for counter in RegisterCounter.objects.all():
        sequences = sorted(
            CitizenRequest.objects.filter(kind=counter.series, year=counter.year).values_list(
                "sequence", flat=True
            )
        )
        assert sequences == list(range(1, counter.last + 1)), "no gaps, no duplicates"
    statuses = set(CitizenRequest.objects.values_list("status", flat=True))
    assert {Status.ANSWERED, Status.IN_PROGRESS, Status.REFUSED, Status.FORWARDED} <= statuses
    assert set(CitizenRequest.objects.values_list("kind", flat=True)) == set(RequestKind.values)
    today = timezone.localdate()
    overdue = CitizenRequest.objects.exclude(status__in=Status.closed()).filter(
        answer_due__lt=today
    )
    assert overdue.exists()
    assert not CitizenRequest.objects.filter(status=Status.ANSWERED, closed_at__isnull=True)
    assert not CitizenRequest.objects.filter(
        status=Status.IN_PROGRESS, executor__isnull=True
    ).exists()


def test_numbers_continue_the_existing_counters():
    year = timezone.localdate().year
    existing = CitizenRequestFactory(kind=RequestKind.MEDIA, year=year, sequence=1)
    RegisterCounter.objects.create(series=RequestKind.MEDIA, year=year, last=1)
    call_command("generate_requests", count=400, days=1, executors=1, units=1)
    media = CitizenRequest.objects.filter(kind=RequestKind.MEDIA, year=year).exclude(pk=existing.pk)
    assert media.exists()
    assert min(media.values_list("sequence", flat=True)) == 2
