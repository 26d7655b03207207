"""Every UI and export string, Indonesian (default) and English, merged from one module per area.

Keys are dotted ("shell.title"); each module exports CATALOG = {key: {"id": ..., "en": ...}}.
"""

from __future__ import annotations

import importlib
import pkgutil
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
    return text.format(**values) if values else text


def tr_count(key: str, lang: str, count: float | int | None, **values: object) -> str:
    """tr for a sentence about count things: the key's ".one" variant when count is 1 and that variant exists
    (English inflects "1 unit" / "2 units"; Indonesian does not, so its ".one" text repeats the plain one)."""
    one = f"{key}.one"
    return tr(one if count == 1 and one in catalog() else key, lang, **values)
