"""domain.comparison: "naik"/"turun" only when both counts reach the minimum and the change is beyond chance."""

from __future__ import annotations

import pytest

from domain.comparison import DOWN, STABLE, TOO_FEW, UP, compare_counts


@pytest.mark.parametrize(("current", "previous", "status"), [
    (196, 194, STABLE),  # "naik 1,0 % (196 dibanding 194)" was called a rise (issue 11)
    (5, 7, TOO_FEW),  # "turun 28,6 % (5 dibanding 7)" was called a fall
    (1121, 1030, STABLE),  # +8,8 %, p ≈ 0,052
    (1840, 1359, UP),
    (399, 605, DOWN),
    (216, 135, UP),
    (26, 16, STABLE),  # +62 % but p ≈ 0,16: small counts wobble
    (9, 40, TOO_FEW),
    (0, 0, TOO_FEW),
    (60, 36, UP),
])
def test_verdicts(current, previous, status):
    c = compare_counts(current, previous)
    assert c.status == status
    assert c.is_significant is (status in (UP, DOWN))


def test_p_value_is_the_exact_two_sided_binomial():
    # Given n = 20 and a = 15: P(X >= 15) + P(X <= 5) for X ~ Bin(20, 1/2) = 2 × 0,020695 = 0,04139.
    assert compare_counts(15, 5, min_count=5).p_value == pytest.approx(0.041389, abs=1e-6)
    assert compare_counts(15, 5, min_count=5).status == UP
    assert compare_counts(14, 6, min_count=5).status == STABLE  # p ≈ 0,115


def test_change_and_bad_input():
    assert compare_counts(30, 20).change == pytest.approx(0.5)
    assert compare_counts(30, 0).change is None
    with pytest.raises(ValueError):
        compare_counts(-1, 3)
