"""Read the demo's YAML data files and look their texts up in all three languages, with checks.

Each kind of content has a language-neutral file, such as ``data/news.yaml``, with the ids
and everything that does not depend on the language, and one file per language,
``data/kk/news.yaml`` (the source), ``data/ru/news.yaml`` and ``data/en/news.yaml``, with
the texts under the same ids. Translators edit only the language files, so every text is
checked as it is read: a missing, misplaced or extra one stops the seed with the file and
the key at fault, before anything reaches the database.
"""

from collections.abc import Iterator
from pathlib import Path

import yaml

from .text import LANGUAGES, L

DATA_DIR = Path(__file__).resolve().parent / "data"
SOURCE_LANGUAGE = "kk"

Key = str | int


class ContentError(ValueError):
    """A demo data file is missing or malformed, or lacks a text or has one too many."""


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """``yaml.safe_load`` (in C when PyYAML has it) that refuses a key given twice.

    Plain YAML keeps the last of two equal keys, so a pasted-twice id would silently
    replace a text.
    """

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def display(path: Path) -> str:
    """``path`` as a reader finds it: relative to the working directory when it is inside."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def dotted(path: tuple[Key, ...]) -> str:
    """A key path as in ``news.some-id.title`` or ``faq.some-id.paragraphs[2]``."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else f".{key}" if text else key
    return text


def read_yaml(path: Path) -> dict:
    """The mapping in the YAML file at ``path``."""
    try:
        with path.open(encoding="utf-8") as stream:
            loader = _StrictLoader(stream)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
    except FileNotFoundError:
        raise ContentError(f"{display(path)}: the file is missing") from None
    except yaml.YAMLError as error:
        raise ContentError(f"{display(path)}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{display(path)}: should hold a mapping of keys to values")
    return data


class Record:
    """A mapping read from a language-neutral file: a missing key names the file and the key."""

    def __init__(self, data: dict, file: Path, path: tuple[Key, ...] = ()):
        self.data = data
        self.file = file
        self.path = path

    def __getitem__(self, key: str):
        if key not in self.data:
            raise ContentError(f"{display(self.file)}: {dotted((*self.path, key))} is missing")
        return self._wrap(key, self.data[key])

    def get(self, key: str, default=None):
        return self._wrap(key, self.data[key]) if key in self.data else default

    def ids(self, key: str) -> list[str]:
        """The ids listed under ``key``: a list's items or a mapping's keys, in order."""
        value = self[key]
        ids = list(value.data) if isinstance(value, Record) else value
        if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
            raise ContentError(f"{display(self.file)}: {dotted((*self.path, key))} lists no ids")
        return ids

    def items(self) -> Iterator[tuple[str, object]]:
        for key in self.data:
            yield key, self[key]

    def _wrap(self, key: str, value):
        return Record(value, self.file, (*self.path, key)) if isinstance(value, dict) else value


def read_structure(data_dir: Path, kind: str) -> Record:
    """The language-neutral file of ``kind``, such as ``data/news.yaml``."""
    path = data_dir / f"{kind}.yaml"
    return Record(read_yaml(path), path)


class Texts:
    """The texts of one kind of content in every language, looked up by key path.

    Every lookup checks all three language files; :meth:`check_all_read` then finds texts
    that nothing asked for, such as a misspelt id.
    """

    def __init__(self, data_dir: Path, kind: str):
        self.kind = kind
        self.files = {code: data_dir / code / f"{kind}.yaml" for code in LANGUAGES}
        self.trees = {code: read_yaml(path) for code, path in self.files.items()}
        self.read: set[tuple[Key, ...]] = set()

    def _error(self, code: str, path: tuple[Key, ...], problem: str) -> ContentError:
        return ContentError(f"{display(self.files[code])}: {dotted(path)} {problem}")

    def _lookup(self, code: str, path: tuple[Key, ...]):
        node = self.trees[code]
        for depth, key in enumerate(path):
            if isinstance(key, int):
                found = isinstance(node, list) and key < len(node)
            else:
                found = isinstance(node, dict) and key in node
            if not found:
                raise self._error(code, path[: depth + 1], "is missing")
            node = node[key]
        return node

    def text(self, *path: Key) -> L:
        """The text at ``path`` in kk, ru and en."""
        values = []
        for code in LANGUAGES:
            value = self._lookup(code, path)
            if not isinstance(value, str):
                found = "nothing" if value is None else f"a {type(value).__name__}"
                raise self._error(
                    code, path, f"should be a text (in quotes if need be), not {found}"
                )
            values.append(value)
        self.read.add(path)
        return L(*values)

    def count(self, *path: Key) -> int:
        """How many items the list at ``path`` has: as many in every language as in kk."""
        lengths = {}
        for code in LANGUAGES:
            value = self._lookup(code, path)
            if not isinstance(value, list):
                raise self._error(code, path, "should be a list")
            lengths[code] = len(value)
        expected = lengths[SOURCE_LANGUAGE]
        for code, length in lengths.items():
            if length != expected:
                source = display(self.files[SOURCE_LANGUAGE])
                raise self._error(code, path, f"has {length} items, but {expected} in {source}")
        return expected

    def texts(self, *path: Key) -> tuple[L, ...]:
        """The texts in the list at ``path``, item by item."""
        return tuple(self.text(*path, index) for index in range(self.count(*path)))

    def check_all_read(self) -> None:
        """Refuse a text that nothing read: an id or field not in the neutral file."""
        for code in LANGUAGES:
            for path in _leaves(self.trees[code]):
                if path not in self.read:
                    raise self._error(
                        code, path, f"is not used: no such id or field in {self.kind}.yaml"
                    )


def _leaves(node, path: tuple[Key, ...] = ()) -> Iterator[tuple[Key, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _leaves(value, (*path, index))
    else:
        yield path
