"""WHO Workload Indicators of Staffing Need (WISN): staff each unit and role needs for its workload."""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

PARAMS = "PARAMS"
ACTIVITIES = "ACTIVITIES"

PARAMS_COLUMNS: tuple[str, ...] = (
    "unit", "role", "working_days", "public_holidays", "annual_leave", "sick_leave", "other_leave",
    "hours_per_day", "current_staff",
)
ACTIVITIES_COLUMNS: tuple[str, ...] = (
    "unit", "role", "activity", "kind", "time_per_unit_minutes", "annual_workload", "percent_of_time",
    "hours_per_year", "staff_doing",
)
PARAMS_NUMERIC_COLUMNS: tuple[str, ...] = PARAMS_COLUMNS[2:]
ACTIVITIES_NUMERIC_COLUMNS: tuple[str, ...] = ACTIVITIES_COLUMNS[4:]
RESULT_COLUMNS: tuple[str, ...] = (
    "unit", "role", "awt_hours", "service_staff", "caf", "iaf", "required_staff", "current_staff",
    "wisn_ratio", "shortage",
)

KIND_SERVICE = "service"
KIND_SUPPORT = "support"
KIND_INDIVIDUAL = "individual"
KINDS: tuple[str, ...] = (KIND_SERVICE, KIND_SUPPORT, KIND_INDIVIDUAL)
_KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    KIND_SERVICE: ("time_per_unit_minutes", "annual_workload"),
    KIND_SUPPORT: ("percent_of_time",),
    KIND_INDIVIDUAL: ("hours_per_year", "staff_doing"),
}
# Planners leave a holiday or leave cell blank when there is none; every other number must be filled in.
_PARAMS_BLANK_MEANS_ZERO = frozenset({"public_holidays", "annual_leave", "sick_leave", "other_leave"})
# Plain decimal notation only: Python's float() would also take "1_000", "nan" and "inf".
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_KEY_COLUMN = "unit/role"


@dataclass(frozen=True)
class WorkingTime:
    """Days and hours one staff member is actually at work in a year."""

    working_days: float
    public_holidays: float = 0.0
    annual_leave: float = 0.0
    sick_leave: float = 0.0
    other_leave: float = 0.0
    hours_per_day: float = 8.0

    @property
    def available_days(self) -> float:
        return (self.working_days - self.public_holidays - self.annual_leave - self.sick_leave
                - self.other_leave)

    @property
    def awt_hours(self) -> float:
        """Available working time (AWT) in hours per year."""
        return self.available_days * self.hours_per_day


@dataclass(frozen=True)
class ServiceActivity:
    """A health/social service done per client, e.g. an assessment of a victim."""

    name: str
    time_per_unit_minutes: float
    annual_workload: float

    def standard_workload(self, awt_hours: float) -> float:
        """How many of this activity one staff member can do in a year."""
        return awt_hours * 60 / self.time_per_unit_minutes

    def staff_needed(self, awt_hours: float) -> float:
        return self.annual_workload / self.standard_workload(awt_hours)


@dataclass(frozen=True)
class SupportActivity:
    """Work every staff member does, as a share of working time (e.g. case meetings)."""

    name: str
    percent_of_time: float


@dataclass(frozen=True)
class IndividualActivity:
    """Work only some staff do (e.g. a supervisor's reporting), in hours per year per person."""

    name: str
    hours_per_year: float
    staff_doing: float


@dataclass(frozen=True)
class WisnResult:
    """Staffing need of one unit and role; wisn_ratio is NaN when required_staff is 0."""

    awt_hours: float
    service_staff: float
    caf: float
    iaf: float
    required_staff: float
    current_staff: float
    wisn_ratio: float
    shortage: float  # current − required: negative means too few staff


@dataclass(frozen=True)
class WisnProblem:
    """One thing a planner must fix, located as they see it in their spreadsheet."""

    file: str  # PARAMS or ACTIVITIES
    row: int | None  # spreadsheet row: 1 = header, 2 = first data row; None = the whole file
    column: str | None
    message: str  # Indonesian, addressed to the planner

    def describe(self, file_name: str | None = None) -> str:
        parts = [f"{file_name} ({self.file})" if file_name else self.file]
        if self.row is not None:
            parts.append(f"baris {self.row}" + (" (judul kolom)" if self.row == 1 else ""))
        if self.column is not None:
            parts.append(f"kolom {self.column}")
        return ", ".join(parts) + ": " + self.message

    def __str__(self) -> str:
        return self.describe()


class WisnInputError(ValueError):
    """Raised instead of computing from invalid input; `problems` lists every fix needed."""

    def __init__(self, problems: Sequence[WisnProblem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"Data WISN tidak valid ({len(self.problems)} masalah):\n{lines}")


def compute_wisn(
    working_time: WorkingTime,
    current_staff: float,
    services: Sequence[ServiceActivity] = (),
    supports: Sequence[SupportActivity] = (),
    individuals: Sequence[IndividualActivity] = (),
) -> WisnResult:
    """Staff required for one unit and role; raises ValueError on inputs WISN cannot use."""
    awt = working_time.awt_hours
    if awt <= 0:
        raise ValueError(f"Waktu kerja tersedia (AWT) harus lebih dari 0 jam, dihitung {awt:g} jam.")
    for service in services:
        if service.time_per_unit_minutes <= 0:
            raise ValueError(f"Waktu per kegiatan '{service.name}' harus lebih dari 0 menit.")
    support_percent = sum(s.percent_of_time for s in supports)
    if support_percent >= 100:
        raise ValueError(f"Jumlah persentase kegiatan penunjang {support_percent:g}% harus kurang dari 100%.")

    service_staff = sum(s.staff_needed(awt) for s in services)
    caf = 1 / (1 - support_percent / 100)
    iaf = sum(a.hours_per_year * a.staff_doing for a in individuals) / awt
    required = service_staff * caf + iaf
    # A role with no recorded workload has no meaningful ratio; NaN keeps it out of min/mean.
    ratio = current_staff / required if required > 0 else math.nan
    return WisnResult(
        awt_hours=awt, service_staff=service_staff, caf=caf, iaf=iaf, required_staff=required,
        current_staff=current_staff, wisn_ratio=ratio, shortage=current_staff - required,
    )


def validate_wisn_inputs(params: pd.DataFrame, activities: pd.DataFrame) -> list[WisnProblem]:
    """Every problem in the two tables, PARAMS first, in spreadsheet row order; [] when valid.

    Column names are matched ignoring case and surrounding spaces; extra columns are ignored;
    fully empty rows (common at the end of spreadsheet exports) are skipped but still counted.
    """
    return _parse(params, activities).problems


def compute_wisn_table(params: pd.DataFrame, activities: pd.DataFrame) -> pd.DataFrame:
    """One row per PARAMS (unit, role), columns RESULT_COLUMNS; raises WisnInputError if invalid.

    awt_hours in hours/year, service_staff/iaf/required_staff/shortage in staff, wisn_ratio
    = current/required (NaN when required_staff is 0).
    """
    parsed = _parse(params, activities)
    if parsed.problems:
        raise WisnInputError(parsed.problems)
    records = []
    for (unit, role), row in parsed.units.items():
        work = parsed.work.get((unit, role), _Work())
        result = compute_wisn(row.working_time, row.current_staff, work.services, work.supports,
                              work.individuals)
        records.append({"unit": unit, "role": role, **{c: getattr(result, c) for c in RESULT_COLUMNS[2:]}})
    return pd.DataFrame(records, columns=list(RESULT_COLUMNS))


@dataclass(frozen=True)
class _UnitRow:
    row: int
    working_time: WorkingTime
    current_staff: float


@dataclass
class _Work:
    services: list[ServiceActivity] = field(default_factory=list)
    supports: list[SupportActivity] = field(default_factory=list)
    individuals: list[IndividualActivity] = field(default_factory=list)


@dataclass
class _Parsed:
    problems: list[WisnProblem] = field(default_factory=list)
    units: dict[tuple[str, str], _UnitRow] = field(default_factory=dict)
    work: dict[tuple[str, str], _Work] = field(default_factory=dict)


def _parse(params: pd.DataFrame, activities: pd.DataFrame) -> _Parsed:
    parsed = _Parsed()
    params, params_problems = _normalise_columns(PARAMS, params, PARAMS_COLUMNS)
    activities, activities_problems = _normalise_columns(ACTIVITIES, activities, ACTIVITIES_COLUMNS)
    parsed.problems = params_problems + activities_problems
    if parsed.problems:
        # Row checks against missing columns would bury the one real fix under noise.
        return parsed
    declared = _parse_params(params, parsed)
    _parse_activities(activities, declared, parsed)
    file_order = {PARAMS: 0, ACTIVITIES: 1}
    parsed.problems.sort(key=lambda p: (file_order[p.file], p.row or 0))
    return parsed


def _normalise_columns(
    file: str, table: pd.DataFrame, required: tuple[str, ...]
) -> tuple[pd.DataFrame, list[WisnProblem]]:
    names = [str(c).strip().lower() for c in table.columns]
    problems = [
        WisnProblem(file, 1, name, f"Kolom '{name}' muncul lebih dari sekali; hapus salah satunya.")
        for name in sorted({n for n in names if n and names.count(n) > 1})
    ]
    problems += [
        WisnProblem(file, 1, name, f"Kolom wajib '{name}' tidak ditemukan di baris judul.")
        for name in required if name not in names
    ]
    return table.set_axis(names, axis=1), problems


def _data_rows(table: pd.DataFrame) -> list[tuple[int, dict[str, Any]]]:
    """(spreadsheet row, record) for non-empty rows; row 1 is the header."""
    rows = []
    for position, record in enumerate(table.to_dict("records")):
        if not all(_is_blank(v) for v in record.values()):
            rows.append((position + 2, record))
    return rows


def _parse_params(params: pd.DataFrame, parsed: _Parsed) -> set[tuple[str, str]]:
    """Fill parsed.units with valid rows; return every (unit, role) named, valid or not."""
    problems = parsed.problems
    declared: dict[tuple[str, str], int] = {}
    rows = _data_rows(params)
    if not rows:
        problems.append(WisnProblem(PARAMS, None, None, "Tidak ada baris data di bawah baris judul."))
    for row, record in rows:
        unit = _read_text(PARAMS, row, "unit", record, problems)
        role = _read_text(PARAMS, row, "role", record, problems)
        values = {
            column: _read_number(PARAMS, row, column, record[column], problems,
                                 blank_value=0.0 if column in _PARAMS_BLANK_MEANS_ZERO else None)
            for column in PARAMS_NUMERIC_COLUMNS
        }
        if not (unit and role):
            continue
        if (unit, role) in declared:
            problems.append(WisnProblem(
                PARAMS, row, _KEY_COLUMN,
                f"Unit '{unit}' dengan peran '{role}' sudah ada di baris {declared[(unit, role)]}; "
                "setiap pasangan unit dan peran hanya boleh satu baris.",
            ))
            continue
        declared[(unit, role)] = row
        if any(v is None for v in values.values()):
            continue
        current_staff = values.pop("current_staff")
        working_time = WorkingTime(**values)
        if working_time.available_days <= 0:
            leave = working_time.working_days - working_time.available_days
            problems.append(WisnProblem(
                PARAMS, row, "working_days",
                f"Hari kerja {working_time.working_days:g} dikurangi libur dan cuti {leave:g} menyisakan "
                f"{working_time.available_days:g} hari, sehingga waktu kerja tersedia (AWT) tidak lebih "
                "dari 0 jam.",
            ))
        elif working_time.awt_hours <= 0:
            problems.append(WisnProblem(
                PARAMS, row, "hours_per_day",
                "Jam kerja per hari 0, sehingga waktu kerja tersedia (AWT) 0 jam; isi jam kerja per hari.",
            ))
        else:
            parsed.units[(unit, role)] = _UnitRow(row, working_time, current_staff)
    return set(declared)


def _parse_activities(activities: pd.DataFrame, declared: set[tuple[str, str]], parsed: _Parsed) -> None:
    problems = parsed.problems
    support_rows: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for row, record in _data_rows(activities):
        unit = _read_text(ACTIVITIES, row, "unit", record, problems)
        role = _read_text(ACTIVITIES, row, "role", record, problems)
        name = _read_text(ACTIVITIES, row, "activity", record, problems)
        kind_text = _read_text(ACTIVITIES, row, "kind", record, problems)
        kind = kind_text.lower()
        if unit and role and (unit, role) not in declared:
            problems.append(WisnProblem(
                ACTIVITIES, row, _KEY_COLUMN,
                f"Unit '{unit}' dengan peran '{role}' tidak ada di PARAMS; tambahkan barisnya di PARAMS "
                "atau samakan ejaannya.",
            ))
        if kind_text and kind not in KINDS:
            problems.append(WisnProblem(
                ACTIVITIES, row, "kind",
                f"Jenis kegiatan '{kind_text}' tidak dikenal; gunakan service (pelayanan), "
                "support (penunjang), atau individual (tambahan).",
            ))
        if kind not in KINDS:
            continue
        values = {
            column: _read_number(ACTIVITIES, row, column, record[column], problems,
                                 context=f" untuk kegiatan jenis {kind}")
            for column in _KIND_COLUMNS[kind]
        }
        if kind == KIND_SERVICE and values["time_per_unit_minutes"] == 0:
            problems.append(WisnProblem(
                ACTIVITIES, row, "time_per_unit_minutes",
                "Waktu per kegiatan 0 menit; kegiatan pelayanan harus memakan waktu lebih dari 0 menit.",
            ))
            values["time_per_unit_minutes"] = None
        if not (unit and role and name) or any(v is None for v in values.values()):
            continue
        work = parsed.work.setdefault((unit, role), _Work())
        if kind == KIND_SERVICE:
            work.services.append(ServiceActivity(name, values["time_per_unit_minutes"], values["annual_workload"]))
        elif kind == KIND_SUPPORT:
            work.supports.append(SupportActivity(name, values["percent_of_time"]))
            support_rows.setdefault((unit, role), []).append((row, values["percent_of_time"]))
        else:
            work.individuals.append(IndividualActivity(name, values["hours_per_year"], values["staff_doing"]))

    for (unit, role), entries in support_rows.items():
        total = sum(percent for _, percent in entries)
        if total >= 100:
            rows = ", ".join(str(r) for r, _ in entries)
            problems.append(WisnProblem(
                ACTIVITIES, entries[0][0], "percent_of_time",
                f"Jumlah persentase kegiatan penunjang untuk unit '{unit}' peran '{role}' adalah {total:g}% "
                f"(baris {rows}); harus kurang dari 100% agar masih ada waktu untuk pelayanan.",
            ))


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return bool(pd.isna(value)) if pd.api.types.is_scalar(value) else False


def _read_text(file: str, row: int, column: str, record: dict[str, Any], problems: list[WisnProblem]) -> str:
    value = record[column]
    if _is_blank(value):
        problems.append(WisnProblem(file, row, column, "Sel kosong; kolom ini wajib diisi."))
        return ""
    return str(value).strip()


def _as_float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = float(value.strip())
    else:
        return None
    return number if math.isfinite(number) else None


def _read_number(
    file: str, row: int, column: str, value: Any, problems: list[WisnProblem], *,
    blank_value: float | None = None, context: str = "",
) -> float | None:
    """The non-negative number in a cell, or None after recording why it cannot be used."""
    if _is_blank(value):
        if blank_value is None:
            problems.append(WisnProblem(file, row, column, f"Sel kosong; kolom ini wajib diisi angka{context}."))
        return blank_value
    number = _as_float(value)
    if number is None:
        problems.append(WisnProblem(
            file, row, column,
            f"Nilai '{value}' bukan angka; tulis angka saja, tanpa satuan atau pemisah ribuan (contoh: 7.5).",
        ))
        return None
    if number < 0:
        problems.append(WisnProblem(file, row, column, f"Nilai {number:g} tidak boleh negatif."))
        return None
    return number
