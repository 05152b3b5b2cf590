"""Domain tests stand on rows they make themselves, not on the demo dataset: a change to the
demo must not break a test of something else. The demo fixtures (`demo_db` and its users) are
for the tests of the demo itself, and no other domain or security test asks for them."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DEMO_FIXTURES = {"demo_db", "leader", "chapter_member", "writer", "drammen_politicians"}

# Tests whose subject is the demo data (its content, its removal).
ABOUT_THE_DEMO = {"test_demo.py", "security/test_remove_demo.py"}


def files_on_the_demo(root: Path = TESTS) -> set[str]:
    """The test files (domain and security) with a test that asks for a demo fixture."""
    found = set()
    for path in sorted([*root.glob("test_*.py"), *root.glob("security/test_*.py")]):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_") and (
                    {a.arg for a in node.args.args} & DEMO_FIXTURES):
                found.add(path.relative_to(root).as_posix())
                break
    return found


def test_only_the_demo_tests_stand_on_the_demo():
    assert files_on_the_demo() == ABOUT_THE_DEMO


def test_the_check_sees_a_test_that_asks_for_the_demo(tmp_path):
    (tmp_path / "security").mkdir()
    (tmp_path / "test_own.py").write_text("def test_a(people):\n    pass\n")
    (tmp_path / "test_on_demo.py").write_text(
        "class T:\n    pass\n\n\ndef test_b(\n    people,\n    leader,\n):\n    pass\n")
    (tmp_path / "security" / "test_x.py").write_text("def test_c(demo_db):\n    pass\n")
    assert files_on_the_demo(tmp_path) == {"test_on_demo.py", "security/test_x.py"}
