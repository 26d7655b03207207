"""SDM workload gaps: the dashboard's tables turned into WISN inputs, staffing need per unit and role,
certification of social workers and their caseload.

How a unit's yearly workload is derived (documented on the page):
- window: the last 12 months in the occupancy data given (the period filter decides which months);
  with fewer months the sum is scaled to a year (× 12 / months present in that unit).
- driver per unit: penerimaan = Σ admissions, pemulangan = Σ discharges, hari_rawat = Σ penghuni × days in
  the month (resident-days).
- annual_workload of a service activity = driver × frekuensi (activities per driver unit).
- current staff = terisi of the latest quarter in the staffing data.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from domain.taxonomy import PERAN_SDM
from domain.wisn import (
    ACTIVITIES_COLUMNS,
    KIND_INDIVIDUAL,
    KIND_SERVICE,
    KIND_SUPPORT,
    KINDS,
    PARAMS_COLUMNS,
    RESULT_COLUMNS,
    compute_wisn_table,
)

DRIVERS: tuple[str, ...] = ("penerimaan", "pemulangan", "hari_rawat")
ROLES: tuple[str, ...] = tuple(c.kode for c in PERAN_SDM)
CERTIFIED_ROLE = "pekerja_sosial"
WINDOW_MONTHS = 12
CASELOAD_MONTHS = 3
WISN_COLUMNS: tuple[str, ...] = ("kode_unit", "peran", *RESULT_COLUMNS[2:], "kekurangan")
CASELOAD_COLUMNS: tuple[str, ...] = (
    "kode_unit", "korban_dalam_layanan", "pekerja_sosial", "beban_kasus", "norma", "di_atas_norma",
)
STANDARD_NUMBERS: tuple[str, ...] = ("menit_per_unit", "frekuensi", "persen_waktu", "jam_per_tahun", "staf_melakukan")
WORKING_TIME_NUMBERS: tuple[str, ...] = (
    "hari_kerja", "libur_nasional", "cuti_tahunan", "cuti_sakit", "cuti_lain", "jam_per_hari",
)


# --- drivers and WISN inputs ------------------------------------------------------------------


def annual_drivers(occupancy: pd.DataFrame, months: int = WINDOW_MONTHS) -> pd.DataFrame:
    """Per kode_unit: penerimaan, pemulangan, hari_rawat over the last `months` months in the data,
    scaled to a year when a unit has fewer months there; bulan = months used (before scaling)."""
    columns = ["kode_unit", *DRIVERS, "bulan"]
    if occupancy.empty:
        return pd.DataFrame(columns=columns)
    occ = occupancy.assign(bulan=pd.to_datetime(occupancy["bulan"]).dt.to_period("M"))
    latest = occ["bulan"].max()
    occ = occ[occ["bulan"] > latest - months]
    occ = occ.assign(hari_rawat=pd.to_numeric(occ["penghuni"]).astype(float) * occ["bulan"].dt.days_in_month)
    grouped = occ.groupby("kode_unit", sort=True)
    out = grouped[["penerimaan", "pemulangan", "hari_rawat"]].sum().astype(float)
    n = grouped["bulan"].nunique()
    out = out.mul(12 / n, axis=0)
    out["bulan"] = n.astype(int)
    return out.reset_index()[columns]


def workload_window(occupancy: pd.DataFrame, months: int = WINDOW_MONTHS) -> tuple[dt.date, dt.date] | None:
    """(first, last) month of the workload window used by annual_drivers; None without occupancy."""
    if occupancy.empty:
        return None
    periods = pd.to_datetime(occupancy["bulan"]).dt.to_period("M")
    last = periods.max()
    first = max(periods.min(), last - (months - 1))
    return first.start_time.date(), last.start_time.date()


def quarter_start(month: dt.date | None) -> dt.date | None:
    """First day of the quarter holding month (the staffing key); None stays None (= latest quarter)."""
    return None if month is None else dt.date(month.year, 3 * ((month.month - 1) // 3) + 1, 1)


def latest_quarter(staffing: pd.DataFrame) -> pd.DataFrame:
    """The rows of the latest kuartal in staffing (all rows if the column is absent)."""
    if staffing.empty or "kuartal" not in staffing.columns:
        return staffing
    return staffing[staffing["kuartal"] == staffing["kuartal"].max()]


def wisn_inputs(occupancy: pd.DataFrame, staffing: pd.DataFrame, standards: pd.DataFrame,
                working_time: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(params, activities) in domain.wisn's PARAMS/ACTIVITIES columns; unit = kode_unit, role = peran.

    One params row per (unit, role) that has staff data in the latest quarter, occupancy in the
    window and working time for the role. Standards of a role apply to every unit; a service
    activity's annual_workload = the unit's yearly driver (module docstring) × frekuensi; an
    unknown pemicu or missing number stays empty so compute_wisn_table names the problem.
    """
    drivers = annual_drivers(occupancy).set_index("kode_unit")
    staff = latest_quarter(staffing)
    times = working_time.drop_duplicates("peran").set_index("peran")
    pairs = staff[staff["kode_unit"].isin(drivers.index) & staff["peran"].isin(times.index)]
    pairs = pairs.sort_values(["kode_unit", "peran"], kind="mergesort")

    params = pd.DataFrame({
        "unit": pairs["kode_unit"].astype(str).to_numpy(),
        "role": pairs["peran"].astype(str).to_numpy(),
        "working_days": pairs["peran"].map(times["hari_kerja"]).to_numpy(),
        "public_holidays": pairs["peran"].map(times["libur_nasional"]).to_numpy(),
        "annual_leave": pairs["peran"].map(times["cuti_tahunan"]).to_numpy(),
        "sick_leave": pairs["peran"].map(times["cuti_sakit"]).to_numpy(),
        "other_leave": pairs["peran"].map(times["cuti_lain"]).to_numpy(),
        "hours_per_day": pairs["peran"].map(times["jam_per_hari"]).to_numpy(),
        "current_staff": pd.to_numeric(pairs["terisi"]).astype(float).to_numpy(),
    }, columns=list(PARAMS_COLUMNS))

    records = []
    # Rows per role read once, not once per unit (itertuples per unit and role cost 0.5 s per page run).
    by_role = {role: list(rows.itertuples(index=False)) for role, rows in standards.groupby("peran", sort=False)}
    for unit, role in zip(params["unit"], params["role"]):
        for std in by_role.get(role, ()):
            record = dict.fromkeys(ACTIVITIES_COLUMNS)
            record.update(unit=unit, role=role, activity=std.aktivitas, kind=std.jenis)
            if std.jenis == KIND_SERVICE:
                driver = drivers.at[unit, std.pemicu] if std.pemicu in DRIVERS else None
                record["time_per_unit_minutes"] = std.menit_per_unit
                record["annual_workload"] = (None if driver is None or _blank(std.frekuensi)
                                             else float(driver) * float(std.frekuensi))
            elif std.jenis == KIND_SUPPORT:
                record["percent_of_time"] = std.persen_waktu
            elif std.jenis == KIND_INDIVIDUAL:
                record["hours_per_year"] = std.jam_per_tahun
                record["staff_doing"] = std.staf_melakukan
            records.append(record)
    activities = pd.DataFrame(records, columns=list(ACTIVITIES_COLUMNS))
    return params, activities


def wisn_by_unit_role(occupancy: pd.DataFrame, staffing: pd.DataFrame, standards: pd.DataFrame,
                      working_time: pd.DataFrame) -> pd.DataFrame:
    """WISN per unit and role: WISN_COLUMNS = kode_unit, peran, then compute_wisn_table's columns
    (awt_hours, service_staff, caf, iaf, required_staff, current_staff, wisn_ratio = current/required,
    shortage = current − required, negative when short), and kekurangan = max(0, required − current),
    the staff missing. Raises domain.wisn.WisnInputError when the standards cannot be used."""
    params, activities = wisn_inputs(occupancy, staffing, standards, working_time)
    if params.empty:
        return pd.DataFrame(columns=list(WISN_COLUMNS))
    result = compute_wisn_table(params, activities).rename(columns={"unit": "kode_unit", "role": "peran"})
    result["kekurangan"] = (-result["shortage"]).clip(lower=0)
    return result[list(WISN_COLUMNS)]


def role_totals(wisn: pd.DataFrame) -> pd.DataFrame:
    """Per peran: current_staff, required_staff, kekurangan (gross: Σ over units of max(0, required − current), so a
    surplus in one unit does not hide a shortage in another), selisih_bersih (net: Σ required − Σ current, where
    they do), wisn_ratio = Σ current / Σ required, unit_kurang = units with ratio < 1."""
    columns = ["peran", "current_staff", "required_staff", "kekurangan", "selisih_bersih", "wisn_ratio",
               "unit_kurang"]
    if wisn.empty:
        return pd.DataFrame(columns=columns)
    grouped = wisn.groupby("peran", sort=False)
    out = pd.DataFrame({
        "current_staff": grouped["current_staff"].sum(),
        "required_staff": grouped["required_staff"].sum(),
        "kekurangan": grouped["kekurangan"].sum(),
        "unit_kurang": grouped["wisn_ratio"].apply(lambda r: int((r < 1).sum())),
    })
    out["selisih_bersih"] = out["required_staff"] - out["current_staff"]
    out["wisn_ratio"] = out["current_staff"] / out["required_staff"].where(out["required_staff"] > 0)
    order = {role: i for i, role in enumerate(ROLES)}
    out = out.reset_index()
    out = out.sort_values("peran", key=lambda s: s.map(order).fillna(len(order)), kind="mergesort")
    return out[columns].reset_index(drop=True)


def allocation_units(wisn: pd.DataFrame, role: str) -> pd.DataFrame:
    """unit, current_staff, required_staff of one role: the input of domain.allocation."""
    rows = wisn[wisn["peran"] == role]
    return pd.DataFrame({"unit": rows["kode_unit"].astype(str), "current_staff": rows["current_staff"],
                         "required_staff": rows["required_staff"]}).reset_index(drop=True)


# --- certification and caseload ----------------------------------------------------------------


def certified_share(staffing: pd.DataFrame) -> float:
    """Share of filled pekerja sosial posts held by certified staff (UU 14/2019), latest quarter;
    NaN when no pekerja sosial is recorded."""
    rows = latest_quarter(staffing)
    rows = rows[rows["peran"] == CERTIFIED_ROLE]
    filled = float(pd.to_numeric(rows["terisi"]).sum())
    return float(pd.to_numeric(rows["bersertifikat"]).sum()) / filled if filled > 0 else math.nan


def caseload(occupancy: pd.DataFrame, staffing: pd.DataFrame, norm: float | None = None) -> pd.DataFrame:
    """Victims in care per pekerja sosial per unit (CASELOAD_COLUMNS, highest caseload first).

    korban_dalam_layanan = average penghuni_tppo over the last 3 months in the data (one quarter, the
    staffing cadence); pekerja_sosial = terisi in the latest quarter; beban_kasus = korban / pekerja
    sosial, NaN when the unit has no pekerja sosial. There is no official norm: `norm` is what the user
    entered. di_atas_norma is None without a norm; with one it is True when beban_kasus > norm, or when
    victims are in care and no pekerja sosial is employed.
    """
    if norm is not None and (isinstance(norm, bool) or not math.isfinite(float(norm)) or norm <= 0):
        raise ValueError("Norma beban kasus harus angka lebih dari 0.")
    columns = list(CASELOAD_COLUMNS)
    if occupancy.empty:
        return pd.DataFrame(columns=columns)
    occ = occupancy.assign(bulan=pd.to_datetime(occupancy["bulan"]).dt.to_period("M"))
    occ = occ[occ["bulan"] > occ["bulan"].max() - CASELOAD_MONTHS]
    victims = occ.groupby("kode_unit")["penghuni_tppo"].mean().astype(float)
    staff = latest_quarter(staffing)
    workers = staff[staff["peran"] == CERTIFIED_ROLE].groupby("kode_unit")["terisi"].sum().astype(float)
    out = pd.DataFrame({"kode_unit": victims.index, "korban_dalam_layanan": victims.to_numpy()})
    # A unit that reported staff but no pekerja sosial row has none; units without any staff report stay NaN.
    reported = set(staff["kode_unit"])
    out["pekerja_sosial"] = [workers.get(u, 0.0 if u in reported else math.nan) for u in out["kode_unit"]]
    out["beban_kasus"] = out["korban_dalam_layanan"] / out["pekerja_sosial"].where(out["pekerja_sosial"] > 0)
    out["norma"] = float(norm) if norm is not None else math.nan
    if norm is None:
        out["di_atas_norma"] = pd.Series([None] * len(out), dtype=object)
    else:
        no_worker = (out["pekerja_sosial"] == 0) & (out["korban_dalam_layanan"] > 0)
        out["di_atas_norma"] = ((out["beban_kasus"] > norm) | no_worker).astype(object)
    out = out.sort_values(["beban_kasus", "kode_unit"], ascending=[False, True], na_position="first",
                          kind="mergesort")
    return out[columns].reset_index(drop=True)


# --- validation of standards (shared by the page and data_access.standards) --------------------


def validate_standards(standards: pd.DataFrame, working_time: pd.DataFrame,
                       roles: tuple[str, ...] = ROLES) -> list[str]:
    """Indonesian messages for every problem in edited standards and working time; [] when usable.

    Rules: known peran, jenis and pemicu; activity names filled and unique per role; numbers
    non-negative; service needs menit_per_unit > 0, a pemicu and frekuensi; support needs
    persen_waktu and the support shares of a role sum to less than 100%; individual needs
    jam_per_tahun and staf_melakukan; working time needs available days > 0 and jam_per_hari > 0.
    """
    problems: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    support_total: dict[str, float] = {}
    for i, row in enumerate(standards.to_dict("records"), start=1):
        role = _text(row.get("peran"))
        name = _text(row.get("aktivitas"))
        kind = _text(row.get("jenis")).lower()
        where = f"Standar baris {i} ({role or '?'} – {name or '?'})"
        if role not in roles:
            problems.append(f"{where}: peran '{role}' tidak dikenal; pilih salah satu dari {', '.join(roles)}.")
        if not name:
            problems.append(f"{where}: nama kegiatan wajib diisi.")
        elif len(name) > 120:
            problems.append(f"{where}: nama kegiatan paling banyak 120 karakter.")
        elif (role, name.lower()) in seen:
            problems.append(f"{where}: kegiatan yang sama sudah ada di baris {seen[(role, name.lower())]}.")
        else:
            seen[(role, name.lower())] = i
        numbers = {}
        for column in STANDARD_NUMBERS:
            value, message = _number(row.get(column))
            if message:
                problems.append(f"{where}, kolom {column}: {message}")
            numbers[column] = value
        if kind not in KINDS:
            problems.append(f"{where}: jenis '{row.get('jenis')}' tidak dikenal; gunakan service, support, atau "
                            "individual.")
            continue
        if kind == KIND_SERVICE:
            if numbers["menit_per_unit"] is None or numbers["menit_per_unit"] <= 0:
                problems.append(f"{where}: kegiatan pelayanan (service) wajib memiliki menit per unit lebih dari 0.")
            pemicu = _text(row.get("pemicu"))
            if pemicu not in DRIVERS:
                problems.append(f"{where}: pemicu '{pemicu}' tidak dikenal; gunakan {', '.join(DRIVERS)}.")
            if numbers["frekuensi"] is None:
                problems.append(f"{where}: kegiatan pelayanan wajib memiliki frekuensi (kegiatan per pemicu).")
        elif kind == KIND_SUPPORT:
            if numbers["persen_waktu"] is None:
                problems.append(f"{where}: kegiatan penunjang (support) wajib memiliki persen waktu.")
            else:
                support_total[role] = support_total.get(role, 0.0) + numbers["persen_waktu"]
        elif numbers["jam_per_tahun"] is None or numbers["staf_melakukan"] is None:
            problems.append(f"{where}: kegiatan tambahan (individual) wajib memiliki jam per tahun dan jumlah staf "
                            "yang melakukan.")
    for role, total in support_total.items():
        if total >= 100:
            problems.append(f"Peran {role}: jumlah persen waktu kegiatan penunjang {total:g}% harus kurang dari "
                            "100% agar masih ada waktu untuk pelayanan.")
    problems += _validate_working_time(working_time, roles)
    return problems


def _validate_working_time(working_time: pd.DataFrame, roles: tuple[str, ...]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for row in working_time.to_dict("records"):
        role = _text(row.get("peran"))
        where = f"Waktu kerja {role or '?'}"
        if role not in roles:
            problems.append(f"{where}: peran '{role}' tidak dikenal.")
        elif role in seen:
            problems.append(f"{where}: peran ini muncul lebih dari sekali.")
        seen.add(role)
        values = {}
        for column in WORKING_TIME_NUMBERS:
            value, message = _number(row.get(column))
            if value is None and not message:
                message = "wajib diisi angka."
            if message:
                problems.append(f"{where}, kolom {column}: {message}")
            values[column] = value
        if any(v is None for v in values.values()):
            continue
        available = values["hari_kerja"] - sum(values[c] for c in WORKING_TIME_NUMBERS[1:5])
        if available <= 0:
            problems.append(f"{where}: hari kerja dikurangi libur dan cuti menyisakan {available:g} hari; harus "
                            "lebih dari 0.")
        if values["jam_per_hari"] <= 0:
            problems.append(f"{where}: jam kerja per hari harus lebih dari 0.")
    return problems


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _text(value: object) -> str:
    return "" if _blank(value) else str(value).strip()


def _number(value: object) -> tuple[float | None, str | None]:
    """(number, None), (None, None) for a blank cell, or (None, why it cannot be used)."""
    if _blank(value):
        return None, None
    if isinstance(value, bool):
        return None, f"nilai '{value}' bukan angka."
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None, f"nilai '{value}' bukan angka."
    if not math.isfinite(number):
        return None, f"nilai '{value}' bukan angka."
    if number < 0:
        return None, f"nilai {number:g} tidak boleh negatif."
    return number, None
