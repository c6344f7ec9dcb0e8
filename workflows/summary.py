"""Blocking findings in one short sentence, for messages and the editor's action menu.

The Review tab lists every finding with its place and legal basis; a message only names what
blocks and where, in the reader's language, so the editor knows what to fix before opening it.
"""

from django.utils.translation import gettext

from .panels import finding_from_dict, finding_rows
from .restricted import BLOCK, Finding

SHOWN = 3


def blocking_in_report(report: dict | None) -> list[Finding]:
    """The blocking findings of a stored check report (``RestrictedInformationCheckTaskState``)."""
    return [
        finding_from_dict(data)
        for data in (report or {}).get("findings", [])
        if data.get("severity") == BLOCK
    ]


def brief_findings(page, findings: list[Finding]) -> str:
    """ "Personal identification number (ИИН) in Body, block 2; … and 2 more." for ``page``."""
    rows = finding_rows(findings, page=page)
    parts = [
        gettext("%(category)s in %(place)s")
        % {"category": row.category_label, "place": _place(row)}
        for row in rows[:SHOWN]
    ]
    text = "; ".join(parts)
    if len(rows) > SHOWN:
        return text + " " + gettext("and %(count)d more.") % {"count": len(rows) - SHOWN}
    return text + "."


def _place(row) -> str:
    if row.language and not row.own_language:
        return f"{row.location} ({row.language_name})"
    return row.location
