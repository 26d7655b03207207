"""README.md and docs/*.md: relative links and #anchors resolve, and the commands, make targets, settings and pages
they name exist (issue 23). Each check is a function returning its problems, tried on a broken sample first."""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote

import pytest

PROJECT = Path(__file__).resolve().parents[2]
README = PROJECT / "README.md"
DOCS = [README, *sorted((PROJECT / "docs").glob("*.md"))]

FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`]*`")
# [text](target) and ![alt](target); the text may hold one level of brackets and may wrap lines.
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def without_code(text: str) -> str:
    """The text with fenced blocks and code spans blanked: a [x](y) inside code is not a link."""
    text = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return CODE_SPAN.sub("``", text)


def code_of(text: str) -> list[str]:
    """Fenced blocks and code spans: where commands are written."""
    return [m.group(0) for m in FENCE.finditer(text)] + CODE_SPAN.findall(FENCE.sub("", text))


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: link text kept, markup and punctuation dropped, lower case, a hyphen a space."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[`*]", "", text).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(text: str) -> set[str]:
    found: dict[str, int] = {}
    result = set()
    for heading in HEADING.findall(FENCE.sub("", text)):
        base = slug(heading)
        n = found.get(base, 0)
        found[base] = n + 1
        result.add(base if n == 0 else f"{base}-{n}")
    return result


def broken_links(doc: Path, root: Path = PROJECT) -> list[str]:
    """Relative links of one markdown file whose file (inside root) or #anchor does not exist."""
    problems = []
    for target in LINK.findall(without_code(doc.read_text(encoding="utf-8"))):
        if SCHEME.match(target):
            continue  # http:, https:, mailto: are not checked offline
        path_part, _, anchor = target.partition("#")
        dest = (doc.parent / unquote(path_part)).resolve() if path_part else doc
        if not dest.is_relative_to(root.resolve()):
            problems.append(f"{doc.name}: {target} leaves the project")
        elif not dest.exists():
            problems.append(f"{doc.name}: {target} does not exist")
        elif anchor and (dest.suffix != ".md" or anchor not in anchors(dest.read_text(encoding="utf-8"))):
            problems.append(f"{doc.name}: {target} has no heading #{anchor}")
    return problems


def cli_options() -> dict[str, set[str]]:
    """manage.py's sub-commands and the options each accepts, from the parser itself."""
    import manage

    parser = manage.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {name: {o for action in p._actions for o in action.option_strings} for name, p in sub.choices.items()}


COMMAND = re.compile(r"manage\.py\s+([a-z][a-z-]*)([^`]*)")


def unknown_cli_words(text: str, cli: dict[str, set[str]]) -> list[str]:
    """`manage.py <command> --option` in code whose command or option the parser does not have."""
    problems = []
    for code in code_of(text):
        for command, rest in COMMAND.findall(code):
            if command not in cli:
                problems.append(f"manage.py {command}: no such command")
                continue
            problems += [f"manage.py {command} {option}: no such option"
                         for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", rest) if option not in cli[command]]
    return problems


def undocumented_commands(readme: str, cli: Iterable[str]) -> list[str]:
    named = {command for code in code_of(readme) for command, _ in COMMAND.findall(code)}
    return sorted(set(cli) - named)


def make_targets(makefile: str) -> set[str]:
    return set(re.findall(r"^([A-Za-z][\w.-]*)[ \t]*:(?!=)", makefile, re.M))


def unknown_make_targets(text: str, targets: set[str]) -> list[str]:
    named = {t for code in code_of(text) for t in re.findall(r"(?:^|[\s`])make[ \t]+([a-z][\w-]*)", code, re.M)}
    return sorted(named - targets)


def setting_names(source: str) -> set[str]:
    """The environment variables settings.py reads."""
    return set(re.findall(r"_(?:get|optional_dir)\(\s*\"([A-Z][A-Z0-9_]+)\"", source))


def page_addresses(app_source: str) -> list[str]:
    """The address of every page app.py registers (its key with hyphens, as build_pages makes it)."""
    keys = [node.args[0].value for node in ast.walk(ast.parse(app_source))
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "PageSpec"
            and node.args and isinstance(node.args[0], ast.Constant)]
    return ["/" + key.replace("_", "-") for key in keys]


# ---------------------------------------------------------------- the checks can fail


def test_a_broken_link_or_anchor_is_reported(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "B.md").write_text("# Other page\n\n## Sign-in protection (local accounts)\n")
    doc = tmp_path / "A.md"
    doc.write_text(
        "# Title\n\n## Configuration (Konfigurasi)\n\n## `make test`\n\n"
        "[ok](#configuration-konfigurasi) [ok](#make-test) [ok](docs/B.md#sign-in-protection-local-accounts)\n"
        "[ok](docs/) [ok](https://example.org/x#y) `[not a link](nowhere.md)`\n"
        "[gone](docs/C.md) [no anchor](#configuration) [wrapped\ntext](docs/B.md#setup) [up](../x.md)\n"
        "```\n[in a block](nowhere.md)\n```\n")
    assert broken_links(doc, root=tmp_path) == [
        "A.md: docs/C.md does not exist",
        "A.md: #configuration has no heading #configuration",
        "A.md: docs/B.md#setup has no heading #setup",
        "A.md: ../x.md leaves the project",
    ]


@pytest.mark.parametrize(("heading", "anchor"), [
    ("Configuration (Konfigurasi)", "configuration-konfigurasi"),
    ("`make test`", "make-test"),
    ("Latest run: 2 Dec 2026, 09:13 UTC", "latest-run-2-dec-2026-0913-utc"),
    ("Indicators: one definition per figure", "indicators-one-definition-per-figure"),
    ("Menjalankan dengan data nyata", "menjalankan-dengan-data-nyata"),
    ("init_demo and **bold**", "init_demo-and-bold"),
])
def test_slug_is_githubs(heading: str, anchor: str):
    assert slug(heading) == anchor


def test_repeated_headings_get_numbered_anchors():
    assert anchors("## Notes\n## Notes\n## Notes\n") == {"notes", "notes-1", "notes-2"}


def test_an_unknown_command_or_option_is_reported():
    cli = {"publish": {"--out", "--serve"}, "migrate": set()}
    text = ("Run `python manage.py publish --out DIR --serve 8080`, then `manage.py migrate`.\n"
            "```bash\nmanage.py publsh --out x\n```\n`manage.py publish --outdir X` and `manage.py migrate --fast`\n")
    assert unknown_cli_words(text, cli) == ["manage.py publsh: no such command",
                                            "manage.py publish --outdir: no such option",
                                            "manage.py migrate --fast: no such option"]
    assert undocumented_commands("`manage.py publish`", cli) == ["migrate"]


def test_an_unknown_make_target_is_reported():
    makefile = "PY ?= python3\n.PHONY: run test\n$(BIN)/python:\n\tx\nrun: setup\n\tx\ntest: a b\n\tx\n"
    assert make_targets(makefile) == {"run", "test"}
    text = "```bash\nmake run\nPORT=1 make test\nmake tset\n```\nand `make bench` (we make sure of it)"
    assert unknown_make_targets(text, make_targets(makefile)) == ["bench", "tset"]


# ---------------------------------------------------------------- the real documents


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_links_and_anchors_resolve(doc: Path):
    assert broken_links(doc) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_manage_command_and_option_named_exists(doc: Path):
    assert unknown_cli_words(doc.read_text(encoding="utf-8"), cli_options()) == []


def test_the_readme_names_every_command():
    assert undocumented_commands(README.read_text(encoding="utf-8"), cli_options()) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_make_target_named_exists(doc: Path):
    targets = make_targets((PROJECT / "Makefile").read_text(encoding="utf-8"))
    assert unknown_make_targets(doc.read_text(encoding="utf-8"), targets) == []


def test_the_readme_names_every_setting():
    readme = README.read_text(encoding="utf-8")
    names = setting_names((PROJECT / "settings.py").read_text(encoding="utf-8"))
    assert "DATABASE_URL" in names and "TPPO_GEO_DIR" in names  # the parse itself works
    assert sorted(n for n in names if f"`{n}`" not in readme) == []


def test_the_readme_lists_every_page_with_its_address():
    addresses = page_addresses((PROJECT / "app.py").read_text(encoding="utf-8"))
    assert "/ringkasan-eksekutif" in addresses
    readme = README.read_text(encoding="utf-8")
    assert [a for a in addresses if f"`{a}`" not in readme] == []


def test_the_data_section_is_left_for_issue_23():
    assert "\n## Menjalankan dengan data nyata\n" in README.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_checks_the_system_packages_before_any_test():
    dry = subprocess.run(["make", "-n", "test"], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    check = next(i for i, line in enumerate(lines) if "tools/ensure_test_packages.py" in line)
    first_test = next(i for i, line in enumerate(lines) if "pytest" in line)
    assert check < first_test


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_no_merge_conflict_markers(doc: Path):
    """A merge once left <<<<<<< / >>>>>>> lines in the README's pages table; markdown renders them as text."""
    import re

    assert not re.findall(r"^(?:<{7}|>{7}|={7})(?: |$)", doc.read_text(encoding="utf-8"), flags=re.M)
