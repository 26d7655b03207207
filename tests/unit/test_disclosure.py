"""Unit tests for domain.disclosure, including attackers that try to recover every hidden cell."""

from __future__ import annotations

import functools
import itertools
from collections import deque
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pytest

from domain.disclosure import (
    SECONDARY_MARKER,
    TOTAL_LABEL,
    DisclosureError,
    DisclosureRules,
    HiddenReason,
    ProtectedTable,
    assert_publishable,
    protect_counts,
    protect_linked,
    protect_table,
    round_count,
    rounding_interval,
)

RULES = DisclosureRules()
X = SECONDARY_MARKER
S = "<10"
BIG = 10**9  # "no upper bound" for the attacker; far above any test count

Key = frozenset  # a cell seen by the attacker: frozenset of (dimension, category) pairs
Tables = Mapping[tuple[str, ...], pd.DataFrame]  # dims -> published cells, as ProtectedTable.cells


# --- an independent reference for the rounding rule ---------------------------------------------


def reference_round(count: int, rules: DisclosureRules) -> int:
    """Nearest multiple, halves up, never below the threshold: written differently from the module."""
    base = rules.rounding_base
    below = count - count % base
    rounded = below + base if 2 * (count - below) >= base and base > 1 else below
    while rounded < rules.threshold:
        rounded += base
    return rounded


@functools.cache
def preimage(published: int, rules: DisclosureRules) -> tuple[int, int]:
    """Every true count that the reader knows could lie behind a published number (brute force)."""
    if published == 0:
        return 0, 0
    behind = [
        n
        for n in range(rules.threshold, published + rules.rounding_base + rules.threshold + 1)
        if reference_round(n, rules) == published
    ]
    assert behind and behind == list(range(behind[0], behind[-1] + 1)), published
    return behind[0], behind[-1]


# --- the attacker: reads only published tables and the public rules ------------------------------


def published_cells(tables: Tables) -> dict[Key, list[object]]:
    """Every published value per cell; a cell that several tables show may be read several times."""
    cells: dict[Key, list[object]] = {}
    for dims, frame in tables.items():
        for r in frame.index:
            for c in frame.columns:
                key = set()
                if dims and r != TOTAL_LABEL:
                    key.add((dims[0], r))
                if len(dims) == 2 and c != TOTAL_LABEL:
                    key.add((dims[1], c))
                cells.setdefault(Key(key), []).append(frame.loc[r, c])
    return cells


def published_groups(tables: Tables) -> list[tuple[Key, list[Key]]]:
    """Additive groups a reader sees: each total with the parts it is the sum of."""
    groups = []
    for dims, frame in tables.items():
        if not dims:
            continue
        a = dims[0]
        rows = [r for r in frame.index if r != TOTAL_LABEL]
        if len(dims) == 1:
            groups.append((Key(), [Key({(a, r)}) for r in rows]))
            continue
        b = dims[1]
        cols = [c for c in frame.columns if c != TOTAL_LABEL]
        for r in rows:
            groups.append((Key({(a, r)}), [Key({(a, r), (b, c)}) for c in cols]))
        for c in cols:
            groups.append((Key({(b, c)}), [Key({(a, r), (b, c)}) for r in rows]))
        groups.append((Key(), [Key({(a, r)}) for r in rows]))
        groups.append((Key(), [Key({(b, c)}) for c in cols]))
    return groups


def attacker_domains(tables: Tables, rules: DisclosureRules) -> dict[Key, tuple[int, int]]:
    """What each published value alone says about the true count behind it."""
    cells = published_cells(tables)
    marker = rules.primary_marker
    # The rule is public: parts of a group whose total shows "<10" may be masked zeros.
    may_be_zero = {
        p for total, parts in published_groups(tables) if marker in cells[total] for p in parts
    }
    domains = {}
    for key, seen in cells.items():
        low, high = 0, BIG
        for value in seen:  # a cell read twice is narrowed by both readings
            if value == marker:
                v_low, v_high = (0 if key in may_be_zero else 1), rules.threshold - 1
            elif value == X:
                v_low, v_high = rules.threshold, BIG
            else:
                v_low, v_high = preimage(int(value), rules)
            low, high = max(low, v_low), min(high, v_high)
        domains[key] = (low, high)
    return domains


def differencing_attack(tables: Tables, rules: DisclosureRules) -> dict[Key, tuple[int, int]]:
    """Total minus the other published parts, in every row, column and linked table, repeated to a fixpoint."""
    bounds = attacker_domains(tables, rules)
    groups = published_groups(tables)
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            lows = [bounds[p][0] for p in parts]
            highs = [bounds[p][1] for p in parts]
            new = {total: (max(bounds[total][0], sum(lows)), min(bounds[total][1], sum(highs)))}
            for i, p in enumerate(parts):
                others_low, others_high = sum(lows) - lows[i], sum(highs) - highs[i]
                new[p] = (
                    max(bounds[p][0], new[total][0] - others_high),
                    min(bounds[p][1], new[total][1] - others_low),
                )
            for key, (low, high) in new.items():
                if (low, high) != bounds[key]:
                    assert low <= high, f"published tables contradict each other at {set(key)}"
                    bounds[key] = (low, high)
                    changed = True
    return bounds


def hidden_keys(tables: Tables, rules: DisclosureRules) -> list[Key]:
    return [
        k for k, seen in published_cells(tables).items()
        if any(v in (rules.primary_marker, X) for v in seen)
    ]


def circulation_feasible(n_nodes: int, edges: list[tuple[int, int, int, int]]) -> bool:
    """Is there an integer flow with lo <= flow <= hi on every edge and conservation at every node?"""
    if any(lo > hi for *_, lo, hi in edges):
        return False
    source, sink = n_nodes, n_nodes + 1
    capacity: dict[tuple[int, int], int] = {}
    neighbours: list[set[int]] = [set() for _ in range(n_nodes + 2)]

    def add(u: int, v: int, cap: int) -> None:
        capacity[u, v] = capacity.get((u, v), 0) + cap
        capacity.setdefault((v, u), 0)
        neighbours[u].add(v)
        neighbours[v].add(u)

    excess = [0] * n_nodes
    for u, v, lo, hi in edges:
        add(u, v, hi - lo)
        excess[v] += lo
        excess[u] -= lo
    need = 0
    for node, e in enumerate(excess):
        if e > 0:
            add(source, node, e)
            need += e
        elif e < 0:
            add(node, sink, -e)
    flow = 0
    while True:  # Edmonds-Karp
        parent = {source: source}
        queue = deque([source])
        while queue and sink not in parent:
            u = queue.popleft()
            for v in neighbours[u]:
                if v not in parent and capacity[u, v] > 0:
                    parent[v] = u
                    queue.append(v)
        if sink not in parent:
            return flow == need
        path, v = [], sink
        while v != source:
            path.append((parent[v], v))
            v = parent[v]
        push = min(capacity[e] for e in path)
        for u, v in path:
            capacity[u, v] -= push
            capacity[v, u] += push
        flow += push


def component_feasible(dims: tuple[str, ...], frame: pd.DataFrame, domain: Mapping[Key, tuple[int, int]]) -> bool:
    """Exact test: is there a true table (non-negative integers, additive) inside every domain?"""
    rows = [r for r in frame.index if r != TOTAL_LABEL]
    grand = domain[Key()]
    if not dims:
        return grand[0] <= grand[1]
    a = dims[0]
    if len(dims) == 1:  # nodes: 0 = source side, 1 = sink side
        edges = [(0, 1, *domain[Key({(a, r)})]) for r in rows]
        return circulation_feasible(2, [*edges, (1, 0, *grand)])
    b = dims[1]
    cols = [c for c in frame.columns if c != TOTAL_LABEL]
    row_node = {r: 2 + i for i, r in enumerate(rows)}
    col_node = {c: 2 + len(rows) + j for j, c in enumerate(cols)}
    edges = [(1, 0, *grand)]
    edges += [(0, row_node[r], *domain[Key({(a, r)})]) for r in rows]
    edges += [(col_node[c], 1, *domain[Key({(b, c)})]) for c in cols]
    edges += [(row_node[r], col_node[c], *domain[Key({(a, r), (b, c)})]) for r in rows for c in cols]
    return circulation_feasible(2 + len(rows) + len(cols), edges)


def exact_attack(tables: Tables, rules: DisclosureRules) -> dict[Key, tuple[int, int]]:
    """Smallest and largest value each hidden cell can truly take, given everything published.

    Exact when the published tables are 1-D or 2-D tables linked only through the grand total (and their
    own margins), which is how the dashboard publishes: the constraints are then a network, so every cell's
    feasible values form an interval that max-flow finds exactly.
    """
    components = {
        dims: frame for dims, frame in tables.items()
        if not any(set(dims) < set(other) for other in tables)
    }
    assert all(
        not set(d1) & set(d2) for d1, d2 in itertools.combinations(components, 2)
    ), "exact attacker handles tables linked only through the grand total"
    bounds = differencing_attack(tables, rules)  # sound narrowing; keeps the searches short

    def grand_range(dims: tuple[str, ...], domain: Mapping[Key, tuple[int, int]]) -> tuple[int, int] | None:
        low, high = domain[Key()]

        def feasible_with_grand(g_low: int, g_high: int) -> bool:
            return component_feasible(dims, components[dims], {**domain, Key(): (g_low, g_high)})

        if not feasible_with_grand(low, high):
            return None
        lo_, hi_ = low, high  # smallest g with a solution in [low, g]
        while lo_ < hi_:
            mid = (lo_ + hi_) // 2
            lo_, hi_ = (lo_, mid) if feasible_with_grand(low, mid) else (mid + 1, hi_)
        smallest = lo_
        lo_, hi_ = smallest, high  # largest g with a solution in [g, high]
        while lo_ < hi_:
            mid = (lo_ + hi_ + 1) // 2
            lo_, hi_ = (mid, hi_) if feasible_with_grand(mid, high) else (lo_, mid - 1)
        return smallest, lo_

    ranges = {dims: grand_range(dims, bounds) for dims in components}
    assert all(r is not None for r in ranges.values()), "attacker model rejects the published tables"

    def feasible(key: Key, low: int, high: int) -> bool:
        domain = {**bounds, key: (low, high)}
        if key == Key():
            parts = [grand_range(dims, domain) for dims in components]
        else:
            home = next(d for d in components if {dim for dim, _ in key} <= set(d))
            parts = [ranges[d] for d in components if d != home] + [grand_range(home, domain)]
        if any(p is None for p in parts):
            return False
        return max(p[0] for p in parts) <= min(p[1] for p in parts)

    result = {}
    for key in hidden_keys(tables, rules):
        low, high = bounds[key]
        lo_, hi_ = low, high
        while lo_ < hi_:
            mid = (lo_ + hi_) // 2
            lo_, hi_ = (lo_, mid) if feasible(key, low, mid) else (mid + 1, hi_)
        smallest = lo_
        lo_, hi_ = smallest, high
        while lo_ < hi_:
            mid = (lo_ + hi_ + 1) // 2
            lo_, hi_ = (mid, hi_) if feasible(key, mid, high) else (lo_, mid - 1)
        result[key] = (smallest, lo_)
    return result


def assert_attack_fails(
    tables: Tables, truth: Mapping[Key, int], rules: DisclosureRules, exact: bool = True
) -> None:
    """No hidden cell is pinned; the attacker's range holds the truth; "x" never provably hides a small count."""
    ranges = exact_attack(tables, rules) if exact else differencing_attack(tables, rules)
    cells = published_cells(tables)
    for key in hidden_keys(tables, rules):
        low, high = ranges[key]
        where = f"cell {dict(key)} true={truth[key]} attacker range=[{low}, {high}]"
        assert low <= truth[key] <= high, f"attacker model is wrong at {where}"
        # A masked zero read as 0 reveals only what the zero rule publishes elsewhere.
        assert low < high or truth[key] == 0, f"hidden cell recovered exactly: {where}"
        if X in cells[key]:
            assert high >= rules.threshold, f"'x' provably hides a small count: {where}"


# --- helpers to build inputs and the truth ------------------------------------------------------


def long_frame(wide: Mapping[str, Mapping[str, int]], row: str = "jk", col: str = "umur") -> pd.DataFrame:
    return pd.DataFrame(
        [{row: r, col: c, "n": v} for r, line in wide.items() for c, v in line.items()]
    )


def truth_of(df: pd.DataFrame, tables: list[tuple[str, ...]], value: str = "n") -> dict[Key, int]:
    truth: dict[Key, int] = {Key(): int(df[value].sum())}
    for dims in tables:
        for size in (1, 2):
            for sub in itertools.combinations(dims, size):
                cats = [sorted(df[d].unique()) for d in sub]
                sums = df.groupby(list(sub))[value].sum()
                for combo in itertools.product(*cats):
                    k = combo if len(sub) > 1 else combo[0]
                    truth[Key(zip(sub, combo))] = int(sums.get(k, 0))
    return truth


def as_tables(protected: Mapping[tuple[str, ...], ProtectedTable]) -> dict[tuple[str, ...], pd.DataFrame]:
    return {dims: table.cells for dims, table in protected.items()}


def random_long(rng: np.random.Generator, shape: tuple[int, ...], names: tuple[str, ...]) -> pd.DataFrame:
    """Sparse, skewed counts like victim data: many zeros and small cells, a few large ones."""
    size = int(np.prod(shape))
    kind = rng.choice(4, size=size, p=[0.25, 0.40, 0.22, 0.13])
    counts = np.where(
        kind == 0, 0,
        np.where(kind == 1, rng.integers(1, 10, size), np.where(kind == 2, rng.integers(10, 30, size), rng.integers(30, 300, size))),
    )
    combos = list(itertools.product(*(range(k) for k in shape)))
    return pd.DataFrame(
        [{**{n: f"{n}{i}" for n, i in zip(names, combo)}, "n": int(v)} for combo, v in zip(combos, counts)]
    )


RANDOM_RULES = [DisclosureRules(10, 5), DisclosureRules(5, 5), DisclosureRules(10, 3), DisclosureRules(10, 10), DisclosureRules(5, 2)]


# --- rules and rounding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [{"threshold": 1}, {"threshold": 0}, {"rounding_base": 0}, {"threshold": 10.0}, {"rounding_base": True}],
)
def test_rules_reject_nonsense(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        DisclosureRules(**kwargs)


def test_rules_marker_follows_threshold() -> None:
    assert DisclosureRules().primary_marker == "<10"
    assert DisclosureRules(threshold=5).primary_marker == "<5"


@pytest.mark.parametrize(
    ("count", "threshold", "base", "expected"),
    [
        (0, 10, 5, 0),
        (10, 10, 5, 10),
        (12, 10, 5, 10),
        (13, 10, 5, 15),
        (17, 10, 5, 15),
        (18, 10, 5, 20),
        (1234, 10, 5, 1235),
        (14, 10, 10, 10),
        (15, 10, 10, 20),  # an exact half rounds up
        (25, 10, 10, 30),
        (10, 10, 3, 12),  # nearest multiple 9 would be a small count: round up instead
        (11, 10, 3, 12),
        (14, 10, 3, 15),
        (5, 5, 10, 10),
        (7, 5, 5, 5),
        (10, 10, 1, 10),
        (11, 10, 1, 11),
    ],
)
def test_round_count(count: int, threshold: int, base: int, expected: int) -> None:
    assert round_count(count, DisclosureRules(threshold, base)) == expected


@pytest.mark.parametrize("count", [-1, 1, 5, 9])
def test_round_count_refuses_small_and_negative(count: int) -> None:
    with pytest.raises(ValueError):
        round_count(count, RULES)


@pytest.mark.parametrize("rules", [*RANDOM_RULES, DisclosureRules(10, 1), DisclosureRules(3, 7)])
def test_rounding_matches_reference_and_interval_is_exact(rules: DisclosureRules) -> None:
    published = {reference_round(n, rules) for n in range(rules.threshold, 400)}
    for n in range(rules.threshold, 400):
        assert round_count(n, rules) == reference_round(n, rules), n
    for r in published:
        assert rounding_interval(r, rules) == preimage(r, rules), r
    assert min(published) >= rules.threshold


@pytest.mark.parametrize("published", [3, 12, 7])
def test_rounding_interval_rejects_impossible_values(published: int) -> None:
    with pytest.raises(ValueError):
        rounding_interval(published, RULES)


# --- 1-D tables ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "rules", "expected"),
    [
        # one small cell: the smallest non-zero cell becomes its complement; the zero is never chosen
        ({"A": 3, "B": 25, "C": 40, "D": 0}, RULES, [S, X, 40, 0, 70]),
        ({"A": 3, "B": 0, "C": 12, "D": 50}, RULES, [S, 0, X, 50, 65]),
        # two small cells protect each other; the total stays
        ({"A": 3, "B": 4, "C": 40}, RULES, [S, S, 40, 45]),
        # every cell small, total large: the rounded total may stay
        ({"A": 3, "B": 4, "C": 5}, RULES, [S, S, S, 10]),
        # 9 + 9 = 18 publishes as 20 (18..22): both parts would be exactly 9, so the total is hidden
        ({"A": 9, "B": 9}, RULES, [S, S, X]),
        # a single non-zero cell: zeros inside a small group are masked too
        ({"A": 4, "B": 0, "C": 0}, RULES, [S, S, S, S]),
        ({"A": 40, "B": 0}, RULES, [40, 0, 40]),
        ({"A": 0, "B": 0}, RULES, [0, 0, 0]),
        # configurable threshold and base
        ({"A": 7, "B": 20}, DisclosureRules(5, 5), [5, 20, 25]),
        ({"A": 3, "B": 7, "C": 20}, DisclosureRules(5, 5), ["<5", X, 20, 30]),
        ({"A": 15, "B": 24, "C": 35}, DisclosureRules(10, 10), [20, 20, 40, 70]),
        ({"A": 10, "B": 11, "C": 14}, DisclosureRules(10, 3), [12, 12, 15, 36]),
    ],
)
def test_protect_counts(counts: dict[str, int], rules: DisclosureRules, expected: list) -> None:
    result = protect_counts(pd.Series(counts, name="jumlah"), rules)
    assert list(result.index) == [*counts, TOTAL_LABEL]
    assert list(result) == expected
    assert result.name == "jumlah"
    assert_publishable(result, rules)


def test_protect_counts_keeps_caller_order_and_index_name() -> None:
    counts = pd.Series({"Sumatera": 40, "Bali": 25, "Aceh": 60})
    counts.index.name = "provinsi"
    result = protect_counts(counts)
    assert list(result.index) == ["Sumatera", "Bali", "Aceh", TOTAL_LABEL]
    assert result.index.name == "provinsi"


@pytest.mark.parametrize(
    "counts",
    [
        pd.Series({"A": -1, "B": 20}),
        pd.Series({"A": 2.5, "B": 20}),
        pd.Series({"A": np.nan, "B": 20}),
        pd.Series({"A": True, "B": False}),
        pd.Series({TOTAL_LABEL: 3, "B": 20}),
        pd.Series([3, 20], index=["A", "A"]),
    ],
)
def test_protect_counts_rejects_bad_input(counts: pd.Series) -> None:
    with pytest.raises(ValueError):
        protect_counts(counts)


# --- 2-D tables ---------------------------------------------------------------------------------

SMALL_IN_2D = {"L": {"a": 25, "b": 60, "c": 0}, "P": {"a": 3, "b": 40, "c": 12}}


def test_protect_table_hand_made() -> None:
    table = protect_table(long_frame(SMALL_IN_2D), "jk", "umur", "n")
    expected = pd.DataFrame(
        [[X, X, 0, 85], [S, X, X, 55], [X, 100, X, 140]],
        index=pd.Index(["L", "P", TOTAL_LABEL], name="jk"),
        columns=pd.Index(["a", "b", "c", TOTAL_LABEL], name="umur"),
        dtype=object,
    )
    pd.testing.assert_frame_equal(table.cells, expected, check_index_type=False, check_column_type=False)
    assert table.reasons.loc["P", "a"] == HiddenReason.PRIMARY
    assert table.reasons.loc["P", "c"] == HiddenReason.SECONDARY
    assert table.reasons.loc["L", TOTAL_LABEL] is None
    assert table.published().loc["P", "a"] == "<10"
    assert table.published().loc[TOTAL_LABEL, "b"] == "100"
    assert_attack_fails(as_tables({("jk", "umur"): table}), truth_of(long_frame(SMALL_IN_2D), [("jk", "umur")]), RULES)


@pytest.mark.parametrize(
    ("wide", "expected_cells"),
    [
        # a single non-zero small cell: zeros implied by a zero total stay 0, the rest reads "<10"
        ({"L": {"a": 0, "b": 0}, "P": {"a": 4, "b": 0}}, {("P", "a"): S, ("P", "b"): 0, ("L", "a"): 0, ("L", TOTAL_LABEL): 0, (TOTAL_LABEL, "a"): S, (TOTAL_LABEL, "b"): 0, (TOTAL_LABEL, TOTAL_LABEL): S}),
        # a single small cell with room around it: the zero next to it in its small row is masked
        ({"L": {"a": 3, "b": 0}, "P": {"a": 40, "b": 60}}, {("L", "a"): S, ("L", "b"): S, ("L", TOTAL_LABEL): S}),
        # a single non-zero large cell: nothing to hide
        ({"L": {"a": 0, "b": 0}, "P": {"a": 50, "b": 0}}, {("P", "a"): 50, ("L", "a"): 0, (TOTAL_LABEL, TOTAL_LABEL): 50}),
        # every cell small
        ({"L": {"a": 3, "b": 4}, "P": {"a": 5, "b": 2}}, {("L", "a"): S, ("L", "b"): S, ("P", "a"): S, ("P", "b"): S}),
        # nothing small: only rounding
        ({"L": {"a": 12, "b": 33}, "P": {"a": 48, "b": 0}}, {("L", "a"): 10, ("L", "b"): 35, ("P", "b"): 0, (TOTAL_LABEL, TOTAL_LABEL): 95}),
    ],
)
def test_protect_table_edge_cases(wide: dict, expected_cells: dict) -> None:
    df = long_frame(wide)
    table = protect_table(df, "jk", "umur", "n")
    for (r, c), v in expected_cells.items():
        assert table.cells.loc[r, c] == v, (r, c)
    assert_publishable(table.cells)
    assert_publishable(table.published())
    assert_attack_fails(as_tables({("jk", "umur"): table}), truth_of(df, [("jk", "umur")]), RULES)


def test_zero_is_published_and_never_a_complement() -> None:
    df = long_frame({"L": {"a": 3, "b": 0, "c": 200}, "P": {"a": 20, "b": 0, "c": 300}})
    table = protect_table(df, "jk", "umur", "n")
    assert table.cells.loc["L", "b"] == 0 and table.cells.loc["P", "b"] == 0
    assert table.cells.loc["L", "c"] == X  # the zero in between is skipped
    assert table.reasons.loc["L", "b"] is None


def test_zero_in_small_row_is_masked_but_flagged() -> None:
    df = long_frame({"L": {"a": 3, "b": 0, "c": 2}, "P": {"a": 20, "b": 30, "c": 300}})
    table = protect_table(df, "jk", "umur", "n")
    assert table.cells.loc["L", "b"] == S
    assert table.reasons.loc["L", "b"] == HiddenReason.SMALL_GROUP_ZERO
    assert table.cells.loc["P", "b"] != 0  # outside the small group nothing is masked


def test_categorical_order_and_unused_categories() -> None:
    df = pd.DataFrame(
        {
            "jk": pd.Categorical(["P", "L"], categories=["P", "L"]),
            "umur": pd.Categorical(["anak", "anak"], categories=["anak", "dewasa"]),
            "n": [40, 60],
        }
    )
    table = protect_table(df, "jk", "umur", "n")
    assert list(table.cells.index) == ["P", "L", TOTAL_LABEL]
    assert list(table.cells.columns) == ["anak", "dewasa", TOTAL_LABEL]
    assert table.cells.loc["P", "dewasa"] == 0


def test_duplicate_rows_are_summed() -> None:
    df = pd.DataFrame({"jk": ["P", "P", "L"], "umur": ["a", "a", "a"], "n": [6, 6, 40]})
    assert protect_table(df, "jk", "umur", "n").cells.loc["P", "a"] == 10


def test_deterministic_and_independent_of_row_order() -> None:
    rng = np.random.default_rng(7)
    df = random_long(rng, (5, 4), ("provinsi", "modus"))
    first = protect_table(df, "provinsi", "modus", "n")
    again = protect_table(df.copy(), "provinsi", "modus", "n")
    shuffled = protect_table(df.sample(frac=1, random_state=3), "provinsi", "modus", "n")
    for other in (again, shuffled):
        pd.testing.assert_frame_equal(first.cells, other.cells)
        pd.testing.assert_frame_equal(first.reasons, other.reasons)


# --- linked tables -------------------------------------------------------------------------------

LINKED = [(), ("tahun",), ("jk",), ("umur",), ("jk", "umur"), ("modus",), ("provinsi", "tahun")]


def linked_frame(rng: np.random.Generator) -> pd.DataFrame:
    df = random_long(rng, (2, 3, 3, 4, 3), ("jk", "umur", "modus", "provinsi", "tahun"))
    # Victim data is sparse: most combinations of five dimensions are empty.
    df["n"] = np.where(rng.random(len(df)) < 0.7, 0, df["n"] // 4)
    return df


def test_linked_tables_publish_one_value_per_cell() -> None:
    df = linked_frame(np.random.default_rng(11))
    protected = protect_linked(df, LINKED, "n")
    assert list(protected) == LINKED
    grand = {p.cells.loc[TOTAL_LABEL].iloc[-1] for p in protected.values()}
    assert len(grand) == 1
    by_sex = protected[("jk",)].cells["n"]
    sex_age = protected[("jk", "umur")].cells[TOTAL_LABEL]
    pd.testing.assert_series_equal(by_sex, sex_age, check_names=False)
    by_year = protected[("tahun",)].cells["n"]
    prov_year = protected[("provinsi", "tahun")].cells.loc[TOTAL_LABEL]
    assert list(by_year) == list(prov_year)
    for dims, table in protected.items():
        assert table.dims == dims
        assert_publishable(table.cells)


def test_separate_protection_leaks_what_linked_protection_hides() -> None:
    # Alone, sex x age hides the P total (9 + 9 = 18 would publish as 20, i.e. 18..22, pinning both
    # nines) while "by sex" alone publishes it; read together they give both nines away.
    df = long_frame({"L": {"a": 40, "b": 60}, "P": {"a": 9, "b": 9}})
    naive = {
        ("jk",): protect_linked(df, [("jk",)], "n")[("jk",)].cells,
        ("jk", "umur"): protect_table(df, "jk", "umur", "n").cells,
    }
    ranges = differencing_attack(naive, RULES)
    assert not all(low < high for key, (low, high) in ranges.items() if key in hidden_keys(naive, RULES))
    linked = as_tables(protect_linked(df, [("jk",), ("jk", "umur")], "n"))
    assert_attack_fails(linked, truth_of(df, [("jk", "umur")]), RULES)


def test_tables_forming_a_cycle_are_refused() -> None:
    df = pd.DataFrame({"a": ["x"], "b": ["y"], "c": ["z"], "n": [20]})
    with pytest.raises(ValueError, match="siklus"):
        protect_linked(df, [("a", "b"), ("b", "c"), ("c", "a")], "n")


@pytest.mark.parametrize(
    "tables",
    [[("a", "b", "c")], [("a", "a")], ["a"], [], [("tidak_ada",)], [("n",)]],
)
def test_protect_linked_rejects_bad_table_lists(tables: list) -> None:
    df = pd.DataFrame({"a": ["x"], "b": ["y"], "c": ["z"], "n": [20]})
    with pytest.raises(ValueError):
        protect_linked(df, tables, "n")


def test_missing_category_is_refused() -> None:
    df = pd.DataFrame({"a": ["x", None], "n": [20, 30]})
    with pytest.raises(ValueError, match="kosong"):
        protect_linked(df, [("a",)], "n")


# --- the last guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [3, 9, "7", " 9 ", 7.0, 12, "12", -5, 2.5, float("nan"), None, True, "", "kurang dari 10", "<5", "1.2", [10]],
)
def test_assert_publishable_rejects(value: object) -> None:
    frame = pd.DataFrame({"n": [20, value]}, dtype=object)
    with pytest.raises(DisclosureError):
        assert_publishable(frame, RULES)


@pytest.mark.parametrize(
    "value", [0, 10, 15, 1235, "1.235", "1,235", "15", S, X, np.int64(20), 20.0, "0"]
)
def test_assert_publishable_accepts(value: object) -> None:
    assert_publishable(pd.DataFrame({"n": [value]}, dtype=object), RULES)
    assert_publishable(pd.Series([value], dtype=object), RULES)


def test_assert_publishable_follows_rules() -> None:
    frame = pd.DataFrame({"n": [7, "<5"]}, dtype=object)
    assert_publishable(frame, DisclosureRules(5, 1))
    with pytest.raises(DisclosureError):
        assert_publishable(frame, RULES)


# --- the attackers have teeth: they break naive publications ------------------------------------


@pytest.mark.parametrize(
    ("column", "rules", "pinned"),
    [
        # primary suppression only, exact total: total minus the other cell gives the hidden one
        ([S, 40, 0, 43], DisclosureRules(10, 1), {"A"}),
        # rounding alone cannot save two 9s: 18 publishes as 20, i.e. 18..22, so both are 9
        ([S, S, 0, 20], RULES, {"A", "B"}),
        # a complement is at least 10; under a total of 10..12 the small cell is 1 or 2: narrowed, not pinned
        ([S, X, 0, 10], RULES, set()),
        # the same with exact counts: total 11 leaves only 1 + 10
        ([S, X, 0, 11], DisclosureRules(10, 1), {"A", "B"}),
        # a masked zero next to a "<10" total: the parts may be 0, nothing is pinned
        ([S, S, S, S], RULES, set()),
    ],
)
def test_attacker_pins_naive_publications(column: list, rules: DisclosureRules, pinned: set[str]) -> None:
    published = {("m",): pd.DataFrame({"n": column}, index=["A", "B", "C", TOTAL_LABEL], dtype=object)}
    ranges = exact_attack(published, rules)
    found = {dict(key)["m"] for key, (low, high) in ranges.items() if low == high and key}
    assert found == pinned


def test_exact_attacker_sees_through_a_bridge_the_differencing_attacker_misses() -> None:
    # Two 2x2 blocks of hidden cells joined by one hidden cell, everything else exact (base 1):
    # every row and column hides two cells, yet the joining cell is fixed by the margins.
    rules = DisclosureRules(10, 1)
    cells = pd.DataFrame(
        [
            [X, X, X, 0, 40],
            [X, X, 0, 0, 30],
            [0, 0, X, X, 30],
            [0, 0, X, X, 30],
            [30, 30, 40, 30, 130],
        ],
        index=["r1", "r2", "r3", "r4", TOTAL_LABEL],
        columns=["c1", "c2", "c3", "c4", TOTAL_LABEL],
        dtype=object,
    )
    tables = {("r", "c"): cells}
    bridge = Key({("r", "r1"), ("c", "c3")})
    low, high = differencing_attack(tables, rules)[bridge]
    assert low < high
    assert exact_attack(tables, rules)[bridge] == (10, 10)


# --- attacks on protected tables -----------------------------------------------------------------


@pytest.mark.parametrize("rules", RANDOM_RULES)
def test_random_1d_tables_resist_attack(rules: DisclosureRules) -> None:
    rng = np.random.default_rng(1000 + rules.threshold * 100 + rules.rounding_base)
    for _ in range(60):
        df = random_long(rng, (int(rng.integers(1, 7)),), ("modus",))
        protected = protect_linked(df, [("modus",)], "n", rules)
        assert_publishable(protected[("modus",)].cells, rules)
        assert_attack_fails(as_tables(protected), truth_of(df, [("modus",)]), rules)


@pytest.mark.parametrize("rules", RANDOM_RULES)
def test_random_2d_tables_resist_attack(rules: DisclosureRules) -> None:
    rng = np.random.default_rng(2000 + rules.threshold * 100 + rules.rounding_base)
    for _ in range(60):
        shape = (int(rng.integers(1, 6)), int(rng.integers(1, 6)))
        df = random_long(rng, shape, ("provinsi", "modus"))
        table = protect_table(df, "provinsi", "modus", "n", rules)
        assert_publishable(table.cells, rules)
        assert_publishable(table.published(), rules)
        assert_attack_fails({("provinsi", "modus"): table.cells}, truth_of(df, [("provinsi", "modus")]), rules)


@pytest.mark.parametrize("rules", RANDOM_RULES)
def test_random_linked_tables_resist_attack(rules: DisclosureRules) -> None:
    rng = np.random.default_rng(3000 + rules.threshold * 100 + rules.rounding_base)
    for _ in range(15):
        df = linked_frame(rng)
        protected = protect_linked(df, LINKED, "n", rules)
        for table in protected.values():
            assert_publishable(table.cells, rules)
        assert_attack_fails(as_tables(protected), truth_of(df, LINKED), rules)


def test_random_tree_of_linked_tables_resists_differencing() -> None:
    # Two cross tables sharing the "jk" margin: beyond the exact attacker, so the differencing one runs.
    rng = np.random.default_rng(4000)
    tables = [("jk", "umur"), ("jk", "provinsi"), ("modus",)]
    for _ in range(20):
        df = random_long(rng, (2, 3, 4, 3), ("jk", "umur", "provinsi", "modus"))
        df["n"] = np.where(rng.random(len(df)) < 0.6, 0, df["n"] // 3)
        protected = protect_linked(df, tables, "n")
        assert_attack_fails(as_tables(protected), truth_of(df, tables), RULES, exact=False)
