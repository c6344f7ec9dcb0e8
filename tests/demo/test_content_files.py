"""The demo's YAML data files: every id has its texts in kk, ru and en, and a missing, stray
or misshapen text stops the loader with the file and the key at fault.

Broken files are made in a copy of ``demo/data`` in a temporary directory.
"""

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
import yaml

from demo.content import load_content
from demo.loader import DATA_DIR, ContentError, read_yaml
from demo.text import LANGUAGES, L

KINDS = ("news", "briefings", "faq", "site", "media", "generated", "pages")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


def edit(path: Path, change) -> None:
    """Rewrite the YAML file at ``path`` after ``change`` has changed its data in place."""
    data = read_yaml(path)
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def texts_of(value, path="content"):
    """Every ``L`` in ``value`` with where it is."""
    if isinstance(value, L):
        yield path, value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from texts_of(getattr(value, field.name), f"{path}.{field.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_of(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts_of(item, f"{path}[{index}]")


def leaf_paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaf_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaf_paths(value, (*path, index))
    else:
        yield path


def failure(data_dir: Path) -> str:
    with pytest.raises(ContentError) as raised:
        load_content(data_dir)
    return str(raised.value)


def test_every_id_has_its_texts_in_every_language():
    content = load_content(DATA_DIR)
    ids = {
        "news": read_yaml(DATA_DIR / "news.yaml")["news"],
        "briefings": read_yaml(DATA_DIR / "briefings.yaml")["briefings"],
        "faq": read_yaml(DATA_DIR / "faq.yaml")["faq"],
    }
    assert [item.key for item in content.news] == list(ids["news"])
    assert [item.key for item in content.briefings] == list(ids["briefings"])
    assert [item.key for item in content.faq] == list(ids["faq"])
    for kind, items in ids.items():
        for code in LANGUAGES:
            assert list(read_yaml(DATA_DIR / code / f"{kind}.yaml")[kind]) == list(items)
    empty = [
        (path, code)
        for path, text in texts_of(content)
        for code in LANGUAGES
        if not text[code].strip()
    ]
    assert empty == []


def test_every_language_file_has_the_shape_of_the_kazakh_one():
    for kind in KINDS:
        source = set(leaf_paths(read_yaml(DATA_DIR / "kk" / f"{kind}.yaml")))
        for code in LANGUAGES:
            assert set(leaf_paths(read_yaml(DATA_DIR / code / f"{kind}.yaml"))) == source, (
                code,
                kind,
            )


def test_a_copy_of_the_data_gives_the_same_content(data_dir):
    assert load_content(data_dir) == load_content(DATA_DIR)


def test_a_missing_text_names_the_file_and_the_key(data_dir):
    key = next(iter(read_yaml(data_dir / "news.yaml")["news"]))
    edit(data_dir / "ru" / "news.yaml", lambda data: data["news"][key].pop("lead"))
    message = failure(data_dir)
    assert str(data_dir / "ru" / "news.yaml") in message
    assert f"news.{key}.lead is missing" in message


def test_a_missing_id_names_the_file_and_the_id(data_dir):
    key = list(read_yaml(data_dir / "faq.yaml")["faq"])[-1]
    edit(data_dir / "en" / "faq.yaml", lambda data: data["faq"].pop(key))
    message = failure(data_dir)
    assert str(data_dir / "en" / "faq.yaml") in message
    assert f"faq.{key} is missing" in message


def test_an_empty_text_is_refused(data_dir):
    edit(data_dir / "kk" / "site.yaml", lambda data: data["topics"].update(budget=None))
    message = failure(data_dir)
    assert str(data_dir / "kk" / "site.yaml") in message
    assert "topics.budget should be a text" in message


def test_a_text_for_an_unknown_id_is_refused(data_dir):
    edit(
        data_dir / "en" / "site.yaml",
        lambda data: data["venues"].update({"press-hal": "A misspelt venue"}),
    )
    message = failure(data_dir)
    assert str(data_dir / "en" / "site.yaml") in message
    assert "venues.press-hal is not used" in message


def test_a_list_of_another_length_is_refused(data_dir):
    key = next(iter(read_yaml(data_dir / "briefings.yaml")["briefings"]))
    edit(
        data_dir / "ru" / "briefings.yaml",
        lambda data: data["briefings"][key]["announcement"].pop(),
    )
    message = failure(data_dir)
    assert str(data_dir / "ru" / "briefings.yaml") in message
    assert re.search(rf"briefings\.{key}\.announcement has \d+ items, but \d+ in", message)


def test_a_key_given_twice_is_refused(data_dir):
    path = data_dir / "kk" / "pages.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "anonymous_notice: again\n", encoding="utf-8"
    )
    message = failure(data_dir)
    assert str(path) in message
    assert "'anonymous_notice' is given twice" in message


def test_a_missing_language_file_is_named(data_dir):
    (data_dir / "en" / "generated.yaml").unlink()
    assert f"{data_dir / 'en' / 'generated.yaml'}: the file is missing" in failure(data_dir)


def test_a_reference_to_an_unknown_key_is_refused(data_dir):
    key = next(iter(read_yaml(data_dir / "news.yaml")["news"]))
    edit(data_dir / "news.yaml", lambda data: data["news"][key].update(topics=["weather"]))
    message = failure(data_dir)
    assert str(data_dir / "news.yaml") in message
    assert "topics names 'weather'" in message
