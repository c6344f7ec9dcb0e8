"""A finding's legal basis is stored in English and read in the reader's language, in the
review panel and in the mail to the author; a basis a lawyer typed for a stop-list term is
shown as typed."""

from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import translation

import pytest

from workflows.restricted.findings import LEGAL_BASIS, make_finding

IIN_TEXT = "ЖСН 900115300122"


def finding_html(finding, language: str) -> str:
    row = SimpleNamespace(finding=finding, waived=False, blocking=True, location="Body")
    with translation.override(language):
        return render_to_string("workflows/admin/includes/finding.html", {"row": row})


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "«Дербес деректер және оларды қорғау туралы» № 94-V Заң, 6-бап"),
        ("ru", "Закон «О персональных данных и их защите» № 94-V, ст. 6"),
        ("en", "Law on Personal Data No. 94-V, Art. 6"),
    ],
)
def test_the_basis_of_a_finding_is_shown_in_the_readers_language(language, expected):
    finding = make_finding("iin", "iin", IIN_TEXT, 4, len(IIN_TEXT))
    assert finding.legal_basis == LEGAL_BASIS["iin"]  # stored in English

    assert expected in finding_html(finding, language)


def test_a_basis_typed_for_a_stop_list_term_is_shown_as_typed():
    finding = make_finding(
        "stop_list", "stop_list", "Қайратов", 0, 8, legal_basis="Сот шешімі № 7-11/2026"
    )
    assert "Сот шешімі № 7-11/2026" in finding_html(finding, "ru")


def test_every_built_in_basis_is_translated():
    with translation.override("kk"):
        untranslated = [
            basis for basis in LEGAL_BASIS.values() if translation.gettext(basis) == basis
        ]
    assert not untranslated
