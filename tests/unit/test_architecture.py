"""House rules that keep the code base honest: SQL only in data_access/, thin pages, no HTML from data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SQL_OWNERS = {"data_access", "migrations", "tests"}
SQL_TEXT = re.compile(r"\b(SELECT\s[^\n]*\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b")


def python_files(*folders: str) -> list[Path]:
    files = []
    for folder in folders:
        files += sorted((PROJECT / folder).rglob("*.py"))
    return files


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", python_files("app_pages", "ui", "domain", "builders", "exports", "strings"),
                         ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_sqlalchemy_outside_data_access(path: Path):
    assert "sqlalchemy" not in imported_modules(path)


@pytest.mark.parametrize("path", [p for p in PROJECT.rglob("*.py")
                                  if ".venv" not in p.parts and p.relative_to(PROJECT).parts[0] not in SQL_OWNERS],
                         ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_sql_text_outside_data_access(path: Path):
    assert not SQL_TEXT.search(path.read_text(encoding="utf-8")), "SQL belongs in data_access/"


@pytest.mark.parametrize("path", python_files("app_pages"), ids=lambda p: p.name)
def test_pages_stay_thin_and_safe(path: Path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 250, "move logic into domain/ or builders/"
    assert "unsafe_allow_html" not in source


def private_imports(path: Path) -> list[str]:
    """Names starting with "_" that a module imports from another module of the project."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = {"app", "app_pages", "builders", "cli", "data_access", "demo", "domain", "exports", "strings", "ui",
           "settings", "manage"}
    return [f"{node.module}.{a.name}" for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in own
            for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]


@pytest.mark.parametrize("path", python_files("app_pages", "ui", "domain", "builders", "exports", "cli",
                                              "data_access"), ids=lambda p: str(p.relative_to(PROJECT)))
def test_the_read_api_is_public(path: Path):
    """Issue 11: pages, the deck and the CLI read through one public API; no private query imported across
    modules (the query layer is `query_<noun>(conn, ...)`)."""
    assert not [name for name in private_imports(path) if name.startswith("data_access.")]


def test_the_private_import_check_can_fail(tmp_path: Path):
    probe = tmp_path / "probe.py"
    probe.write_text("from data_access.cases import _secret\nfrom data_access.cases import query_victims_by\n")
    assert private_imports(probe) == ["data_access.cases._secret"]
