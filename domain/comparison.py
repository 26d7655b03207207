"""When may a sentence say "naik" or "turun"? Only when both counts are large enough and the change is
beyond chance.

Two counts of victims over two windows are compared with the exact conditional test for two Poisson counts:
given the total n = a + b, a ~ Binomial(n, t_a / (t_a + t_b)) when the monthly rate did not change, t_a and t_b
being the windows' lengths in months (Przyborowski–Wilenski; 1/2 for windows of equal length). The change is
called a rise or fall when the two-sided p-value is below ALPHA and both counts reach MIN_COUNT; otherwise it
reads "relatif stabil" (or "terlalu sedikit" for small counts). This is the one rule behind every "naik",
"turun" and "meningkat" of the dashboard: year-on-year changes (equal windows), rising modus (the last 3 months
against the 12 before) and the prevention priority list. It is stated on the Glosarium page
(strings/indikator.py, "rule.comparison").
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHA = 0.05
MIN_COUNT = 10

UP, DOWN, STABLE, TOO_FEW = "naik", "turun", "stabil", "sedikit"


@dataclass(frozen=True)
class Comparison:
    """current against previous: relative change of the monthly rate (None when previous is 0), p-value and the
    verdict."""

    current: int
    previous: int
    change: float | None
    p_value: float | None
    status: str

    @property
    def is_significant(self) -> bool:
        return self.status in (UP, DOWN)


def compare_counts(current: int, previous: int, *, min_count: int = MIN_COUNT, alpha: float = ALPHA,
                   current_months: int = 1, previous_months: int = 1) -> Comparison:
    """Compare two counts over windows of current_months and previous_months months (equal by default; see the
    module doc for the rule). The change and the direction are those of the monthly rates."""
    current, previous = int(current), int(previous)
    if current < 0 or previous < 0:
        raise ValueError("counts must not be negative")
    if current_months < 1 or previous_months < 1:
        raise ValueError("windows must be at least one month long")
    rate_now, rate_before = current / current_months, previous / previous_months
    change = rate_now / rate_before - 1 if previous else None
    if min(current, previous) < min_count:
        return Comparison(current, previous, change, None, TOO_FEW)
    from scipy.stats import binomtest  # 0.5-1 s to import: paid by the first comparison, not by every command

    share = current_months / (current_months + previous_months)
    p_value = float(binomtest(current, current + previous, share, alternative="two-sided").pvalue)
    if p_value >= alpha:
        return Comparison(current, previous, change, p_value, STABLE)
    return Comparison(current, previous, change, p_value, UP if rate_now > rate_before else DOWN)
