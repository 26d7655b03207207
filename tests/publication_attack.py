"""An exact attacker on published extracts: from the stored cells alone, bound every hidden cell.

It knows the public rules (threshold, rounding base, what "<10" and "x" mean, that every table comes from the
same counts) and solves integer programs: for each hidden cell, the smallest and largest value consistent
with every published number, every row/column/table total, and every cell that two tables share (the national
total, a cross table's margin that is also a 1-D table: provinsi_tahun's "Total" column is the provinsi table).
That covers subtraction of row and column totals and every combination across the linked tables.

Across releases (attack_releases, issue 26) it also knows how releases relate when the data only grow: a cell of
a year both releases cover in full is the same number in both, and any other cell can only have grown. That is the
differencing attack (subtract the earlier release from the later one), in every combination, as one program.
pinned_cells finds exactly the cells attack_releases would pin, solving far fewer programs.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from domain.disclosure import SECONDARY_MARKER, TOTAL_LABEL, DisclosureRules, rounding_interval
from domain.publication import PUBLISHED_TABLES, ROW_SEPARATOR, table_codes, year_coverage

BIG = 10**7
Cell = tuple[str, str, str]  # tabel, baris, kolom
Key = tuple[int, str, str, str]  # release, tabel, baris, kolom


def _groups(cells: pd.DataFrame) -> list[tuple[Cell, list[Cell]]]:
    """Every additive relation the reader sees: total = sum of parts, in each table and each direction. A cell's
    coordinates are its row codes (two in a 3-D table's "L|anak") and its column; a "Total" coordinate is the sum
    over that coordinate's other codes, the others held."""
    groups = []
    for tabel, part in cells.groupby("tabel", sort=False):
        coords = {(b, k): (*str(b).split(ROW_SEPARATOR), k) for b, k in zip(part["baris"], part["kolom"])}
        by_coords = {c: key for key, c in coords.items()}
        width = max(len(c) for c in coords.values())
        for key, c in coords.items():
            for i in range(width):
                if c[i] != TOTAL_LABEL:
                    continue
                parts = [(tabel, *by_coords[o]) for o in by_coords
                         if o[i] != TOTAL_LABEL and o[:i] == c[:i] and o[i + 1:] == c[i + 1:]]
                if parts:
                    groups.append(((tabel, *key), parts))
    return groups


def identity(cell: Cell, dims: Mapping[str, tuple[str, ...]]) -> tuple:
    """What a published cell counts, whatever table shows it: (namespace, ((dimension, code), ...)). Tables in
    `dims` share one namespace (the victim counts); any other table (the prevention reach) is its own."""
    tabel, baris, kolom = cell
    table_dims = dims.get(tabel)
    if table_dims is None:
        return (tabel, () if baris == TOTAL_LABEL else (("baris", baris),))
    codes = tuple(zip(table_dims, table_codes(table_dims, baris, kolom)))
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


@dataclass
class _Program:
    """The attacker's integer program over one or more releases: one unknown per published cell (keys)."""

    keys: list[Key]
    constraint: LinearConstraint
    box: Bounds
    hidden: list[Key]

    def solve(self, objective: np.ndarray) -> np.ndarray:
        result = milp(objective, constraints=self.constraint, bounds=self.box, integrality=np.ones(len(self.keys)))
        assert result.success, f"published tables are inconsistent for the attacker: {result.message}"
        return np.round(result.x).astype(np.int64)

    def holds(self, values: np.ndarray) -> bool:
        """Does this assignment (the truth) satisfy everything the attacker assumes? (checks the attacker's model)"""
        row = self.constraint.A @ values
        return bool(np.all(row >= self.constraint.lb - 1e-9) and np.all(row <= self.constraint.ub + 1e-9)
                    and np.all(values >= self.box.lb) and np.all(values <= self.box.ub))


def _program(releases: Sequence[tuple[pd.DataFrame, str]], rules: DisclosureRules,
             dims: Mapping[str, tuple[str, ...]]) -> _Program:
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
    rows, cols, vals = [], [], []
    for i, (total, parts) in enumerate(sums):
        rows.append(i), cols.append(pos[total]), vals.append(-1)
        for p in parts:
            rows.append(i), cols.append(pos[p]), vals.append(1)
    pairs = [*equal, *grows]
    for j, (a, b) in enumerate(pairs):  # b - a == 0, or >= 0 when the data grew
        rows += [len(sums) + j] * 2
        cols += [pos[b], pos[a]]
        vals += [1, -1]
    n_rows = len(sums) + len(pairs)
    matrix = coo_matrix((vals, (rows, cols)), shape=(n_rows, len(keys))).tocsr()
    upper = np.zeros(n_rows)
    upper[len(sums) + len(equal):] = np.inf
    hidden = [k for k in keys if text[k] in (rules.primary_marker, SECONDARY_MARKER)]
    return _Program(keys, LinearConstraint(matrix, np.zeros(n_rows), upper),
                    Bounds([bounds[k][0] for k in keys], [bounds[k][1] for k in keys]), hidden)


def attack_releases(releases: Sequence[tuple[pd.DataFrame, str]], rules: DisclosureRules,
                    dims: Mapping[str, tuple[str, ...]] = PUBLISHED_TABLES,
                    targets: Sequence[Key] | None = None) -> dict[Key, tuple[int, int]]:
    """Exact integer range of every hidden cell of every release, given all of them: (cells, periode) in release
    order. Within a release, a cell shown by two tables is one unknown; between releases (data that only grow), a
    cell of a year covered in full by both is the same unknown, and every other cell of the later release is at
    least the earlier one. `targets` limits which hidden cells are solved for (default: all)."""
    program = _program(releases, rules, dims)
    pos = {k: i for i, k in enumerate(program.keys)}
    hidden = program.hidden if targets is None else [k for k in program.hidden if k in set(targets)]
    ranges = {}
    for key in hidden:
        ends = []
        for sign in (1, -1):
            c = np.zeros(len(program.keys))
            c[pos[key]] = sign
            ends.append(int(program.solve(c)[pos[key]]))
        ranges[key] = (ends[0], ends[1])
    return ranges


def pinned_cells(releases: Sequence[tuple[pd.DataFrame, str]], rules: DisclosureRules,
                 truth: Mapping[Key, int] | None = None,
                 dims: Mapping[str, tuple[str, ...]] = PUBLISHED_TABLES) -> dict[Key, int]:
    """Every hidden cell the attacker pins to one value (key -> value), exactly as attack_releases would find them,
    with far fewer integer programs: a cell seen with two values in any solution found on the way cannot be pinned,
    so only the others are minimised and maximised. With `truth` (every published cell's true count), the truth must
    satisfy the attacker's model (else the attacker proves nothing) and each pinned value must be the true one."""
    program = _program(releases, rules, dims)
    pos = {k: i for i, k in enumerate(program.keys)}
    if truth is not None:
        assert program.holds(np.array([truth[k] for k in program.keys], dtype=float)), \
            "attacker model is wrong: the true counts break its constraints"
    index = np.array([pos[k] for k in program.hidden], dtype=np.int64)
    seen_low = np.full(len(index), np.iinfo(np.int64).max)
    seen_high = np.full(len(index), np.iinfo(np.int64).min)

    def note(x: np.ndarray) -> None:
        nonlocal seen_low, seen_high
        seen_low, seen_high = np.minimum(seen_low, x[index]), np.maximum(seen_high, x[index])

    for sign in (1, -1):  # every hidden cell as small, then as large, as the tables allow
        c = np.zeros(len(program.keys))
        c[index] = sign
        note(program.solve(c))
    pinned = {}
    for i, key in enumerate(program.hidden):
        if seen_low[i] < seen_high[i]:
            continue
        values = []
        for sign in (1, -1):
            c = np.zeros(len(program.keys))
            c[pos[key]] = sign
            x = program.solve(c)
            note(x)
            values.append(int(x[pos[key]]))
        if values[0] == values[1]:
            pinned[key] = values[0]
            if truth is not None:
                assert truth[key] == values[0], f"attacker model is wrong at {key}: {values[0]} vs {truth[key]}"
    return pinned


def true_cells(counts: pd.DataFrame, tables: Mapping[str, tuple[str, ...]] = PUBLISHED_TABLES,
               value: str = "jumlah") -> dict[Cell, int]:
    """True count of every cell the tables publish (0-D to 3-D, every margin), straight from the long source frame
    `counts` (categorical dimensions: every category appears): {(tabel, baris, kolom): count}."""
    truth: dict[Cell, int] = {}
    for name, dims in tables.items():
        for size in range(len(dims) + 1):
            for kept in itertools.combinations(dims, size):
                sums = counts.groupby(list(kept), observed=False)[value].sum() if kept else \
                    pd.Series({(): int(counts[value].sum())})
                for codes, n in sums.items():
                    codes = codes if isinstance(codes, tuple) else (codes,)
                    full = [str(dict(zip(kept, codes)).get(d, TOTAL_LABEL)) for d in dims]
                    if len(dims) == 3:
                        key = (name, ROW_SEPARATOR.join(full[:2]), full[2])
                    elif len(dims) == 2:
                        key = (name, full[0], full[1])
                    else:
                        key = (name, full[0] if dims else TOTAL_LABEL, value)
                    truth[key] = int(n)
    return truth


def attack(cells: pd.DataFrame, rules: DisclosureRules,
           dims: Mapping[str, tuple[str, ...]] = PUBLISHED_TABLES) -> dict[Cell, tuple[int, int]]:
    """Exact integer range of every hidden cell ("<10" or "x") given everything one release publishes."""
    return {key[1:]: span for key, span in attack_releases([(cells, "")], rules, dims).items()}


def assert_attack_fails(cells: pd.DataFrame, rules: DisclosureRules,
                        truth: Mapping[Cell, int] | None = None) -> list[Cell]:
    """No hidden cell is pinned to one value (pinned_cells, one release); with the truth given, the truth satisfies
    the attacker's model. Returns the hidden cells attacked."""
    release_truth = {(0, *k): v for k, v in truth.items()} if truth is not None else None
    if release_truth is not None:  # a cell the caller's truth leaves out is an empty category: 0
        release_truth = {(0, t, b, k): release_truth.get((0, t, b, k), 0)
                         for t, b, k in zip(cells["tabel"], cells["baris"], cells["kolom"])}
    pinned = pinned_cells([(cells, "")], rules, release_truth)
    assert not pinned, f"attacker recovers hidden cells exactly: {pinned}"
    text = dict(zip(zip(cells["tabel"], cells["baris"], cells["kolom"]), cells["teks"]))
    return [k for k, t in text.items() if t in (rules.primary_marker, SECONDARY_MARKER)]
