"""Plan new recruits and transfers so the unit with the lowest WISN ratio is lifted first."""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

UNIT_COLUMNS: tuple[str, ...] = ("unit", "current_staff", "required_staff")
ALLOCATION_COLUMNS: tuple[str, ...] = (
    "unit", "current_staff", "required_staff", "ratio_before", "added", "after_staff", "ratio_after",
)
TRANSFER_UNIT_COLUMNS: tuple[str, ...] = (
    "unit", "current_staff", "required_staff", "ratio_before", "moved_in", "moved_out", "after_staff",
    "ratio_after",
)
TRANSFER_MOVE_COLUMNS: tuple[str, ...] = ("step", "from_unit", "to_unit")


@dataclass(frozen=True, eq=False)
class TransferPlan:
    """Before/after per unit (TRANSFER_UNIT_COLUMNS) and the moves in order (TRANSFER_MOVE_COLUMNS)."""

    units: pd.DataFrame
    moves: pd.DataFrame


def allocate_recruits(units: pd.DataFrame, n: int) -> pd.DataFrame:
    """Give n new staff one at a time to the unit with the lowest (current + added) / required.

    Ties go to the unit name that sorts first. Units with required_staff 0 have no ratio and never
    receive staff, so fewer than n are placed only when no unit can take any. Returns
    ALLOCATION_COLUMNS in input order; ratios are NaN where required_staff is 0.
    """
    n = _whole_count(n, "Jumlah staf baru")
    table = _checked_units(units)
    names, current, required = _columns(table)
    added = [0] * len(names)
    # Fractions, not floats, so equal ratios compare equal and the name tie-break decides.
    heap = [(_exact_ratio(current[i], required[i]), names[i], i) for i in range(len(names)) if required[i] > 0]
    heapq.heapify(heap)
    for _ in range(n if heap else 0):
        _, name, i = heapq.heappop(heap)
        added[i] += 1
        heapq.heappush(heap, (_exact_ratio(current[i] + added[i], required[i]), name, i))

    after = [c + a for c, a in zip(current, added)]
    return pd.DataFrame({
        "unit": names,
        "current_staff": current,
        "required_staff": required,
        "ratio_before": [_ratio(c, r) for c, r in zip(current, required)],
        "added": added,
        "after_staff": after,
        "ratio_after": [_ratio(s, r) for s, r in zip(after, required)],
    }, columns=list(ALLOCATION_COLUMNS))


def plan_transfers(units: pd.DataFrame, max_moves: int) -> TransferPlan:
    """Move whole staff, one at a time, from units above ratio 1 to the unit with the lowest ratio.

    A move is made only if it lifts the lowest-ratio unit (ties: name first) and leaves the donor at
    ratio ≥ 1 and ≥ the recipient's new ratio, so the minimum ratio never falls and rises once every
    unit tied at the minimum has been lifted. The donor is the unit with the highest ratio. Units
    with required_staff 0 neither give nor receive: their ratio is undefined, and 0 usually means
    "no workload recorded" rather than "staff to spare".
    """
    max_moves = _whole_count(max_moves, "Jumlah perpindahan maksimum")
    table = _checked_units(units)
    names, current, required = _columns(table)
    staff = list(current)
    moved_in = [0] * len(names)
    moved_out = [0] * len(names)
    moves: list[tuple[int, str, str]] = []
    eligible = [i for i in range(len(names)) if required[i] > 0]

    def ratio(i: int, change: int = 0) -> Fraction:
        return _exact_ratio(staff[i] + change, required[i])

    while eligible and len(moves) < max_moves:
        to = min(eligible, key=lambda i: (ratio(i), names[i]))
        floor = max(Fraction(1), ratio(to, +1))
        donors = [i for i in eligible if i != to and ratio(i, -1) >= floor]
        if not donors:
            break
        donor = min(donors, key=lambda i: (-ratio(i), names[i]))
        staff[donor] -= 1
        staff[to] += 1
        moved_out[donor] += 1
        moved_in[to] += 1
        moves.append((len(moves) + 1, names[donor], names[to]))

    unit_table = pd.DataFrame({
        "unit": names,
        "current_staff": current,
        "required_staff": required,
        "ratio_before": [_ratio(c, r) for c, r in zip(current, required)],
        "moved_in": moved_in,
        "moved_out": moved_out,
        "after_staff": staff,
        "ratio_after": [_ratio(s, r) for s, r in zip(staff, required)],
    }, columns=list(TRANSFER_UNIT_COLUMNS))
    return TransferPlan(units=unit_table, moves=pd.DataFrame(moves, columns=list(TRANSFER_MOVE_COLUMNS)))


def _whole_count(value: int, label: str) -> int:
    if isinstance(value, bool) or not float(value).is_integer():
        raise ValueError(f"{label} harus bilangan bulat, bukan {value!r}.")
    if value < 0:
        raise ValueError(f"{label} tidak boleh negatif (diberikan {value}).")
    return int(value)


def _checked_units(units: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in UNIT_COLUMNS if c not in units.columns]
    if missing:
        raise ValueError(f"Kolom wajib tidak ditemukan: {', '.join(missing)}.")
    table = units[list(UNIT_COLUMNS)].copy()
    table["unit"] = table["unit"].astype(str)
    duplicated = sorted(set(table.loc[table["unit"].duplicated(), "unit"]))
    if duplicated:
        raise ValueError(f"Unit muncul lebih dari sekali: {', '.join(duplicated)}.")
    for column in ("current_staff", "required_staff"):
        values = pd.to_numeric(table[column], errors="coerce").astype(float)
        if not bool(((values >= 0) & (values < math.inf)).all()):
            raise ValueError(f"Kolom {column} harus berisi angka yang tidak negatif.")
        table[column] = values
    return table


def _columns(table: pd.DataFrame) -> tuple[list[str], list[float], list[float]]:
    return list(table["unit"]), list(table["current_staff"]), list(table["required_staff"])


def _exact_ratio(staff: float, required: float) -> Fraction:
    return Fraction(staff) / Fraction(required)


def _ratio(staff: float, required: float) -> float:
    return staff / required if required > 0 else math.nan
