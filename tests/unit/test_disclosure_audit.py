"""The integer audit (domain.disclosure_audit) on hand-made tables, and the extend loop it drives in protect_linked."""

from __future__ import annotations

import pandas as pd
import pytest

import domain.disclosure
from domain.disclosure import DisclosureRules, protect_linked
from domain.disclosure_audit import pinned_cells
from domain.publication import extract_cells
from tests.publication_attack import attack

# A 2x2 table with margins: cells 0-3 inner (a b / c d), 4-5 row totals, 6-7 column totals, 8 the grand total.
EQUATIONS_2X2 = [(4, (0, 1)), (5, (2, 3)), (6, (0, 2)), (7, (1, 3)), (8, (4, 5)), (8, (6, 7))]
SMALL, X = (1, 9), (10, 10**15)


def _exact(true: list[int]) -> list[tuple[int, int]]:
    return [(v, v) for v in true]


ROUNDED_5 = {1: (18, 22), 2: (28, 32), 3: (38, 42), 4: (23, 27), 5: (68, 72), 6: (33, 37), 7: (58, 62), 8: (93, 97)}


@pytest.mark.parametrize(("true", "hidden", "pinned"), [
    # one hidden cell, everything else exact: its row total minus the other part gives it away
    ([5, 20, 30, 40, 25, 70, 35, 60, 95], {0: SMALL}, [0]),
    # two hidden in one row: still pinned, each by its column
    ([5, 20, 30, 40, 25, 70, 35, 60, 95], {0: SMALL, 1: X}, [0, 1]),
    # four hidden inner cells, margins shown: one degree of freedom, nothing pinned
    ([5, 20, 30, 40, 25, 70, 35, 60, 95], {0: SMALL, 1: X, 2: X, 3: X}, []),
    # a diagonal pair hidden in row and column: the margins pin both
    ([5, 20, 30, 7, 25, 37, 35, 27, 62], {0: SMALL, 3: SMALL}, [0, 3]),
    # a whole row hidden with its total, the column totals shown: pinned through the columns
    ([5, 20, 30, 40, 25, 70, 35, 60, 95], {0: SMALL, 1: X, 4: X}, [0, 1, 4]),
    # four hidden, but the "<10" bounds leave one value only: 1 + 1 = 2 pins both
    ([1, 1, 30, 40, 2, 70, 31, 41, 72], {0: SMALL, 1: SMALL, 2: X, 3: X, 4: (1, 9)}, [0, 1, 2, 3, 4]),
    # rounding (base 5) on the shown cells: intervals wide enough, the hidden cell moves
    ([5, 20, 30, 40, 25, 70, 35, 60, 95], {0: SMALL, **{c: (c, b) for c, b in ROUNDED_5.items()}}, []),
    # a hidden zero read as exactly 0 is reported too (it tells that a category is empty)
    ([0, 20, 30, 40, 20, 70, 30, 60, 90], {0: (0, 9)}, [0]),
    # ... and one that may be 0 to 9 inside a hidden row is not
    ([0, 20, 30, 40, 20, 70, 30, 60, 90], {0: (0, 9), 1: X, 2: X, 3: X}, []),
])
def test_pinned_cells_on_a_2x2_table(true, hidden, pinned):
    # hidden: cell -> its reader bounds; a (cell, bounds) value is a shown cell with a rounding interval
    bounds = _exact(true)
    for cell, bound in hidden.items():
        bounds[cell] = bound[1] if isinstance(bound[1], tuple) else bound
    cells = [c for c, bound in hidden.items() if not isinstance(bound[1], tuple)]
    assert pinned_cells(true, EQUATIONS_2X2, bounds, cells) == pinned


def test_pinned_cells_refuses_a_truth_that_breaks_the_system():
    with pytest.raises(ValueError):
        pinned_cells([5, 20, 30, 40, 26, 70, 35, 60, 95], EQUATIONS_2X2, _exact([0] * 9), [0])


def _cube(values: dict[tuple[str, str, str], int]) -> pd.DataFrame:
    frame = {d: pd.Categorical([k[i] for k in values], categories=sorted({k[i] for k in values}))
             for i, d in enumerate("abc")}
    return pd.DataFrame({**frame, "n": list(values.values())})


# Found by a seeded search: here the group-wise complements close every row, column and layer, yet the margins of a
# 2x2x3 table still pin six hidden cells (the attacker below shows it with the audit turned off).
CUBE_GROUPWISE_FAILS = {
    ("p", "r", "u"): 6, ("p", "r", "v"): 2, ("p", "r", "w"): 20, ("p", "s", "u"): 6, ("p", "s", "v"): 20,
    ("p", "s", "w"): 6, ("q", "r", "u"): 4, ("q", "r", "v"): 15, ("q", "r", "w"): 45, ("q", "s", "u"): 4,
    ("q", "s", "v"): 20, ("q", "s", "w"): 0,
}


@pytest.mark.parametrize("values", [
    # one small cell in a 2x2x2 table
    {("p", "r", "u"): 4, ("p", "r", "v"): 30, ("p", "s", "u"): 25, ("p", "s", "v"): 40,
     ("q", "r", "u"): 35, ("q", "r", "v"): 20, ("q", "s", "u"): 45, ("q", "s", "v"): 50},
    # two small cells on a diagonal
    {("p", "r", "u"): 4, ("p", "r", "v"): 30, ("p", "s", "u"): 25, ("p", "s", "v"): 40,
     ("q", "r", "u"): 35, ("q", "r", "v"): 20, ("q", "s", "u"): 45, ("q", "s", "v"): 3},
    CUBE_GROUPWISE_FAILS,
])
@pytest.mark.parametrize("base", [1, 5])
def test_a_3d_table_with_its_margins_is_protected_against_the_attacker(values, base):
    rules = DisclosureRules(10, base)
    cells = extract_cells({"t": protect_linked(_cube(values), [("a", "b", "c")], "n", rules)[("a", "b", "c")]})
    ranges = attack(cells, rules, {"t": ("a", "b", "c")})
    assert ranges and all(low < high for low, high in ranges.values()), ranges


def test_without_the_audit_a_3d_table_gives_a_cell_away(monkeypatch):
    """Teeth: the group-wise complements alone leave a hidden cell the attacker pins."""
    values = CUBE_GROUPWISE_FAILS
    rules = DisclosureRules(10, 1)
    monkeypatch.setattr(domain.disclosure, "pinned_cells", lambda *args: [])
    cells = extract_cells({"t": protect_linked(_cube(values), [("a", "b", "c")], "n", rules)[("a", "b", "c")]})
    ranges = attack(cells, rules, {"t": ("a", "b", "c")})
    assert any(low == high for low, high in ranges.values()), ranges
