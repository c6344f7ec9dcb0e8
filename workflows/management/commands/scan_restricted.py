"""Check a text, a document or a page for restricted information from the command line."""

import bisect
import json
import sys
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from wagtail.models import Page

from workflows.documents import UnreadableDocument, extract_text
from workflows.restricted import BLOCK
from workflows.scanning import Report, scan_object, scan_text_report

LANGUAGES = ("kk", "ru", "en")
DOCUMENT_SIGNATURES = (b"%PDF", b"PK\x03\x04")
# Exit status when the input cannot be read (1 means blocking findings).
ERROR = 2


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


class Command(BaseCommand):
    help = gettext_lazy(
        "Check a text for restricted information (personal data, stop-list terms). Reads a "
        "UTF-8 text, PDF or DOCX file, standard input (no PATH or “-”), or with --page the "
        "latest revision of one page: only that page, not its translations. Exits with status "
        "1 when a finding blocks publication, 2 when the input cannot be read."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help=gettext_lazy(
                "A UTF-8 text, PDF or DOCX file; “-” or nothing reads standard input."
            ),
        )
        parser.add_argument(
            "--lang",
            choices=LANGUAGES,
            help=gettext_lazy(
                "Language of the text: stop-list terms of other languages are skipped. Also the "
                "language of the output. A page is always checked in its own language."
            ),
        )
        parser.add_argument(
            "--format",
            choices=("text", "json"),
            default="text",
            help=gettext_lazy(
                "“text” (default): one line per finding and a summary; “json”: only a JSON "
                "array of findings, with masked excerpts."
            ),
        )
        parser.add_argument(
            "--page",
            type=int,
            metavar="ID",
            help=gettext_lazy(
                "Check the latest revision of the page with this ID. Only that page is "
                "checked: a Kazakh page is checked without its Russian and English translations."
            ),
        )

    def handle(self, *args, path=None, lang=None, format="text", page=None, **options):
        with translation.override(lang) if lang else nullcontext():
            if page is not None:
                if path is not None:
                    raise CommandError(
                        _("Give either a PATH or --page, not both."), returncode=ERROR
                    )
                report, text = self.scan_page(page), None
            else:
                text = self.read(path)
                report = scan_text_report(text, languages=[lang] if lang else None)
            if format == "json":
                self.write_json(report, with_field=page is not None)
            else:
                self.write_text(report, text)
        if report.blocking():
            raise SystemExit(1)

    # -- input ---------------------------------------------------------------

    def read(self, path: str | None) -> str:
        if path is None or path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode()
            name = _("standard input")
        else:
            name = path
            try:
                data = Path(path).read_bytes()
            except OSError as error:
                raise CommandError(
                    _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror},
                    returncode=ERROR,
                ) from None
        if data.startswith(DOCUMENT_SIGNATURES):
            try:
                return extract_text(data)
            except UnreadableDocument:
                raise CommandError(
                    _(
                        "Cannot read %(path)s: the document is damaged, encrypted or of an "
                        "unknown format."
                    )
                    % {"path": name},
                    returncode=ERROR,
                ) from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CommandError(
                _("Cannot read %(path)s: it is not UTF-8 text, a PDF or a DOCX file.")
                % {"path": name},
                returncode=ERROR,
            ) from None

    def scan_page(self, page_id: int) -> Report:
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(
                _("There is no page with ID %(id)s.") % {"id": page_id}, returncode=ERROR
            )
        return scan_object(page.specific.get_latest_revision_as_object())

    # -- output --------------------------------------------------------------

    def write_json(self, report: Report, *, with_field: bool) -> None:
        items = []
        for finding in report.findings:
            item = {
                "category": finding.category,
                "severity": finding.severity,
                "start": finding.start,
                "end": finding.end,
                "text": finding.excerpt,
            }
            if with_field:
                item["field"] = finding.field
            items.append(item)
        self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))

    def write_text(self, report: Report, text: str | None) -> None:
        line_starts = _line_starts(text) if text is not None else None
        for finding in report.findings:
            if line_starts is not None:
                line = bisect.bisect_right(line_starts, finding.start)
                where = f"{line}:{finding.start - line_starts[line - 1] + 1}"
            else:
                where = finding.field
            severity = (
                pgettext("finding severity", "BLOCK")
                if finding.severity == BLOCK
                else pgettext("finding severity", "WARN")
            )
            line_text = f"{where} {severity} {finding.category} {finding.excerpt}"
            if finding.legal_basis:
                line_text += f" — {finding.legal_basis}"
            self.stdout.write(line_text)
        self.stdout.write(
            _(
                "Findings: %(findings)d, blocking publication: %(blocking)d. Texts checked: "
                "%(fields)d, characters: %(chars)d, stop-list terms: %(terms)d."
            )
            % {
                "findings": len(report.findings),
                "blocking": len(report.blocking()),
                "fields": report.scanned_fields,
                "chars": report.scanned_chars,
                "terms": report.stop_list_size,
            }
        )
