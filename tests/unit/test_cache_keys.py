"""ui.cached keys DataFrames by the pickles of their columns (issue 12: Streamlit's own frame hash cost ~2 ms per argument per rerun).
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


def test_a_cache_copy_of_a_computed_frame_keys_the_same():
    """st.cache_data hands out pickled copies: the first run after a filter change computes from a query's own
    frame, the next ones from its copy. The two results are equal, but their whole-frame pickles differed, so the
    two reruns after every filter change rebuilt the maps (issue 12). The key must not differ."""
    import pickle

    def by_province(victims: pd.DataFrame) -> pd.DataFrame:  # domain.map_values.victims_by_province's shape
        return victims.groupby(victims["kode_prov_asal"].astype(str).rename("kode"), sort=True)["jumlah"].sum() \
            .reset_index()

    victims = pd.DataFrame({"kode_prov_asal": ["52", "35", "52", "11"], "jumlah": [5, 3, 4, 1]})
    first, later = by_province(victims), by_province(pickle.loads(pickle.dumps(victims)))
    assert first.equals(later)
    assert _frame_key(later) == _frame_key(first)


def test_a_series_and_its_frame_key_apart():
    assert _frame_key(BASE["jumlah"]) != _frame_key(BASE[["jumlah"]])


def test_equal_content_gives_the_same_key():
    assert _frame_key(BASE.copy(deep=True)) == _frame_key(BASE)
    assert _frame_key(BASE["jumlah"].copy()) == _frame_key(BASE["jumlah"])


@pytest.mark.parametrize(("one", "other"), [
    (pd.DataFrame({"a": [1, 2]}), pd.DataFrame({"a": [1.0, 2.0]})),                       # int vs float, same values
    (pd.DataFrame({"a": [1, 2]}, dtype="int64"), pd.DataFrame({"a": [1, 2]}, dtype="int32")),
    (pd.DataFrame({"a": [0, 1]}), pd.DataFrame({"a": [False, True]})),
    (pd.DataFrame({"a": pd.to_datetime(["2024-01-01"])}), pd.DataFrame({"a": pd.to_datetime(["2024-01-02"])})),
    (pd.DataFrame({"a": [1, 2], "b": [3, 4]}), pd.DataFrame({"a": [1, 2, 3], "b": [4]*3}).iloc[:, :2].head(2)),
    (pd.DataFrame({"a": [1.0, float("nan")]}), pd.DataFrame({"a": [1.0, 0.0]})),
], ids=["int-float", "width", "bool", "date", "values", "nan"])
def test_numeric_columns_key_by_type_and_value(one, other):
    assert _frame_key(one) != _frame_key(other)
    assert _frame_key(one) == _frame_key(one.copy(deep=True))
