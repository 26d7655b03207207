"""A ragged fixture: sources that end in different months, provinces without a unit, every Papua code.

Real data arrive uneven (issue 22). Here:
  kasus (victims and later stages)   2023-01 .. 2025-08
  keberangkatan dicegah               2023-01 .. 2025-06
  okupansi                            2023-01 .. 2025-06   (one unit misses 2024-07)
  kegiatan pencegahan                 2023-01 .. 2025-04
  pelatihan                           2023-01 .. 2025-03
  staf (quarters)                     2023-01 .. 2025-01   (covers to 2025-03)
  penempatan PMI                      2023, 2024 whole years; 2025 months 1-3
Units: SEN-NTB (52, on alert from 2024-03; its report for occupancy's last month is missing), RPTC-DKI (31, an
alert that ended in 2024 and a new one from 2025-05), SEN-JB (32, one alert in 2023), SEN-PAP (91, never on alert;
2024-07 missing), and an inactive SEN-OFF (35). Jawa Timur (35), the other Papua provinces and Aceh have no active
unit; Jawa Timur has the most victims. Online scam rises in the last months; baby trafficking appears new in 2025.
Submissions (penyerahan, issue 23) follow the rows, with late, zero and missing reports (_submissions).

The tables are plain DataFrames (tables()) so a test's oracle can read them with pandas and never the project's
queries; load(engine) writes them into an empty, migrated database. Deterministic (fixed seed).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import numpy as np
import pandas as pd
from sqlalchemy import Engine, insert

from data_access import schema as s
from data_access.accounts import create_account
from data_access.writes import bump_data_version
from demo.loader import load_code_lists, load_metadata

SEED = 2207
CASES_END = dt.date(2025, 8, 1)
ENDS = {"kasus": CASES_END, "pencegahan_keberangkatan": dt.date(2025, 6, 1), "okupansi": dt.date(2025, 6, 1),
        "kegiatan_pencegahan": dt.date(2025, 4, 1), "pelatihan": dt.date(2025, 3, 1), "staf": dt.date(2025, 1, 1)}
START = dt.date(2023, 1, 1)
UPDATED = dt.datetime(2025, 9, 15, 3, 0, tzinfo=dt.timezone.utc)

# code, name, capital lat, lon, population 2024 (None: not known)
PROVINCES = [
    ("11", "Aceh", 5.55, 95.32, 5_550_000), ("31", "DKI Jakarta", -6.18, 106.83, 10_680_000),
    ("32", "Jawa Barat", -6.90, 107.61, 50_350_000), ("35", "Jawa Timur", -7.26, 112.75, 41_810_000),
    ("52", "Nusa Tenggara Barat", -8.58, 116.12, 5_650_000), ("91", "Papua", -2.53, 140.72, 1_060_000),
    ("92", "Papua Barat", -0.86, 134.06, None), ("93", "Papua Selatan", -8.49, 140.40, 540_000),
    ("94", "Papua Tengah", -3.36, 135.50, None), ("95", "Papua Pegunungan", -4.10, 138.95, 1_450_000),
    ("96", "Papua Barat Daya", -0.88, 131.25, None),
]
REGENCIES = [
    ("31.75", "Kota Administrasi Jakarta Timur", "kota"), ("32.01", "Kabupaten Bogor", "kabupaten"),
    ("35.08", "Kabupaten Lumajang", "kabupaten"), ("35.73", "Kota Malang", "kota"),
    ("52.02", "Kabupaten Lombok Tengah", "kabupaten"), ("52.03", "Kabupaten Lombok Timur", "kabupaten"),
    ("91.03", "Kabupaten Jayapura", "kabupaten"), ("93.01", "Kabupaten Merauke", "kabupaten"),
    ("95.01", "Kabupaten Jayawijaya", "kabupaten"),
]
UNITS = [  # kode, nama, tipe, kab/kota, province, lat, lon, beds, active
    ("SEN-NTB", "Sentra Uji Mataram", "sentra", "52.02", "52", -8.58, 116.10, 60, True),
    ("RPTC-DKI", "RPTC Uji Jakarta", "rptc", "31.75", "31", -6.25, 106.90, 40, True),
    ("SEN-JB", "Sentra Uji Bogor", "sentra", "32.01", "32", -6.60, 106.80, 80, True),
    ("SEN-PAP", "Sentra Uji Jayapura", "sentra", "91.03", "91", -2.57, 140.50, 20, True),
    ("SEN-OFF", "Sentra Uji Nonaktif", "sentra", "35.73", "35", -7.98, 112.63, 30, False),
]
MODUS = ("kerja_paksa", "online_scam", "eksploitasi_seksual", "bayi_anak")
COUNTRIES = [("MYS", "Malaysia", "Malaysia", 3.14, 101.69), ("KHM", "Kamboja", "Cambodia", 11.56, 104.93),
             ("SAU", "Arab Saudi", "Saudi Arabia", 24.71, 46.68)]
# Where each origin's victims are served (the unit codes of the case data); None: not recorded.
SERVED_BY = {"35": ("SEN-JB", "RPTC-DKI", "SEN-NTB", None), "52": ("SEN-NTB",), "31": ("RPTC-DKI",),
             "32": ("SEN-JB", "RPTC-DKI"), "11": ("SEN-JB",), "91": ("SEN-PAP",), "93": ("SEN-PAP", None),
             "95": ("SEN-PAP",), "94": ("SEN-PAP",)}
# Monthly mean of victims per origin area at the start, and its yearly growth factor.
ORIGINS = {"35.08": (2.2, 1.6), "35.73": (1.2, 1.5), "35": (0.6, 1.0), "52.03": (2.4, 0.7), "52.02": (1.0, 0.8),
           "31.75": (1.3, 1.0), "32.01": (1.1, 1.1), "11": (0.15, 1.0), "91.03": (0.4, 1.0), "93.01": (0.12, 1.0),
           "95.01": (0.1, 1.0), "94": (0.05, 1.0)}
MODUS_SHARE = {"kerja_paksa": 0.55, "online_scam": 0.2, "eksploitasi_seksual": 0.25}
SCALE = 2.5  # enough victims for some comparisons to pass the minimum counts, few enough for small cells


def month(text: str) -> dt.date:
    return dt.date.fromisoformat(text + "-01")


def months(start: dt.date, end: dt.date) -> list[dt.date]:
    out, d = [], start
    while d <= end:
        out.append(d)
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def _index(d: dt.date) -> int:
    return (d.year - START.year) * 12 + d.month - START.month


def _cases(rng: np.random.Generator) -> pd.DataFrame:
    cells = []
    for m in months(START, CASES_END):
        t = _index(m) / 12
        for area, (mean, growth) in ORIGINS.items():
            shares = dict(MODUS_SHARE)
            if m >= dt.date(2025, 5, 1):
                shares["online_scam"] *= 4  # a rise in the last months
            if m >= dt.date(2025, 6, 1) and area in ("35.08", "52.03"):
                shares["bayi_anak"] = 0.4  # a form new in 2025
            for modus, share in shares.items():
                cells.append((m, area, modus, int(rng.poisson(SCALE * mean * growth ** t * share))))
    cells = pd.DataFrame(cells, columns=["bulan", "kode_asal", "modus", "n"])
    v = cells.loc[cells.index.repeat(cells["n"])].drop(columns="n").reset_index(drop=True)  # one row per victim
    scam, baby = (v["modus"] == "online_scam").to_numpy(), (v["modus"] == "bayi_anak").to_numpy()
    u = rng.random((len(v), 4))
    v["jenis_kelamin"] = np.where(u[:, 0] < np.where(scam, 0.35, 0.7), "P", "L")
    v["kelompok_umur"] = np.where(u[:, 1] < np.where(baby, 0.9, 0.2), "anak", "dewasa")
    abroad = ~baby & (u[:, 2] < 0.75)
    v["tujuan_jenis"] = np.where(abroad, "LN", "DN")
    v["kode_tujuan"] = np.where(~abroad, "31", np.where(scam, "KHM", np.where(u[:, 3] < 0.6, "MYS", "SAU")))
    served = [SERVED_BY.get(a[:2], ("SEN-JB",)) for a in v["kode_asal"]]
    v["kode_unit"] = [units[int(rng.integers(len(units)))] for units in served]
    keys = ["bulan", "kode_asal", "tujuan_jenis", "kode_tujuan", "modus", "jenis_kelamin", "kelompok_umur", "kode_unit"]
    entry = v.groupby(keys, dropna=False).size().rename("jumlah").reset_index()
    parts = [entry.assign(tahap="asesmen", instansi="KEMENSOS")]
    # Later stages of the same victims, at their month of entry: reintegration about six months later (so the
    # latest months are incomplete), outreach by BP2MI or Jarnas, medical rehabilitation by Kemenkes.
    for stage, agency, share in (("penjangkauan", "BP2MI", 0.5), ("penjangkauan", "JARNAS", 0.2),
                                 ("rehabilitasi_medis", "KEMENKES", 0.6), ("reintegrasi", "KEMENSOS", 0.6)):
        later = entry.copy()
        keep = (later["bulan"] <= dt.date(2025, 2, 1)).to_numpy() if stage == "reintegrasi" else True
        later["jumlah"] = rng.binomial(later["jumlah"].to_numpy(), share) * keep
        later = later[later["jumlah"] > 0]
        if stage == "penjangkauan":
            later = later.assign(kode_unit=None)
        parts.append(later.assign(tahap=stage, instansi=agency))
    out = pd.concat(parts, ignore_index=True)
    out = out.groupby([*keys, "tahap", "instansi"], dropna=False, as_index=False)["jumlah"].sum()
    out["kode_prov_asal"] = out["kode_asal"].str[:2]
    out["kode_unit"] = out["kode_unit"].astype(object).where(out["kode_unit"].notna(), None)
    return out.reset_index(drop=True)


# Monthly utilisation of each unit (designed alert runs; see the module doc).
def _utilisation(unit: str, m: dt.date, rng: np.random.Generator) -> float | None:
    i = _index(m)
    if unit == "SEN-NTB":
        if m == ENDS["okupansi"]:
            return None  # its last report is missing: the alert has not been seen to end
        return 0.93 + 0.2 * rng.random() if m >= dt.date(2024, 3, 1) else 0.6 + 0.25 * rng.random()
    if unit == "RPTC-DKI":
        if dt.date(2024, 9, 1) <= m <= dt.date(2024, 12, 1) or m >= dt.date(2025, 5, 1):
            return 0.95 + 0.15 * rng.random()
        return 0.5 + 0.35 * rng.random()
    if unit == "SEN-JB":
        return 0.92 + 0.05 * rng.random() if dt.date(2023, 5, 1) <= m <= dt.date(2023, 8, 1) else \
            0.55 + 0.3 * rng.random()
    if unit == "SEN-PAP":
        return None if m == dt.date(2024, 7, 1) else 0.4 + 0.45 * rng.random() + 0.0 * i
    return 0.5


def _occupancy(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for kode, _n, _t, _k, _p, _la, _lo, beds, active in UNITS:
        for m in months(START, ENDS["okupansi"]):
            util = _utilisation(kode, m, rng)
            if util is None:
                continue
            residents = int(round(beds * util))
            tppo = int(round(residents * (0.4 + 0.4 * rng.random())))
            rows.append((m, kode, beds, residents, tppo, int(rng.integers(2, 12)), int(rng.integers(2, 12))))
    return pd.DataFrame(rows, columns=["bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo", "penerimaan",
                                       "pemulangan"])


def _staff(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for kode, *_rest in UNITS:
        for q in months(START, ENDS["staf"])[::3]:
            for role, low, high in (("pekerja_sosial", 2, 9), ("pengasuh", 1, 7), ("psikolog", 0, 2)):
                filled = int(rng.integers(low, high))
                rows.append((q, kode, role, filled, int(rng.integers(0, filled + 1)), int(rng.integers(0, 3))))
    return pd.DataFrame(rows, columns=["kuartal", "kode_unit", "peran", "terisi", "bersertifikat", "lowongan"])


STANDARDS = pd.DataFrame([  # role, activity, kind, minutes, driver, frequency, % of time, hours/year, staff doing
    ("pekerja_sosial", "Asesmen awal", "service", 120.0, "penerimaan", 1.0, None, None, None),
    ("pekerja_sosial", "Pendampingan", "service", 45.0, "hari_rawat", 2 / 7, None, None, None),
    ("pekerja_sosial", "Pemulangan", "service", 180.0, "pemulangan", 1.0, None, None, None),
    ("pekerja_sosial", "Rapat kasus", "support", None, None, None, 15.0, None, None),
    ("pekerja_sosial", "Koordinasi jejaring", "individual", None, None, None, None, 200.0, 1.0),
    ("pengasuh", "Pengasuhan harian", "service", 40.0, "hari_rawat", 1.0, None, None, None),
    ("pengasuh", "Serah terima", "support", None, None, None, 10.0, None, None),
    ("psikolog", "Asesmen psikologis", "service", 90.0, "penerimaan", 1.0, None, None, None),
    ("psikolog", "Konseling", "service", 60.0, "hari_rawat", 1 / 14, None, None, None),
], columns=["peran", "aktivitas", "jenis", "menit_per_unit", "pemicu", "frekuensi", "persen_waktu", "jam_per_tahun",
            "staf_melakukan"])
WORKING_TIME = pd.DataFrame({"peran": ["pekerja_sosial", "pengasuh", "psikolog"], "hari_kerja": 250.0,
                             "libur_nasional": 17.0, "cuti_tahunan": 12.0, "cuti_sakit": 5.0, "cuti_lain": 5.0,
                             "jam_per_hari": 7.5})


def _training(rng: np.random.Generator) -> pd.DataFrame:
    rows = [(m, kode, role, "identifikasi_korban", int(rng.integers(1, 3)))
            for m in months(START, ENDS["pelatihan"])[::2] for kode, *_r in UNITS[:4]
            for role in ("pekerja_sosial", "pengasuh") if rng.random() < 0.5]
    return pd.DataFrame(rows, columns=["bulan", "kode_unit", "peran", "topik", "jumlah"])


def _activities(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for m in months(START, ENDS["kegiatan_pencegahan"]):
        for area, agency, chance in (("35.08", "DINSOS", 0.5), ("52.03", "BP3MI", 0.7), ("31.75", "JARNAS", 0.4),
                                     ("32.01", "DISNAKER", 0.6 if m.year == 2023 else 0.0), ("52", "BP3MI", 0.2)):
            if rng.random() < chance:
                rows.append((m, area, agency, "sosialisasi", int(rng.integers(1, 4)), int(rng.integers(20, 200))))
    out = pd.DataFrame(rows, columns=["bulan", "kode_wilayah", "instansi", "jenis", "kegiatan", "peserta"])
    return out.assign(kode_prov=out["kode_wilayah"].str[:2])


def _departures(rng: np.random.Generator) -> pd.DataFrame:
    rows = [(m, province, agency, int(rng.integers(0, 40)))
            for m in months(START, ENDS["pencegahan_keberangkatan"])
            for province, agency in (("31", "IMIGRASI"), ("52", "BP3MI"))]
    return pd.DataFrame(rows, columns=["bulan", "kode_provinsi", "instansi", "jumlah"])


def _placements(rng: np.random.Generator) -> pd.DataFrame:
    rows = [(year, None, area, int(rng.integers(500, 5000))) for year in (2023, 2024)
            for area in ("35.08", "52.03", "52.02", "32.01", "35")]
    rows += [(2025, mo, area, int(rng.integers(50, 400))) for mo in (1, 2, 3) for area in ("35.08", "52.03")]
    out = pd.DataFrame(rows, columns=["tahun", "bulan", "kode_wilayah", "jumlah"])
    return out.assign(kode_prov=out["kode_wilayah"].str[:2])


@lru_cache(maxsize=1)
def tables() -> dict[str, pd.DataFrame]:
    """Every table of the fixture, as the oracle reads them (a copy is handed out each time)."""
    rng = np.random.default_rng(SEED)
    out = _tables(rng)
    cases = out["kasus"]
    out["kasus"] = cases[~(((cases["instansi"] == "JARNAS") & (cases["bulan"] > JARNAS_LAST))
                           | ((cases["instansi"] == "KEMENKES") & (cases["bulan"] == ZERO_REPORT)))
                         ].reset_index(drop=True)
    out["penyerahan"] = _submissions(out)
    return out


def _tables(rng: np.random.Generator) -> dict[str, pd.DataFrame]:
    provinces = pd.DataFrame([(k, 1, k, n, "provinsi", la, lo) for k, n, la, lo, _p in PROVINCES],
                             columns=["kode", "tingkat", "kode_prov", "nama", "jenis", "lat", "lon"])
    regencies = pd.DataFrame([(k, 2, k[:2], n, j, None, None) for k, n, j in REGENCIES], columns=provinces.columns)
    return {
        "wilayah": pd.concat([provinces, regencies], ignore_index=True),
        "populasi": pd.DataFrame([(k, 2024, p, "uji", "resmi") for k, _n, _a, _b, p in PROVINCES if p],
                                 columns=["kode_wilayah", "tahun", "jumlah", "sumber", "metode"]),
        "unit_layanan": pd.DataFrame(UNITS, columns=["kode_unit", "nama", "tipe", "kode_wilayah", "kode_prov", "lat",
                                                     "lon", "kapasitas", "aktif"]),
        "kasus": _cases(rng),
        "okupansi": _occupancy(rng),
        "staf": _staff(rng),
        "standar_beban_kerja": STANDARDS,
        "waktu_kerja": WORKING_TIME,
        "pelatihan": _training(rng),
        "kegiatan_pencegahan": _activities(rng),
        "pencegahan_keberangkatan": _departures(rng),
        "penempatan_pmi": _placements(rng),
    }


WIB = dt.timezone(dt.timedelta(hours=7))
JARNAS_LAST = dt.date(2025, 5, 1)  # Jarnas's last report
ZERO_REPORT = dt.date(2024, 6, 1)  # Kemenkes reported no victim this month


def _due(month: dt.date) -> dt.date:
    """Day 10 of the next month (the default due day)."""
    return (dt.date(month.year + month.month // 12, month.month % 12 + 1, 10))


def _submissions(t: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Who reported which month, when (issue 23), ragged too: reports come from the rows (an agency's month, a
    unit's month); Kemenkes sends every fourth month's report five days late and a zero report for ZERO_REPORT;
    Sentra Uji Bogor its January reports two days late; Jarnas stops reporting after JARNAS_LAST (missing reports
    since); the units' gaps in the occupancy data (SEN-NTB's last month, SEN-PAP's July 2024) are missing
    reports."""
    rows = []
    cases = t["kasus"]
    for (agency, month), group in cases.groupby(["instansi", "bulan"]):
        late = 5 if agency == "KEMENKES" and month.month % 4 == 0 else -3
        rows.append(("kasus", agency, month, len(group), int(group["jumlah"].sum()), False, late))
    rows.append(("kasus", "KEMENKES", ZERO_REPORT, 1, 0, True, -1))  # nothing to report that month, and said so
    for (unit, month), group in t["okupansi"].groupby(["kode_unit", "bulan"]):
        late = 2 if month.month == 1 and unit == "SEN-JB" else -5
        rows.append(("okupansi", unit, month, len(group), int(group["penghuni"].sum()), False, late))
    out = pd.DataFrame(rows, columns=["jenis", "pelapor", "bulan", "baris", "total", "nol", "hari"])
    out["waktu"] = [dt.datetime.combine(_due(m) + dt.timedelta(days=int(d)), dt.time(9), tzinfo=WIB)
                    for m, d in zip(out["bulan"], out["hari"])]
    return out.drop(columns="hari")


def _records(df: pd.DataFrame) -> list[dict]:
    clean = df.astype(object).where(pd.notna(df), None)
    return clean.to_dict("records")


def load(engine: Engine) -> None:
    """Write the fixture into an empty, migrated database."""
    t = tables()
    with engine.begin() as conn:
        load_code_lists(conn)
        load_metadata(conn, "demo", f"{START:%Y-%m}..{CASES_END:%Y-%m}", UPDATED)
        conn.execute(insert(s.Wilayah), _records(t["wilayah"]))
        conn.execute(insert(s.Populasi), _records(t["populasi"]))
        conn.execute(insert(s.Negara), [dict(zip(("iso3", "nama", "nama_en", "lat", "lon"), c)) for c in COUNTRIES])
        conn.execute(insert(s.UnitLayanan), _records(t["unit_layanan"].assign(melayani_tppo=True)))
        conn.execute(insert(s.Kasus), _records(t["kasus"]))
        conn.execute(insert(s.Okupansi), _records(t["okupansi"]))
        conn.execute(insert(s.Staf), _records(t["staf"]))
        conn.execute(insert(s.StandarBebanKerja), _records(t["standar_beban_kerja"].assign(sumber="uji", contoh=False)))
        conn.execute(insert(s.WaktuKerja), _records(t["waktu_kerja"].assign(sumber="uji", contoh=False)))
        conn.execute(insert(s.Pelatihan), _records(t["pelatihan"]))
        conn.execute(insert(s.TargetKompetensi), [
            {"peran": p, "target_terlatih": a, "target_bersertifikat": b, "sumber": "uji", "contoh": False,
             "diubah_oleh": "uji", "diubah": UPDATED} for p, a, b in (("pekerja_sosial", 0.8, 1.0),
                                                                      ("pengasuh", 0.5, None))])
        conn.execute(insert(s.KegiatanPencegahan), _records(t["kegiatan_pencegahan"]))
        conn.execute(insert(s.PencegahanKeberangkatan), _records(t["pencegahan_keberangkatan"]))
        conn.execute(insert(s.PenempatanPmi), _records(t["penempatan_pmi"]))
        batch = conn.execute(insert(s.ImportBatch).returning(s.ImportBatch.id), {
            "jenis": "kasus", "nama_file": "fixture", "sha256": "0" * 64, "oleh": "uji", "waktu": UPDATED,
            "baris_tambah": 0, "baris_ubah": 0, "baris_sama": 0, "status": "aktif"}).scalar_one()
        conn.execute(insert(s.Penyerahan), _records(t["penyerahan"].assign(batch_id=batch, oleh="uji")))
        for role in ("pimpinan", "jarnas", "admin_data"):  # AppTest sessions belong to an existing account
            create_account(conn, role, f"uji-{role}-rahasia", role, demo=True)
        bump_data_version(conn)
