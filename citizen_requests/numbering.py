"""Registration numbers: one gap-free series per kind of record and year.

Requests, accreditation applications and accreditation cards all take their numbers here, so
the agency has one numbering scheme. Call :func:`next_number` inside ``transaction.atomic``: the
counter row stays locked until the transaction ends, and a rollback gives the number back.
"""

from .kinds import NUMBER_PREFIXES
from .models import RequestCounter

#: Prefixes of the series that are not request kinds.
SERIES_PREFIXES = {
    **{str(kind): prefix for kind, prefix in NUMBER_PREFIXES.items()},
    "accreditation": "АКК",
    "card": "КАР",
}


def format_number(series: str, year: int, sequence: int) -> str:
    return f"{SERIES_PREFIXES[str(series)]}-{year}-{sequence:06d}"


def lock(series: str, year: int) -> RequestCounter:
    """Lock the counter row of ``series`` in ``year`` until the transaction ends."""
    counter, _created = RequestCounter.objects.select_for_update().get_or_create(
        kind=str(series), year=year
    )
    return counter


def take(counter: RequestCounter) -> tuple[int, str]:
    """Take the next number from a counter :func:`lock` returned."""
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, format_number(counter.kind, counter.year, counter.last)


def next_number(series: str, year: int) -> tuple[int, str]:
    """Take the next number of ``series`` in ``year``: ``(sequence, formatted number)``."""
    return take(lock(series, year))
