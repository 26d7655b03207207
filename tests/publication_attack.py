"""An exact attacker on published extracts: from the stored cells alone, bound every hidden cell.

It knows the public rules (threshold, rounding base, what "<10" and "x" mean, that every table comes from the
same counts) and solves integer programs: for each hidden cell, the smallest and largest value consistent
with every published number, every row/column/table total, and every cell that two tables share (the national
total, a cross table's margin that is also a 1-D table: provinsi_tahun's "Total" column is the provinsi table).
That covers subtraction of row and column totals and every combination across the linked tables.

Across releases (attack_releases, issue 26) it also knows how releases relate when the data only grow: a cell of
a year both releases cover in full is the same number in both, and any other cell can only have grown. That is the
differencing attack (subtract the earlier release from the later one), in every combination, as one program.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

from domain.disclosure import SECONDARY_MARKER, TOTAL_LABEL, DisclosureRules, rounding_interval
from domain.publication import PUBLISHED_TABLES, year_coverage

BIG = 10**7
Cell = tuple[str, str, str]  # tabel, baris, kolom
Key = tuple[int, str, str, str]  # release, tabel, baris, kolom


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


def identity(cell: Cell, dims: Mapping[str, tuple[str, ...]]) -> tuple:
    """What a published cell counts, whatever table shows it: (namespace, ((dimension, code), ...)). Tables in
    `dims` share one namespace (the victim counts); any other table (the prevention reach) is its own."""
    tabel, baris, kolom = cell
    table_dims = dims.get(tabel)
    if table_dims is None:
        return (tabel, () if baris == TOTAL_LABEL else (("baris", baris),))
    if len(table_dims) == 2:
        codes = ((table_dims[0], baris), (table_dims[1], kolom))
    elif len(table_dims) == 1:
        codes = ((table_dims[0], baris),)
    else:
        codes = ()
    return ("", tuple(sorted((d, c) for d, c in codes if c != TOTAL_LABEL)))


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


def _year_of(ident: tuple) -> int | None:
    for dim, code in ident[1]:
        if dim == "tahun":
            return int(code)
    return None


def attack_releases(releases: Sequence[tuple[pd.DataFrame, str]], rules: DisclosureRules,
                    dims: Mapping[str, tuple[str, ...]] = PUBLISHED_TABLES,
                    targets: Sequence[Key] | None = None) -> dict[Key, tuple[int, int]]:
    """Exact integer range of every hidden cell of every release, given all of them: (cells, periode) in release
    order. Within a release, a cell shown by two tables is one unknown; between releases (data that only grow), a
    cell of a year covered in full by both is the same unknown, and every other cell of the later release is at
    least the earlier one. `targets` limits which hidden cells are solved for (default: all)."""
    bounds: dict[Key, tuple[int, int]] = {}
    text: dict[Key, str] = {}
    equal: list[tuple[Key, Key]] = []
    sums: list[tuple[Key, list[Key]]] = []
    grows: list[tuple[Key, Key]] = []
    first_seen: dict[tuple, list[Key]] = {}
    for r, (cells, _periode) in enumerate(releases):
        for cell, (low, high) in reader_bounds(cells, rules).items():
            bounds[(r, *cell)] = (low, high)
        text.update({(r, t, b, k): x for t, b, k, x in zip(cells["tabel"], cells["baris"], cells["kolom"],
                                                               cells["teks"])})
        sums += [((r, *total), [(r, *p) for p in parts]) for total, parts in _groups(cells)]
        seen: dict[tuple, Key] = {}
        for cell in zip(cells["tabel"], cells["baris"], cells["kolom"]):
            key, ident = (r, *cell), identity(cell, dims)
            if ident in seen:
                equal.append((seen[ident], key))
            else:
                seen[ident] = key
        for ident, key in seen.items():
            first_seen.setdefault(ident, []).append(key)
    for ident, keys in first_seen.items():
        for earlier, later in zip(keys, keys[1:]):
            year = _year_of(ident)
            same = year is not None and year_coverage(releases[earlier[0]][1], year) == \
                year_coverage(releases[later[0]][1], year) is not None
            (equal if same else grows).append((earlier, later))
    keys = list(bounds)
    pos = {k: i for i, k in enumerate(keys)}
    rows = len(sums) + len(equal) + len(grows)
    matrix = lil_matrix((rows, len(keys)))
    lower = np.zeros(rows)
    upper = np.zeros(rows)
    for i, (total, parts) in enumerate(sums):
        matrix[i, pos[total]] = -1
        for p in parts:
            matrix[i, pos[p]] += 1
    for j, (a, b) in enumerate([*equal, *grows]):
        i = len(sums) + j
        matrix[i, pos[b]], matrix[i, pos[a]] = 1, -1  # b - a == 0, or >= 0 when the data grew
        upper[i] = 0 if j < len(equal) else np.inf
    constraint = LinearConstraint(matrix.tocsr(), lower, upper)
    box = Bounds([bounds[k][0] for k in keys], [bounds[k][1] for k in keys])
    integrality = np.ones(len(keys))
    hidden = [k for k in keys if text[k] in (rules.primary_marker, SECONDARY_MARKER)]
    if targets is not None:
        wanted = set(targets)
        hidden = [k for k in hidden if k in wanted]
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


def attack(cells: pd.DataFrame, rules: DisclosureRules,
           dims: Mapping[str, tuple[str, ...]] = PUBLISHED_TABLES) -> dict[Cell, tuple[int, int]]:
    """Exact integer range of every hidden cell ("<10" or "x") given everything one release publishes."""
    return {key[1:]: span for key, span in attack_releases([(cells, "")], rules, dims).items()}


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


def exact_recoveries(ranges: Mapping, truth: Mapping | None = None) -> list:
    """Hidden cells the attacker pins to one value (with the truth, checked to be that value)."""
    pinned = [key for key, (low, high) in ranges.items() if low == high]
    if truth is not None:
        for key in pinned:
            assert truth[key] == ranges[key][0], f"attacker model is wrong at {key}: {ranges[key]} vs {truth[key]}"
    return pinned
