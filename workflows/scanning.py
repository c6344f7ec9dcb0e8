"""The restricted information in what a page revision would publish.

``scan_object``/``scan_revision`` run ``workflows.restricted.scan_text`` over the texts
``workflows.page_texts`` finds, with the current stop-list and the agency's own contacts
allowed, and return a :class:`Report` that is safe to store: excerpts are masked. A document
whose text could not be read is reported too, as a warning for a human to check.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils.translation import gettext

from agency.cache import current_generation
from agency.models import AgencyProfile

from .configuration import StopListTerm
from .page_texts import DocumentProblem, PageWalker
from .restricted import BLOCK, WARN, AllowList, Finding, StopList, StopTerm, mask, scan_text
from .scan_cache import cache_get, cache_set

logger = logging.getLogger(__name__)

ALLOW_LIST_CACHE_SECONDS = 24 * 60 * 60

UNREADABLE = "document_unreadable"


@dataclass
class Report:
    """The findings of a scan and how much was scanned; ``as_dict`` is safe to store."""

    findings: list[Finding] = field(default_factory=list)
    scanned_fields: int = 0
    scanned_chars: int = 0
    stop_list_size: int = 0

    def blocking(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.severity == BLOCK]

    def as_dict(self) -> dict:
        return {
            "findings": [finding.as_dict() for finding in self.findings],
            "scanned_fields": self.scanned_fields,
            "scanned_chars": self.scanned_chars,
            "stop_list_size": self.stop_list_size,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        return cls(
            findings=[Finding(**finding) for finding in data.get("findings", [])],
            scanned_fields=data.get("scanned_fields", 0),
            scanned_chars=data.get("scanned_chars", 0),
            stop_list_size=data.get("stop_list_size", 0),
        )


# ---------------------------------------------------------------------------
# Stop-list and allow-list

_stop_list_lock = threading.Lock()
_stop_list_memo: tuple[tuple, StopList] | None = None


def current_stop_list() -> StopList:
    """The active stop-list terms, rebuilt in this process only when they change."""
    global _stop_list_memo

    active = StopListTerm.objects.filter(active=True)
    version = tuple(
        active.aggregate(count=Count("pk"), latest=Max("updated_at"), last=Max("pk")).values()
    )
    memo = _stop_list_memo
    if memo is not None and memo[0] == version:
        return memo[1]
    # Plain tuples: 10,000 model instances (and their dates) cost more than the automaton.
    rows = active.order_by("pk").values_list("pk", "phrase", "severity", "legal_basis", "language")
    terms = [
        StopTerm(
            phrase=phrase,
            severity=severity,
            legal_basis=legal_basis,
            rule=f"stop_list.{pk}",
            language=language,
        )
        for pk, phrase, severity, legal_basis, language in rows
    ]
    stop_list = StopList(terms)
    with _stop_list_lock:
        _stop_list_memo = (version, stop_list)
    return stop_list


def current_allow_list() -> AllowList:
    """The agency's own public phones and e-mails, in every language: never findings."""

    key = f"scan:allow-list:v1:{current_generation()}"
    cached = cache_get(key)
    if cached is None:
        phones, emails = set(), set()
        for row in AgencyProfile.objects.values(
            "phone", "email", "press_secretary_phone", "press_secretary_email"
        ):
            phones.update(p for p in (row["phone"], row["press_secretary_phone"]) if p)
            emails.update(e for e in (row["email"], row["press_secretary_email"]) if e)
        cached = (sorted(phones), sorted(emails))
        cache_set(key, cached, ALLOW_LIST_CACHE_SECONDS)
    phones, emails = cached
    return AllowList.build(phones=phones, emails=emails)


# ---------------------------------------------------------------------------
# Scans


def _problem_note(reason: str) -> str:
    if reason == "too_large":
        return gettext(
            "The document is too large to be checked automatically; check its text by hand."
        )
    if reason == "missing":
        return gettext("The document's file is missing; check it by hand.")
    return gettext(
        "The document could not be read (damaged, encrypted or of an unknown format); "
        "check its text by hand."
    )


def _masked(text: str, findings: list[Finding]) -> str:
    """``text`` with every finding in it masked, for excerpts outside the scanner."""
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = (
            text[: finding.start]
            + mask(finding.category, text[finding.start : finding.end])
            + text[finding.end :]
        )
    return text


def _problem_finding(problem: DocumentProblem, title_findings: list[Finding]) -> Finding:
    identity = f"{UNREADABLE}|{problem.document_id}|{problem.reason}"
    return Finding(
        category=UNREADABLE,
        severity=WARN,
        rule=f"document.{problem.reason}",
        start=0,
        end=0,
        excerpt=_masked(problem.title, title_findings),
        legal_basis=_problem_note(problem.reason),
        field=problem.field,
        fingerprint=hashlib.sha256(identity.encode()).hexdigest()[:16],
    )


def _page_languages(page) -> tuple[str, ...] | None:
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return None
    return (page.locale.language_code,)


def scan_object(
    page,
    *,
    stop_list: StopList | None = None,
    allow_list: AllowList | None = None,
    languages: Iterable[str] | None = None,
) -> Report:
    """Scan what ``page`` (a page object, typically a revision's) would publish.

    The stop-list terms checked are those of the page's language and those for
    any language, unless ``languages`` says otherwise.
    """
    stop_list = current_stop_list() if stop_list is None else stop_list
    allow_list = current_allow_list() if allow_list is None else allow_list
    languages = _page_languages(page) if languages is None else tuple(languages)
    walker = PageWalker()
    report = Report(stop_list_size=len(stop_list))
    for part in walker.page(page):
        report.scanned_fields += 1
        report.scanned_chars += len(part.text)
        report.findings.extend(
            scan_text(
                part.text,
                stop_list=stop_list,
                allow_list=allow_list,
                languages=languages,
                field=part.field,
            )
        )
    for problem in walker.problems:
        title_findings = scan_text(
            problem.title, stop_list=stop_list, allow_list=allow_list, languages=languages
        )
        report.findings.append(_problem_finding(problem, title_findings))
    return report


def scan_revision(revision) -> Report:
    """Scan what publishing ``revision`` would put online."""
    return scan_object(revision.as_object())


def scan_text_report(text: str, languages: Iterable[str] | None = None) -> Report:
    """Scan a text on its own (the command line's input); offsets are into ``text``."""
    stop_list = current_stop_list()
    languages = tuple(languages) if languages is not None else None
    findings = scan_text(
        text, stop_list=stop_list, allow_list=current_allow_list(), languages=languages
    )
    return Report(
        findings=findings,
        scanned_fields=1 if text.strip() else 0,
        scanned_chars=len(text),
        stop_list_size=len(stop_list),
    )
