"""Recruit allocation and transfer planning: max–min optimality checked by brute force."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest

from domain.allocation import ALLOCATION_COLUMNS, TRANSFER_UNIT_COLUMNS, allocate_recruits, plan_transfers


def _units(current: list[float], required: list[float], names: list[str] | None = None) -> pd.DataFrame:
    names = names or [f"Sentra {chr(ord('A') + i)}" for i in range(len(current))]
    return pd.DataFrame({"unit": names, "current_staff": current, "required_staff": required})


def _lowest_ratio(staff: list[float], required: list[float]) -> float:
    ratios = [s / r for s, r in zip(staff, required) if r > 0]
    return min(ratios) if ratios else math.nan


def _best_lowest_ratio(current: list[float], required: list[float], n: int) -> float:
    """Brute force: the best lowest ratio over every way of splitting n staff across the units."""
    best = -math.inf
    for split in itertools.product(range(n + 1), repeat=len(current)):
        if sum(split) == n:
            best = max(best, _lowest_ratio([c + a for c, a in zip(current, split)], required))
    return best


BRUTE_FORCE_CASES = [
    # (current_staff, required_staff, n)
    ([0, 0], [1, 2], 3),
    ([2, 1], [4, 1], 3),
    ([3, 1, 0], [4.05, 2.5, 1.2], 4),
    ([1, 1, 1], [3, 2, 1], 6),
    ([5, 0, 2, 1], [2, 3, 2.5, 0.8], 5),
    ([0, 0, 0, 0], [1.5, 1.5, 3, 0.5], 6),
    ([4, 2, 1, 3], [1, 2, 3, 4], 6),
    ([1, 2], [3, 0], 4),  # a unit with no requirement must not soak up staff
    ([0.5, 2.25, 1], [1.7, 3.3, 2.9], 5),  # fractional FTE counts and requirements
    ([2, 2, 2], [1, 1, 1], 0),
]


@pytest.mark.parametrize(("current", "required", "n"), BRUTE_FORCE_CASES)
def test_greedy_reaches_the_best_lowest_ratio(current: list[float], required: list[float], n: int) -> None:
    result = allocate_recruits(_units(current, required), n)

    greedy_lowest = _lowest_ratio(list(result["after_staff"]), required)
    assert greedy_lowest == pytest.approx(_best_lowest_ratio(current, required, n))
    assert result["added"].sum() == n  # every case has a unit that can take staff
    assert all(a == 0 for a, r in zip(result["added"], required) if r == 0)


@pytest.mark.parametrize(
    ("current", "required", "n", "expected_added"),
    [
        ([2, 1], [4, 1], 3, [3, 0]),  # 0.5 → 0.75 → 1.0, then the 1.0 tie goes to "Sentra A" by name
        ([0, 0], [1, 2], 3, [1, 2]),  # 0/1 vs 0/2 tie → A; then B (0 < 1), B (0.5 < 1)
        ([1, 1], [0, 0], 4, [0, 0]),  # nobody can take staff: fewer than n, never more
        ([3, 1], [3, 0], 2, [2, 0]),
    ],
)
def test_allocation_by_hand(
    current: list[float], required: list[float], n: int, expected_added: list[int]
) -> None:
    result = allocate_recruits(_units(current, required), n)
    assert list(result["added"]) == expected_added
    assert result["added"].sum() <= n


def test_ties_go_to_the_name_that_sorts_first_whatever_the_input_order() -> None:
    result = allocate_recruits(_units([1, 1], [2, 2], names=["UPT PPA Sumut", "UPT PPA Aceh"]), 1)
    assert dict(zip(result["unit"], result["added"])) == {"UPT PPA Sumut": 0, "UPT PPA Aceh": 1}


def test_allocation_columns_and_ratios() -> None:
    result = allocate_recruits(_units([1, 3], [4, 0]), 2)

    assert list(result.columns) == list(ALLOCATION_COLUMNS)
    first = result.iloc[0]
    assert first[["ratio_before", "added", "after_staff", "ratio_after"]].tolist() == [0.25, 2, 3, 0.75]
    assert math.isnan(result.iloc[1]["ratio_before"]) and math.isnan(result.iloc[1]["ratio_after"])


@pytest.mark.parametrize(("n", "fragment"), [(-1, "tidak boleh negatif"), (2.5, "bilangan bulat")])
def test_allocation_rejects_bad_counts_in_indonesian(n: float, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        allocate_recruits(_units([1], [2]), n)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("units", "fragment"),
    [
        (_units([1, 1], [2, 2], names=["A", "A"]), "lebih dari sekali"),
        (_units([-1], [2]), "tidak negatif"),
        (pd.DataFrame({"unit": ["A"], "current_staff": [1]}), "required_staff"),
    ],
)
def test_allocation_rejects_bad_unit_tables(units: pd.DataFrame, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        allocate_recruits(units, 1)


def test_transfers_by_hand() -> None:
    # A 2/4 = 0.5, B 6/3 = 2.0, C 3/3 = 1.0 (C cannot give: 2/3 < 1).
    # Move 1: B → A: A 3/4 = 0.75, B 5/3 = 1.67. Move 2: B → A: A 4/4 = 1.0, B 4/3 = 1.33.
    # Then A and C tie at 1.0; lifting A to 5/4 = 1.25 would leave B at 3/3 = 1.0 < 1.25: stop.
    plan = plan_transfers(_units([2, 6, 3], [4, 3, 3]), max_moves=10)

    assert list(plan.units.columns) == list(TRANSFER_UNIT_COLUMNS)
    assert plan.moves[["from_unit", "to_unit"]].values.tolist() == [["Sentra B", "Sentra A"]] * 2
    assert list(plan.units["after_staff"]) == [4, 4, 3]
    assert list(plan.units["moved_in"]) == [2, 0, 0] and list(plan.units["moved_out"]) == [0, 2, 0]


def test_transfers_lift_every_unit_tied_at_the_minimum() -> None:
    # A and B tie at 0.5; no single move raises the overall minimum, but lifting both does.
    plan = plan_transfers(_units([1, 1, 10], [2, 2, 2]), max_moves=10)
    assert plan.moves["to_unit"].tolist()[:2] == ["Sentra A", "Sentra B"]
    assert _lowest_ratio(list(plan.units["after_staff"]), [2, 2, 2]) > 0.5


def test_transfers_stop_at_max_moves() -> None:
    plan = plan_transfers(_units([2, 6, 3], [4, 3, 3]), max_moves=1)
    assert len(plan.moves) == 1
    assert list(plan.units["after_staff"]) == [3, 5, 3]


@pytest.mark.parametrize(
    ("current", "required"),
    [
        ([2, 6, 3], [4, 3, 3]),
        ([0, 9, 1, 4], [2, 3, 1, 1]),
        ([1, 5, 2], [3, 1.5, 0]),  # the unit with no requirement keeps its staff
        ([10, 1], [2.2, 4.4]),
        ([3, 3], [3, 3]),  # already balanced: nothing to do
    ],
)
def test_transfer_invariants(current: list[float], required: list[float]) -> None:
    plan = plan_transfers(_units(current, required), max_moves=20)
    after = list(plan.units["after_staff"])

    assert sum(after) == sum(current)
    assert _lowest_ratio(after, required) >= _lowest_ratio(current, required)
    for c, a, r in zip(current, after, required):
        if r == 0:
            assert a == c
        elif a < c:  # a donor never drops below a balanced ratio
            assert a / r >= 1
    assert (plan.units["moved_in"] - plan.units["moved_out"]).tolist() == [a - c for a, c in zip(after, current)]


def test_transfer_donor_never_ends_below_recipient() -> None:
    # B (4/2 = 2.0) giving one to A (0/1) would leave B at 1.5 ≥ A's 1.0: allowed; a second move
    # would leave B at 1.0 < A's 2.0: refused.
    plan = plan_transfers(_units([0, 4], [1, 2]), max_moves=5)
    assert list(plan.units["after_staff"]) == [1, 3]


def test_transfers_reject_negative_max_moves() -> None:
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        plan_transfers(_units([1], [1]), max_moves=-1)
