"""Every interface string is translated into kk, ru and en, and the catalogues are current."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import polib
import pytest

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_catalogue_is_fully_translated(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 50
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated: {untranslated[:20]}"
    assert not fuzzy, f"{language}: fuzzy: {fuzzy[:20]}"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_placeholders_survive_translation(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    for entry in po.translated_entries():
        for token in ("%(", "{"):
            if token in entry.msgid:
                assert token in entry.msgstr or entry.msgstr_plural, entry.msgid


def test_catalogues_cover_every_string_in_the_code(tmp_path, settings, monkeypatch):
    """Re-extracting the strings into a copy of the catalogues leaves nothing untranslated."""
    scratch = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, scratch)
    settings.LOCALE_PATHS = [scratch]
    monkeypatch.chdir(settings.BASE_DIR)
    call_command(
        "makemessages",
        locale=["kk", "ru", "en"],
        ignore_patterns=[".venv/*", "collected-static/*", "var/*", "media/*", "tests/*", "bench/*"],
        no_location=True,
        verbosity=0,
    )
    for language in ("kk", "ru", "en"):
        po = polib.pofile(str(scratch / language / "LC_MESSAGES" / "django.po"))
        missing = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
        assert not missing, f"{language}: strings missing from the catalogue: {missing[:20]}"
