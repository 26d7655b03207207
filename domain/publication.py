"""Which tables the public summary publishes and how: one protected pass over the entry-stage counts.

Every published table comes from the same victims-handled counts (entry stage, domain.taxonomy.ENTRY_STAGE)
and is protected together by domain.disclosure.protect_linked, so the national total, the year totals, the
sex x age table and its margins, the modus table and the province table share one status per cell and cannot
be played off against each other. An extract is a long frame of cells (tabel, baris, kolom, nilai, teks) as
stored in publikasi_sel; the page, the CSV files and the map are all built from those cells alone.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from domain.disclosure import (
    SECONDARY_MARKER,
    TOTAL_LABEL,
    DisclosureError,
    DisclosureRules,
    ProtectedTable,
    assert_publishable,
    protect_linked,
    rounding_interval,
)
from domain.formatting import fmt_int

VALUE = "jumlah"
# Published table name -> its dimensions in the protected source frame. Order = page and file order.
PUBLISHED_TABLES: dict[str, tuple[str, ...]] = {
    "nasional": (),
    "tahun": ("tahun",),
    "jenis_kelamin_umur": ("jenis_kelamin", "kelompok_umur"),
    "modus": ("modus",),
    "provinsi": ("provinsi",),
    # Series (issue 26): province x year and modus x year. Their margins are the province, modus and year tables
    # above, one cell each in the linked pass.
    "provinsi_tahun": ("provinsi", "tahun"),
    "modus_tahun": ("modus", "tahun"),
    # Sex x age x year: one 3-D table with every margin (sex x year, age x year, and the sex x age, year and national
    # cells the tables above show too). With it the tables no longer form chains, so the linked pass audits them
    # all as one integer linear system (domain.disclosure_audit) and extends the suppression until nothing is pinned.
    # Stored rows are "jenis_kelamin|kelompok_umur" (ROW_SEPARATOR; "Total" for a margin), columns the years.
    "jenis_kelamin_umur_tahun": ("jenis_kelamin", "kelompok_umur", "tahun"),
    # Destination x year: one row per destination country shown on its own (DESTINATION_MIN_TOTAL), "negara lain"
    # for the rest abroad, "dalam negeri" for victims trafficked within Indonesia (and "tidak diketahui" when a
    # row has no destination). Every victim has exactly one, so its year margin is the tahun table: linked.
    "tujuan_tahun": ("tujuan", "tahun"),
}
ROW_SEPARATOR = "|"
# The series tables: name -> the dimension of their rows (their columns are years).
SERIES_TABLES: dict[str, str] = {"provinsi_tahun": "provinsi", "modus_tahun": "modus", "tujuan_tahun": "tujuan"}
DESTINATION_TABLE = "tujuan_tahun"
# Prevention reach (issue 15): participants of prevention activities by the province where they took place. Its own
# table, protected on its own: it counts other people than the victim tables, so it cannot be played off against them.
REACH_TABLE = "pencegahan_provinsi"
SOURCE_DIMS: tuple[str, ...] = ("tahun", "provinsi", "modus", "jenis_kelamin", "kelompok_umur", "tujuan")
# Columns of the entry-stage counts the extract is built from (data_access.cases dimension names).
MONTHLY_COLUMNS: tuple[str, ...] = ("bulan", "kode_prov_asal", "modus", "jenis_kelamin", "kelompok_umur", VALUE)
# The destination columns beside them (Kasus.tujuan_jenis LN|DN, Kasus.kode_tujuan ISO3 or province). Optional in
# source_counts: counts without them (older fixtures, a source that does not record it) count as UNKNOWN_DESTINATION.
DESTINATION_COLUMNS: tuple[str, ...] = ("tujuan_jenis", "kode_tujuan")
DOMESTIC = "DN"  # dalam negeri: the province of destination is not published (origin x destination is internal)
OTHER_COUNTRIES = "LAIN"  # negara lain: every country abroad not shown on its own
UNKNOWN_DESTINATION = "TD"  # tidak diketahui: listed only when such rows exist
# The grouping rule (documented in docs/DEPLOYMENT.md): a country is shown on its own when it had at least this many
# victims over the whole period of the first release made under the current rules; later releases keep that list
# (carried over from the stored cells of the release the public sees), so "negara lain" always holds the same
# countries and one release cannot be subtracted from the next to give a country's count away. A country that
# grows past the bar later stays in "negara lain" until the rules (threshold, base) change. 50 = five times the
# default threshold: over a few years a country below it would be mostly "<10".
DESTINATION_MIN_TOTAL = 50
SEXES: tuple[str, ...] = ("L", "P")
AGE_GROUPS: tuple[str, ...] = ("anak", "dewasa")
CELL_COLUMNS: tuple[str, ...] = ("tabel", "baris", "kolom", "nilai", "teks")
_PERIOD = re.compile(r"^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class ExtractInfo:
    """One row of publikasi: which version, when, under which rules, from demo or imported data."""

    versi: int
    dibuat: dt.datetime
    ambang: int
    basis_pembulatan: int
    asal_data: str  # demo | impor
    periode: str  # "2019-01..2025-12"
    catatan: str = ""

    @property
    def rules(self) -> DisclosureRules:
        return DisclosureRules(self.ambang, self.basis_pembulatan)

    @property
    def is_demo(self) -> bool:
        # Anything not positively imported is treated as demo: the notice errs on the side of showing.
        return self.asal_data != "impor"


@dataclass(frozen=True, eq=False)
class PublishedExtract:
    """A stored extract: its metadata and its cells (columns CELL_COLUMNS; nilai is None for markers)."""

    info: ExtractInfo
    cells: pd.DataFrame

    def table(self, tabel: str, order: Sequence[str] | None = None) -> pd.DataFrame:
        return wide_table(self.cells, tabel, order)


# --- building an extract -------------------------------------------------------------------------


class NothingToPublish(ValueError):
    """The data hold no victim handled: there is no public summary to make (not a data error)."""


def raw_destinations(monthly: pd.DataFrame) -> pd.Series:
    """Each row's destination before grouping: the ISO3 code abroad (LN), DOMESTIC within Indonesia (DN),
    UNKNOWN_DESTINATION when the row has none (or the frame has no DESTINATION_COLUMNS)."""
    if not set(DESTINATION_COLUMNS) <= set(monthly.columns):
        return pd.Series(UNKNOWN_DESTINATION, index=monthly.index, dtype=object)
    kind = monthly["tujuan_jenis"].astype(object)
    code = monthly["kode_tujuan"].astype(object)
    abroad = (kind == "LN") & code.notna() & (code.astype(str).str.strip() != "")
    out = pd.Series(UNKNOWN_DESTINATION, index=monthly.index, dtype=object)
    out[kind == "DN"] = DOMESTIC
    out[abroad] = code[abroad].astype(str).str.strip().str.upper()
    return out


def shown_countries(monthly: pd.DataFrame, min_total: int = DESTINATION_MIN_TOTAL) -> list[str]:
    """Countries shown on their own by the grouping rule (DESTINATION_MIN_TOTAL): at least `min_total` victims
    over the whole period of `monthly`, in code order."""
    raw = raw_destinations(monthly)
    totals = pd.to_numeric(monthly[VALUE]).groupby(raw).sum()
    return sorted(str(c) for c, n in totals.items() if c not in (DOMESTIC, UNKNOWN_DESTINATION) and n >= min_total)


def published_countries(cells: pd.DataFrame) -> list[str] | None:
    """The countries a stored release showed on their own in DESTINATION_TABLE (code order), None when it has no
    such table (a release made before it): the list the next release keeps."""
    part = cells[cells["tabel"] == DESTINATION_TABLE]
    if part.empty:
        return None
    return sorted({str(b) for b in part["baris"]} - {OTHER_COUNTRIES, DOMESTIC, UNKNOWN_DESTINATION, TOTAL_LABEL})


def destination_order(countries: Sequence[str], unknown: bool = False) -> list[str]:
    """Rows of DESTINATION_TABLE: the countries shown, then negara lain, dalam negeri (and tidak diketahui)."""
    return [*countries, OTHER_COUNTRIES, DOMESTIC, *([UNKNOWN_DESTINATION] if unknown else [])]


def source_counts(
    monthly: pd.DataFrame,
    provinces: Sequence[str],
    modus_codes: Sequence[str],
    countries: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Entry-stage counts by month (MONTHLY_COLUMNS, plus DESTINATION_COLUMNS when known) -> the long frame the
    tables are protected from.

    Columns SOURCE_DIMS + jumlah, all categorical so that every category is published, as 0 when empty:
    every year between the first and the last, every province in `provinces`, every modus in
    `modus_codes`, both sexes and both age groups, and the destinations of destination_order: `countries` on their
    own (shown_countries(monthly) when None), every other country abroad as OTHER_COUNTRIES. A code outside those
    lists is a data error and raises ValueError rather than being dropped from the public totals.
    """
    missing = [c for c in MONTHLY_COLUMNS if c not in monthly.columns]
    if missing:
        raise ValueError(f"kolom tidak ada: {missing}")
    years = pd.to_datetime(monthly["bulan"].astype(str).str[:10], format="%Y-%m-%d").dt.year.astype(int)
    frame = pd.DataFrame({
        "tahun": years,
        "provinsi": monthly["kode_prov_asal"].astype(str),
        "modus": monthly["modus"].astype(str),
        "jenis_kelamin": monthly["jenis_kelamin"].astype(str),
        "kelompok_umur": monthly["kelompok_umur"].astype(str),
        VALUE: pd.to_numeric(monthly[VALUE]).astype("int64"),
    })
    countries = shown_countries(monthly) if countries is None else list(countries)
    raw = raw_destinations(monthly)
    frame["tujuan"] = raw.where(raw.isin([*countries, DOMESTIC, UNKNOWN_DESTINATION]), OTHER_COUNTRIES).to_numpy()
    year_list = list(range(int(years.min()), int(years.max()) + 1)) if len(years) else []
    categories: dict[str, list] = {
        "tahun": year_list,
        "provinsi": list(provinces),
        "modus": list(modus_codes),
        "jenis_kelamin": list(SEXES),
        "kelompok_umur": list(AGE_GROUPS),
        "tujuan": destination_order(countries, bool((raw == UNKNOWN_DESTINATION).any())),
    }
    for dim, allowed in categories.items():
        unknown = sorted(set(frame[dim]) - set(allowed), key=str)
        if unknown:
            raise ValueError(f"kode {dim} tidak dikenal: {unknown}")
        frame[dim] = pd.Categorical(frame[dim], categories=allowed)
    return frame


def protect_extract(counts: pd.DataFrame, rules: DisclosureRules,
                    keep_hidden: Sequence[Mapping[str, object]] = (),
                    prior_bounds: Sequence[tuple[Mapping[str, object], tuple[int, int]]] = (),
                    ) -> dict[str, ProtectedTable]:
    """Every published table, protected in one linked pass (primary, rounding, secondary, audit); `keep_hidden`
    and `prior_bounds` as protect_linked's (carry_over: what an earlier release told)."""
    protected = protect_linked(counts, list(PUBLISHED_TABLES.values()), VALUE, rules, keep_hidden, prior_bounds)
    return {name: protected[dims] for name, dims in PUBLISHED_TABLES.items()}


def extract_cells(tables: Mapping[str, ProtectedTable]) -> pd.DataFrame:
    """Long cells (CELL_COLUMNS): baris/kolom are category codes as text, "Total" for margins; kolom is
    "jumlah" for 0- and 1-D tables. nilai holds the published number or None for "<10"/"x"; teks is the
    display text in Indonesian format ("1.235", "<10", "x")."""
    rows = []
    for name, table in tables.items():
        for baris, line in table.cells.iterrows():
            if isinstance(baris, tuple):  # a 3-D table: its two row dimensions in one code
                baris = ROW_SEPARATOR.join(map(str, baris))
            for kolom, cell in line.items():
                number = None if isinstance(cell, str) else int(cell)
                rows.append((name, str(baris), str(kolom), number,
                             cell if number is None else fmt_int(number, "id")))
    cells = pd.DataFrame(rows, columns=list(CELL_COLUMNS))
    # Built as object so a published 1.235 stays the int 1235 beside the None of a marker, never 1235.0.
    cells["nilai"] = pd.Series([r[3] for r in rows], dtype=object)
    return cells


def carry_over(previous: PublishedExtract | None, periode: str
               ) -> tuple[list[dict[str, object]], list[tuple[dict[str, object], tuple[int, int]]]]:
    """What the next release (period `periode`) must respect of the earlier one (issue 26), as protect_linked's
    (keep_hidden, prior_bounds).

    keep_hidden: every victim cell the earlier release hid ("<10", "x") stays hidden, the growing ones (totals, the
    newest year) too: showing a successor would let a reader subtract what both releases show.
    prior_bounds: for the cells of a year both releases cover alike (whole years before the newest; their counts
    do not change when only new months arrive), what the earlier release told (its rounding interval, or its
    marker's range), so the audit never takes a public cell as a complement and sees what the pair would pin.

    Measured with the exact attacker over consecutive releases of a realistic data set (tests/unit/
    test_release_attack.py): without rounding, two releases protected one by one lost 24 cells, with this 0. Not
    covered: without rounding (base 1), a release that opens a new year shows the new year's count of a province
    exactly as the difference of its whole-period totals in the two releases; rounding (the default base 5) is
    what protects that case (0 exact recoveries over three releases). The cost: a hidden cell stays hidden in later
    releases."""
    if previous is None:
        return [], []
    rules = previous.info.rules
    keep: dict[tuple, dict[str, object]] = {}
    bounds: dict[tuple, tuple[dict[str, object], tuple[int, int]]] = {}
    for tabel, baris, kolom, nilai, teks in zip(previous.cells["tabel"], previous.cells["baris"],
                                                previous.cells["kolom"], previous.cells["nilai"],
                                                previous.cells["teks"]):
        dims = PUBLISHED_TABLES.get(str(tabel))
        if dims is None:
            continue
        codes = table_codes(dims, baris, kolom)
        assignment = {d: c for d, c in zip(dims, codes) if c != TOTAL_LABEL}
        year = assignment.get("tahun")
        if year is not None:
            try:
                year = int(year)
            except ValueError:
                continue
        assignment = {d: (year if d == "tahun" else str(c)) for d, c in assignment.items()}
        key = tuple(sorted(assignment.items()))
        hidden = teks in (rules.primary_marker, SECONDARY_MARKER)
        if hidden:
            # Every hidden cell stays hidden, a growing one too (a total, the newest year): showing its successor
            # would give the earlier hidden count away by subtracting what both releases show.
            keep[key] = assignment
        fixed = year is not None and year_coverage(previous.info.periode, year) is not None and \
            year_coverage(previous.info.periode, year) == year_coverage(periode, year)
        if not fixed:
            continue
        if teks == rules.primary_marker:
            bounds[key] = (assignment, (1, rules.threshold - 1))
        elif teks == SECONDARY_MARKER:
            bounds[key] = (assignment, (rules.threshold, 10**15))
        elif nilai is not None and not pd.isna(nilai):
            bounds[key] = (assignment, rounding_interval(int(nilai), rules))
    return list(keep.values()), list(bounds.values())


def table_codes(dims: tuple[str, ...], baris: str, kolom: str) -> tuple[str, ...]:
    """A stored cell's category codes, one per dimension of its table ("Total" for a margin): a 3-D table's row
    holds two ("L|anak"), a 2-D table's row and column one each, a 1-D table's row one, the national total none."""
    if len(dims) == 3:
        return (*str(baris).split(ROW_SEPARATOR), kolom)
    return ((baris, kolom) if len(dims) == 2 else (baris,))[:len(dims)]


def build_extract(
    monthly: pd.DataFrame,
    provinces: Sequence[str],
    modus_codes: Sequence[str],
    rules: DisclosureRules,
    previous: PublishedExtract | None = None,
) -> pd.DataFrame:
    """Entry-stage monthly counts -> verified, protected cells ready to store. With `previous` (the release the
    public sees, from the same data under the same rules), the next release is protected with it (carry_over).
    Raises DisclosureError if no protection is possible or a cell would still be unsafe, and ValueError on bad
    input."""
    if monthly.empty or pd.to_numeric(monthly[VALUE]).sum() == 0:
        raise NothingToPublish("tidak ada korban ditangani untuk diterbitkan")
    # New rules are the data owner's new decision on what may be shown: that release stands on its own.
    same_rules = previous is not None and previous.info.rules == rules
    keep, prior = carry_over(previous if same_rules else None, format_period(*data_period(monthly)))
    # The countries shown on their own stay those of the release the public sees (DESTINATION_MIN_TOTAL).
    countries = published_countries(previous.cells) if same_rules else None
    counts = source_counts(monthly, provinces, modus_codes, countries)
    cells = extract_cells(protect_extract(counts, rules, keep, prior))
    verify_cells(cells, rules)
    return cells


def build_reach_cells(reach: pd.DataFrame, provinces: Sequence[str], rules: DisclosureRules) -> pd.DataFrame:
    """Prevention participants by province (kode, peserta) -> the protected, verified cells of REACH_TABLE: every
    province in `provinces` (0 when none) and the national total. A code outside the list raises ValueError."""
    unknown = sorted(set(reach["kode"].astype(str)) - set(provinces))
    if unknown:
        raise ValueError(f"kode provinsi tidak dikenal: {unknown}")
    frame = pd.DataFrame({"provinsi": pd.Categorical(reach["kode"].astype(str), categories=list(provinces)),
                          VALUE: pd.to_numeric(reach["peserta"]).astype("int64")})
    cells = extract_cells({REACH_TABLE: protect_linked(frame, [("provinsi",)], VALUE, rules)[("provinsi",)]})
    verify_cells(cells, rules)
    return cells


def verify_cells(cells: pd.DataFrame, rules: DisclosureRules) -> None:
    """Last guard before cells are stored or written: every value and text must be publishable, and the
    number and the text of a cell must agree. Raises DisclosureError."""
    missing = [c for c in CELL_COLUMNS if c not in cells.columns]
    if missing:
        raise DisclosureError(f"kolom sel tidak ada: {missing}")
    if cells.duplicated(["tabel", "baris", "kolom"]).any():
        raise DisclosureError("sel ganda dalam ekstrak")
    assert_publishable(cells["teks"].reset_index(drop=True), rules)
    numbers = cells["nilai"].dropna().reset_index(drop=True)
    assert_publishable(numbers.astype(object), rules)
    for nilai, teks in zip(cells["nilai"], cells["teks"]):
        markers = (rules.primary_marker, SECONDARY_MARKER)
        if (nilai is None or pd.isna(nilai)) != (teks in markers):
            raise DisclosureError(f"nilai {nilai!r} dan teks {teks!r} tidak cocok")


# --- reading an extract --------------------------------------------------------------------------


def wide_table(cells: pd.DataFrame, tabel: str, order: Sequence[str] | None = None) -> pd.DataFrame:
    """One published table as stored: index baris, columns kolom, values the published int or marker.

    Rows follow `order` when given (codes not in it keep sorted order after those in it), else sorted
    order; "Total" is always the last row and column. An unknown table gives an empty frame.
    """
    part = cells[cells["tabel"] == tabel]
    if part.empty:
        return pd.DataFrame()
    values = [n if n is not None and not pd.isna(n) else t for n, t in zip(part["nilai"], part["teks"])]
    long = pd.DataFrame({"baris": part["baris"].to_numpy(), "kolom": part["kolom"].to_numpy(),
                         "v": pd.Series(values, dtype=object).to_numpy()})
    wide = long.pivot(index="baris", columns="kolom", values="v")
    wide = wide.reindex(index=_ordered(wide.index, order), columns=_ordered(wide.columns, None))
    wide.index.name, wide.columns.name = None, None
    return wide.astype(object)


def _ordered(labels: pd.Index, order: Sequence[str] | None) -> list[str]:
    present = [str(x) for x in labels]
    first = [x for x in (order or ()) if x in present]
    rest = sorted(x for x in present if x not in first and x != TOTAL_LABEL)
    return first + rest + ([TOTAL_LABEL] if TOTAL_LABEL in present else [])


def display_value(value: object, lang: str = "id") -> str:
    """Published cell as display text: a number in the language's format, a marker as it is."""
    return value if isinstance(value, str) else fmt_int(value, lang)


def display_table(table: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """All cells as display text (st.dataframe needs one type per column; markers are text)."""
    return table.map(lambda v: display_value(v, lang)).astype(str)


def national_total(extract: PublishedExtract) -> object:
    """The published national total (an int, or a marker in a tiny data set)."""
    table = extract.table("nasional")
    return table.iloc[0, 0] if not table.empty else None


def parse_period(text: str) -> tuple[dt.date, dt.date] | None:
    """"2019-01..2025-12" -> (2019-01-01, 2025-12-01); None when the text is not in that form."""
    match = _PERIOD.match(text or "")
    if not match:
        return None
    y1, m1, y2, m2 = (int(g) for g in match.groups())
    try:
        return dt.date(y1, m1, 1), dt.date(y2, m2, 1)
    except ValueError:
        return None


def format_period(start: dt.date | None, end: dt.date | None) -> str:
    """The stored form of a period: "2019-01..2025-12" (empty when unknown)."""
    return f"{start:%Y-%m}..{end:%Y-%m}" if start and end else ""


def map_values(table: pd.DataFrame) -> pd.DataFrame:
    """Province table (wide_table(..., "provinsi")) -> kode, nilai (int or None), teks (marker or None)
    for the map: the "Total" row is dropped, markers are never turned into numbers."""
    if table.empty:
        return pd.DataFrame(columns=["kode", "nilai", "teks"])
    column = table.iloc[:, 0]
    body = [(str(kode), v) for kode, v in column.items() if kode != TOTAL_LABEL]
    # Object columns built one by one: a frame constructor would turn None into NaN and ints into floats.
    return pd.DataFrame({
        "kode": pd.Series([k for k, _ in body], dtype=object),
        "nilai": pd.Series([None if isinstance(v, str) else int(v) for _, v in body], dtype=object),
        "teks": pd.Series([v if isinstance(v, str) else None for _, v in body], dtype=object),
    })


def with_names(table: pd.DataFrame, names: Mapping[str, str], total_label: str = TOTAL_LABEL,
               columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Row codes (and optionally column codes) replaced by display names; "Total" by total_label."""
    rows = {**{str(k): v for k, v in names.items()}, TOTAL_LABEL: total_label}
    cols = {**{str(k): v for k, v in (columns or {}).items()}, TOTAL_LABEL: total_label}
    return table.rename(index=lambda code: rows.get(str(code), str(code)),
                        columns=lambda code: cols.get(str(code), str(code)))


def file_table(table: pd.DataFrame, key: str, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A published table as a tidy file: the codes in column `key`, their names in "nama" when given, then
    the published values as stored (ints, "<10", "x"); "Total" stays a row of its own."""
    out = table.copy()
    out.insert(0, key, [str(i) for i in out.index])
    if names is not None:
        out.insert(1, "nama", [names.get(str(i), "") for i in out.index])
    return out.reset_index(drop=True)


def long_cells(cells: pd.DataFrame) -> pd.DataFrame:
    """Every published cell in one tidy frame: tabel, baris, kolom, nilai (int or marker), in table order."""
    order = {name: i for i, name in enumerate(PUBLISHED_TABLES)}
    values = [n if n is not None and not pd.isna(n) else t for n, t in zip(cells["nilai"], cells["teks"])]
    out = pd.DataFrame({"tabel": cells["tabel"].to_numpy(), "baris": cells["baris"].to_numpy(),
                        "kolom": cells["kolom"].to_numpy(), "nilai": pd.Series(values, dtype=object).to_numpy()})
    rank = out["tabel"].map(lambda name: order.get(name, len(order)))
    return out.assign(_r=rank).sort_values(["_r", "tabel", "baris", "kolom"], kind="mergesort") \
        .drop(columns="_r").reset_index(drop=True)


# --- series (issue 26): one row per category and year, with the partial year marked and a rate -------------


def series_long(extract: PublishedExtract, tabel: str, order: Sequence[str] | None = None) -> pd.DataFrame:
    """A series table (SERIES_TABLES) as tidy rows: kode, tahun (int), nilai (published int or marker), one per
    category and year, margins left out (they are the 1-D tables). Empty when the extract predates the series."""
    wide = extract.table(tabel, order)
    if wide.empty:
        return pd.DataFrame({"kode": pd.Series(dtype=object), "tahun": pd.Series(dtype="int64"),
                             "nilai": pd.Series(dtype=object)})
    body = wide.drop(index=TOTAL_LABEL, columns=TOTAL_LABEL, errors="ignore")
    rows = [(str(kode), int(tahun), body.loc[kode, tahun]) for kode in body.index for tahun in body.columns]
    return pd.DataFrame({"kode": pd.Series([r[0] for r in rows], dtype=object),
                         "tahun": pd.Series([r[1] for r in rows], dtype="int64"),
                         "nilai": pd.Series([r[2] for r in rows], dtype=object)})


SEX_AGE_YEAR = "jenis_kelamin_umur_tahun"


def sex_age_year_long(extract: PublishedExtract) -> pd.DataFrame:
    """The sex x age x year table as tidy rows: jenis_kelamin, kelompok_umur (a code or "Total" for both), tahun
    (int), nilai (published int or marker), one per sex, age group and year, sexes and ages in SEXES/AGE_GROUPS order
    then "Total"; the whole-period column is left out (it is the jenis_kelamin_umur table). Empty before issue 26."""
    part = extract.cells[extract.cells["tabel"] == SEX_AGE_YEAR]
    columns = {"jenis_kelamin": object, "kelompok_umur": object, "tahun": "int64", "nilai": object}
    if part.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})
    rank = {code: i for i, code in enumerate((*SEXES, *AGE_GROUPS, TOTAL_LABEL))}
    rows = []
    for baris, kolom, nilai, teks in zip(part["baris"], part["kolom"], part["nilai"], part["teks"]):
        if kolom == TOTAL_LABEL:
            continue
        sex, age = str(baris).split(ROW_SEPARATOR)
        rows.append((sex, age, int(kolom), nilai if nilai is not None and not pd.isna(nilai) else teks))
    rows.sort(key=lambda r: (rank.get(r[0], 99), rank.get(r[1], 99), r[2]))
    return pd.DataFrame({name: pd.Series([r[i] for r in rows], dtype=t)
                         for i, (name, t) in enumerate(columns.items())})


def months_covered(periode: str, year: int) -> int:
    """How many months of `year` the release covers (12 for a whole year, 0 outside the period)."""
    coverage = year_coverage(periode, year)
    if coverage is None:
        return 0
    return (coverage[1].year - coverage[0].year) * 12 + coverage[1].month - coverage[0].month + 1


def published_rate(nilai: object, population: float | None, months: int) -> float | None:
    """Victims per 100,000 population per year from a published count: None for a marker ("<10", "x"), an unknown
    population or no month covered. Computed from the published (rounded) number, never the true count, so a rate
    tells nothing the count beside it does not; a partial year is scaled to a year (rate x 12 / months)."""
    from domain.rates import annual_rate_per_100k

    if isinstance(nilai, str) or nilai is None or population is None or pd.isna(population) or population <= 0 \
            or months < 1:
        return None
    return round(float(annual_rate_per_100k(int(nilai), float(population), months)), 2)


# --- periods: a year the data covers only in part is marked ("2025 (Jan–Jul)") ------------------------


def year_coverage(periode: str, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last month of `year` inside the extract's period ("2023-01..2025-07", 2025 -> Jan and Jul
    2025); None when the period is unknown or does not reach that year."""
    period = parse_period(periode)
    if period is None or not period[0].year <= year <= period[1].year:
        return None
    start = period[0] if period[0].year == year else dt.date(year, 1, 1)
    end = period[1] if period[1].year == year else dt.date(year, 12, 1)
    return start, end


def is_partial_year(coverage: tuple[dt.date, dt.date] | None) -> bool:
    return coverage is not None and (coverage[0].month, coverage[1].month) != (1, 12)


def month_abbr(month: dt.date, lang: str = "id") -> str:
    """dt.date(2025, 8, 1) -> "Agu" (id) / "Aug" (en), through Babel like domain.formatting."""
    from babel.dates import format_date

    from domain.formatting import LOCALES

    return format_date(month, "MMM", locale=LOCALES.get(lang, LOCALES["id"])).replace(".", "")


def year_label(year: int | str, periode: str, lang: str = "id") -> str:
    """A year as published: "2024" when the data covers all of it, "2025 (Jan–Jul)" when only part,
    so a partial year is never read beside a whole one as if it were comparable."""
    try:
        coverage = year_coverage(periode, int(year))
    except (TypeError, ValueError):
        return str(year)
    if not is_partial_year(coverage):
        return str(year)
    start, end = coverage
    months = month_abbr(start, lang) if start == end else f"{month_abbr(start, lang)}–{month_abbr(end, lang)}"
    return f"{year} ({months})"


# --- the next release: built without writing, compared with the one the public sees ------------------

# What can stand in the way of a release (ReleaseDraft.problem): no victim handled at all, a code outside the
# reference lists, tables that cannot be protected, disclosure settings out of range.
PROBLEMS: tuple[str, ...] = ("no_data", "bad_data", "unsafe", "settings")
# How a cell differs from the published one (compare_cells): its number (or its marker) changed, it was shown
# and is now hidden, it was hidden and is now shown, it is new (a year or a province more), it is gone.
CHANGES: tuple[str, ...] = ("changed", "suppressed", "shown", "added", "removed")
DIFF_COLUMNS: tuple[str, ...] = ("tabel", "baris", "kolom", "sebelum", "sesudah", "perubahan")
_KEY = ["tabel", "baris", "kolom"]


def data_period(monthly: pd.DataFrame) -> tuple[dt.date, dt.date]:
    """First and last month with at least one victim handled (MONTHLY_COLUMNS); NothingToPublish when none."""
    counts = pd.to_numeric(monthly[VALUE]) if len(monthly) else pd.Series(dtype="int64")
    months = pd.to_datetime(monthly.loc[counts > 0, "bulan"].astype(str).str[:10], format="%Y-%m-%d") \
        if len(monthly) else pd.Series(dtype="datetime64[ns]")
    if months.empty:
        raise NothingToPublish("tidak ada korban ditangani untuk diterbitkan")
    return months.min().date(), months.max().date()


def build_release_cells(
    monthly: pd.DataFrame,
    provinces: Sequence[str],
    modus_codes: Sequence[str],
    reach: pd.DataFrame,
    rules: DisclosureRules,
    previous: PublishedExtract | None = None,
) -> pd.DataFrame:
    """Every cell of the next version: the victim tables (build_extract, protected with the earlier release
    `previous`) and, when `reach` (kode, peserta of prevention activities over data_period(monthly), by province)
    has rows, the REACH_TABLE cells. Raises as build_extract and build_reach_cells do; writes nothing."""
    cells = build_extract(monthly, provinces, modus_codes, rules, previous)
    if len(reach):
        cells = pd.concat([cells, build_reach_cells(reach, provinces, rules)], ignore_index=True)
    return cells


def cells_digest(cells: pd.DataFrame) -> str:
    """sha256 of the cells as the public reads them (tabel, baris, kolom, teks; row order ignored): two extracts
    with the same digest show the same figures."""
    lines = sorted("\t".join(map(str, key)) for key in zip(cells["tabel"], cells["baris"], cells["kolom"],
                                                               cells["teks"]))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def disclosure_problems(cells: pd.DataFrame, rules: DisclosureRules) -> tuple[str, ...]:
    """Why these cells may not be published (verify_cells: a count from 1 to threshold-1, a number that is not a
    multiple of the rounding base, a marker beside a number, a duplicate cell), or () when every cell is safe."""
    try:
        verify_cells(cells, rules)
    except DisclosureError as exc:
        return (str(exc),)
    return ()


def _hidden(text: str) -> bool:
    # "<10" (or "<5" under other rules) and "x": a cell that shows no number.
    return text == SECONDARY_MARKER or text.startswith("<")


def _change(before: str | None, after: str | None) -> str:
    if before is None:
        return "added"
    if after is None:
        return "removed"
    if _hidden(before) and not _hidden(after):
        return "shown"
    if not _hidden(before) and _hidden(after):
        return "suppressed"
    return "changed"


def compare_cells(before: pd.DataFrame | None, after: pd.DataFrame) -> pd.DataFrame:
    """Every cell whose published text differs between two extracts (columns DIFF_COLUMNS): sebelum and sesudah
    are the texts ("1.235", "<10", "x"; None where the cell does not exist), perubahan one of CHANGES. Equal
    cells are left out; `before` None (nothing published yet) makes every cell "added". Table order, then
    baris and kolom."""
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in CELL_COLUMNS})
    old = (empty if before is None else before)[[*_KEY, "teks"]].rename(columns={"teks": "sebelum"})
    new = after[[*_KEY, "teks"]].rename(columns={"teks": "sesudah"})
    merged = old.astype(object).merge(new.astype(object), on=_KEY, how="outer")
    rows = []
    for tabel, baris, kolom, sebelum, sesudah in merged[[*_KEY, "sebelum", "sesudah"]].itertuples(index=False):
        sebelum = None if sebelum is None or pd.isna(sebelum) else str(sebelum)
        sesudah = None if sesudah is None or pd.isna(sesudah) else str(sesudah)
        if sebelum != sesudah:
            rows.append((str(tabel), str(baris), str(kolom), sebelum, sesudah, _change(sebelum, sesudah)))
    out = pd.DataFrame({name: pd.Series([r[i] for r in rows], dtype=object)
                        for i, name in enumerate(DIFF_COLUMNS)})
    order = {name: i for i, name in enumerate((*PUBLISHED_TABLES, REACH_TABLE))}
    rank = out["tabel"].map(lambda name: order.get(name, len(order)))
    return out.assign(_r=rank).sort_values(["_r", *_KEY], kind="mergesort").drop(columns="_r") \
        .reset_index(drop=True)


@dataclass(frozen=True)
class CellChanges:
    """How many cells differ, by kind of change (CHANGES)."""

    changed: int = 0
    suppressed: int = 0
    shown: int = 0
    added: int = 0
    removed: int = 0

    @property
    def total(self) -> int:
        return self.changed + self.suppressed + self.shown + self.added + self.removed


def count_changes(diff: pd.DataFrame) -> CellChanges:
    """compare_cells' rows counted by perubahan."""
    counts = diff["perubahan"].value_counts() if len(diff) else pd.Series(dtype="int64")
    return CellChanges(**{kind: int(counts.get(kind, 0)) for kind in CHANGES})


@dataclass(frozen=True, eq=False)
class ReleaseDraft:
    """The next version as it would be published now, built without writing anything: its verified cells
    (CELL_COLUMNS), period ("2023-01..2025-07"), data origin (demo | impor) and rules. When no version can be made,
    `problem` says why (one of PROBLEMS; `detail` is the reason in Indonesian) and there are no cells."""

    cells: pd.DataFrame
    periode: str
    asal_data: str
    rules: DisclosureRules | None
    problem: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def digest(self) -> str:
        """cells_digest of the cells ("" when there are none): the publish step checks it is publishing these."""
        return cells_digest(self.cells) if self.ok else ""

    @classmethod
    def refused(cls, problem: str, detail: str, rules: DisclosureRules | None = None,
                asal_data: str = "") -> ReleaseDraft:
        if problem not in PROBLEMS:
            raise ValueError(f"masalah terbitan tidak dikenal: {problem}")
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in CELL_COLUMNS})
        return cls(empty, "", asal_data, rules, problem, detail)


@dataclass(frozen=True)
class ReleaseDrift:
    """The published extract against a fresh build of the current data (release_drift).

    latest_version/published_at/published_by describe the release the public sees (None when there is none;
    published_by also None for releases made without a name, e.g. the demo loader's). The counts are cells
    differing from it, by kind (CHANGES); with no release every cell counts as added. `problem` is the fresh
    build's (PROBLEMS, "" when it worked): then the counts are 0 because nothing can be compared."""

    latest_version: int | None
    published_at: dt.datetime | None
    published_by: str | None
    cells_differing: int
    changed: int
    newly_suppressed: int
    newly_shown: int
    added: int
    removed: int
    release_period: str
    data_period: str
    origin_changed: bool
    rules_changed: bool
    problem: str = ""
    detail: str = ""

    @property
    def has_release(self) -> bool:
        return self.latest_version is not None

    @property
    def can_publish(self) -> bool:
        return not self.problem

    @property
    def period_changed(self) -> bool:
        return self.has_release and self.can_publish and self.release_period != self.data_period

    @property
    def is_stale(self) -> bool:
        """The public sees figures the current data would not give: a cell, the period, the demo/import label or
        the rules differ, or the data now hold no victim at all while a release still shows some."""
        if not self.has_release:
            return False
        if self.problem == "no_data":
            return True
        return self.can_publish and bool(self.cells_differing or self.period_changed or self.origin_changed
                                         or self.rules_changed)


def release_drift(latest: PublishedExtract | None, draft: ReleaseDraft,
                  published_by: str | None = None) -> ReleaseDrift:
    """Compare the latest published extract (None before the first release) with a fresh build."""
    info = latest.info if latest is not None else None
    changes = count_changes(compare_cells(latest.cells if latest is not None else None, draft.cells)) \
        if draft.ok else CellChanges()
    return ReleaseDrift(
        latest_version=info.versi if info else None,
        published_at=info.dibuat if info else None,
        published_by=published_by if info else None,
        cells_differing=changes.total,
        changed=changes.changed,
        newly_suppressed=changes.suppressed,
        newly_shown=changes.shown,
        added=changes.added,
        removed=changes.removed,
        release_period=info.periode if info else "",
        data_period=draft.periode,
        origin_changed=bool(info and draft.ok and info.asal_data != draft.asal_data),
        rules_changed=bool(info and draft.rules is not None and info.rules != draft.rules),
        problem=draft.problem,
        detail=draft.detail,
    )
