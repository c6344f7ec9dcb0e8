"""Dates and times as people read them: the Asia/Almaty day or time, in the format of the
active language (``cms/formats`` for Kazakh, Django's own for Russian and English).

For text that a person reads: messages, letters, PDFs. Machine fields (``<time datetime>``,
feeds, iCalendar, JSON, audit-log data, file names) keep ISO 8601.
"""

import datetime

from django.utils.formats import date_format

from .calendar import LOCAL_TZ, local_date


def local_day(value: datetime.date | datetime.datetime, fmt: str = "DATE_FORMAT") -> str:
    """The Asia/Almaty day of ``value`` (a date, or a moment: a naive one is taken as Almaty
    time) in the active language's ``fmt``."""
    if isinstance(value, datetime.datetime):
        value = local_date(value)
    return date_format(value, fmt)


def local_moment(value: datetime.datetime, fmt: str = "DATETIME_FORMAT") -> str:
    """The Asia/Almaty date and time of ``value`` in the active language's ``fmt``."""
    if value.tzinfo is not None:
        value = value.astimezone(LOCAL_TZ)
    return date_format(value, fmt)
