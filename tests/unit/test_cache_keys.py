"""ui.cached keys DataFrames by their pickle (issue 12: Streamlit's own frame hash cost ~2 ms per argument per rerun).
A key must change whenever the content does, or a page would show a stale figure."""

from __future__ import annotations

import pandas as pd
import pytest

from ui.cached import _frame_key

BASE = pd.DataFrame({"kode": ["52", "35"], "jumlah": [791, 173], "rate": [14.2, 0.4]})


@pytest.mark.parametrize("changed", [
    BASE.assign(jumlah=[791, 174]),                  # one count
    BASE.assign(rate=[14.2, 0.41]),                  # one decimal
    BASE.assign(kode=["52", "36"]),                  # one code
    BASE.rename(columns={"rate": "laju"}),           # a header
    BASE.iloc[::-1],                                 # row order
    BASE.set_index("kode"),                          # the index
    BASE.astype({"jumlah": "float64"}),              # a dtype
    BASE.head(1),                                    # a row fewer
], ids=["count", "decimal", "code", "header", "order", "index", "dtype", "rows"])
def test_any_change_of_content_changes_the_key(changed):
    assert _frame_key(changed) != _frame_key(BASE)


def test_equal_content_gives_the_same_key():
    assert _frame_key(BASE.copy(deep=True)) == _frame_key(BASE)
    assert _frame_key(BASE["jumlah"].copy()) == _frame_key(BASE["jumlah"])
