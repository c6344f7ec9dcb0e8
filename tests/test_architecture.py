"""The layers run one way: read from the import graph of the production modules.

``docs/architecture.md`` explains the layers; this test keeps them. Migrations, tests and
``bench/`` are not scanned.
"""

import ast
import functools
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Bottom to top. An app may import the apps of lower layers, and of its own layer only where
#: :data:`SIDEWAYS` allows it.
LAYERS = {
    "agency": 0,
    "press_pages": 1,
    "workflows": 1,
    "esign": 1,  # beside the press site: only the services use it
    "citizen_requests": 2,
    "accreditation": 2,
    "media_watch": 2,
    "demo": 3,
    "cms": 4,
}
SIDEWAYS = {
    ("press_pages", "workflows"),  # page types take the moderation mixins and panels
    # An accredited journalist's question at an event is filed as a media request.
    ("accreditation", "citizen_requests"),
    ("media_watch", "citizen_requests"),
    ("media_watch", "accreditation"),
}
MAX_FUNCTION_LEVEL_IMPORTS = 40
MAX_LINES = 500


def production_files():
    for app in LAYERS:
        folder = ROOT / app
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield app, path


@functools.cache
def imports() -> list[tuple[str, str, str, int, bool]]:
    """``(app, imported app, file, line, inside a function)`` for every import of a project
    app by a production module."""
    found = []
    for app, path in production_files():
        tree = ast.parse(path.read_text(), filename=str(path))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [app] if node.level else [node.module or ""]
            else:
                continue
            in_function = False
            parent = parents.get(node)
            while parent is not None:
                if isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef):
                    in_function = True
                    break
                parent = parents.get(parent)
            for module in modules:
                target = module.split(".")[0]
                if target in LAYERS:
                    relative = str(path.relative_to(ROOT))
                    found.append((app, target, relative, node.lineno, in_function))
    return found


def edges() -> dict[tuple[str, str], list[str]]:
    result = defaultdict(list)
    for app, target, path, line, _in_function in imports():
        if app != target:
            result[(app, target)].append(f"{path}:{line}")
    return result


def test_every_app_imports_only_lower_layers_or_allowed_neighbours():
    wrong = {
        f"{app} → {target}": places[:5]
        for (app, target), places in edges().items()
        if app != "cms" and not (LAYERS[target] < LAYERS[app] or (app, target) in SIDEWAYS)
    }
    assert not wrong, wrong


def test_no_app_imports_cms():
    wrong = [places for (app, target), places in edges().items() if target == "cms"]
    assert not wrong, wrong


def test_the_kernel_imports_no_product_app():
    wrong = [places for (app, _target), places in edges().items() if app == "agency"]
    assert not wrong, wrong


def test_there_is_no_import_cycle_between_apps():
    graph = defaultdict(set)
    for app, target in edges():
        graph[app].add(target)

    def reaches(start, goal, seen=()):
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, (*seen, nxt)))
            for nxt in graph[start]
        )

    cycles = sorted(app for app in LAYERS if reaches(app, app))
    assert not cycles, cycles


def test_function_level_imports_of_project_modules_stay_few():
    inside = [f"{path}:{line}" for _a, _t, path, line, in_function in imports() if in_function]
    assert len(inside) <= MAX_FUNCTION_LEVEL_IMPORTS, "\n".join(inside)


@pytest.mark.parametrize("app", [app for app in LAYERS if (ROOT / app).is_dir()])
def test_no_production_file_is_over_the_size_limit(app):
    long = {
        str(path.relative_to(ROOT)): lines
        for file_app, path in production_files()
        if file_app == app and (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, long
