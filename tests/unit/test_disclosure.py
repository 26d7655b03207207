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
T = TOTAL_LABEL
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
    """Total minus the other published parts in every row, column and linked table, to a fixpoint."""
    bounds = attacker_domains(tables, rules)
    groups = published_groups(tables)
    changed, passes = True, 0
    while changed and passes < 10_000:  # stopping early only leaves bounds wider: still sound
        changed, passes = False, passes + 1
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


def reader_network(tables: Tables) -> tuple[int, list[tuple[int, int, Key]]]:
    """The published tables as one flow network: each cell an edge, the true counts a circulation.

    Every table is a layer the grand total flows through; cross tables that share a dimension are
    chained through that dimension's margin edges, and one edge for the grand total closes the loop.
    """
    categories: dict[str, list] = {}
    crossed: dict[str, list[str]] = {}
    for dims, frame in tables.items():
        for axis, dim in zip((frame.index, frame.columns), dims):
            categories[dim] = [c for c in axis if c != TOTAL_LABEL]
            crossed.setdefault(dim, [])
        if len(dims) == 2:
            crossed[dims[0]].append(dims[1])
            crossed[dims[1]].append(dims[0])
    assert all(len(set(v)) <= 2 for v in crossed.values()), "reader network needs chains of cross tables"
    edges: list[tuple[int, int, Key]] = []
    nodes = itertools.count(1)
    start, done = 0, set()
    for first in sorted(crossed, key=lambda d: len(set(crossed[d]))):
        if first in done:
            continue
        chain = [first]
        while more := [d for d in set(crossed[chain[-1]]) if d not in chain]:
            chain.append(more[0])
        done.update(chain)
        end = next(nodes)
        before: dict = {}
        for i, dim in enumerate(chain):
            last = i == len(chain) - 1
            after = {}
            for c in categories[dim]:
                entry = start if i == 0 else next(nodes)
                after[c] = end if last else next(nodes)
                edges.append((entry, after[c], Key({(dim, c)})))
                for b, exit_node in before.items():
                    edges.append((exit_node, entry, Key({(chain[i - 1], b), (dim, c)})))
            before = after
        start = end
    edges.append((start, 0, Key()))
    return next(nodes), edges


def exact_attack(tables: Tables, rules: DisclosureRules) -> dict[Key, tuple[int, int]]:
    """Smallest and largest value each hidden cell can truly take, given everything published.

    Published 1-D and 2-D tables chained through shared margins are a network (a transportation problem
    per cross table), so the feasible values of a cell form an interval that max-flow finds exactly.
    """
    bounds = differencing_attack(tables, rules)  # sound narrowing; keeps the searches short
    n_nodes, edges = reader_network(tables)

    def feasible(key: Key, low: int, high: int) -> bool:
        domain = {**bounds, key: (low, high)}
        return circulation_feasible(n_nodes, [(u, v, *domain[k]) for u, v, k in edges])

    result = {}
    for key in hidden_keys(tables, rules):
        low, high = bounds[key]
        lo_, hi_ = low, high  # smallest v with a solution in [low, v]
        while lo_ < hi_:
            mid = (lo_ + hi_) // 2
            lo_, hi_ = (lo_, mid) if feasible(key, low, mid) else (mid + 1, hi_)
        smallest = lo_
        lo_, hi_ = smallest, high  # largest v with a solution in [v, high]
        while lo_ < hi_:
            mid = (lo_ + hi_ + 1) // 2
            lo_, hi_ = (mid, hi_) if feasible(key, mid, high) else (lo_, mid - 1)
        assert feasible(key, smallest, lo_), "attacker model rejects the published tables"
        result[key] = (smallest, lo_)
    return result


def assert_attack_fails(tables: Tables, truth: Mapping[Key, int], rules: DisclosureRules) -> None:
    """No attacker pins a hidden count; ranges hold the truth; "x" never provably hides a small count."""
    cells = published_cells(tables)
    attacks = {"differencing": differencing_attack(tables, rules), "exact": exact_attack(tables, rules)}
    for name, ranges in attacks.items():
        for key in hidden_keys(tables, rules):
            low, high = ranges[key]
            where = f"{name} attacker, cell {dict(key)} true={truth[key]} range=[{low}, {high}]"
            assert low <= truth[key] <= high, f"attacker model is wrong: {where}"
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
    counts = np.select(
        [kind == 0, kind == 1, kind == 2],
        [0, rng.integers(1, 10, size), rng.integers(10, 30, size)],
        rng.integers(30, 300, size),
    )
    combos = list(itertools.product(*(range(k) for k in shape)))
    return pd.DataFrame(
        [{**{n: f"{n}{i}" for n, i in zip(names, combo)}, "n": int(v)} for combo, v in zip(combos, counts)]
    )


RANDOM_RULES = [
    DisclosureRules(10, 5),
    DisclosureRules(5, 5),
    DisclosureRules(10, 3),
    DisclosureRules(10, 10),
    DisclosureRules(5, 2),
    DisclosureRules(10, 1),  # no rounding: suppression alone must hold
]


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


@pytest.mark.parametrize("rules", [*RANDOM_RULES, DisclosureRules(3, 7)])
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
        # unrounded, 9 + 9 under an exact total pins both: a part is hidden before the total is
        ({"A": 9, "B": 9, "C": 40}, DisclosureRules(10, 1), [S, S, X, 58]),
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
    truth = truth_of(long_frame(SMALL_IN_2D), [("jk", "umur")])
    assert_attack_fails(as_tables({("jk", "umur"): table}), truth, RULES)


@pytest.mark.parametrize(
    ("wide", "expected_cells"),
    [
        # a single non-zero small cell: the whole table is one small group, so every cell reads "<10"
        (
            {"L": {"a": 0, "b": 0}, "P": {"a": 4, "b": 0}},
            {(r, c): S for r in ("L", "P", T) for c in ("a", "b", T)},
        ),
        # nine rows of one victim each: if a "<10" row total could not be a masked zero, nine of them
        # under a "<10" grand total would each be exactly 1
        ({f"p{i}": {"a": 1} for i in range(9)}, {("p0", "a"): S, ("p0", T): S, (T, T): S}),
        # a zero in a small column is masked, unless its row is a published 0 that implies it anyway
        (
            {"p0": {"a": 0, "b": 0}, "p1": {"a": 2, "b": 1}, "p2": {"a": 15, "b": 0}, "p3": {"a": 9, "b": 8}},
            {("p0", "b"): 0, ("p0", T): 0, ("p2", "b"): S, (T, "b"): S},
        ),
        # a single small cell with room around it: the zero next to it in its small row is masked
        ({"L": {"a": 3, "b": 0}, "P": {"a": 40, "b": 60}}, {("L", "a"): S, ("L", "b"): S, ("L", T): S}),
        # a single non-zero large cell: nothing to hide
        ({"L": {"a": 0, "b": 0}, "P": {"a": 50, "b": 0}}, {("P", "a"): 50, ("L", "a"): 0, (T, T): 50}),
        # every cell small
        ({"L": {"a": 3, "b": 4}, "P": {"a": 5, "b": 2}}, {(r, c): S for r in ("L", "P") for c in ("a", "b")}),
        # nothing small: only rounding
        (
            {"L": {"a": 12, "b": 33}, "P": {"a": 48, "b": 0}},
            {("L", "a"): 10, ("L", "b"): 35, ("P", "b"): 0, (T, T): 95},
        ),
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


@pytest.mark.parametrize("tables", [
    [("a", "b"), ("b", "c"), ("c", "a")],  # a loop of cross tables
    [("a", "b"), ("a", "c"), ("a", "d")],  # a hub of three cross tables
    [("a", "b", "c")],  # a 3-D table with its margins
])
def test_tables_beyond_chains_are_protected_by_the_integer_audit(tables: list) -> None:
    # Beyond chains the flow network is not exact; domain.disclosure_audit audits the whole linear system instead.
    df = pd.DataFrame({"a": ["x", "x", "w"], "b": ["y", "v", "y"], "c": ["z", "z", "u"], "d": ["w", "w", "w"],
                       "n": [20, 4, 30]})
    protected = protect_linked(df, tables, "n")
    assert set(protected) == {tuple(t) for t in tables}
    assert any("<10" in set(t.cells.to_numpy().ravel()) for t in protected.values())


@pytest.mark.parametrize(
    "tables",
    [
        [("a", "b", "c", "d")],
        [("a", "a")],
        ["a"],
        [],
        [("tidak_ada",)],
        [("n",)],
    ],
)
def test_protect_linked_rejects_bad_table_lists(tables: list) -> None:
    df = pd.DataFrame({"a": ["x"], "b": ["y"], "c": ["z"], "d": ["w"], "n": [20]})
    with pytest.raises(ValueError):
        protect_linked(df, tables, "n")


def test_missing_category_is_refused() -> None:
    df = pd.DataFrame({"a": ["x", None], "n": [20, 30]})
    with pytest.raises(ValueError, match="kosong"):
        protect_linked(df, [("a",)], "n")


# --- the last guard ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [3, 9, "7", " 9 ", 7.0, 12, "12", -5, 2.5, float("nan"), None, True, "", "kurang dari 10", "<5", "1.2",
     [10]],
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
    for _ in range(40):
        df = random_long(rng, (int(rng.integers(1, 7)),), ("modus",))
        protected = protect_linked(df, [("modus",)], "n", rules)
        assert_publishable(protected[("modus",)].cells, rules)
        assert_attack_fails(as_tables(protected), truth_of(df, [("modus",)]), rules)


@pytest.mark.parametrize("rules", RANDOM_RULES)
def test_random_2d_tables_resist_attack(rules: DisclosureRules) -> None:
    rng = np.random.default_rng(2000 + rules.threshold * 100 + rules.rounding_base)
    for _ in range(40):
        shape = (int(rng.integers(1, 6)), int(rng.integers(1, 6)))
        df = random_long(rng, shape, ("provinsi", "modus"))
        table = protect_table(df, "provinsi", "modus", "n", rules)
        assert_publishable(table.cells, rules)
        assert_publishable(table.published(), rules)
        truth = truth_of(df, [("provinsi", "modus")])
        assert_attack_fails({("provinsi", "modus"): table.cells}, truth, rules)


@pytest.mark.parametrize("rules", RANDOM_RULES)
def test_random_linked_tables_resist_attack(rules: DisclosureRules) -> None:
    rng = np.random.default_rng(3000 + rules.threshold * 100 + rules.rounding_base)
    for _ in range(15):
        df = linked_frame(rng)
        protected = protect_linked(df, LINKED, "n", rules)
        for table in protected.values():
            assert_publishable(table.cells, rules)
        assert_attack_fails(as_tables(protected), truth_of(df, LINKED), rules)


CHAINED = [(), ("tahun",), ("tahun", "provinsi"), ("provinsi", "modus"), ("jk",), ("jk", "umur")]


@pytest.mark.parametrize("rules", [RULES, DisclosureRules(10, 1)])
def test_random_chained_cross_tables_resist_attack(rules: DisclosureRules) -> None:
    # tahun x provinsi and provinsi x modus share the provinsi margin: "provinsi total minus its parts"
    # can be read from two tables at once.
    rng = np.random.default_rng(4000 + rules.rounding_base)
    for _ in range(12):
        df = random_long(rng, (3, 4, 3, 2, 2), ("tahun", "provinsi", "modus", "jk", "umur"))
        df["n"] = np.where(rng.random(len(df)) < 0.7, 0, df["n"] // 4)
        protected = protect_linked(df, CHAINED, "n", rules)
        assert_attack_fails(as_tables(protected), truth_of(df, CHAINED), rules)
