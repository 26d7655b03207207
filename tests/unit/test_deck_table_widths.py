"""Deck tables: no word is broken across lines ("dibutuhka n" in a header, "kesehata n" in a body cell), and the
columns fill the table."""

from __future__ import annotations

import pytest
from pptx.util import Inches, Pt

from exports.slides import CELL_PAD, column_widths
from exports.text_fit import longest_word_pt
from strings import tr

SDM = ["deck.col.role", "deck.col.current", "deck.col.required", "deck.col.gap", "deck.col.ratio"]
CAPACITY = ["deck.col.unit", "deck.col.from", "deck.col.to", "deck.col.max"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("keys", "row"), [
    (SDM, ["Tenaga kesehatan", "188", "180,2", "18,5", "1,04"]),
    (SDM, ["Pendamping / instruktur vokasional", "63", "89,2", "28,1", "0,71"]),
    (CAPACITY, ['Sentra Terpadu "Kartini"', "Jan 2025", "Jul 2025", "98%"]),
])
def test_every_word_fits_its_column(lang, keys, row):
    header = [tr(k, lang) for k in keys]
    width, size = int(Inches(5.2)), 11
    widths = column_widths(header, [row] * 3, width, size)
    for title, value, w in zip(header, row, widths):
        need = max(longest_word_pt(title, size, bold=True), longest_word_pt(value, size)) * Pt(1) + CELL_PAD
        assert w >= need - 1, (title, value, w)
    assert abs(sum(widths) - width) <= len(widths), "the columns fill the table"
