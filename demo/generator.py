"""Deterministic generator of the calibrated demo data set (pure: reference frames in, table frames out).

Victims are drawn as virtual individuals only inside this function and aggregated before anything is
returned, so no person-level row ever reaches the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from lokal.holidays import count_working_days

from demo import calibration as cal
from demo.reference_files import (
    load_destinations,
    load_provinces,
    load_regions,
    load_sentra_candidates,
    match_kab_kota,
)
from domain.geo import haversine_km
from domain.taxonomy import ENTRY_STAGE


@dataclass(frozen=True)
class DemoData:
    wilayah: pd.DataFrame
    populasi: pd.DataFrame
    negara: pd.DataFrame
    unit_layanan: pd.DataFrame
    kasus: pd.DataFrame
    okupansi: pd.DataFrame
    staf: pd.DataFrame
    standar_beban_kerja: pd.DataFrame
    waktu_kerja: pd.DataFrame
    pelatihan: pd.DataFrame
    target_kompetensi: pd.DataFrame
    kegiatan_pencegahan: pd.DataFrame
    pencegahan_keberangkatan: pd.DataFrame
    penempatan_pmi: pd.DataFrame


def apportion(total: int, weights: dict | list | tuple) -> list[int]:
    """Largest-remainder apportionment: integers proportional to weights that sum exactly to total."""
    w = np.asarray(list(weights.values()) if isinstance(weights, dict) else weights, dtype=float)
    if total == 0 or w.sum() == 0:
        return [0] * len(w)
    quota = w / w.sum() * total
    base = np.floor(quota).astype(int)
    order = np.argsort(-(quota - base), kind="stable")
    base[order[: total - base.sum()]] += 1
    return base.tolist()


def months(start: dt.date = cal.PERIOD_START, end: dt.date = cal.PERIOD_END) -> list[dt.date]:
    return [d.date() for d in pd.date_range(start, end, freq="MS")]


def _expand(labels: list, counts: list[int]) -> list:
    return [label for label, n in zip(labels, counts) for _ in range(n)]


def _choose(rng: np.random.Generator, shares: dict[str, float], size: int) -> np.ndarray:
    keys = list(shares)
    p = np.asarray([shares[k] for k in keys], dtype=float)
    return np.asarray(keys)[rng.choice(len(keys), size=size, p=p / p.sum())]


def _select_units(candidates: pd.DataFrame, regions: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """31 sentra (the best-verified of 34 candidates) and the 2 Kemensos RPTC, with demo capacities."""
    tipe = candidates["tipe"].str.lower()
    is_rptc = tipe.str.startswith("rptc") & ~tipe.str.contains("daerah")
    sentra = candidates[tipe.str.startswith("sentra")].copy()
    score = (
        sentra["verifikasi_nama"].str.startswith("verified").astype(int) * 2
        + sentra["verifikasi_sasaran"].str.startswith("verified").astype(int)
        - sentra["tipe"].str.contains("uncertain").astype(int) * 3
    )
    sentra = sentra.assign(_score=score, _pos=range(len(sentra)))
    sentra = sentra.sort_values(["_score", "_pos"], ascending=[False, True]).head(cal.SENTRA_COUNT)
    sentra = sentra.sort_values("_pos")
    rptc = candidates[is_rptc].head(cal.RPTC_COUNT)
    rows = []
    for i, r in enumerate(sentra.itertuples(), start=1):
        rows.append(_unit_row(f"SEN-{i:02d}", r, "sentra_terpadu" if "terpadu" in r.tipe else "sentra", regions))
    for i, r in enumerate(rptc.itertuples(), start=1):
        rows.append(_unit_row(f"RPTC-{i:02d}", r, "rptc", regions))
    units = pd.DataFrame(rows)
    base_capacity = np.where(units["tipe"] == "sentra_terpadu", 180, np.where(units["tipe"] == "rptc", 120, 90))
    units["kapasitas"] = (base_capacity * rng.uniform(0.7, 1.3, len(units))).round().astype(int)
    for name, capacity in cal.KNOWN_CAPACITY.items():
        units.loc[units["nama"].str.contains(name), "kapasitas"] = capacity
    units["melayani_tppo"] = True  # since 2022-23 every sentra is multilayanan (notes.md)
    units["aktif"] = True
    return units


def _unit_row(kode: str, r, tipe: str, regions: pd.DataFrame) -> dict:
    kab = match_kab_kota(r.kab_kota, r.kode_prov, regions)
    note = r.catatan if kab else f"{r.catatan} | kab/kota tidak pasti: dipetakan ke provinsi"
    return {
        "kode_unit": kode, "nama": r.nama, "tipe": tipe, "kode_wilayah": kab or r.kode_prov,
        "kode_prov": r.kode_prov, "lat": r.lat, "lon": r.lon, "presisi_koordinat": r.coord_precision,
        "sasaran": r.sasaran_historis, "status_verifikasi": f"nama: {r.verifikasi_nama}; sasaran: {r.verifikasi_sasaran}",
        "catatan": note,
    }


def _kab_weights(regions: pd.DataFrame, rng: np.random.Generator) -> dict[str, pd.Series]:
    """Per province, a skewed spread over its kab/kota (a few hot spots, a long tail)."""
    out = {}
    for prov, group in regions[regions["tingkat"] == 2].groupby("kode_prov"):
        out[prov] = pd.Series(rng.gamma(0.6, 1.0, len(group)), index=group["kode"].to_numpy())
    return out


def _origins(year: int, n: int, provinces: list[str], regions: pd.DataFrame, kab_w: dict[str, pd.Series],
             rng: np.random.Generator) -> list[str]:
    """Origin codes for n victims of one year: exact where the sources give exact figures."""
    if year == 2023:
        rest = n - sum(cal.ORIGIN_2023_EXACT.values())
        prov_counts = dict(cal.ORIGIN_2023_EXACT)
        prov_counts.update(zip(cal.ORIGIN_2023_REST_WEIGHTS, apportion(rest, cal.ORIGIN_2023_REST_WEIGHTS)))
    else:
        prov_counts = dict(zip(cal.ORIGIN_LATER_WEIGHTS, apportion(n, cal.ORIGIN_LATER_WEIGHTS)))
    name_to_code = dict(zip(zip(regions["kode_prov"], regions["nama"]), regions["kode"]))
    hotspots = {name_to_code[key]: count for key, count in cal.HOTSPOTS_2023.items()}
    origins: list[str] = []
    for prov in provinces:
        count = prov_counts.get(prov, 0)
        if count == 0:
            continue
        weights = kab_w[prov].copy()
        fixed = {k: v for k, v in hotspots.items() if k in weights.index}
        if year == 2023 and fixed:
            origins += _expand(list(fixed), list(fixed.values()))
            count -= sum(fixed.values())
            weights = weights.drop(list(fixed))
        elif fixed:
            # Later years keep the 2023 hot spots hot: each gets a fifth of its province's weight.
            weights.loc[list(fixed)] = weights.sum() * 0.2
        unknown = int(round(count * cal.UNKNOWN_KAB_SHARE))
        origins += [prov] * unknown
        origins += _expand(list(weights.index), apportion(count - unknown, weights.to_dict()))
    return origins


def _assign_units(victims: pd.DataFrame, provinces: pd.DataFrame, units: pd.DataFrame,
                  rng: np.random.Generator) -> np.ndarray:
    """Nearest units by distance from the origin province's capital, with deportee routes via the RPTC."""
    cap = provinces.set_index("kode")[["lat", "lon"]]
    focus = units["nama"].str.contains("|".join(cal.TPPO_FOCUS_UNITS)).to_numpy()
    weight_focus = np.where(focus, 4.0, 1.0)
    tanjungpinang = units.index[units["nama"].str.contains("Tanjungpinang")][0]
    bambu_apus = units.index[units["nama"].str.contains("Bambu Apus")][0]
    out = np.empty(len(victims), dtype=object)
    for prov, idx in victims.groupby("kode_prov_asal").groups.items():
        d = haversine_km(cap.loc[prov, "lat"], cap.loc[prov, "lon"], units["lat"].to_numpy(), units["lon"].to_numpy())
        p = weight_focus / np.maximum(d, 50.0) ** 1.5
        p = p / p.sum()
        pos = victims.index.get_indexer(idx)
        chosen = rng.choice(len(units), size=len(pos), p=p)
        route = rng.random(len(pos))
        dest = victims["kode_tujuan"].to_numpy()[pos]
        # Malaysia deportees land in Tanjungpinang; many returns from abroad go through Jakarta.
        chosen = np.where((dest == "MYS") & (route < 0.35), tanjungpinang, chosen)
        chosen = np.where((victims["tujuan_jenis"].to_numpy()[pos] == "LN") & (route > 0.85), bambu_apus, chosen)
        out[pos] = units["kode_unit"].to_numpy()[chosen]
    return out


def _victims(regions: pd.DataFrame, provinces: pd.DataFrame, units: pd.DataFrame,
             rng: np.random.Generator) -> pd.DataFrame:
    kab_w = _kab_weights(regions, rng)
    prov_codes = provinces["kode"].tolist()
    frames = []
    for year, n in cal.VICTIMS_BY_YEAR.items():
        year_months = [m for m in months() if m.year == year]
        month_labels = _expand(year_months, apportion(n, cal.MONTH_WEIGHTS[year]))
        origins = _origins(year, n, prov_codes, regions, kab_w, rng)
        rng.shuffle(origins)
        modus = _choose(rng, cal.MODUS_SHARE[year], n)
        if year == 2025:
            # A recent rise in baby/child cases (assumption) for the trend flags to find.
            late = np.isin(np.asarray(month_labels), year_months[-3:]) & (rng.random(n) < 0.06)
            modus = np.where(late, "bayi_anak", modus)
        frames.append(pd.DataFrame({"bulan": month_labels, "kode_asal": origins, "modus": modus}))
    v = pd.concat(frames, ignore_index=True)
    v["kode_prov_asal"] = v["kode_asal"].str[:2]
    v["kode_tujuan"] = ""
    for modus, group in v.groupby("modus"):
        v.loc[group.index, "kode_tujuan"] = _choose(rng, cal.DESTINATION_SHARE[modus], len(group))
    v["tujuan_jenis"] = np.where(v["kode_tujuan"].str.len() == 3, "LN", "DN")
    female = rng.random(len(v)) < v["modus"].map(cal.FEMALE_SHARE).to_numpy()
    v["jenis_kelamin"] = np.where(female, "P", "L")
    child = rng.random(len(v)) < v["modus"].map(cal.CHILD_SHARE).to_numpy()
    v["kelompok_umur"] = np.where(child, "anak", "dewasa")
    v["kode_unit"] = _assign_units(v, provinces, units, rng)
    return v


def _stages(v: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """One row per victim and stage reached, with the reporting agency."""
    last = months()[-3:]
    recent = v["bulan"].isin(last).to_numpy()
    reached = {"penjangkauan": np.ones(len(v), bool), ENTRY_STAGE: np.ones(len(v), bool)}
    previous = np.ones(len(v), bool)
    for stage, p in cal.STAGE_PROBABILITY.items():
        prob = np.where(recent, p * cal.RECENT_COHORT_DAMPING.get(stage, 1.0), p)
        hit = rng.random(len(v)) < prob
        if stage == "rehabilitasi_medis":
            reached[stage] = hit  # medical care runs beside the social track, not after it
            continue
        reached[stage] = hit & previous
        previous = reached[stage]
    # Exactly 465 of the 2023 victims received kewirausahaan (public figure), chosen among those reintegrated.
    y2023 = np.asarray([m.year == 2023 for m in v["bulan"]])
    pool = np.flatnonzero(y2023 & reached["reintegrasi"])
    k = np.zeros(len(v), bool)
    k[rng.choice(pool, size=cal.KEWIRAUSAHAAN_2023, replace=False)] = True
    reached["kewirausahaan"] = np.where(y2023, k, reached["kewirausahaan"])
    frames = []
    for stage, mask in reached.items():
        rows = v[mask].copy()
        rows["tahap"] = stage
        if stage == "penjangkauan":
            rows["instansi"] = np.where(rows["tujuan_jenis"] == "LN", "BP2MI", "JARNAS")
        else:
            rows["instansi"] = cal.STAGE_AGENCY[stage]
        frames.append(rows)
    return pd.concat(frames, ignore_index=True)


def _aggregate(rows: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    keys = ["bulan", "kode_asal", "kode_prov_asal", "tujuan_jenis", "kode_tujuan", "modus", "jenis_kelamin",
            "kelompok_umur", "tahap", "kode_unit", "instansi"]
    kasus = rows.groupby(keys, as_index=False).size().rename(columns={"size": "jumlah"})
    # Late reporting: Kemenkes has not sent its report of the last month yet (a missing report, overdue at the
    # demo's as-of date), and Jarnas's last report left out some provinces (a thin report, not a missing one).
    last_month = months()[-1]
    provinces = sorted(kasus["kode_prov_asal"].unique())
    rng.choice(provinces, size=6, replace=False)  # drawn as before, so the later random tables stay the same
    missing_jarnas = set(rng.choice(provinces, size=4, replace=False))
    drop = ((kasus["instansi"] == "KEMENKES") & (kasus["bulan"] == last_month)) | (
        (kasus["instansi"] == "JARNAS") & kasus["kode_prov_asal"].isin(missing_jarnas) & (kasus["bulan"] == last_month)
    )
    return kasus[~drop].reset_index(drop=True)


def _occupancy(kasus: pd.DataFrame, units: pd.DataFrame, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.Series]:
    """Monthly occupancy; TPPO residents follow admissions with a length of stay of about six weeks."""
    all_months = months()
    adm = (
        kasus[kasus["tahap"] == ENTRY_STAGE]
        .pivot_table(index="bulan", columns="kode_unit", values="jumlah", aggfunc="sum", fill_value=0)
        .reindex(index=all_months, columns=units["kode_unit"], fill_value=0)
    )
    tppo_res = (0.6 * adm + 0.5 * adm.shift(1, fill_value=0) + 0.2 * adm.shift(2, fill_value=0)).round()
    focus = units["nama"].str.contains("|".join(cal.TPPO_FOCUS_UNITS)).to_numpy()
    rows = []
    capacity = units.set_index("kode_unit")["kapasitas"].copy()
    for j, unit in enumerate(units["kode_unit"]):
        other_level = capacity[unit] * rng.uniform(0.45, 0.8)
        noise = rng.normal(1.0, 0.06, len(all_months))
        other = np.maximum(0, np.round(other_level * noise)).astype(int)
        residents = other + tppo_res[unit].to_numpy().astype(int)
        if focus[j]:
            # Focus units run close to or above capacity at the peaks (Kemensos: SDM is the bottleneck).
            capacity[unit] = max(10, int(round(np.percentile(residents, 60) / 0.97)))
        other_adm = np.round(other / 4 * rng.uniform(0.8, 1.2, len(all_months))).astype(int)
        admissions = adm[unit].to_numpy().astype(int) + other_adm
        discharges = np.round(pd.Series(admissions).shift(1, fill_value=admissions[0]) * rng.uniform(0.85, 1.1, len(all_months))).astype(int)
        for i, month in enumerate(all_months):
            rows.append((month, unit, int(capacity[unit]), int(residents[i]), int(tppo_res[unit].iloc[i]),
                         int(admissions[i]), int(discharges[i])))
    occ = pd.DataFrame(rows, columns=["bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo",
                                      "penerimaan", "pemulangan"])
    return occ, capacity


def _staffing(occ: pd.DataFrame, units: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Quarterly posts per unit and role; some units and roles run real shortages."""
    occ = occ.assign(kuartal=pd.to_datetime(occ["bulan"]).dt.to_period("Q").dt.start_time.dt.date)
    mean_res = occ.groupby("kode_unit")["penghuni"].mean()
    per_resident = {"pekerja_sosial": 1 / 10, "psikolog": 1 / 60, "konselor": 1 / 30, "tenaga_kesehatan": 1 / 25,
                    "instruktur_vokasional": 1 / 30, "pengasuh": 1 / 8}
    rows = []
    quarters = sorted(occ["kuartal"].unique())
    for unit in units["kode_unit"]:
        for role, ratio in per_resident.items():
            staffed = rng.uniform(0.45, 1.15)  # below 1: chronic under-staffing
            certified = rng.uniform(0.3, 0.85)
            for q_index, quarter in enumerate(quarters):
                posts = max(1, int(round(mean_res[unit] * ratio)))
                drift = 1 + 0.02 * q_index * rng.uniform(-1, 1)
                filled = max(0, int(round(posts * staffed * drift)))
                if role == "psikolog" and rng.random() < 0.3:
                    filled = 0
                cert = int(round(filled * certified)) if role == "pekerja_sosial" else 0
                rows.append((quarter, unit, role, filled, cert, max(0, posts - filled)))
    return pd.DataFrame(rows, columns=["kuartal", "kode_unit", "peran", "terisi", "bersertifikat", "lowongan"])


def _training(staf: pd.DataFrame, seed: tuple[int, int] = cal.TRAINING_SEED) -> pd.DataFrame:
    """Persons trained per month, unit, role and topic (assumptions in calibration.py); only non-zero cells."""
    rng = np.random.default_rng(list(seed))  # its own stream: the other demo tables do not change
    filled = staf.groupby(["kode_unit", "peran"])["terisi"].mean()
    periods = months(cal.TRAINING_START, cal.PERIOD_END)
    rows = []
    for (unit, role), posts in filled.items():
        shares = cal.TRAINING_TOPIC_SHARE[role]
        topics, p = list(shares), np.array(list(shares.values()))
        monthly = rng.uniform(*cal.TRAINING_REACH) * posts / 12
        for month, n in zip(periods, rng.poisson(monthly, len(periods))):
            for topic, k in zip(topics, rng.multinomial(n, p / p.sum())):
                if k:
                    rows.append((month, unit, role, topic, int(k)))
    return pd.DataFrame(rows, columns=["bulan", "kode_unit", "peran", "topik", "jumlah"])


def _targets() -> pd.DataFrame:
    """Example competence targets per role (calibration.py), marked contoh until an admin sets real ones."""
    return pd.DataFrame({
        "peran": list(cal.TRAINING_TOPIC_SHARE),
        "target_terlatih": cal.TRAINING_TARGET,
        "target_bersertifikat": [cal.CERTIFIED_TARGET.get(r) for r in cal.TRAINING_TOPIC_SHARE],
        "sumber": cal.TARGET_SOURCE, "contoh": True, "diubah_oleh": "manage.py init-demo",
    })


EXAMPLE_SOURCE = "CONTOH untuk data demo, bukan standar resmi: ganti dengan standar yang disahkan (Kelola Data)"


def _standards() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Example WISN inputs, clearly labelled; admins replace them with approved standards."""
    svc, sup, ind = "service", "support", "individual"
    rows = [
        ("pekerja_sosial", "Asesmen psikososial awal", svc, 120, "penerimaan", 1.0, None, None, None),
        ("pekerja_sosial", "Rencana intervensi dan review kasus", svc, 60, "penerimaan", 2.0, None, None, None),
        ("pekerja_sosial", "Sesi pendampingan / manajemen kasus", svc, 45, "hari_rawat", 2 / 7, None, None, None),
        ("pekerja_sosial", "Rujukan, pemulangan dan reunifikasi", svc, 180, "pemulangan", 1.0, None, None, None),
        ("pekerja_sosial", "Rapat kasus dan administrasi", sup, None, None, None, 15.0, None, None),
        ("pekerja_sosial", "Koordinasi jejaring (koordinator)", ind, None, None, None, None, 200.0, 1.0),
        ("psikolog", "Asesmen psikologis", svc, 90, "penerimaan", 1.0, None, None, None),
        ("psikolog", "Konseling psikologis", svc, 60, "hari_rawat", 1 / 14, None, None, None),
        ("psikolog", "Supervisi dan administrasi", sup, None, None, None, 10.0, None, None),
        ("konselor", "Konseling individu dan kelompok", svc, 50, "hari_rawat", 1 / 7, None, None, None),
        ("konselor", "Administrasi", sup, None, None, None, 10.0, None, None),
        ("tenaga_kesehatan", "Pemeriksaan kesehatan awal", svc, 30, "penerimaan", 1.0, None, None, None),
        ("tenaga_kesehatan", "Layanan kesehatan harian", svc, 8, "hari_rawat", 1.0, None, None, None),
        ("tenaga_kesehatan", "Pencatatan dan pelaporan", sup, None, None, None, 10.0, None, None),
        ("instruktur_vokasional", "Pelatihan vokasional (porsi per peserta)", svc, 20, "hari_rawat", 3 / 7, None, None, None),
        ("instruktur_vokasional", "Persiapan materi", sup, None, None, None, 15.0, None, None),
        ("pengasuh", "Pengasuhan dan pendampingan harian", svc, 40, "hari_rawat", 1.0, None, None, None),
        ("pengasuh", "Serah terima dan administrasi", sup, None, None, None, 10.0, None, None),
    ]
    std = pd.DataFrame(rows, columns=["peran", "aktivitas", "jenis", "menit_per_unit", "pemicu", "frekuensi",
                                      "persen_waktu", "jam_per_tahun", "staf_melakukan"])
    std["sumber"] = EXAMPLE_SOURCE
    std["contoh"] = True
    # Working days and public holidays of the planning year are computed from the official calendar
    # (SKB 3 Menteri via lokal-id, which ships the current and next year), not typed in.
    year = cal.PLANNING_YEAR
    weekdays = int(np.busday_count(f"{year}-01-01", f"{year + 1}-01-01"))
    working = count_working_days(dt.date(year, 1, 1), dt.date(year, 12, 31))
    awt = pd.DataFrame({
        "peran": std["peran"].unique(),
        "hari_kerja": float(weekdays),
        "libur_nasional": float(weekdays - working),
        "cuti_tahunan": 12.0,  # PNS annual leave (PP 11/2017)
        "cuti_sakit": 5.0,  # assumption
        "cuti_lain": 5.0,  # assumption: training, official travel
        "jam_per_hari": 7.5,  # 37.5 h per week
        "sumber": f"Hari kerja & libur {year} dihitung dari kalender resmi (lokal-id); cuti: {EXAMPLE_SOURCE}",
        "contoh": True,
    })
    return std, awt


def _placements_by_province(provinces: list[str]) -> dict[int, dict[str, int]]:
    """Yearly placements per province: exact where the sources give figures, the rest by documented weights."""
    y2023 = dict(cal.PLACEMENTS_2023_EXACT)
    rest = [p for p in provinces if p not in y2023]
    weights = {p: cal.PLACEMENTS_2023_REST_WEIGHTS.get(p, 1) for p in rest}
    y2023.update(zip(rest, apportion(cal.PLACEMENTS_2023_TOTAL - sum(y2023.values()), weights)))
    y2024 = dict(cal.PLACEMENTS_2024_EXACT)
    rest = {p: y2023[p] for p in provinces if p not in y2024}
    y2024.update(zip(rest, apportion(cal.PLACEMENTS_2024_TOTAL - sum(y2024.values()), rest)))
    return {2023: y2023, 2024: y2024}


def _placements(regions: pd.DataFrame, provinces: list[str], kasus: pd.DataFrame,
                rng: np.random.Generator) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    """Placements by origin: whole-year rows by kab/kota (and province for the unknown share), then monthly rows."""
    by_year = _placements_by_province(provinces)
    victims = kasus[kasus["tahap"] == ENTRY_STAGE].groupby("kode_asal")["jumlah"].sum()
    kab = regions[regions["tingkat"] == 2]
    kab_share = {}
    for prov, group in kab.groupby("kode_prov"):
        w = (victims.reindex(group["kode"]).fillna(0).to_numpy() + 1) * rng.gamma(2.0, 1.0, len(group))
        kab_share[prov] = pd.Series(w / w.sum(), index=group["kode"].to_numpy())
    periods = [(year, None, by_year[year]) for year in (2023, 2024)]
    months_2025 = [m for m in months() if m.year >= cal.PLACEMENTS_MONTHLY_FROM]
    monthly = {p: apportion(by_year[2024][p] * len(months_2025) // 12, [1] * len(months_2025)) for p in provinces}
    periods += [(m.year, m.month, {p: monthly[p][i] for p in provinces}) for i, m in enumerate(months_2025)]
    rows = []
    for year, month, totals in periods:
        for prov in provinces:
            total = totals.get(prov, 0)
            unknown = int(round(total * cal.PLACEMENTS_UNKNOWN_KAB_SHARE))
            counts = dict(zip(kab_share[prov].index, apportion(total - unknown, kab_share[prov].to_dict())))
            counts[prov] = unknown
            rows += [(year, month, code, code[:2], n) for code, n in counts.items() if n > 0]
    frame = pd.DataFrame(rows, columns=["tahun", "bulan", "kode_wilayah", "kode_prov", "jumlah"])
    frame["bulan"] = frame["bulan"].astype("Int64")
    return frame, kab_share


def _prevented_departures(provinces: list[str]) -> pd.DataFrame:
    """Prevented departures per month and province where stopped; 2024 adds up to the national figure."""
    rows = []
    exact = cal.PREVENTED_EXACT
    for m in months():
        if ("36", m) in exact:
            banten = exact[("36", m)]
        elif m in (dt.date(2023, 5, 1), dt.date(2023, 6, 1)):
            banten = cal.PREVENTED_BANTEN_MAY_JUNE_2023
        else:
            banten = cal.PREVENTED_BANTEN_USUAL
        rows.append((m, "36", "IMIGRASI" if m.year == 2023 else "BP3MI", banten))
    banten_2024 = sum(n for m, _, _, n in rows if m.year == 2024)
    other_2024 = cal.PREVENTED_2024_NATIONAL - banten_2024 - cal.PREVENTED_NTB_2024
    yearly = {"52": cal.PREVENTED_NTB_2024, **dict(zip(cal.PREVENTED_OTHER_WEIGHTS,
                                                     apportion(other_2024, cal.PREVENTED_OTHER_WEIGHTS)))}
    for prov, total in yearly.items():
        per_month = apportion(total, [1] * 12)
        for m in months():
            rows.append((m, prov, "BP3MI", per_month[m.month - 1]))
    frame = pd.DataFrame(rows, columns=["bulan", "kode_provinsi", "instansi", "jumlah"])
    return frame[frame["kode_provinsi"].isin(provinces)].reset_index(drop=True)


def _prevention_activities(regions: pd.DataFrame, provinces: list[str], kab_share: dict[str, pd.Series],
                           rng: np.random.Generator) -> pd.DataFrame:
    """Activities per month, kab/kota, agency and kind (Poisson draws around documented assumptions)."""
    y2024 = _placements_by_province(provinces)[2024]
    name_to_code = dict(zip(zip(regions["kode_prov"], regions["nama"]), regions["kode"]))
    silent = {name_to_code[key]: since for key, since in cal.NO_PREVENTION_SINCE.items()}
    rows = []
    for prov in provinces:
        yearly = cal.ACTIVITIES_FLOOR_PER_PROVINCE + y2024.get(prov, 0) / cal.PLACEMENTS_PER_ACTIVITY
        reach = np.sqrt(kab_share[prov])
        reach = reach / reach.sum()
        for m in months():
            for jenis, share in cal.ACTIVITY_KIND_SHARE.items():
                counts = rng.poisson(yearly / 12 * share * reach.to_numpy())
                for code, n in zip(reach.index, counts):
                    if n == 0 or (code in silent and m >= silent[code]):
                        continue
                    agency = rng.choice(cal.ACTIVITY_AGENCIES[jenis])
                    mean = cal.PARTICIPANTS_PER_ACTIVITY[jenis]
                    rows.append((m, code, str(agency), jenis, code[:2], int(n),
                                 int(round(n * mean * rng.uniform(0.6, 1.4)))))
    frame = pd.DataFrame(rows, columns=["bulan", "kode_wilayah", "instansi", "jenis", "kode_prov", "kegiatan",
                                        "peserta"])
    # One agency may be drawn twice for a cell: such rows are one row of the import key.
    keys = ["bulan", "kode_wilayah", "instansi", "jenis", "kode_prov"]
    return frame.groupby(keys, as_index=False)[["kegiatan", "peserta"]].sum()


def generate(reference_dir: Path | None, seed: int = cal.SEED) -> DemoData:
    rng = np.random.default_rng(seed)
    regions = load_regions()
    provinces = load_provinces(reference_dir)
    destinations = load_destinations(reference_dir)
    units = _select_units(load_sentra_candidates(reference_dir), regions, rng)

    prov_attrs = provinces.set_index("kode")
    wilayah = regions.copy()
    for col in ("kode_bps", "iso_3166_2", "ibukota", "lat", "lon"):
        wilayah[col] = wilayah["kode"].map(prov_attrs[col])
    wilayah.loc[wilayah["tingkat"] == 1, "nama"] = wilayah["kode"].map(prov_attrs["nama"]).fillna(wilayah["nama"])
    populasi = pd.DataFrame({
        "kode_wilayah": provinces["kode"], "tahun": 2024, "jumlah": provinces["populasi"].astype("Int64"),
        "sumber": provinces["populasi_sumber"], "metode": provinces["populasi_metode"],
    }).dropna(subset=["jumlah"])

    victims = _victims(regions, provinces, units, rng)
    kasus = _aggregate(_stages(victims, rng), rng)
    occ, capacity = _occupancy(kasus, units, rng)
    units["kapasitas"] = units["kode_unit"].map(capacity).astype(int)
    staf = _staffing(occ, units, rng)
    std, awt = _standards()
    prevention_rng = np.random.default_rng(cal.PREVENTION_SEED)
    prov_codes = provinces["kode"].tolist()
    placements, kab_share = _placements(regions, prov_codes, kasus, prevention_rng)
    activities = _prevention_activities(regions, prov_codes, kab_share, prevention_rng)
    return DemoData(wilayah=wilayah, populasi=populasi, negara=destinations, unit_layanan=units, kasus=kasus,
                    okupansi=occ, staf=staf, standar_beban_kerja=std, waktu_kerja=awt,
                    pelatihan=_training(staf), target_kompetensi=_targets(),
                    kegiatan_pencegahan=activities, pencegahan_keberangkatan=_prevented_departures(prov_codes),
                    penempatan_pmi=placements)
