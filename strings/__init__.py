"""Every UI and export string, Indonesian (default) and English, merged from one module per area.

Keys are dotted ("shell.title"); each module exports CATALOG = {key: {"id": ..., "en": ...}}.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

LANGUAGES = ("id", "en")
DEFAULT_LANG = "id"


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, texts in module.CATALOG.items():
            if key in merged:
                raise KeyError(f"duplicate string key {key} in {info.name}")
            merged[key] = texts
    return merged


def tr(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for key in lang, falling back to Indonesian; {placeholders} filled from values."""
    texts = catalog().get(key)
    if texts is None:
        raise KeyError(f"unknown string key {key}")
    text = texts.get(lang) or texts[DEFAULT_LANG]
    if not values:
        return text
    text = text.format(**values)
    return singular_after_one(text) if lang == "en" else text


# English inflects a counted noun ("1 unit", "2 units"), Indonesian does not. Sentences fill counts at run time, so
# a filled "1 units" is made singular here, once, for every key (issue 25: "1 service units", "across 1 units").
# Only a bare 1 counts: "1 of 3 units", "11 units" and "0.1 units" stay plural.
_COUNTED = ("unit", "victim", "month", "cell", "row", "report", "problem", "warning", "area", "role", "move", "day",
            "province", "cycle", "submission", "account", "file")
_ONE_PLURAL = re.compile(r"(?<![\d.,])(\*\*)?1(\*\*)? ((?:[a-z-]+ )?)(" + "|".join(_COUNTED) + r")s\b")


def singular_after_one(text: str) -> str:
    """"1 units" -> "1 unit", "**1** other units" -> "**1** other unit" (English only)."""
    return _ONE_PLURAL.sub(lambda m: m.group(0)[:-1], text)


def tr_count(key: str, lang: str, count: float | int | None, **values: object) -> str:
    """tr for a sentence about count things: the key's ".one" variant when count is 1 and that variant exists
    (English inflects "1 unit" / "2 units"; Indonesian does not, so its ".one" text repeats the plain one)."""
    one = f"{key}.one"
    return tr(one if count == 1 and one in catalog() else key, lang, **values)
