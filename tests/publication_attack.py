"""An exact attacker on a published extract: from the stored cells alone, bound every hidden cell.

It knows the public rules (threshold, rounding base, what "<10" and "x" mean, that every table comes from the
same counts) and solves integer programs: for each hidden cell, the smallest and largest value consistent
with every published number, every row/column/table total, and the national total shared by all tables.
That covers subtraction of row and column totals and every combination across the linked tables.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from domain.disclosure import SECONDARY_MARKER, TOTAL_LABEL, DisclosureRules, rounding_interval

BIG = 10**7
Cell = tuple[str, str, str]  # tabel, baris, kolom


def _groups(cells: pd.DataFrame) -> list[tuple[Cell, list[Cell]]]:
    """Every additive relation the reader sees: total = sum of parts, in each table and each direction."""
    groups = []
    for tabel, part in cells.groupby("tabel", sort=False):
        keys = set(zip(part["baris"], part["kolom"]))
        rows = sorted({b for b, _ in keys})
        cols = sorted({k for _, k in keys})
        if TOTAL_LABEL in cols:  # 2-D: rows and columns with margins
            for b in rows:
                groups.append(((tabel, b, TOTAL_LABEL), [(tabel, b, k) for k in cols if k != TOTAL_LABEL]))
            for k in cols:
                groups.append(((tabel, TOTAL_LABEL, k), [(tabel, b, k) for b in rows if b != TOTAL_LABEL]))
        else:
            (col,) = cols
            parts = [(tabel, b, col) for b in rows if b != TOTAL_LABEL]
            if parts:
                groups.append(((tabel, TOTAL_LABEL, col), parts))
    return groups


def _grand_totals(cells: pd.DataFrame) -> list[Cell]:
    out = []
    for tabel, part in cells.groupby("tabel", sort=False):
        cols = set(part["kolom"])
        col = TOTAL_LABEL if TOTAL_LABEL in cols else next(iter(cols))
        out.append((tabel, TOTAL_LABEL, col))
    return out


def reader_bounds(cells: pd.DataFrame, rules: DisclosureRules) -> dict[Cell, tuple[int, int]]:
    """What each published text tells on its own. A "<10" may be 0 only inside a group whose total is "<10"."""
    value = {(r.tabel, r.baris, r.kolom): (r.nilai, r.teks) for r in cells.itertuples(index=False)}
    may_be_zero = {p for total, parts in _groups(cells) if value[total][1] == rules.primary_marker for p in parts}
    bounds = {}
    for key, (nilai, teks) in value.items():
        if teks == rules.primary_marker:
            bounds[key] = (0 if key in may_be_zero else 1, rules.threshold - 1)
        elif teks == SECONDARY_MARKER:
            bounds[key] = (rules.threshold, BIG)
        else:
            bounds[key] = rounding_interval(int(nilai), rules)
    return bounds


def attack(cells: pd.DataFrame, rules: DisclosureRules) -> dict[Cell, tuple[int, int]]:
    """Exact integer range of every hidden cell ("<10" or "x") given everything published."""
    bounds = reader_bounds(cells, rules)
    keys = list(bounds)
    pos = {k: i for i, k in enumerate(keys)}
    rows = []
    for total, parts in _groups(cells):
        row = np.zeros(len(keys))
        row[pos[total]] = -1
        for p in parts:
            row[pos[p]] += 1
        rows.append(row)
    grand = _grand_totals(cells)
    for other in grand[1:]:  # every table shows the same national total
        row = np.zeros(len(keys))
        row[pos[grand[0]]], row[pos[other]] = 1, -1
        rows.append(row)
    constraint = LinearConstraint(np.array(rows), 0, 0)
    box = Bounds([bounds[k][0] for k in keys], [bounds[k][1] for k in keys])
    integrality = np.ones(len(keys))
    text = dict(zip(zip(cells["tabel"], cells["baris"], cells["kolom"]), cells["teks"]))
    hidden = [k for k in keys if text[k] in (rules.primary_marker, SECONDARY_MARKER)]
    ranges = {}
    for key in hidden:
        ends = []
        for sign in (1, -1):
            c = np.zeros(len(keys))
            c[pos[key]] = sign
            result = milp(c, constraints=constraint, bounds=box, integrality=integrality)
            assert result.success, f"published tables are inconsistent for the attacker: {result.message}"
            ends.append(round(result.x[pos[key]]))
        ranges[key] = (ends[0], ends[1])
    return ranges


def assert_attack_fails(cells: pd.DataFrame, rules: DisclosureRules,
                        truth: Mapping[Cell, int] | None = None) -> dict[Cell, tuple[int, int]]:
    """No hidden cell is pinned to one value; with the truth given, every range holds it (the model is right)
    and a "<10" range always reaches beyond the true small count on at least one side."""
    ranges = attack(cells, rules)
    for key, (low, high) in ranges.items():
        where = f"cell {key} range [{low}, {high}]" + (f" true {truth[key]}" if truth else "")
        assert low < high, f"attacker recovers a hidden cell exactly: {where}"
        if truth is not None:
            assert low <= truth[key] <= high, f"attacker model is wrong: {where}"
    return ranges
