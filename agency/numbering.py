"""Registration numbers: one gap-free series per kind of record and year.

Every register of the agency (requests, accreditation applications, accreditation cards and
whatever comes next) takes its numbers here, so the agency has one numbering scheme: a prefix,
the year and a six-digit sequence, ``АҚ-2026-000042``. A service names its series and their
prefixes with :func:`register_series` when it starts (its ``AppConfig.ready``).

Call :func:`next_number` inside ``transaction.atomic``: the counter row stays locked until the
transaction ends, and a rollback gives the number back.
"""

from .models import RegisterCounter

_PREFIXES: dict[str, str] = {}


def register_series(prefixes: dict[str, str]) -> None:
    """Name the prefix of each series, ``{series: prefix}``. A prefix may belong to one series."""
    for series, prefix in prefixes.items():
        taken = {p: s for s, p in _PREFIXES.items()}
        if taken.get(prefix, str(series)) != str(series):
            raise ValueError(f"Prefix {prefix!r} already numbers the series {taken[prefix]!r}")
        _PREFIXES[str(series)] = prefix


def format_number(series: str, year: int, sequence: int) -> str:
    return f"{_PREFIXES[str(series)]}-{year}-{sequence:06d}"


def lock(series: str, year: int) -> RegisterCounter:
    """Lock the counter row of ``series`` in ``year`` until the transaction ends."""
    if str(series) not in _PREFIXES:
        raise KeyError(f"No register series {series!r}: name it with register_series()")
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        series=str(series), year=year
    )
    return counter


def take(counter: RegisterCounter) -> tuple[int, str]:
    """Take the next number from a counter :func:`lock` returned."""
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, format_number(counter.series, counter.year, counter.last)


def next_number(series: str, year: int) -> tuple[int, str]:
    """Take the next number of ``series`` in ``year``: ``(sequence, formatted number)``."""
    return take(lock(series, year))
