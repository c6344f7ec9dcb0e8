"""Restricted-information scanner: finds what a state body must not publish.

Pure functions over text, with no database access, so the moderation Task, the publication
guard and the document check all share one implementation and it can be tested and benchmarked
on its own. Every hit is a :class:`Finding` for a human reviewer: the scanner never publishes or
rejects anything itself (legal basis, §6.4). Categories and their default severities are listed
in :data:`CATEGORIES`.

Offsets are character offsets into the text given to :func:`scan_text` (start inclusive, end
exclusive). :func:`normalize` keeps the length of the text, so every vocabulary detector runs on
the normalised text and reports offsets that slice the original.

The detectors, each module describing exactly what it reports:

* ``identifiers``: ИИН/БИН, phones, e-mails, ID documents, IBANs and payment cards (§5);
* ``split``: the same ИИН/БИН, cards and IBANs written in pieces or across a line break;
* ``people``: dates of birth next to a name, vehicle registration plates (§5.4, §6.4);
* ``secret_vocabulary``: the vocabulary of protected secrets (§6.4), a warning;
* ``markings``: secrecy markings (§6.1, §6.2, §6.4);
* ``minors``: a child named together with a crime or an offence (Mass Media Law Art. 14 p.5);
* ``stop_list``: the editor-managed stop-list terms, tolerating inflection.

Markings, minors and stop-list terms are matched on normalised text (``normalisation``) except
the case-sensitive abbreviations; ``languages`` in :func:`scan_text` selects their vocabularies.
``findings`` defines what a hit is and how it is masked; ``scan`` runs them all.
"""

from .findings import BLOCK, CATEGORIES, WARN, Finding, has_blocking, mask
from .identifiers import AllowList
from .normalisation import normalize
from .scan import scan_text
from .stop_list import StopList, StopTerm

__all__ = [
    "BLOCK",
    "CATEGORIES",
    "WARN",
    "AllowList",
    "Finding",
    "StopList",
    "StopTerm",
    "has_blocking",
    "mask",
    "normalize",
    "scan_text",
]
