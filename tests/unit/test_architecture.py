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


# --- Layers (issue 17): the import graph, built with ast from every import statement, late ones included ---

PACKAGES = ("app_pages", "builders", "cli", "data_access", "demo", "domain", "exports", "strings", "ui")
TOP_MODULES = ("app", "serve", "settings", "manage")
NO_STREAMLIT = ("domain", "builders", "exports", "data_access")
# Pages over the limit, each with the reason it is allowed for now (empty when the house is in order).
LONG_PAGES: set[str] = set()
PAGE_LINES = 150
# Each layer imports only layers with a lower number: pages only from app.py (by path), data_access never from
# demo/, ui/ or builders/, the CLI never from ui/, and the two layers of one number never from each other.
LAYERS = {"strings": 0, "settings": 0, "domain": 1, "data_access": 2, "demo": 3, "builders": 3, "exports": 4,
          "ui": 5, "cli": 5, "app_pages": 6, "manage": 6, "app": 7, "serve": 7}


def module_files(root: Path) -> dict[str, Path]:
    """Module name -> file, for the project's packages and top-level modules under root."""
    files = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    for name in TOP_MODULES:
        if (root / f"{name}.py").exists():
            files[name] = root / f"{name}.py"
    return files


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> project modules it imports (at top level or inside a function: a late import is still an arrow)."""
    files = module_files(root)

    def resolve(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for module, path in files.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {resolve(a.name) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets |= {resolve(f"{node.module}.{a.name}") for a in node.names}
        graph[module] = targets - {None, module}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or around a loop (strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """Arrows that do not point to a lower layer (docs/ARCHITECTURE.md draws the same order)."""
    wrong = []
    for module, targets in sorted(graph.items()):
        layer = module.split(".")[0]
        for target in sorted(targets):
            below = target.split(".")[0]
            if below != layer and LAYERS[below] >= LAYERS[layer]:
                wrong.append(f"{module} -> {target}: {below} is not below {layer}")
    return wrong


def imports_streamlit(path: Path) -> bool:
    return "streamlit" in imported_modules(path)


def test_no_import_cycle():
    assert import_cycles(import_graph(PROJECT)) == []


def test_layers_point_one_way():
    assert layer_violations(import_graph(PROJECT)) == []


@pytest.mark.parametrize("path", python_files(*NO_STREAMLIT), ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_streamlit_below_the_ui(path: Path):
    assert not imports_streamlit(path), "Streamlit belongs in ui/, app_pages/ and app.py"


@pytest.mark.parametrize("path", [p for p in module_files(PROJECT).values()], ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_private_name_crosses_modules(path: Path):
    assert private_imports(path) == []


@pytest.mark.parametrize("path", python_files("app_pages"), ids=lambda p: p.name)
def test_pages_are_at_most_150_lines(path: Path):
    if path.name in LONG_PAGES:
        pytest.skip("allowed for now: see LONG_PAGES")
    assert len(path.read_text(encoding="utf-8").splitlines()) <= PAGE_LINES, "move sections into ui/ or builders/"


def _tree(root: Path, sources: dict[str, str]) -> Path:
    for name, source in sources.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_the_cycle_check_finds_a_deliberate_cycle_even_through_a_late_import(tmp_path: Path):
    root = _tree(tmp_path, {
        "data_access/__init__.py": "",
        "data_access/engine.py": "def seed():\n    from data_access.loader import load  # late\n    load()\n",
        "data_access/loader.py": "from data_access import engine\n",
        "domain/__init__.py": "",
        "domain/rates.py": "import data_access.engine\n",
    })
    assert import_cycles(import_graph(root)) == [["data_access.engine", "data_access.loader"]]
    (root / "data_access/engine.py").write_text("def seed():\n    pass\n")
    assert import_cycles(import_graph(root)) == []


def test_the_layer_check_finds_an_arrow_up(tmp_path: Path):
    root = _tree(tmp_path, {
        "data_access/__init__.py": "", "data_access/engine.py": "from demo.loader import load_demo\n",
        "demo/__init__.py": "", "demo/loader.py": "",
        "ui/__init__.py": "", "ui/frame.py": "from app_pages.masuk import render_login\n",
        "app_pages/masuk.py": "",
    })
    assert layer_violations(import_graph(root)) == [
        "data_access.engine -> demo.loader: demo is not below data_access",
        "ui.frame -> app_pages.masuk: app_pages is not below ui",
    ]


def test_every_package_has_a_layer():
    """A new top-level package must be placed in LAYERS (and so in the import graph) before it can be used."""
    # tools/ holds scripts the Makefile runs before the venv exists (standard library only), not app code.
    outside = {"tests", "migrations", "bench", "deploy", "docs", "static", "var", "tools"}
    found = {p.parent.name for p in PROJECT.glob("*/*.py") if ".venv" not in p.parts} - outside
    found |= {p.stem for p in PROJECT.glob("*.py")}
    assert found <= set(LAYERS) and set(PACKAGES) | set(TOP_MODULES) == set(LAYERS)


@pytest.mark.parametrize("path", python_files("app_pages", "ui", "exports", "builders"),
                         ids=lambda p: str(p.relative_to(PROJECT)))
def test_downloads_go_through_the_one_helper(path: Path):
    """st.download_button reruns the page on click by default, and that rerun drops the clicked deferred file:
    ui.frame.download_button sets on_click="ignore"; nothing else calls Streamlit's button."""
    calls = [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
             and node.func.attr == "download_button"]
    if path.relative_to(PROJECT).as_posix() == "ui/frame.py":
        assert len(calls) == 1 and any(k.arg == "on_click" and getattr(k.value, "value", None) == "ignore"
                                       for k in calls[0].keywords)
    else:
        assert not calls, f"{path.name}: use ui.frame.download_button"


def test_the_server_watches_no_source_files():
    """Streamlit's source watcher resolved every loaded module's path after each script run and polled their
    mtimes, a third of a 2-core server's CPU while the first visitor's page was drawn (issue 12); deployments
    restart to change code."""
    import tomllib

    config = tomllib.loads((PROJECT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
