"""``manage.py scan_restricted``: files, standard input and pages; JSON and text; exit status."""

import io
import json
import sys

from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.utils import translation

import pytest

from tests.agency.identifiers import make_iban, make_iin
from tests.files import docx_bytes
from tests.press_pages.factories import NewsIndexPageFactory, NewsPageFactory, kk_home, locale
from tests.workflows.pdf_builder import build_pdf
from workflows.management.commands import scan_restricted
from workflows.models import StopListTerm

pytestmark = pytest.mark.django_db

IIN = make_iin("90011530012")
IIN_RU = make_iin("88030430011")
IBAN = make_iban("125KZT5004100100")
JSON_KEYS = {"category", "severity", "start", "end", "text"}


def run(*args, stdin=None):
    """Call the command; return (exit status, stdout, stderr) as the shell would see them."""
    stdout, stderr = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = stdin
    try:
        call_command("scan_restricted", *args, stdout=stdout, stderr=stderr)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    except CommandError as error:
        status = error.returncode
        stderr.write(str(error))
    finally:
        sys.stdin = old_stdin
    return status, stdout.getvalue(), stderr.getvalue()


def test_a_clean_text_file_exits_0(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text("Министрлік жаңа қызметті іске қосты.\n", encoding="utf-8")
    status, out, _err = run(str(path), "--format", "json")
    assert status == 0
    assert json.loads(out) == []


def test_json_is_only_an_array_of_masked_findings(tmp_path):
    path = tmp_path / "note.txt"
    text = f"Өтініш\nЖСН {IIN}, тел. +7 701 234 56 78"
    path.write_text(text, encoding="utf-8")
    status, out, _err = run(str(path), "--format", "json")

    assert status == 1
    findings = json.loads(out)
    assert [f["category"] for f in findings] == ["iin", "phone"]
    assert all(set(f) == JSON_KEYS for f in findings)
    iin = findings[0]
    assert text[iin["start"] : iin["end"]] == IIN
    assert iin["severity"] == "block"
    assert iin["text"] != IIN and IIN not in out
    assert findings[1]["severity"] == "warn"


def test_warnings_alone_exit_0():
    status, out, _err = run("--format", "json", stdin=io.StringIO("Тел.: +7 701 234 56 78"))
    assert status == 0
    assert [f["category"] for f in json.loads(out)] == ["phone"]


def test_standard_input_as_text_and_as_a_pdf():
    status, out, _err = run("-", "--format", "json", stdin=io.StringIO(f"ЖСН {IIN}"))
    assert status == 1
    assert json.loads(out)[0]["category"] == "iin"

    pdf = io.TextIOWrapper(io.BytesIO(build_pdf(["Contract", f"Account {IBAN}"])))
    status, out, _err = run("--format", "json", stdin=pdf)
    assert status == 1
    assert [f["category"] for f in json.loads(out)] == ["iban"]


def test_pdf_and_docx_files(tmp_path):
    pdf = tmp_path / "contract.pdf"
    pdf.write_bytes(build_pdf(["Contract", f"Account {IBAN}"]))
    docx = tmp_path / "letter.docx"
    docx.write_bytes(docx_bytes("Хат", f"ЖСН {IIN}"))

    assert [f["category"] for f in json.loads(run(str(pdf), "--format", "json")[1])] == ["iban"]
    assert [f["category"] for f in json.loads(run(str(docx), "--format", "json")[1])] == ["iin"]


def test_text_format_lines_and_summary(tmp_path):
    StopListTerm.objects.create(phrase="Ерлан Қасымов", legal_basis="Сот шешімі № 2-1234")
    path = tmp_path / "note.txt"
    path.write_text(f"Хабарлама\nЕрлан Қасымовтың ЖСН {IIN}\n", encoding="utf-8")
    status, out, _err = run(str(path))

    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("2:1 ")
    assert " stop_list Ерлан Қасымовтың — Сот шешімі № 2-1234" in lines[0]
    assert lines[1].startswith("2:22 ") and " iin " in lines[1] and IIN not in lines[1]
    assert "Law on Personal Data" in lines[1]
    assert lines[2] == (
        "Findings: 2, blocking publication: 2. Texts checked: 1, characters: 44, "
        "stop-list terms: 1."
    )


def test_lang_selects_the_output_language_and_the_terms(monkeypatch):
    StopListTerm.objects.create(phrase="Сергей Петров", language="ru", legal_basis="Решение № 7")
    languages = []

    def recording(message):
        languages.append(translation.get_language())
        return translation.gettext(message)

    monkeypatch.setattr(scan_restricted, "_", recording)
    monkeypatch.setattr(
        scan_restricted,
        "pgettext",
        lambda context, message: languages.append(translation.get_language()) or message,
    )
    before = translation.get_language()
    status, out, _err = run("--lang", "ru", stdin=io.StringIO("Сообщил Сергей Петров."))

    assert status == 1
    assert "stop_list" in out
    assert languages and set(languages) == {"ru"}
    assert translation.get_language() == before

    # In Kazakh text the Russian-only term does not apply.
    status, out, _err = run("--lang", "kk", "--format", "json", stdin=io.StringIO("Сергей Петров."))
    assert (status, json.loads(out)) == (0, [])


@pytest.fixture
def news_with_translation():
    page = NewsPageFactory(
        live=False,
        parent=NewsIndexPageFactory(parent=kk_home()),
        lead=f"Өтініш берушінің ЖСН {IIN}.",
    )
    page.save_revision()
    ru = page.copy_for_translation(locale("ru"), copy_parents=True).specific
    ru.lead = f"ИИН заявителя {IIN_RU}."
    ru.save_revision()
    return page, ru


def test_page_scans_the_latest_revision_of_that_page_only(news_with_translation):
    page, ru = news_with_translation
    page.lead = f"Жаңартылған мәтін. ЖСН {IIN}."
    page.save_revision()  # the latest revision, not yet in the page's row
    status, out, _err = run("--page", str(page.pk), "--format", "json")

    assert status == 1
    findings = json.loads(out)
    assert [(f["field"], f["category"]) for f in findings] == [("lead", "iin")]
    assert set(findings[0]) == JSON_KEYS | {"field"}
    assert findings[0]["start"] == len("Жаңартылған мәтін. ЖСН ")
    assert IIN_RU[:4] not in out  # the ru translation is not scanned with the kk page

    status, out, _err = run("--page", str(ru.pk))
    assert status == 1
    assert out.splitlines()[0].startswith("lead ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/file.txt"], "/nonexistent/file.txt"),
        (["--page", "999999"], "999999"),
        (["--page", "1", "some.txt"], "--page"),
    ],
)
def test_errors_exit_2_with_a_message(args, message):
    status, out, err = run(*args)
    assert status == 2
    assert out == ""
    assert message in err


def test_unreadable_input_exits_2(tmp_path):
    encrypted = tmp_path / "secret.docx"
    encrypted.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Çà et là".encode("latin-1"))
    assert run(str(encrypted))[0] == 2
    assert run(str(latin))[0] == 2


def test_exit_status_and_stderr_from_the_command_line(tmp_path, monkeypatch, capsys):
    """As run by ``manage.py``: status 2 and one line on stderr, never a traceback."""
    # run_from_argv closes the connections when it ends, which would end the test's transaction.
    monkeypatch.setattr("django.core.management.base.connections.close_all", lambda: None)
    command = load_command_class("workflows", "scan_restricted")
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["manage.py", "scan_restricted", str(tmp_path / "missing.txt")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err

    path = tmp_path / "note.txt"
    path.write_text(f"ЖСН {IIN}", encoding="utf-8")
    command = load_command_class("workflows", "scan_restricted")
    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["manage.py", "scan_restricted", str(path), "--format", "json"])
    assert exit_.value.code == 1
    captured = capsys.readouterr()
    assert [f["category"] for f in json.loads(captured.out)] == ["iin"]
