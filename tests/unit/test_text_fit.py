"""Slide text fitting: a box's type shrinks until its wrapped text fits, and never grows."""

from __future__ import annotations

import pytest
from pptx.util import Inches

from exports.text_fit import MIN_TEXT_PT, fitted_size, table_height_emu, wrap

LONG = ("Perbandingan hanya antara bulan yang sama setahun sebelumnya, bila data mencakup keduanya; indikator yang "
        "baru lengkap beberapa bulan kemudian tidak dibandingkan untuk periode yang berakhir kurang dari 6 bulan "
        "sebelum akhir data. ") * 3


@pytest.mark.parametrize(("paragraphs", "width_in", "height_in", "size", "expected"), [
    (["Angka utama"], 12.3, 0.8, 30, 30),  # fits: unchanged
    (["31 sentra · 2 RPTC"], 4.0, 0.9, 40, None),  # shrinks to one line
    ([LONG], 5.2, 1.0, 11, None),  # long note in a small box: the floor
    (["Unit dalam peringatan:"], 3.4, 0.6, 20, None),
])
def test_fitted_size(paragraphs, width_in, height_in, size, expected):
    got = fitted_size(paragraphs, int(Inches(width_in)), int(Inches(height_in)), size, bold=True)
    if expected is not None:
        assert got == expected
    else:
        assert MIN_TEXT_PT <= got < size
    width_pt = width_in * 72 - 14.4
    lines = sum(len(wrap(p, width_pt, got, bold=True)) for p in paragraphs)
    assert got == MIN_TEXT_PT or lines * got * 1.2 <= height_in * 72 - 7.2  # the floor (10 pt, issue 25)


def test_table_rows_grow_with_wrapped_text():
    widths = [int(Inches(1.0)), int(Inches(1.0))]
    short = table_height_emu(["A", "B"], [["x", "y"]], widths, 11)
    tall = table_height_emu(["A", "B"], [["Pendamping / instruktur vokasional", "y"]], widths, 11)
    assert short == int(Inches(0.4)) * 2 and tall > short
