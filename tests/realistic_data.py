"""A realistically sized synthetic monthly victim series for attack tests (issue 26): every province, skewed like
the real origins (a few provinces send most victims, many send a handful a year), seeded and reproducible."""

from __future__ import annotations

import numpy as np
import pandas as pd

from domain.publication import DESTINATION_COLUMNS, MONTHLY_COLUMNS
from domain.taxonomy import MODUS

MODUS_CODES = [m.kode for m in MODUS]
# 38 provinces (Kemendagri codes); the data set needs codes only, the reference file is not read here.
PROVINCES = ["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "51",
             "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76", "81", "82", "91", "92",
             "93", "94", "95", "96"]
# Destinations (issue 26): within Indonesia (DN, a province code) or a country abroad (ISO3), skewed as the reference
# notes describe (Malaysia first, then the online-scam and placement countries), with a long tail of rare countries
# that the published table groups into "negara lain".
DESTINATIONS = {"DN": .30, "MYS": .27, "KHM": .09, "SAU": .06, "MMR": .05, "TWN": .04, "HKG": .03, "SGP": .03,
                "ARE": .02, "PHL": .02, "THA": .02, "LAO": .02, "JPN": .01, "KOR": .01, "TUR": .01, "QAT": .005,
                "OMN": .005, "BRN": .005, "AUS": .005}


def months(first: str, last: str) -> list[str]:
    return [f"{m:%Y-%m}-01" for m in pd.period_range(first, last, freq="M").to_timestamp()]


def realistic_monthly(seed: int, month_list: list[str], per_month: float = 100.0) -> pd.DataFrame:
    """Entry-stage counts (MONTHLY_COLUMNS), one row per month x province x modus x sex x age with victims:
    Poisson(per_month) victims a month, provinces Zipf-weighted (exponent 1.1), modus, sex and age skewed as in the
    demo calibration; destination (DESTINATION_COLUMNS) as DESTINATIONS. The same seed gives the same months whatever
    `month_list` adds after them."""
    frames = []
    weights = 1 / np.arange(1, len(PROVINCES) + 1) ** 1.1
    province_p = np.random.default_rng(seed).permutation(weights / weights.sum())
    modus_p = np.array([.45, .25, .12, .08, .05, .03, .02])
    for month in month_list:
        rng = np.random.default_rng([seed, int(month[:4]), int(month[5:7])])  # a month's victims never change
        n = int(rng.poisson(per_month))
        frame = pd.DataFrame({
            "bulan": month, "kode_prov_asal": rng.choice(PROVINCES, n, p=province_p),
            "modus": rng.choice(MODUS_CODES, n, p=modus_p), "jenis_kelamin": rng.choice(["L", "P"], n, p=[.4, .6]),
            "kelompok_umur": rng.choice(["anak", "dewasa"], n, p=[.25, .75]), "jumlah": 1,
        })
        # Drawn last, so the other columns are those of the data set before destinations were added.
        where = rng.choice(list(DESTINATIONS), n, p=np.array(list(DESTINATIONS.values())))
        frame["tujuan_jenis"] = np.where(where == "DN", "DN", "LN")
        frame["kode_tujuan"] = np.where(where == "DN", frame["kode_prov_asal"], where)
        frames.append(frame.groupby(COLUMNS[:-1], as_index=False)["jumlah"].sum())
    return pd.concat(frames, ignore_index=True)[COLUMNS]


COLUMNS = [*MONTHLY_COLUMNS[:-1], *DESTINATION_COLUMNS, MONTHLY_COLUMNS[-1]]
