"""Queries on staffing per unit and role, the WISN inputs (workload standards, working time), training and targets."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Connection, func, select

from data_access.caching import run_cached
from data_access.schema import Pelatihan, StandarBebanKerja, Staf, TargetKompetensi, UnitLayanan, WaktuKerja

STAFF_COLUMNS = ["kuartal", "kode_unit", "peran", "terisi", "bersertifikat", "lowongan"]


def query_staffing(conn: Connection, kuartal: dt.date | None, provinsi: tuple[str, ...]) -> pd.DataFrame:
    if kuartal is None:
        kuartal = conn.execute(select(func.max(Staf.kuartal))).scalar_one()
    stmt = (
        select(Staf.kuartal, Staf.kode_unit, Staf.peran, Staf.terisi, Staf.bersertifikat, Staf.lowongan)
        .join(UnitLayanan, UnitLayanan.kode_unit == Staf.kode_unit)
        .where(Staf.kuartal == kuartal, UnitLayanan.aktif.is_(True))
        .order_by(Staf.kode_unit, Staf.peran)
    )
    if provinsi:
        stmt = stmt.where(UnitLayanan.kode_prov.in_(provinsi))
    return pd.DataFrame(conn.execute(stmt).all(), columns=STAFF_COLUMNS)


def query_staff_quarter(conn: Connection, end: dt.date | None) -> dt.date | None:
    """The staff snapshot for a period: the latest quarter with staff data that starts on or before its end."""
    stmt = select(func.max(Staf.kuartal))
    if end is not None:
        stmt = stmt.where(Staf.kuartal <= end)
    value = conn.execute(stmt).scalar_one()
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def get_staff_quarter(end: dt.date | None) -> dt.date | None:
    """First day of the staff quarter that stands for a period ending in month end (None: no staff data)."""
    return run_cached(query_staff_quarter, end)


def get_staffing(kuartal: dt.date | None = None, provinsi: tuple[str, ...] = ()) -> pd.DataFrame:
    """Posts per unit and role for one quarter (latest by default): terisi, bersertifikat, lowongan (persons)."""
    return run_cached(query_staffing, kuartal, tuple(provinsi))


STANDARD_COLUMNS = ["id", "peran", "aktivitas", "jenis", "menit_per_unit", "pemicu", "frekuensi", "persen_waktu",
                    "jam_per_tahun", "staf_melakukan", "sumber", "contoh"]


def query_workload_standards(conn: Connection) -> pd.DataFrame:
    cols = [getattr(StandarBebanKerja, c) for c in STANDARD_COLUMNS]
    stmt = select(*cols).order_by(StandarBebanKerja.peran, StandarBebanKerja.id)
    return pd.DataFrame(conn.execute(stmt).all(), columns=STANDARD_COLUMNS)


def get_workload_standards() -> pd.DataFrame:
    """WISN activity standards per role (minutes per unit, % of time, hours per year) with their source."""
    return run_cached(query_workload_standards)


WORKING_TIME_COLUMNS = ["peran", "hari_kerja", "libur_nasional", "cuti_tahunan", "cuti_sakit", "cuti_lain",
                        "jam_per_hari", "sumber", "contoh"]


def query_working_time(conn: Connection) -> pd.DataFrame:
    cols = [getattr(WaktuKerja, c) for c in WORKING_TIME_COLUMNS]
    return pd.DataFrame(conn.execute(select(*cols).order_by(WaktuKerja.peran)).all(), columns=WORKING_TIME_COLUMNS)


def get_working_time() -> pd.DataFrame:
    """Available-working-time inputs per role (days, hours per day) with their source."""
    return run_cached(query_working_time)


TRAINED_COLUMNS = ["kode_unit", "peran", "dilatih"]


def query_training(conn: Connection, start: dt.date, end: dt.date, provinsi: tuple[str, ...] = ()) -> pd.DataFrame:
    """Persons trained (all topics) per active unit and role in the months start..end (first days, inclusive);
    the province filter means where the unit is."""
    stmt = (
        select(Pelatihan.kode_unit, Pelatihan.peran, func.sum(Pelatihan.jumlah))
        .join(UnitLayanan, UnitLayanan.kode_unit == Pelatihan.kode_unit)
        .where(Pelatihan.bulan >= start, Pelatihan.bulan <= end, UnitLayanan.aktif.is_(True))
        .group_by(Pelatihan.kode_unit, Pelatihan.peran)
        .order_by(Pelatihan.kode_unit, Pelatihan.peran)
    )
    if provinsi:
        stmt = stmt.where(UnitLayanan.kode_prov.in_(provinsi))
    df = pd.DataFrame(conn.execute(stmt).all(), columns=TRAINED_COLUMNS)
    return df.astype({"dilatih": "int64"})


def get_training(start: dt.date, end: dt.date, provinsi: tuple[str, ...] = ()) -> pd.DataFrame:
    """kode_unit, peran, dilatih (persons trained, all topics) in start..end, active units only."""
    return run_cached(query_training, start, end, tuple(provinsi))


TARGET_COLUMNS = ["peran", "target_terlatih", "target_bersertifikat", "sumber", "contoh", "diubah_oleh", "diubah"]


def query_competence_targets(conn: Connection) -> pd.DataFrame:
    """The admin's targets per role: fractions 0..1 (NaN = no target), source, example mark, who and when."""
    cols = [getattr(TargetKompetensi, c) for c in TARGET_COLUMNS]
    df = pd.DataFrame(conn.execute(select(*cols).order_by(TargetKompetensi.peran)).all(), columns=TARGET_COLUMNS)
    return df.astype({"target_terlatih": "float64", "target_bersertifikat": "float64"})


def get_competence_targets() -> pd.DataFrame:
    """Cached query_competence_targets."""
    return run_cached(query_competence_targets)
