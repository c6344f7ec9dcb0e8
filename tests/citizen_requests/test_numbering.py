"""Registration numbers under concurrent submissions on PostgreSQL: unique and without gaps.

Each thread has its own database connection and transaction, as parallel web requests do. Some
registrations fail after taking their number; a pair of threads submits the same form twice.
Skipped on SQLite, which serialises writers and cannot show the race.
"""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections

import pytest

from agency.models import RegisterCounter
from citizen_requests.kinds import RequestKind
from citizen_requests.models import CitizenRequest
from citizen_requests.registration import register

# Serialized rollback: the flush after this transactional test leaves the database as the
# browser tests, which restore the same snapshot, expect it.
pytestmark = [
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="the numbering race needs PostgreSQL (DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 12
SUBMISSIONS = 40
FIELDS = {
    "requester_type": "individual",
    "full_name": "Асқар Тестов",
    "iin": "900115300122",
    "email": "",
    "channel": "post",
    "postal_address": "Астана",
    "subject": "Параллель",
    "text": "Бір уақытта жіберілген сұрау.",
}


def _submit(barrier: threading.Barrier, n: int, shared_token: uuid.UUID):
    barrier.wait()
    try:
        data = dict(FIELDS)
        if n % 7 == 3:
            data["outgoing_date"] = "not a date"  # fails after taking its number
        token = shared_token if n in (0, 1) else uuid.uuid4()
        try:
            request, code = register(
                kind=RequestKind.INFORMATION,
                language="kk",
                data=data,
                files=[],
                submission_token=token,
            )
        except ValidationError:
            return None
        return request.number, code
    finally:
        connections.close_all()


def test_parallel_submissions_get_unique_consecutive_numbers():
    barrier = threading.Barrier(THREADS)
    shared = uuid.uuid4()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [
            pool.submit(_submit, _barrier_for(barrier, n), n, shared) for n in range(SUBMISSIONS)
        ]
        results = [future.result(timeout=120) for future in futures]

    failed = sum(1 for n in range(SUBMISSIONS) if n % 7 == 3)
    stored = list(CitizenRequest.objects.order_by("sequence").values_list("sequence", "number"))
    expected = SUBMISSIONS - failed - 1  # the double submit made one request
    assert len(stored) == expected
    assert [sequence for sequence, _number in stored] == list(range(1, expected + 1))
    assert len({number for _sequence, number in stored}) == expected
    assert RegisterCounter.objects.get(series=RequestKind.INFORMATION).last == expected

    pair = [results[0], results[1]]
    assert pair[0][0] == pair[1][0], "one number for the double submit"
    assert sorted(code is None for _number, code in pair) == [False, True]


def _barrier_for(barrier: threading.Barrier, n: int):
    """The first THREADS submissions start together; later ones start as workers free up."""
    return barrier if n < THREADS else _NoBarrier()


class _NoBarrier:
    def wait(self):
        return 0
