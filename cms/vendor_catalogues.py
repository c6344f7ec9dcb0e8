"""Kazakh catalogues for the packages whose screens staff use.

Wagtail, wagtail-localize, django-q2 and most of Django's contrib apps ship no Kazakh (or only a
part of it). Their Kazakh translations live in ``locale_vendor/kk/LC_MESSAGES`` (``django.po``
and ``djangojs.po``), which ``LOCALE_PATHS`` lists after the project's own ``locale``.

The strings to translate are read from the packages themselves: each package's source catalogue
(``locale/en``), or, for a package without one, any catalogue it ships. Django's own Kazakh
translations are taken over where they exist. ``manage.py update_vendor_catalogues`` brings the
files up to date after an upgrade; a test fails while any string is missing or fuzzy.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

import polib

LANGUAGE = "kk"
VENDOR_LOCALE = Path(settings.BASE_DIR) / "locale_vendor"
DOMAINS = ("django", "djangojs")

#: Packages (import path of the folder holding ``locale/``) whose strings staff can meet.
PACKAGES = (
    "wagtail",
    "wagtail_localize",
    "django_q",
    "axes",
    "taggit",
    "django_filters",
    "django.conf",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
)

Key = tuple[str, str | None, str]  # domain, msgctxt, msgid


@dataclass
class SourceEntry:
    domain: str
    msgctxt: str | None
    msgid: str
    msgid_plural: str | None
    packages: list[str] = field(default_factory=list)
    kazakh: str | list[str] | None = None  # the package's own Kazakh, where it has one


def package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    return Path(next(iter(spec.submodule_search_locations)))


def _catalogues(folder: Path, domain: str, *, nested: bool) -> list[Path]:
    """The package's source catalogues of ``domain``: ``en`` where it has one, else any one."""
    pattern = f"locale/*/LC_MESSAGES/{domain}.po"
    found = []
    homes = {path.parent.parent.parent.parent for path in folder.glob(f"**/{pattern}")}
    if not nested:
        homes = {home for home in homes if home == folder}
    for home in sorted(homes):
        english = home / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        if english.exists():
            found.append(english)
        elif shipped := sorted(home.glob(pattern)):
            found.append(shipped[0])
    return found


def _translated(entry: polib.POEntry | None) -> str | list[str] | None:
    if entry is None or entry.obsolete or "fuzzy" in entry.flags:
        return None
    if entry.msgid_plural:
        forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        return forms if forms and all(forms) else None
    return entry.msgstr or None


def source_entries() -> dict[Key, SourceEntry]:
    """Every string the packages ship, by domain, context and msgid."""
    entries: dict[Key, SourceEntry] = {}
    for package in PACKAGES:
        folder = package_folder(package)
        # django.conf holds Django's core catalogue; its contrib apps are listed one by one.
        nested = package != "django.conf"
        for domain in DOMAINS:
            for catalogue in _catalogues(folder, domain, nested=nested):
                own = catalogue.parent.parent.parent / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
                kazakh = (
                    {(e.msgctxt, e.msgid): e for e in polib.pofile(own)} if own.exists() else {}
                )
                for entry in polib.pofile(catalogue):
                    if entry.obsolete or not entry.msgid:
                        continue
                    key = (domain, entry.msgctxt, entry.msgid)
                    source = entries.setdefault(
                        key,
                        SourceEntry(domain, entry.msgctxt, entry.msgid, entry.msgid_plural or None),
                    )
                    source.packages.append(package)
                    if source.kazakh is None:
                        source.kazakh = _translated(kazakh.get((entry.msgctxt, entry.msgid)))
    return entries


def catalogue_path(domain: str, root: Path = VENDOR_LOCALE) -> Path:
    return root / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


HEADER = {
    "Project-Id-Version": "baspasoz vendor catalogues",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n!=1);",
}


def update(root: Path = VENDOR_LOCALE) -> dict[str, int]:
    """Rewrite the Kazakh catalogues under ``root`` for the installed packages.

    Translations already there are kept; new strings come in with the package's own Kazakh or
    empty; strings the packages no longer ship are dropped. Returns the count of strings still
    untranslated per domain.
    """
    sources = source_entries()
    missing = {}
    for domain in DOMAINS:
        path = catalogue_path(domain, root)
        known = {}
        if path.exists():
            known = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(path)) if not e.obsolete}
        catalogue = polib.POFile(wrapwidth=100)
        catalogue.metadata = dict(HEADER)
        untranslated = 0
        for (entry_domain, msgctxt, msgid), source in sorted(
            sources.items(), key=lambda item: (item[0][2], item[0][1] or "")
        ):
            if entry_domain != domain:
                continue
            kept = _translated(known.get((msgctxt, msgid)))
            value = kept if kept is not None else source.kazakh
            entry = polib.POEntry(msgid=msgid, msgctxt=msgctxt)
            entry.comment = ", ".join(dict.fromkeys(source.packages))
            if source.msgid_plural:
                entry.msgid_plural = source.msgid_plural
                forms = value if isinstance(value, list) else [value or "", value or ""]
                entry.msgstr_plural = {0: forms[0], 1: forms[-1]}
            else:
                entry.msgstr = value if isinstance(value, str) else ""
            if value is None:
                untranslated += 1
            catalogue.append(entry)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(path))
        missing[domain] = untranslated
    return missing
