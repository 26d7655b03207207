"""The string catalogue: both languages for every key, matching placeholders, every key used in code exists,
and every page renders in English (the sidebar switch and ?lang=en)."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from strings import DEFAULT_LANG, LANGUAGES, catalog, tr
from tests.helpers import no_exception, open_page

PROJECT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("app_pages", "ui", "builders", "domain", "data_access", "exports", "cli", "demo", "strings")
CODE_FILES = sorted([PROJECT / "app.py", PROJECT / "manage.py",
                     *(p for d in CODE_DIRS for p in (PROJECT / d).rglob("*.py"))])
CATALOG = catalog()
PAGES = ("ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "proyeksi",
         "pemantauan_jarnas", "daftar_tindakan", "pencegahan", "glosarium", "ringkasan_publik", "kelola_data", "masuk")


def placeholders(text: str) -> set[str]:
    """Named fields of a str.format template ("{n} of {m}" → {"n", "m"}); format specs ignored."""
    return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(text) if field}


class Use:
    """One t()/tr() call found in the code."""

    def __init__(self, path: Path, node: ast.Call) -> None:
        self.where = f"{path.relative_to(PROJECT)}:{node.lineno}"
        first = node.args[0] if node.args else None
        self.key = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        self.prefix = None
        if isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
            self.prefix = first.values[0].value
        self.kwargs = {k.arg for k in node.keywords if k.arg}
        self.has_star_kwargs = any(k.arg is None for k in node.keywords)

    def __repr__(self) -> str:
        return f"{self.where} {self.key or self.prefix!r}"


def find_uses() -> list[Use]:
    uses = []
    for path in CODE_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "tr"):
                uses.append(Use(path, node))
    return uses


USES = find_uses()


# ------------------------------------------------------------------ the scanner itself
@pytest.mark.parametrize(("template", "expected"), [
    ("Diperbarui {when}", {"when"}),
    ("{n} dari {m} sel", {"n", "m"}),
    ("{value:,.1f} dan {{literal}}", {"value"}),
    ("tanpa tempat", set()),
])
def test_placeholders(template, expected):
    assert placeholders(template) == expected


def test_scanner_finds_the_known_uses():
    keys = {u.key for u in USES}
    assert {"login.as", "demo.notice", "provenance"} <= keys
    assert any(u.prefix == "nav." for u in USES)  # app.py: t(f"nav.{spec.key}")


# ------------------------------------------------------------------ the catalogue
def language_problems(catalogue: dict[str, dict[str, str]]) -> list[str]:
    """Keys whose languages are not exactly id and en, or whose text is empty."""
    bad = []
    for key, texts in catalogue.items():
        if set(texts) != set(LANGUAGES):
            bad.append(f"{key}: languages {sorted(texts)}")
        bad += [f"{key}: empty {lang}" for lang in LANGUAGES
                if not isinstance(texts.get(lang, ""), str) or not str(texts.get(lang, "")).strip()]
    return bad


def placeholder_problems(catalogue: dict[str, dict[str, str]]) -> list[str]:
    return [f"{key}: id {sorted(placeholders(t.get('id', '')))} en {sorted(placeholders(t.get('en', '')))}"
            for key, t in catalogue.items() if placeholders(t.get("id", "")) != placeholders(t.get("en", ""))]


@pytest.mark.parametrize(("catalogue", "problems"), [
    ({"a.b": {"id": "Satu", "en": "One"}}, 0),
    ({"a.b": {"id": "Satu"}}, 2),  # no en: wrong language set, and en empty
    ({"a.b": {"id": "Satu", "en": "  "}}, 1),
    ({"a.b": {"id": "Satu", "en": "One", "fr": "Un"}}, 1),
])
def test_language_problems_finds_gaps(catalogue, problems):
    assert len(language_problems(catalogue)) == problems


def test_every_key_has_both_languages():
    assert not language_problems(CATALOG)


@pytest.mark.parametrize(("texts", "problems"), [
    ({"id": "{n} dari {m}", "en": "{n} of {m}"}, 0),
    ({"id": "{n} dari {m}", "en": "{n} of {total}"}, 1),
    ({"id": "Diperbarui {when}", "en": "Updated"}, 1),
])
def test_placeholder_problems_finds_mismatch(texts, problems):
    assert len(placeholder_problems({"k": texts})) == problems


def test_placeholders_match_between_languages():
    assert not placeholder_problems(CATALOG)


def test_keys_have_no_whitespace():
    bad = [k for k in CATALOG if k != k.strip() or any(c.isspace() for c in k)]
    assert not bad, bad


# ------------------------------------------------------------------ the code against the catalogue
def test_every_literal_key_used_in_code_exists():
    missing = [u for u in USES if u.key is not None and u.key not in CATALOG]
    assert not missing, f"t()/tr() keys not in the catalogue: {missing}"


def test_every_dynamic_key_prefix_exists():
    missing = [u for u in USES if u.prefix and not any(k.startswith(u.prefix) for k in CATALOG)]
    assert not missing, f"t(f'...') prefixes with no key in the catalogue: {missing}"


def test_calls_pass_every_placeholder():
    """t("key", a=...) whose text also needs {b} raises KeyError in front of a minister. A call with no values
    at all returns the raw template (builders fill it later), so only partial calls are errors."""
    short = []
    for use in USES:
        if use.key not in CATALOG or use.has_star_kwargs or not use.kwargs:
            continue
        needed = set().union(*(placeholders(text) for text in CATALOG[use.key].values()))
        if needed - use.kwargs:
            short.append(f"{use!r} lacks {sorted(needed - use.kwargs)}")
    assert not short, short


def test_tr_falls_back_and_fails_loudly():
    assert tr("nav.masuk", "en") == "Sign in"
    assert tr("nav.masuk", "xx") == tr("nav.masuk", DEFAULT_LANG)
    with pytest.raises(KeyError):
        tr("tidak.ada.kunci.ini")


# ------------------------------------------------------------------ every page in English (AppTest)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_english(app_env, page):
    """The sidebar radio (session key "lang") set to English: English title, no exception (a missing key
    raises KeyError in tr and would show as one)."""
    at = open_page(page, role="admin_data", state={"lang": "en"})
    no_exception(at)
    title_key = "akun" if page == "masuk" else page  # signed in, the sign-in address is the account page
    assert at.title and at.title[0].value == tr(f"nav.{title_key}", "en")


@pytest.mark.parametrize("role", ["publik", "jarnas"])
def test_lang_parameter_opens_the_page_in_english(app_env, role):
    page = "ringkasan_publik" if role == "publik" else "pemantauan_jarnas"
    at = open_page(page, role=role, query={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == tr(f"nav.{page}", "en")


@pytest.mark.parametrize("n, lang, expected", [
    (1, "en", "Jawa Timur: 1 service unit"), (2, "en", "Jawa Timur: 2 service units"),
    (1, "id", "Jawa Timur: 1 unit layanan"),
])
def test_counts_of_one_are_singular_in_english(n, lang, expected):
    """Issue 25: the English view said "1 service units"."""
    from strings import tr_count

    assert tr_count("kap.kpi.header", lang, n, scope="Jawa Timur", n=n) == expected


def test_no_english_sentence_says_one_with_a_plural():
    """Issue 25: counts fill sentences at run time ("1 service units", "across 1 units"). Every English text, its
    counts set to 1, reads singular."""
    import re

    from strings import catalog

    plural_after_one = re.compile(r"(?<![\d.,])(\*\*)?1(\*\*)? (?:[a-z-]+ )?(units|victims|months|cells|rows|reports|"
                                  r"problems|warnings|areas|roles|moves|days|provinces)\b")
    slips = {}
    for key in catalog():
        if "{" in catalog()[key].get("en", ""):
            try:
                text = tr(key, "en", **{name: 1 for name in _placeholders(key)})
            except (KeyError, ValueError, IndexError):
                continue
            if plural_after_one.search(text):
                slips[key] = text
    assert not slips, slips


def _placeholders(key: str) -> set[str]:
    import string

    from strings import catalog

    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(catalog()[key]["en"])
            if name}
