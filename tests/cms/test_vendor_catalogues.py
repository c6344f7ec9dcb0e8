"""The admin in Kazakh: every string Wagtail, wagtail-localize, django-q2 and the Django contrib
apps in use ship has a Kazakh translation in ``locale_vendor``, and the site uses it."""

import re
import tomllib
from pathlib import Path

from django.conf import settings
from django.utils import translation

import polib
import pytest

from cms import vendor_catalogues

PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z0-9_]*\}")


@pytest.fixture(scope="module")
def sources():
    return vendor_catalogues.source_entries()


@pytest.fixture(scope="module")
def catalogues():
    return {
        domain: {
            (entry.msgctxt, entry.msgid): entry
            for entry in polib.pofile(str(vendor_catalogues.catalogue_path(domain)))
        }
        for domain in vendor_catalogues.DOMAINS
    }


def forms(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_every_string_the_packages_ship_is_translated(sources, catalogues):
    missing = []
    for (domain, msgctxt, msgid), source in sources.items():
        entry = catalogues[domain].get((msgctxt, msgid))
        if entry is None or "fuzzy" in entry.flags or not all(forms(entry)):
            missing.append(f"{domain} {source.packages[0]}: {msgid!r}")
    assert not missing, f"{len(missing)} strings without Kazakh: {missing[:20]}"


def test_the_catalogues_hold_nothing_the_packages_do_not_ship(sources, catalogues):
    extra = [
        (domain, key)
        for domain, entries in catalogues.items()
        for key in entries
        if (domain, *key) not in sources
    ]
    assert not extra, extra[:20]


def test_translations_keep_every_placeholder(catalogues):
    broken = []
    for entries in catalogues.values():
        for entry in entries.values():
            if not entry.msgid_plural:
                if sorted(PLACEHOLDER.findall(entry.msgstr)) != sorted(
                    PLACEHOLDER.findall(entry.msgid)
                ):
                    broken.append((entry.msgid, entry.msgstr))
                continue
            # Either plural form may use any placeholder of the two English forms ("1 сағат
            # бұрын" for "an hour ago"), and the other form's must all be there.
            allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
            other = set(PLACEHOLDER.findall(entry.msgid_plural))
            one, many = (set(PLACEHOLDER.findall(text)) for text in forms(entry))
            if not (one <= allowed and other <= many <= allowed):
                broken.append((entry.msgid, forms(entry)))
    assert not broken, broken[:20]


def test_plural_entries_have_both_kazakh_forms(catalogues):
    for entries in catalogues.values():
        for entry in entries.values():
            if entry.msgid_plural:
                assert sorted(entry.msgstr_plural) == [0, 1], entry.msgid


def test_the_site_reads_them_after_its_own():
    assert settings.LOCALE_PATHS[-1] == vendor_catalogues.VENDOR_LOCALE
    with translation.override("kk"):
        assert translation.gettext("Dashboard") != "Dashboard"
        assert translation.gettext("Snippets") != "Snippets"


def test_the_packages_are_pinned_so_a_release_cannot_bring_new_strings_unannounced():
    project = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    pins = {
        re.split(r"[=<>!~\[ ]", requirement, maxsplit=1)[0]: requirement
        for requirement in project["project"]["dependencies"]
    }
    for package in ("wagtail", "wagtail-localize", "django-q2"):
        assert re.fullmatch(rf"{package}==[\d.]+", pins[package]), pins[package]
