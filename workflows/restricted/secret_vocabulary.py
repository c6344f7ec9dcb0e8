"""The vocabulary of protected secrets (legal basis §6.4, "protected-secret vocabulary").

Words such as «государственная тайна», «коммерциялық құпия» or "trade secret" say that a text
may speak of, or quote from, information protected by law (AIL Art. 1 p.8; Law on State Secrets
No. 349-I, Art. 1; Decree No. 429, p.6(3)). They are a medium signal: news about a law or a
court case uses them lawfully, so each is a warning for the reviewer, never a block. Secrecy
markings themselves (a block) are the ``markings`` detector's.

The phrases are matched like stop-list terms (:class:`~.stop_list.StopList`): case, ё/е and the
Kazakh letters folded, inflected forms included («государственную тайну», «мемлекеттік
құпияны», "state secrets"), whole words only.
"""

from collections.abc import Collection

from django.utils.translation import gettext_noop

from .findings import WARN, Finding, make_finding
from .stop_list import StopList, StopTerm

STATE_SECRETS_LAW = gettext_noop("Law on State Secrets No. 349-I, Art. 1, Art. 17; AIL Art. 1 p.8")
PROTECTED_SECRETS_LAW = gettext_noop(
    "AIL Art. 1 p.8; Government Decree No. 429 of 24.06.2022, p.6(3)"
)
INVESTIGATION_LAW = gettext_noop("Criminal Procedure Code, Art. 201")

# (rule, language, phrase, legal basis). Russian adjectives are written as their stems
# («государственн»), so every case and number form matches («государственной тайны»).
_PHRASES = (
    ("secret_vocabulary.state", "ru", "государственн тайна", STATE_SECRETS_LAW),
    ("secret_vocabulary.state", "ru", "государственн секреты", STATE_SECRETS_LAW),
    ("secret_vocabulary.official", "ru", "служебн тайна", STATE_SECRETS_LAW),
    ("secret_vocabulary.commercial", "ru", "коммерческ тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.bank", "ru", "банковск тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.tax", "ru", "налогов тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.medical", "ru", "врачебн тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.medical", "ru", "тайна медицинск работника", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.notarial", "ru", "нотариальн тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.attorney", "ru", "адвокатск тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.personal", "ru", "личн тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.personal", "ru", "семейн тайна", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.investigation", "ru", "тайна следствия", INVESTIGATION_LAW),
    ("secret_vocabulary.investigation", "ru", "данн досудебн расследования", INVESTIGATION_LAW),
    ("secret_vocabulary.investigation", "ru", "подписка о неразглашении", INVESTIGATION_LAW),
    ("secret_vocabulary.state", "kk", "мемлекеттік құпия", STATE_SECRETS_LAW),
    ("secret_vocabulary.official", "kk", "қызметтік құпия", STATE_SECRETS_LAW),
    ("secret_vocabulary.commercial", "kk", "коммерциялық құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.bank", "kk", "банктік құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.tax", "kk", "салықтық құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.medical", "kk", "дәрігерлік құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.medical", "kk", "медицина қызметкерінің құпиясы", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.notarial", "kk", "нотариаттық құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.attorney", "kk", "адвокаттық құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.personal", "kk", "отбасылық құпия", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.personal", "kk", "жеке өмір құпиясы", PROTECTED_SECRETS_LAW),
    (
        "secret_vocabulary.investigation",
        "kk",
        "сотқа дейінгі тергеп-тексеру деректері",
        INVESTIGATION_LAW,
    ),
    ("secret_vocabulary.investigation", "kk", "жария етпеу туралы қолхат", INVESTIGATION_LAW),
    ("secret_vocabulary.state", "en", "state secret", STATE_SECRETS_LAW),
    ("secret_vocabulary.state", "en", "classified information", STATE_SECRETS_LAW),
    ("secret_vocabulary.official", "en", "official secret", STATE_SECRETS_LAW),
    ("secret_vocabulary.commercial", "en", "trade secret", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.commercial", "en", "commercial secret", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.bank", "en", "bank secrecy", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.tax", "en", "tax secrecy", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.medical", "en", "medical secrecy", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.attorney", "en", "attorney-client privilege", PROTECTED_SECRETS_LAW),
    ("secret_vocabulary.investigation", "en", "secrecy of the investigation", INVESTIGATION_LAW),
    ("secret_vocabulary.investigation", "en", "non-disclosure undertaking", INVESTIGATION_LAW),
)

SECRET_VOCABULARY = StopList(
    StopTerm(phrase=phrase, severity=WARN, legal_basis=basis, rule=rule, language=language)
    for rule, language, phrase, basis in _PHRASES
)


def find_secret_vocabulary(text: str, norm: str, languages: Collection[str]) -> list[Finding]:
    """The protected-secret phrases of ``languages`` in ``text`` (``norm`` its normalised form)."""
    findings, _vocabulary = SECRET_VOCABULARY.scan_normalised(text, norm, languages)
    return [
        make_finding(
            "secret_vocabulary",
            finding.rule,
            text,
            finding.start,
            finding.end,
            legal_basis=finding.legal_basis,
        )
        for finding in findings
    ]
