"""Deck tables: no header word is broken across lines ("dibutuhka n"), and the columns fill the table."""

from __future__ import annotations

import pytest
from pptx.util import Inches, Pt

from exports.deck import CELL_PAD, GLYPH_EM, column_widths
from strings import tr

SDM = ["deck.col.role", "deck.col.current", "deck.col.required", "deck.col.gap", "deck.col.ratio"]
CAPACITY = ["deck.col.unit", "deck.col.from", "deck.col.to", "deck.col.max"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("keys", "row"), [
    (SDM, ["Pekerja sosial", "188", "180,2", "18,5", "1,04"]),
    (CAPACITY, ['Sentra Terpadu "Kartini"', "Jan 2025", "Jul 2025", "98%"]),
])
def test_every_header_word_fits_its_column(lang, keys, row):
    header = [tr(k, lang) for k in keys]
    width, size = int(Inches(5.2)), 11
    widths = column_widths(header, [row] * 3, width, size)
    for title, w in zip(header, widths):
        longest = max(len(word) for word in title.split())
        assert w >= longest * Pt(size) * GLYPH_EM + CELL_PAD - 1, (title, w)
    assert abs(sum(widths) - width) <= len(widths), "the columns fill the table"
