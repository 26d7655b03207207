"""Statistical disclosure control for published TPPO victim counts: suppression, rounding, linked tables.

The rules, which the page's methodology note repeats:

* Primary suppression: a count from 1 to threshold-1 is published as "<threshold" ("<10").
* Rounding: every other count is rounded to the nearest multiple of the rounding base; an exact half
  (possible only with an even base) rounds up. A count at or above the threshold never rounds below it
  (threshold 10, base 3: 10 -> 12), since a published 9 would itself be a small count.
* Zeros: a true zero is published as 0. It names nobody, and an honest map and trend need it. An attacker
  reads a 0 exactly, so a zero never counts as a complementary cell. Exception: inside a group whose total
  is itself shown "<10", zeros are shown "<10" as well (still true), because showing which categories are
  empty would tell how a handful of victims are spread (group attribute disclosure) and, by counting the
  non-empty parts, would bound each small part. A zero already implied by a published 0 total stays 0.
* Complementary suppression: every additive group (row, column, 1-D table with its total, and every group
  shared by linked tables) that hides a non-zero count hides at least two. The complement is the smallest
  non-zero published part (ties: table order), the group total only when no part is left. Complements are
  shown "x", never "<10": they are not small, and the page must not under-report them.
* Audit: rows and columns are not enough (two blocks of hidden cells joined by one hidden cell fix that
  cell through the margins), so an exact attacker follows: one who knows these rules, every linked table
  and what each rounded number can hide. Linked tables form a flow network, and a cell can take another
  value exactly when a cycle of slack runs through it; a hidden non-zero count without one gets the
  nearest smallest published cell as a further complement, until none is left pinned.
* Totals: a total is rounded from its true value like any other cell, so the published parts need not add
  up to the published total (ONS/BPS practice; the page must say so). Rounding totals independently is
  what keeps "total minus its published parts" from recovering a hidden cell.
* Linked tables: all tables published from the same data are protected in one pass, so a cell that several
  tables show (the national total, the "by sex" margin of sex x age) has one status and one published value.
  While cross tables chain (tahun x provinsi, provinsi x modus) the flow-network audit above is exact; when a
  dimension sits in three of them, they close a loop or a table has three dimensions (sex x age x year), the audit
  is the integer one of domain.disclosure_audit over every published equation instead, with the same extend step.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from numbers import Integral, Real

import pandas as pd

from domain.disclosure_audit import pinned_cells

TOTAL_LABEL = "Total"
SECONDARY_MARKER = "x"

# Upper bound standing in for "unknown" when the reader bounds an "x" cell; far above any count.
_UNBOUNDED = 10**15
_GROUPED_DIGITS = re.compile(r"^\d{1,3}([.,\u00a0 ]\d{3})+$")


class DisclosureError(ValueError):
    """A table is not safe to publish, or cannot be made safe."""


class HiddenReason(StrEnum):
    """Why a cell is hidden; for internal QA only, never published."""

    PRIMARY = "primer"
    SMALL_GROUP_ZERO = "nol_dalam_kelompok_kecil"
    SECONDARY = "sekunder"


@dataclass(frozen=True)
class DisclosureRules:
    """Suppression threshold and rounding base for everything the public pages show."""

    threshold: int = 10
    rounding_base: int = 5

    def __post_init__(self) -> None:
        for name, minimum in (("threshold", 2), ("rounding_base", 1)):
            number = getattr(self, name)
            if isinstance(number, bool) or not isinstance(number, Integral) or number < minimum:
                raise ValueError(f"{name} harus bilangan bulat >= {minimum}, bukan {number!r}")

    @property
    def primary_marker(self) -> str:
        """Text shown instead of a small count, e.g. "<10"."""
        return f"<{self.threshold}"

    @property
    def first_publishable(self) -> int:
        """Smallest non-zero number that may ever appear: the first multiple of the base >= threshold."""
        return -(-self.threshold // self.rounding_base) * self.rounding_base


DEFAULT_RULES = DisclosureRules()


@dataclass(frozen=True, eq=False)
class ProtectedTable:
    """One protected table with margins; `cells` is publishable, `reasons` is internal QA only."""

    dims: tuple[str, ...]
    cells: pd.DataFrame
    reasons: pd.DataFrame
    rules: DisclosureRules

    def published(self) -> pd.DataFrame:
        """Display strings: rounded counts, "<10" or "x"."""
        return self.cells.map(str)


def round_count(count: int, rules: DisclosureRules = DEFAULT_RULES) -> int:
    """Published value of a count that is not suppressed: 0 stays 0, others round to the base."""
    if count < 0:
        raise ValueError(f"jumlah negatif: {count}")
    if count == 0:
        return 0
    if count < rules.threshold:
        raise ValueError(f"jumlah {count} < {rules.threshold} disembunyikan, tidak dibulatkan")
    base = rules.rounding_base
    nearest = (count + base // 2) // base * base
    return max(nearest, rules.first_publishable)


def rounding_interval(published: int, rules: DisclosureRules = DEFAULT_RULES) -> tuple[int, int]:
    """Smallest and largest true count that publishes as `published` (what a reader can infer)."""
    base = rules.rounding_base
    if published == 0:
        return 0, 0
    if published < rules.first_publishable or published % base:
        raise ValueError(f"{published} bukan nilai terbit yang sah untuk {rules}")
    upper = published + base - 1 - base // 2
    if published == rules.first_publishable:
        return rules.threshold, upper
    return published - base // 2, upper


def protect_counts(values: pd.Series, rules: DisclosureRules = DEFAULT_RULES) -> pd.Series:
    """Protect a 1-D table of counts; the result has a `Total` entry and holds ints or markers."""
    if not values.index.is_unique:
        raise ValueError("indeks kategori harus unik")
    dim = values.index.name or "kategori"
    # A categorical keeps the caller's order instead of sorting categories.
    frame = pd.DataFrame(
        {
            dim: pd.Categorical(values.index, categories=list(values.index)),
            "_jumlah": values.to_numpy(),
        }
    )
    table = protect_linked(frame, [(dim,)], "_jumlah", rules)[(dim,)]
    result = table.cells["_jumlah"].rename(values.name)
    result.index.name = values.index.name
    return result


def protect_table(
    df: pd.DataFrame, row: str, col: str, value: str, rules: DisclosureRules = DEFAULT_RULES
) -> ProtectedTable:
    """Protect a 2-D table (long input) and return it wide, with row, column and grand totals."""
    return protect_linked(df, [(row, col)], value, rules)[(row, col)]


def protect_linked(
    df: pd.DataFrame,
    tables: Iterable[Sequence[str]],
    value: str,
    rules: DisclosureRules = DEFAULT_RULES,
    keep_hidden: Iterable[Mapping[str, Hashable]] = (),
    prior_bounds: Iterable[tuple[Mapping[str, Hashable], tuple[int, int]]] = (),
) -> dict[tuple[str, ...], ProtectedTable]:
    """Protect every table published from the long frame `df` together; returns them by dimensions.

    `keep_hidden` lists cells (as {dimension: category}, {} for the grand total) that must stay hidden whatever
    their count, e.g. the cells an earlier release hid that this one shows with the same count: showing one would
    give it away (issue 26). A non-zero one becomes a complement ("x") and the audit continues from there; a zero
    or a cell outside these tables is ignored.

    `prior_bounds` gives, for some cells, what a reader already knows of their count from elsewhere (an earlier
    release showing the same count: its rounding interval, or its marker's range). The audit intersects them with
    what this release shows, so a complement is never a cell that is public already, and a hidden cell that the
    two releases together would pin gets a further complement. A bound that does not hold the true count (the
    data were corrected since) is ignored.

    `tables` lists dimension tuples, e.g. [(), ("tahun",), ("jenis_kelamin", "kelompok_umur")]. A 2-D table
    comes with its margins, and a cell shared by several tables is one cell, published once. Categories
    follow the column's categorical order (unused categories show as 0), else sorted order. A 3-D table comes
    wide with rows (first, second dimension) as a MultiIndex and the third as columns, every margin included.
    Tables that do not form chains of 2-D tables (a dimension in three, a loop, a 3-D table) are audited by the
    integer audit (domain.disclosure_audit), exact but slower than the flow network.
    """
    requested, chains = _normalise_tables(tables)
    dims = list(dict.fromkeys(d for table in requested for d in table))
    _validate_input(df, dims, value)
    categories = {d: _categories(df[d]) for d in dims}
    layout = _Layout.build(df, requested, dims, categories, value, chains)
    forced = []
    for assignment in keep_hidden:
        if set(assignment) <= set(dims) and all(c in categories[d] for d, c in assignment.items()):
            key = tuple(sorted(assignment.items(), key=lambda kv: layout.position[kv[0]]))
            if key in layout.index:
                forced.append(layout.index[key])
    for assignment, (low, high) in prior_bounds:
        if set(assignment) <= set(dims) and all(c in categories[d] for d, c in assignment.items()):
            key = tuple(sorted(assignment.items(), key=lambda kv: layout.position[kv[0]]))
            cell = layout.index.get(key)
            if cell is not None and low <= layout.true[cell] <= high:
                layout.prior[cell] = (low, high)
    reasons = _protect(layout, rules, forced)
    return {
        table: _assemble(table, layout, reasons, categories, value, rules) for table in requested
    }


def assert_publishable(
    published: pd.DataFrame | pd.Series, rules: DisclosureRules = DEFAULT_RULES
) -> None:
    """Last guard before a count table is shown or written: raise DisclosureError on any unsafe value.

    Allowed: 0, a multiple of the rounding base at or above the threshold (as int or display string,
    thousands separators allowed), "<threshold" and "x". Anything else fails closed, including a blank.
    Pass only count columns, never a year or a percentage column.
    """
    frame = published.to_frame() if isinstance(published, pd.Series) else published
    for column in frame.columns:
        for label, cell in frame[column].items():
            problem = _publish_problem(cell, rules)
            if problem:
                raise DisclosureError(f"sel ({label!r}, {column!r}) = {cell!r}: {problem}")


# --- input -----------------------------------------------------------------------------------


def _normalise_tables(tables: Iterable[Sequence[str]]) -> tuple[list[tuple[str, ...]], bool]:
    """The requested tables, deduplicated, and whether they form chains (the flow-network audit is exact then;
    otherwise the integer audit of domain.disclosure_audit runs)."""
    tables = list(tables)
    if any(isinstance(t, str) for t in tables):
        raise ValueError("setiap tabel adalah tuple nama dimensi, mis. ('tahun',), bukan string")
    requested = list(dict.fromkeys(tuple(t) for t in tables))
    if not requested:
        raise ValueError("tidak ada tabel yang diminta")
    parent: dict[str, str] = {}
    crossings: dict[str, int] = {}
    chains = True

    def root(dim: str) -> str:
        while parent.get(dim, dim) != dim:
            dim = parent[dim]
        return dim

    for table in requested:
        if len(table) > 3 or len(set(table)) != len(table):
            raise ValueError(f"tabel {table}: paling banyak tiga dimensi yang berbeda")
        if len(table) == 3:
            chains = False
        if len(table) == 2:
            a, b = root(table[0]), root(table[1])
            if a == b:
                chains = False  # a loop of cross tables: no single flow layer
            parent[a] = b
            for dim in table:
                crossings[dim] = crossings.get(dim, 0) + 1
                if crossings[dim] > 2:
                    chains = False
    return requested, chains


def _validate_input(df: pd.DataFrame, dims: list[str], value: str) -> None:
    missing = [c for c in [*dims, value] if c not in df.columns]
    if missing:
        raise ValueError(f"kolom tidak ada: {missing}")
    if value in dims:
        raise ValueError("kolom nilai tidak boleh juga menjadi dimensi")
    counts = df[value]
    if pd.api.types.is_bool_dtype(counts) or not pd.api.types.is_numeric_dtype(counts):
        raise ValueError(f"kolom {value!r} harus berisi bilangan")
    if counts.isna().any():
        raise ValueError(f"kolom {value!r} berisi nilai kosong")
    if (counts < 0).any() or (counts % 1 != 0).any():
        raise ValueError(f"kolom {value!r} harus bilangan bulat tidak negatif")
    for dim in dims:
        if df[dim].isna().any():
            raise ValueError(f"dimensi {dim!r} berisi nilai kosong")


def _categories(column: pd.Series) -> list[Hashable]:
    if isinstance(column.dtype, pd.CategoricalDtype):
        found = list(column.cat.categories)
    else:
        found = list(pd.unique(column))
        try:
            found = sorted(found)
        except TypeError:
            pass  # mixed types: keep first-seen order, still deterministic for a given input order
    if any(isinstance(c, str) and c == TOTAL_LABEL for c in found):
        raise ValueError(f"kategori tidak boleh bernama {TOTAL_LABEL!r}")
    return found


# --- layout: every publishable cell, the additive groups and the flow network linking them -------

CellKey = tuple[tuple[str, Hashable], ...]
Equation = tuple[int, tuple[int, ...]]
Edge = tuple[int, int, int]  # from node, to node, cell


@dataclass(frozen=True)
class _Layout:
    position: dict[str, int]
    index: dict[CellKey, int]
    true: list[int]
    equations: list[Equation]
    # Every cell is one edge and its true count is the flow on it: each chain of tables is a layer the
    # whole total flows through, and the grand-total edge closes the loop.
    n_nodes: int
    edges: list[Edge]
    # cell -> (low, high) a reader knows from elsewhere (protect_linked's prior_bounds)
    prior: dict[int, tuple[int, int]] = field(default_factory=dict)

    def cell(self, assignment: dict[str, Hashable]) -> int:
        return self.index[tuple(sorted(assignment.items(), key=lambda kv: self.position[kv[0]]))]

    @staticmethod
    def build(
        df: pd.DataFrame,
        requested: list[tuple[str, ...]],
        dims: list[str],
        categories: dict[str, list[Hashable]],
        value: str,
        chains: bool = True,
    ) -> _Layout:
        position = {d: i for i, d in enumerate(dims)}
        closure = {
            tuple(sorted(sub, key=position.__getitem__))
            for table in requested
            for size in range(len(table) + 1)
            for sub in itertools.combinations(table, size)
        }
        ordered = sorted(closure, key=lambda t: (len(t), [position[d] for d in t]))
        index: dict[CellKey, int] = {}
        true: list[int] = []
        for table in ordered:
            sums = _sums(df, table, value)
            for combo in itertools.product(*(categories[d] for d in table)):
                index[tuple(zip(table, combo))] = len(true)
                true.append(int(sums.get(combo, 0)))
        equations: list[Equation] = []
        for table in ordered:
            for split in table:
                rest = tuple(d for d in table if d != split)
                for combo in itertools.product(*(categories[d] for d in rest)):
                    fixed = dict(zip(rest, combo))
                    parts = tuple(
                        index[tuple((d, fixed[d] if d != split else c) for d in table)]
                        for c in categories[split]
                    )
                    equations.append((index[tuple(zip(rest, combo))], parts))
        # No flow network when the tables do not form chains: _pinned_counts then runs the integer audit.
        n_nodes, edges = _network(requested, dims, categories, position, index) if chains else (0, [])
        return _Layout(position, index, true, equations, n_nodes, edges)


def _network(
    requested: list[tuple[str, ...]],
    dims: list[str],
    categories: dict[str, list[Hashable]],
    position: dict[str, int],
    index: dict[CellKey, int],
) -> tuple[int, list[Edge]]:
    def cell(assignment: dict[str, Hashable]) -> int:
        return index[tuple(sorted(assignment.items(), key=lambda kv: position[kv[0]]))]

    crossed: dict[str, list[str]] = {d: [] for d in dims}
    for table in requested:
        if len(table) == 2:
            crossed[table[0]].append(table[1])
            crossed[table[1]].append(table[0])
    chains: list[list[str]] = []
    seen: set[str] = set()
    for start in dims:  # _normalise_tables guarantees the crossings form simple paths
        if start in seen or len(crossed[start]) == 2:
            continue
        chain, previous = [start], None
        while nxt := [d for d in crossed[chain[-1]] if d != previous]:
            previous = chain[-1]
            chain.append(nxt[0])
        seen.update(chain)
        chains.append(chain)
    n_nodes, edges, hub = 1, [], 0
    for chain in chains:
        end, n_nodes = n_nodes, n_nodes + 1
        prior: dict[Hashable, int] = {}
        for i, dim in enumerate(chain):
            entry = {c: hub if i == 0 else n_nodes + k for k, c in enumerate(categories[dim])}
            n_nodes += 0 if i == 0 else len(entry)
            last = i == len(chain) - 1
            exit_ = {c: end if last else n_nodes + k for k, c in enumerate(categories[dim])}
            n_nodes += 0 if last else len(exit_)
            for c in categories[dim]:
                edges.append((entry[c], exit_[c], cell({dim: c})))
            if i:
                for before, c in itertools.product(categories[chain[i - 1]], categories[dim]):
                    edges.append((prior[before], entry[c], cell({chain[i - 1]: before, dim: c})))
            prior = exit_
        hub = end
    edges.append((hub, 0, cell({})))
    return n_nodes, edges


def _sums(df: pd.DataFrame, table: tuple[str, ...], value: str) -> dict[tuple, int]:
    if not table:
        return {(): int(df[value].sum())}
    grouped = df.groupby(list(table), observed=True, sort=False)[value].sum()
    return {(k if isinstance(k, tuple) else (k,)): int(v) for k, v in grouped.items()}


# --- protection --------------------------------------------------------------------------------


def _protect(layout: _Layout, rules: DisclosureRules, forced: Sequence[int] = ()) -> list[HiddenReason | None]:
    true, equations = layout.true, layout.equations
    reasons: list[HiddenReason | None] = [
        HiddenReason.PRIMARY if 0 < v < rules.threshold else None for v in true
    ]
    _mask_zeros_in_small_groups(true, equations, reasons)
    for cell in forced:
        if reasons[cell] is None and true[cell] > 0:
            reasons[cell] = HiddenReason.SECONDARY
    groups_of: list[list[int]] = [[] for _ in true]
    for k, (total, parts) in enumerate(equations):
        for member in (total, *parts):
            groups_of[member].append(k)
    while True:
        _complete_secondary(true, equations, reasons, layout.prior)
        pinned = _pinned_counts(layout, reasons, rules)
        if not pinned:
            return reasons
        touched: set[int] = set()
        for cell in pinned:
            if touched.intersection(groups_of[cell]):
                continue  # a complement added this round already widens this cell's groups
            complement = _nearest_complement(cell, true, equations, groups_of, reasons, layout.prior)
            if complement is None:
                raise DisclosureError("sel tersembunyi tetap dapat dihitung; tabel tidak dapat dilindungi")
            reasons[complement] = HiddenReason.SECONDARY
            touched.update(groups_of[cell])


def _mask_zeros_in_small_groups(
    true: list[int], equations: list[Equation], reasons: list[HiddenReason | None]
) -> None:
    shown_small = (HiddenReason.PRIMARY, HiddenReason.SMALL_GROUP_ZERO)
    changed = True
    while changed:  # a masked zero total makes its own group small in turn
        changed = False
        for total, parts in equations:
            if reasons[total] in shown_small:
                for p in parts:
                    if true[p] == 0 and reasons[p] is None:
                        reasons[p] = HiddenReason.SMALL_GROUP_ZERO
                        changed = True
    # A zero inside a group whose total is a published 0 is public anyway; masking it would only look odd.
    changed = True
    while changed:
        changed = False
        for total, parts in equations:
            if true[total] == 0 and reasons[total] is None:
                for p in parts:
                    if reasons[p] is HiddenReason.SMALL_GROUP_ZERO:
                        reasons[p] = None
                        changed = True


def _complete_secondary(
    true: list[int], equations: list[Equation], reasons: list[HiddenReason | None],
    prior: Mapping[int, tuple[int, int]] | None = None,
) -> None:
    changed = True
    while changed:
        changed = False
        for total, parts in equations:
            hidden = [m for m in (total, *parts) if reasons[m] is not None and true[m] > 0]
            if len(hidden) != 1:
                continue
            complement = _smallest_visible(parts, true, reasons, prior)
            if complement is None:
                # Only zeros or hidden parts remain, so the total is the one cell that still hides it.
                complement = _smallest_visible((total,), true, reasons, prior)
            if complement is None:
                raise DisclosureError("tidak ada sel pelengkap untuk sel tersembunyi")
            reasons[complement] = HiddenReason.SECONDARY
            changed = True


def _nearest_complement(
    cell: int,
    true: list[int],
    equations: list[Equation],
    groups_of: list[list[int]],
    reasons: list[HiddenReason | None],
    prior: Mapping[int, tuple[int, int]] | None = None,
) -> int | None:
    # Widen the pinned cell's own groups first (parts before totals), then groups one hidden cell away.
    frontier, seen = [cell], {cell}
    while frontier:
        groups = {k for c in frontier for k in groups_of[c]}
        parts = [p for k in sorted(groups) for p in equations[k][1]]
        totals = [equations[k][0] for k in sorted(groups)]
        for candidates in (parts, totals):
            complement = _smallest_visible(candidates, true, reasons, prior)
            if complement is not None:
                return complement
        frontier = [m for m in (*parts, *totals) if m not in seen and reasons[m] is not None]
        seen.update(frontier)
    return None


def _smallest_visible(
    candidates: Iterable[int], true: list[int], reasons: list[HiddenReason | None],
    prior: Mapping[int, tuple[int, int]] | None = None,
) -> int | None:
    # A cell whose count is public already (an earlier release showed it exactly) hides nothing as a complement.
    public = {c for c, (low, high) in (prior or {}).items() if low == high}
    visible = [c for c in candidates if reasons[c] is None and true[c] > 0 and c not in public]
    return min(visible, key=lambda c: (true[c], c)) if visible else None


def _reader_bounds(
    layout: _Layout, reasons: list[HiddenReason | None], rules: DisclosureRules
) -> list[tuple[int, int]]:
    """What a reader knows about each cell from its own published value and the public rules."""
    shown_small = {HiddenReason.PRIMARY, HiddenReason.SMALL_GROUP_ZERO}
    may_be_zero = {p for t, ps in layout.equations if reasons[t] in shown_small for p in ps}
    bounds = []
    for i, (count, reason) in enumerate(zip(layout.true, reasons)):
        if reason is None:
            bounds.append(rounding_interval(round_count(count, rules), rules))
        elif reason in shown_small:
            bounds.append((0 if i in may_be_zero else 1, rules.threshold - 1))
        else:
            bounds.append((rules.threshold, _UNBOUNDED))
    for cell, (low, high) in layout.prior.items():  # what the reader knows from elsewhere narrows it further
        bounds[cell] = (max(bounds[cell][0], low), min(bounds[cell][1], high))
    return bounds


def _pinned_counts(
    layout: _Layout, reasons: list[HiddenReason | None], rules: DisclosureRules
) -> list[int]:
    # The true counts are one flow within the reader's bounds. Any other table the reader cannot rule
    # out differs from it by cycles of slack, so a cell is pinned exactly when no slack cycle passes
    # through its edge. A masked zero read as 0 tells no more than the zero rule publishes elsewhere.
    bounds = _reader_bounds(layout, reasons, rules)
    if not layout.edges:
        hidden = [c for c, reason in enumerate(reasons) if reason is not None]
        return pinned_cells(layout.true, layout.equations, bounds, hidden)
    slack: list[list[tuple[int, int]]] = [[] for _ in range(layout.n_nodes)]
    for edge, (tail, head, cell) in enumerate(layout.edges):
        low, high = bounds[cell]
        if layout.true[cell] < high:
            slack[tail].append((head, edge))
        if layout.true[cell] > low:
            slack[head].append((tail, edge))
    pinned = []
    for edge, (tail, head, cell) in enumerate(layout.edges):
        if reasons[cell] is None or layout.true[cell] == 0:
            continue
        low, high = bounds[cell]
        can_grow = layout.true[cell] < high and _reaches(slack, head, tail, edge)
        if not can_grow and not (layout.true[cell] > low and _reaches(slack, tail, head, edge)):
            pinned.append(cell)
    return pinned


def _reaches(slack: list[list[tuple[int, int]]], start: int, goal: int, skip_edge: int) -> bool:
    seen, queue = {start}, deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            return True
        for nxt, edge in slack[node]:
            if edge != skip_edge and nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False


# --- output ------------------------------------------------------------------------------------


def _assemble(
    table: tuple[str, ...],
    layout: _Layout,
    reasons: list[HiddenReason | None],
    categories: dict[str, list[Hashable]],
    value: str,
    rules: DisclosureRules,
) -> ProtectedTable:
    # A 3-D table (a, b, c) comes wide as rows (a, b) x columns c, every margin included ("Total" in any place).
    row_dims = table[:2] if len(table) == 3 else table[:1]
    col_dim = table[-1] if len(table) >= 2 else None
    rows = list(itertools.product(*([*categories[d], TOTAL_LABEL] for d in row_dims))) if table else [()]
    cols = [*categories[col_dim], TOTAL_LABEL] if col_dim else [value]
    shown: list[list[int | str]] = []
    why: list[list[HiddenReason | None]] = []
    for r in rows:
        shown.append([])
        why.append([])
        for c in cols:
            assignment = {d: code for d, code in zip(row_dims, r) if code != TOTAL_LABEL}
            if col_dim and c != TOTAL_LABEL:
                assignment[col_dim] = c
            i = layout.cell(assignment)
            reason = reasons[i]
            if reason is None:
                shown[-1].append(round_count(layout.true[i], rules))
            elif reason is HiddenReason.SECONDARY:
                shown[-1].append(SECONDARY_MARKER)
            else:
                shown[-1].append(rules.primary_marker)
            why[-1].append(reason)
    if len(row_dims) == 2:
        index = pd.MultiIndex.from_tuples(rows, names=list(row_dims))
    else:
        index = pd.Index([r[0] if r else TOTAL_LABEL for r in rows], dtype=object, name=table[0] if table else None)
    columns = pd.Index(cols, dtype=object, name=col_dim)
    return ProtectedTable(
        table,
        pd.DataFrame(shown, index=index, columns=columns, dtype=object),
        pd.DataFrame(why, index=index, columns=columns, dtype=object),
        rules,
    )


def _publish_problem(cell: object, rules: DisclosureRules) -> str | None:
    if isinstance(cell, str):
        text = cell.strip()
        if text in (rules.primary_marker, SECONDARY_MARKER):
            return None
        if text.isascii() and text.isdigit():
            number = int(text)
        elif _GROUPED_DIGITS.match(text):
            number = int(re.sub(r"\D", "", text))
        else:
            return "teks tidak dikenal (hanya angka, penanda sel kecil, atau 'x')"
    elif isinstance(cell, bool) or cell is None or cell is pd.NA:
        return "bukan jumlah yang sah"
    elif isinstance(cell, Integral):
        number = int(cell)
    elif isinstance(cell, Real):
        if cell != cell or cell % 1:  # NaN or fractional
            return "bukan bilangan bulat"
        number = int(cell)
    else:
        return "jenis nilai tidak dikenal"
    if number < 0:
        return "jumlah negatif"
    if 0 < number < rules.threshold:
        return f"jumlah kecil {number} harus tampil sebagai {rules.primary_marker!r}"
    if number % rules.rounding_base:
        return f"jumlah belum dibulatkan ke kelipatan {rules.rounding_base}"
    return None
