"""When may a sentence say "naik" or "turun"? Only when both counts are large enough and the change is
beyond chance.

Two counts of victims over windows of equal length are compared with the exact conditional test for two
Poisson counts: given the total n = a + b, a ~ Binomial(n, 1/2) when the underlying rate did not change
(Przyborowski–Wilenski). The change is called a rise or fall when the two-sided p-value is below ALPHA and
both counts reach MIN_COUNT; otherwise it reads "relatif stabil" (or "terlalu sedikit" for small counts).
The rule is stated on the Glosarium page (strings/indikator.py, "rule.comparison").
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHA = 0.05
MIN_COUNT = 10

UP, DOWN, STABLE, TOO_FEW = "naik", "turun", "stabil", "sedikit"


@dataclass(frozen=True)
class Comparison:
    """current against previous: relative change (None when previous is 0), p-value and the verdict."""

    current: int
    previous: int
    change: float | None
    p_value: float | None
    status: str

    @property
    def is_significant(self) -> bool:
        return self.status in (UP, DOWN)


def compare_counts(current: int, previous: int, *, min_count: int = MIN_COUNT, alpha: float = ALPHA) -> Comparison:
    """Compare two counts over windows of equal length (see the module doc for the rule)."""
    current, previous = int(current), int(previous)
    if current < 0 or previous < 0:
        raise ValueError("counts must not be negative")
    change = (current - previous) / previous if previous else None
    if min(current, previous) < min_count:
        return Comparison(current, previous, change, None, TOO_FEW)
    from scipy.stats import binomtest  # 0.5-1 s to import: paid by the first comparison, not by every command

    p_value = float(binomtest(current, current + previous, 0.5, alternative="two-sided").pvalue)
    if p_value >= alpha:
        return Comparison(current, previous, change, p_value, STABLE)
    return Comparison(current, previous, change, p_value, UP if current > previous else DOWN)
