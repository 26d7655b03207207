"""Monthly counts projected a year ahead with honest prediction intervals: a negative-binomial GLM (statsmodels) with
trend and yearly season, intervals by simulation from the fitted model, a rolling-origin backtest beside every
projection, and the rule that withholds a projection the data cannot support.

The model (named on the page, in the deck and by `manage.py proyeksi`):
- log E[y_t] = b0 + b1·t (+ b2·sin(2πm/12) + b3·cos(2πm/12) for the "musiman" variant; m = calendar month);
- ahead of the data the trend is damped (DAMPING per month): a rise of the last year seldom goes on unchanged
  for another whole year, and an undamped log-linear trend compounds (a modus that tripled in 12 months would be
  projected to triple again);
- fitted as a Poisson GLM, the overdispersion alpha estimated by moments (Cameron & Trivedi's auxiliary
  regression: Var y = mu + alpha·mu², the residuals corrected for the coefficients fitted), then refitted as a
  negative-binomial GLM with that alpha;
- prediction intervals: S draws of the coefficients from their estimated normal distribution (parameter
  uncertainty), then y ~ Poisson(Gamma(1/alpha, alpha·mu)) (the negative binomial; count noise). The draws are
  whole, non-negative numbers, so the intervals are too. Quantiles 10–90 % and 2.5–97.5 % are the 80 % and 95 %
  intervals; the 12-month total's interval comes from the sums of the same paths.
Two variants are tried, each on the most recent months only (an old regime, such as the 2023 jump when the task
force started, would otherwise bend the trend): "musiman" (trend + season, last 36 months; only when every backtest
fit has two full years) and "lokal" (trend only, last 12 months). The one with the smaller backtest error is used.

Backtest: one-step-ahead, rolling origin: each of the last 12 months is forecast from the months before it only
(the variant refitted each time), giving the mean absolute error of the median forecast (MAE), the MAE of the naive
forecast "same as last month" for comparison, and the share of months inside the 80 % and 95 % intervals. A
one-step backtest flatters a 12-month projection (errors grow with the horizon); the intervals do widen with it.

Withheld (no projection, a reason instead), checked in this order:
- "short": fewer than MIN_MONTHS months of history;
- "flat": the last MIN_MONTHS months all hold the same count (nothing to learn a trend or season from);
- "small": fewer than MIN_MEAN per month on average over the last 12 months (intervals would be mostly noise);
- "fit": the model cannot be fitted (e.g. all zeros in its window);
- "poor": the backtest put fewer than MIN_INSIDE80 of its months inside the 80 % interval, or its MAE exceeds
  MAX_RELATIVE_MAE of the average actual count of those months;
- "year": the year-ahead check missed: the last 12 months' actual total lies outside the 95 % interval of their
  total as projected from the data before them (one 12-step projection). A one-step backtest cannot see a trend
  that runs away over a year; this check can, for the one year the data allow.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

HORIZON = 12
MIN_MONTHS = 24
BACKTEST_MONTHS = 12
MIN_MEAN = 5.0
MIN_INSIDE80 = 0.5
MAX_RELATIVE_MAE = 0.5
DRAWS = 2000
BACKTEST_DRAWS = 400
DAMPING = 0.9  # per month ahead; a year-long trend continues about 5.7 months' worth, never more than 9
SEED = 27  # fixed: the page, the deck and the CLI show the same figures for the same data
LEVELS = {"lo95": 0.025, "lo80": 0.10, "median": 0.5, "hi80": 0.90, "hi95": 0.975}
TABLE_COLUMNS: tuple[str, ...] = ("bulan", "rata", *LEVELS)
REASONS: tuple[str, ...] = ("short", "flat", "small", "fit", "poor", "year")


@dataclass(frozen=True)
class ModelSpec:
    """One variant of the model: its name, how many recent months it is fitted on, and its yearly harmonics."""

    name: str
    window: int
    harmonics: int


SEASONAL = ModelSpec("musiman", 36, 1)
LOCAL = ModelSpec("lokal", 12, 0)
CANDIDATES: tuple[ModelSpec, ...] = (SEASONAL, LOCAL)
SEASONAL_MIN_MONTHS = 24  # a yearly harmonic needs two full years in every fit


@dataclass(frozen=True)
class Fit:
    """A fitted variant: coefficients and their covariance, alpha (0 = Poisson), the last trend index."""

    spec: ModelSpec
    params: np.ndarray
    cov: np.ndarray
    alpha: float
    last_t: int


@dataclass(frozen=True)
class Backtest:
    """One-step rolling-origin backtest over the last `months` months (see the module docstring)."""

    months: int
    mae: float
    naive_mae: float
    inside80: float
    inside95: float
    mean_actual: float
    # The year-ahead check: the last 12 months' total as projected from the data before them (one 12-step
    # projection) beside the actual total. A one-step backtest cannot see a trend that runs away over a year.
    year_actual: float = math.nan
    year_projected: dict[str, float] = field(default_factory=dict)

    def _year_inside(self, low: str, high: str) -> bool:
        y = self.year_projected
        return bool(y) and y[low] <= self.year_actual <= y[high]

    @property
    def year_inside95(self) -> bool:
        return self._year_inside("lo95", "hi95")

    @property
    def year_inside80(self) -> bool:
        return self._year_inside("lo80", "hi80")

    @property
    def relative_mae(self) -> float:
        return self.mae / self.mean_actual if self.mean_actual > 0 else math.inf


@dataclass(frozen=True, eq=False)
class Projection:
    """The projection of one monthly series, or the reason it is withheld.

    history: bulan (first days of months), jumlah. table: TABLE_COLUMNS per future month (empty when withheld).
    total: the 12-month sum's mean and quantiles (LEVELS keys, plus "rata"); draws: the simulated paths
    (DRAWS × horizon), which the capacity projection reuses.
    """

    history: pd.DataFrame
    reason: str | None = None
    reason_values: dict = field(default_factory=dict)
    spec: ModelSpec | None = None
    backtest: Backtest | None = None
    table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(TABLE_COLUMNS)))
    total: dict[str, float] = field(default_factory=dict)
    draws: np.ndarray | None = None

    @property
    def withheld(self) -> bool:
        return self.reason is not None

    @property
    def origin(self) -> object:
        """The last month of the history (the projection starts the month after)."""
        return self.history["bulan"].iloc[-1] if len(self.history) else None


# --- the model ------------------------------------------------------------------------------------------


def design(t: np.ndarray, months: np.ndarray, harmonics: int) -> np.ndarray:
    """Intercept, trend in years, and sin/cos pairs of the calendar month for each harmonic."""
    columns = [np.ones(len(t)), t / 12.0]
    for k in range(1, harmonics + 1):
        angle = 2 * np.pi * k * months / 12.0
        columns += [np.sin(angle), np.cos(angle)]
    return np.column_stack(columns)


def fit(y: np.ndarray, months: np.ndarray, spec: ModelSpec) -> Fit:
    """The variant fitted on the last spec.window values of y (months: their calendar months 1..12).

    Raises ValueError when it cannot be fitted (too few values, all zeros, no convergence)."""
    import statsmodels.api as sm

    y = np.asarray(y, dtype=float)[-spec.window:]
    months = np.asarray(months, dtype=float)[-spec.window:]
    n = len(y)
    if n < 2 + 2 * spec.harmonics + 2 or not np.any(y > 0):
        raise ValueError("too few or only zero values to fit")
    t = np.arange(n, dtype=float)
    X = design(t, months, spec.harmonics)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence and domain warnings become the checks below
        poisson = sm.GLM(y, X, family=sm.families.Poisson()).fit()
        mu = poisson.mu
        # Squared residuals of a fit with p coefficients understate the variance by about (n − p) / n.
        inflate = n / max(n - X.shape[1], 1)
        alpha = max(0.0, float(np.sum(inflate * (y - mu) ** 2 - y) / np.sum(mu ** 2)))
        result = poisson
        if alpha > 1e-6:
            result = sm.GLM(y, X, family=sm.families.NegativeBinomial(alpha=alpha)).fit(start_params=poisson.params)
    params, cov = np.asarray(result.params), np.asarray(result.cov_params())
    if not (np.all(np.isfinite(params)) and np.all(np.isfinite(cov))):
        raise ValueError("the model did not converge")
    return Fit(spec, params, cov, alpha, n - 1)


def simulate(model: Fit, future_months: np.ndarray, draws: int, rng: np.random.Generator) -> np.ndarray:
    """draws × len(future_months) whole, non-negative counts: coefficient uncertainty, then negative-binomial noise."""
    h = len(future_months)
    # A damped trend (Gardner & McKenzie): month k ahead moves the trend by φ + φ² + … + φ^k months, not k.
    t = model.last_t + np.cumsum(DAMPING ** np.arange(1, h + 1))
    X = design(t, np.asarray(future_months, dtype=float), model.spec.harmonics)
    betas = rng.multivariate_normal(model.params, model.cov, size=draws, method="cholesky"
                                    if np.all(np.linalg.eigvalsh(model.cov) > 0) else "svd")
    # exp of a wild coefficient draw is capped: 1e6 a month is beyond any trafficking series.
    mu = np.exp(np.clip(betas @ X.T, -30, math.log(1e6)))
    rate = rng.gamma(1 / model.alpha, model.alpha * mu) if model.alpha > 1e-6 else mu
    return rng.poisson(rate).astype(float)


def _rng(*keys: int) -> np.random.Generator:
    return np.random.default_rng([SEED, *keys])


def backtest(y: np.ndarray, months: np.ndarray, spec: ModelSpec, n: int = BACKTEST_MONTHS) -> Backtest:
    """One-step rolling-origin backtest of the last n values (each forecast from the values before it only)."""
    y = np.asarray(y, dtype=float)
    errors, naive, inside80, inside95 = [], [], [], []
    for origin in range(len(y) - n, len(y)):
        model = fit(y[:origin], months[:origin], spec)
        paths = simulate(model, months[origin:origin + 1], BACKTEST_DRAWS, _rng(origin))[:, 0]
        lo95, lo80, median, hi80, hi95 = _quantiles(paths).values()
        actual = y[origin]
        errors.append(abs(median - actual))
        naive.append(abs(y[origin - 1] - actual))
        inside80.append(lo80 <= actual <= hi80)
        inside95.append(lo95 <= actual <= hi95)
    return Backtest(n, float(np.mean(errors)), float(np.mean(naive)), float(np.mean(inside80)),
                    float(np.mean(inside95)), float(np.mean(y[-n:])))


def _quantiles(values: np.ndarray, axis: int | None = None) -> dict[str, object]:
    # inverted_cdf: every quantile is one of the simulated whole counts
    found = np.quantile(values, list(LEVELS.values()), axis=axis, method="inverted_cdf")
    return dict(zip(LEVELS, found))


def year_check(y: np.ndarray, months: np.ndarray, spec: ModelSpec, check: Backtest, h: int = BACKTEST_MONTHS
               ) -> Backtest:
    """check with the year-ahead test added: the last h months' total projected from the data before them."""
    origin = len(y) - h
    model = fit(y[:origin], months[:origin], spec)
    sums = simulate(model, months[origin:], DRAWS, _rng(origin, h)).sum(axis=1)
    total = {"rata": float(sums.mean()), **{k: float(v) for k, v in _quantiles(sums).items()}}
    return replace(check, year_actual=float(np.sum(y[origin:])), year_projected=total)


def monthly_series(frame: pd.DataFrame, first: object, last: object, value: str = "jumlah") -> pd.DataFrame:
    """bulan, jumlah for every month first..last (first days of months); a month without rows counts 0."""
    months = pd.period_range(pd.Timestamp(first), pd.Timestamp(last), freq="M")
    if len(frame):
        keys = pd.to_datetime(frame["bulan"]).dt.to_period("M")
        values = pd.to_numeric(frame[value]).astype(float).groupby(keys).sum()
    else:
        values = pd.Series(dtype=float)
    counts = values.reindex(months, fill_value=0.0).to_numpy(dtype=float)
    return pd.DataFrame({"bulan": [p.start_time.date() for p in months], "jumlah": counts})


def _withheld(history: pd.DataFrame, reason: str, backtest: Backtest | None = None, spec: ModelSpec | None = None,
              **values) -> Projection:
    return Projection(history, reason, values, spec, backtest)


def project(history: pd.DataFrame, horizon: int = HORIZON) -> Projection:
    """The projection of a monthly series (bulan, jumlah; consecutive months, see monthly_series) for the horizon
    months after its last, or the reason it is withheld (module docstring)."""
    history = history[["bulan", "jumlah"]].reset_index(drop=True)
    y = history["jumlah"].to_numpy(dtype=float)
    n = len(y)
    if n < MIN_MONTHS:
        return _withheld(history, "short", months=n, min=MIN_MONTHS)
    if np.ptp(y[-MIN_MONTHS:]) == 0:
        return _withheld(history, "flat", months=MIN_MONTHS, value=float(y[-1]))
    recent_mean = float(np.mean(y[-12:]))
    if recent_mean < MIN_MEAN:
        return _withheld(history, "small", mean=recent_mean, min=MIN_MEAN)
    months = np.array([pd.Timestamp(m).month for m in history["bulan"]], dtype=float)
    candidates = [s for s in CANDIDATES if s.harmonics == 0 or n - BACKTEST_MONTHS >= SEASONAL_MIN_MONTHS]
    tried: list[tuple[int, ModelSpec, Backtest]] = []
    for order, spec in enumerate(candidates):
        try:
            tried.append((order, spec, backtest(y, months, spec)))
        except (ValueError, np.linalg.LinAlgError):
            continue
    if not tried:
        return _withheld(history, "fit")
    _, spec, check = min(tried, key=lambda c: (c[2].mae, c[0]))
    try:
        check = year_check(y, months, spec, check)
        model = fit(y, months, spec)
    except (ValueError, np.linalg.LinAlgError):
        return _withheld(history, "fit", check, spec)
    if check.inside80 < MIN_INSIDE80 or check.relative_mae > MAX_RELATIVE_MAE:
        return _withheld(history, "poor", check, spec, inside80=check.inside80, mae=check.mae,
                         relative_mae=check.relative_mae, min_inside80=MIN_INSIDE80, max_relative=MAX_RELATIVE_MAE)
    if not check.year_inside95:
        return _withheld(history, "year", check, spec, actual=check.year_actual, **check.year_projected)
    last = pd.Period(pd.Timestamp(history["bulan"].iloc[-1]), freq="M")
    future = [last + k for k in range(1, horizon + 1)]
    paths = simulate(model, np.array([p.month for p in future], dtype=float), DRAWS, _rng(n, horizon))
    table = pd.DataFrame({"bulan": [p.start_time.date() for p in future], "rata": paths.mean(axis=0),
                          **_quantiles(paths, axis=0)})
    sums = paths.sum(axis=1)
    total = {"rata": float(sums.mean()), **{k: float(v) for k, v in _quantiles(sums).items()}}
    return Projection(history, None, {}, spec, check, table[list(TABLE_COLUMNS)], total, paths)


# --- consequences: places ---------------------------------------------------------------------------------

OCCUPANCY_THRESHOLD = 0.9
LIKELY = 0.5  # "likely to pass 90 %": more than half of the simulated paths do
PLACES_COLUMNS: tuple[str, ...] = (
    "kode_unit", "kapasitas", "lama_tinggal_hari", "utilisasi_terakhir", "utilisasi_puncak_proyeksi",
    "bulan_lewat_90", "bulan_pertama_lewat_90", "kalibrasi", "alasan",
)
PLACES_MONTH_COLUMNS: tuple[str, ...] = (
    "kode_unit", "bulan", "penerimaan", "penghuni", "penghuni_lo80", "penghuni_hi80", "utilisasi", "peluang_lewat_90",
)


def stay_months(stay_days: float) -> int:
    """How many months of admissions are still resident at a month's end (at least one)."""
    return max(1, int(round(stay_days / 30.4)))


def residents_paths(admission_paths: np.ndarray, recent_admissions: np.ndarray, stay_days: float) -> np.ndarray:
    """Residents per month by Little's law (residents = admissions per day × average stay in days), the admissions
    per day averaged over the months a victim stays (the last observed months fill the first ones)."""
    k = stay_months(stay_days)
    draws, h = admission_paths.shape
    past = np.tile(np.asarray(recent_admissions, dtype=float)[-(k - 1):] if k > 1 else np.empty(0), (draws, 1))
    joined = np.concatenate([past, admission_paths], axis=1)
    start = joined.shape[1] - h
    per_month = np.stack([joined[:, max(0, start + i - k + 1):start + i + 1].mean(axis=1) for i in range(h)], axis=1)
    return per_month / 30.4 * stay_days


def calibration(recent_admissions: np.ndarray, stay_days: float, residents: float, months: int = 12) -> float:
    """Observed average residents over the last `months` months ÷ what residents_paths gives for the admissions
    actually seen then: the projection starts from the occupancy the unit really had (a unit whose stays or
    discharges are not in balance would otherwise jump in the first projected month). 1 when it cannot be told."""
    admissions = np.asarray(recent_admissions, dtype=float)
    if len(admissions) < months + 1 or not (residents > 0):
        return 1.0
    seen = residents_paths(admissions[-months:][None, :], admissions[:-months], stay_days)[0]
    estimate = float(seen.mean())
    return residents / estimate if estimate > 0 else 1.0


def project_places(units: dict[str, Projection], metrics: pd.DataFrame, latest: pd.DataFrame
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per unit: PLACES_COLUMNS, one row per unit and future month: PLACES_MONTH_COLUMNS).

    units: the admissions projection of each unit; metrics: domain.capacity.unit_metrics over the last 12 months
    (kode_unit, lama_tinggal_hari, rata_penghuni); latest: kode_unit, kapasitas, utilisasi of the last observed
    month. Residents = residents_paths × kalibrasi (calibration). A unit whose admissions projection is withheld, or
    without a length of stay or beds, gets its reason and no months."""
    stay = dict(zip(metrics["kode_unit"], metrics["lama_tinggal_hari"]))
    average = dict(zip(metrics["kode_unit"], metrics["rata_penghuni"]))
    beds = dict(zip(latest["kode_unit"], latest["kapasitas"]))
    last_util = dict(zip(latest["kode_unit"], latest["utilisasi"]))
    rows, months = [], []
    for unit, projection in units.items():
        row = dict.fromkeys(PLACES_COLUMNS)
        row.update(kode_unit=unit, kapasitas=beds.get(unit, math.nan), lama_tinggal_hari=stay.get(unit, math.nan),
                   utilisasi_terakhir=last_util.get(unit, math.nan), bulan_lewat_90=[])
        capacity = row["kapasitas"]
        if projection.withheld:
            row["alasan"] = projection.reason
        elif not (row["lama_tinggal_hari"] > 0) or not (capacity > 0):
            row["alasan"] = "no_stay" if not (row["lama_tinggal_hari"] > 0) else "no_beds"
        else:
            admissions = projection.history["jumlah"].to_numpy()
            row["kalibrasi"] = calibration(admissions, row["lama_tinggal_hari"], average.get(unit, math.nan))
            residents = row["kalibrasi"] * residents_paths(projection.draws, admissions, row["lama_tinggal_hari"])
            util = residents / capacity
            chance = (util > OCCUPANCY_THRESHOLD).mean(axis=0)
            median_util = np.median(util, axis=0)
            passing = [m for m, p in zip(projection.table["bulan"], chance) if p > LIKELY]
            row.update(utilisasi_puncak_proyeksi=float(median_util.max()), bulan_lewat_90=passing,
                       bulan_pertama_lewat_90=passing[0] if passing else None)
            low, middle, high = np.quantile(residents, [0.1, 0.5, 0.9], axis=0)
            for i, month in enumerate(projection.table["bulan"]):
                months.append({"kode_unit": unit, "bulan": month, "penerimaan": float(projection.table["median"][i]),
                               "penghuni": float(middle[i]), "penghuni_lo80": float(low[i]),
                               "penghuni_hi80": float(high[i]), "utilisasi": float(median_util[i]),
                               "peluang_lewat_90": float(chance[i])})
        rows.append(row)
    summary = pd.DataFrame(rows, columns=list(PLACES_COLUMNS))
    order = summary["bulan_lewat_90"].map(len)
    summary = summary.assign(_n=-order).sort_values(["_n", "utilisasi_puncak_proyeksi", "kode_unit"],
                                                     ascending=[True, False, True], na_position="last",
                                                     kind="mergesort").drop(columns="_n")
    return summary.reset_index(drop=True), pd.DataFrame(months, columns=list(PLACES_MONTH_COLUMNS))


# --- consequences: staff --------------------------------------------------------------------------------

STAFF_ROLE_COLUMNS: tuple[str, ...] = (
    "peran", "staf_sekarang", "dibutuhkan_sekarang", "dibutuhkan_proyeksi", "kekurangan_proyeksi", "rekrut",
)
RECRUIT_COLUMNS: tuple[str, ...] = ("peran", "kode_unit", "rekrut", "rasio_sebelum", "rasio_sesudah")


def projected_occupancy(places_months: pd.DataFrame, occupancy: pd.DataFrame) -> pd.DataFrame:
    """Next year's occupancy rows in domain.capacity's columns, the input of domain.sdm's WISN: projected units get
    their median admissions (as discharges too: a steady state) and residents, with last year's TPPO share and
    latest capacity; units without a projection keep their last 12 observed months, shifted a year on."""
    occ = occupancy.assign(bulan=pd.to_datetime(occupancy["bulan"]).dt.to_period("M"))
    last = occ["bulan"].max()
    recent = occ[occ["bulan"] > last - 12]
    share = (recent.groupby("kode_unit")["penghuni_tppo"].sum()
             / recent.groupby("kode_unit")["penghuni"].sum().where(lambda s: s > 0)).fillna(0.0)
    beds = recent.sort_values("bulan").groupby("kode_unit")["kapasitas"].last()
    projected = pd.DataFrame({
        "bulan": places_months["bulan"], "kode_unit": places_months["kode_unit"],
        "kapasitas": places_months["kode_unit"].map(beds).astype(float),
        "penghuni": places_months["penghuni"],
        "penghuni_tppo": places_months["penghuni"] * places_months["kode_unit"].map(share).fillna(0.0),
        "penerimaan": places_months["penerimaan"], "pemulangan": places_months["penerimaan"],
    })
    held = recent[~recent["kode_unit"].isin(set(places_months["kode_unit"]))]
    held = held.assign(bulan=[(p + 12).start_time.date() for p in held["bulan"]])
    return pd.concat([projected, held[list(projected.columns)]], ignore_index=True)


def recruitment(wisn_now: pd.DataFrame, wisn_next: pd.DataFrame, roles: tuple[str, ...]
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per role: STAFF_ROLE_COLUMNS, per role and unit: RECRUIT_COLUMNS).

    rekrut = the whole number of staff that covers next year's gross shortage (Σ over units of max(0, needed −
    today's staff), rounded up); the allocation planner (domain.allocation.allocate_recruits) places them one at a
    time where the WISN ratio is lowest."""
    from domain.allocation import allocate_recruits
    from domain.sdm import allocation_units

    role_rows, unit_rows = [], []
    for role in roles:
        now, nxt = wisn_now[wisn_now["peran"] == role], wisn_next[wisn_next["peran"] == role]
        if nxt.empty:
            continue
        shortage = float(nxt["kekurangan"].sum())
        recruits = int(math.ceil(shortage - 1e-9))
        role_rows.append({"peran": role, "staf_sekarang": float(nxt["current_staff"].sum()),
                          "dibutuhkan_sekarang": float(now["required_staff"].sum()) if len(now) else math.nan,
                          "dibutuhkan_proyeksi": float(nxt["required_staff"].sum()),
                          "kekurangan_proyeksi": shortage, "rekrut": recruits})
        plan = allocate_recruits(allocation_units(wisn_next, role), recruits)
        for r in plan[plan["added"] > 0].itertuples():
            unit_rows.append({"peran": role, "kode_unit": r.unit, "rekrut": int(r.added),
                              "rasio_sebelum": r.ratio_before, "rasio_sesudah": r.ratio_after})
    return (pd.DataFrame(role_rows, columns=list(STAFF_ROLE_COLUMNS)),
            pd.DataFrame(unit_rows, columns=list(RECRUIT_COLUMNS)))
