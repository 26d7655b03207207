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
