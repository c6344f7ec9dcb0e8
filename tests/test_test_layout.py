"""Test modules import nothing from one another: what several of them share lives in a helper
module (not named ``test_*``) or in a ``conftest.py`` fixture.

Importing from a test module runs its module-level set-up and makes pytest collect any test
class imported with it a second time.
"""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(TESTS.parent).with_suffix("").parts)


def imported_modules(source: str, module: str) -> set[str]:
    """The modules ``source`` (the text of ``module``) imports, relative imports resolved.

    ``from package import name`` counts as an import of ``package.name`` too, as ``name`` may
    be a module.
    """
    package = module.rsplit(".", 1)[0]
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            imported.add(base)
            imported.update(f"{base}.{alias.name}" for alias in node.names)
    return imported


def is_test_module(name: str) -> bool:
    parts = name.split(".")
    return parts[0] == "tests" and parts[-1].startswith("test_")


def test_the_detector_sees_absolute_relative_and_module_imports():
    module = "tests.workflows.test_example"
    source = "\n".join(
        [
            "from tests.workflows.test_guard_paths import IIN",
            "from .test_scanning import make_iin",
            "from .. import test_test_layout",
            "from tests.agency import test_queue",
            "import tests.demo.test_seed_demo",
            "from tests.workflows.helpers import paragraph",
            "from .moderation import member",
        ]
    )
    found = {name for name in imported_modules(source, module) if is_test_module(name)}
    assert found == {
        "tests.workflows.test_guard_paths",
        "tests.workflows.test_scanning",
        "tests.test_test_layout",
        "tests.agency.test_queue",
        "tests.demo.test_seed_demo",
    }


def test_no_module_under_tests_imports_from_a_test_module():
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        module = module_name(path)
        for name in sorted(imported_modules(path.read_text(encoding="utf-8"), module)):
            if is_test_module(name):
                offenders.append(f"{path.relative_to(TESTS.parent)} imports {name}")
    assert offenders == [], "move shared helpers out of test modules:\n" + "\n".join(offenders)
