"""Exact audit of linked published tables: which hidden counts a reader can pin to one value (issue 26).

The flow-network audit in domain.disclosure is exact only while the cross tables form chains. Once a dimension sits
in three tables or a table has three dimensions (sex x age x year), this audit takes over: it treats everything
published as one integer linear system, the way the project's attacker does (tests/publication_attack.py) and
tau-ARGUS's audit does, and asks of each hidden count whether any other integer solution gives it another value.

Every cell is an unknown, bounded by what its published text tells (rounding interval, "<10", "x") and by what an
earlier release told; every additive group (total = sum of its parts) is one equation. The true counts are one
solution, so a cell is safe as soon as any solution found gives it another value; only cells no solution has moved
yet are minimised and maximised one by one. Pure code (scipy's HiGHS), no Streamlit, no database.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Equation = tuple[int, tuple[int, ...]]  # total cell, its part cells
# Bounds at or above this stand for "unknown" (an "x" has no upper bound a reader knows); the program caps them at
# _CAP, far above any count, so that no objective is unbounded.
_OPEN = 10**12
_CAP = 10**7


def pinned_cells(true: Sequence[int], equations: Sequence[Equation], bounds: Sequence[tuple[int, int]],
                 hidden: Sequence[int]) -> list[int]:
    """The cells of `hidden` that every integer solution of `equations` within `bounds` gives one value: the true
    count (`true` must itself be a solution; ValueError otherwise). A hidden zero counts too: a "<10" read as
    exactly 0 tells that a category is empty, which the small-group rule hides. Sorted cell indices."""
    # Imported here: publishing needs scipy, the public page that reads a release does not (its first visit after a
    # start must not pay the import, tests/app/test_startup.py).
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    n = len(true)
    truth = np.asarray(true, dtype=float)
    low = np.array([b[0] for b in bounds], dtype=float)
    high = np.array([min(b[1], _CAP) for b in bounds], dtype=float)
    rows, cols, vals = [], [], []
    for i, (total, parts) in enumerate(equations):
        rows.append(i), cols.append(total), vals.append(-1.0)
        for p in parts:
            rows.append(i), cols.append(p), vals.append(1.0)
    matrix = coo_matrix((vals, (rows, cols)), shape=(len(equations), n)).tocsr()
    if np.any(truth < low) or np.any(truth > high) or (len(equations) and np.any(matrix @ truth != 0)):
        raise ValueError("jumlah sebenarnya tidak memenuhi sistem yang diaudit")
    constraint = LinearConstraint(matrix, np.zeros(len(equations)), np.zeros(len(equations)))
    box = Bounds(low, high)
    integrality = np.ones(n)
    candidates = np.array(sorted({c for c in hidden if low[c] < high[c]}), dtype=np.int64)
    fixed_by_bounds = sorted(c for c in set(hidden) if low[c] == high[c])
    if not len(candidates):
        return fixed_by_bounds
    moved = np.zeros(len(candidates), dtype=bool)

    def solve(objective: np.ndarray) -> np.ndarray:
        result = milp(objective, constraints=constraint, bounds=box, integrality=integrality)
        if not result.success:  # cannot happen with the truth feasible; fail closed rather than call a cell safe
            raise ValueError(f"audit tidak dapat diselesaikan: {result.message}")
        return np.round(result.x)

    def note(x: np.ndarray) -> None:
        moved[:] |= x[candidates] != truth[candidates]

    # A few objectives that push every candidate at once (all down, all up, mixed, seeded so the result repeats).
    rng = np.random.default_rng(26)
    for signs in (np.ones(len(candidates)), -np.ones(len(candidates)),
                  rng.choice([-1.0, 1.0], len(candidates)), rng.choice([-1.0, 1.0], len(candidates))):
        objective = np.zeros(n)
        objective[candidates] = signs
        note(solve(objective))
    pinned = []
    for i, cell in enumerate(candidates):
        if moved[i]:
            continue
        for sign in (1.0, -1.0):
            objective = np.zeros(n)
            objective[cell] = sign
            note(solve(objective))
            if moved[i]:
                break
        if not moved[i]:
            pinned.append(int(cell))
    return sorted([*pinned, *fixed_by_bounds])
