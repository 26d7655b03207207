"""The published extract as an open-data package: plain CSVs (header first, names beside codes, period
columns) described by a Frictionless `datapackage.json` that a CKAN portal (Satu Data Indonesia) can take.

Built from the published extract only. Value cells are the published ints or the markers ("<10", "x"), which
the schema declares as missing values, so a reader's software never takes a marker for a count.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from domain.disclosure import SECONDARY_MARKER, TOTAL_LABEL
from domain.publication import (
    AGE_GROUPS, DOMESTIC, OTHER_COUNTRIES, PUBLISHED_TABLES, REACH_TABLE, SERIES_TABLES, SEX_AGE_YEAR, SEXES,
    UNKNOWN_DESTINATION, PublishedExtract, destination_order, is_partial_year, months_covered, parse_period,
    published_countries, published_rate, series_long, sex_age_year_long, year_coverage, year_label,
)
from domain.taxonomy import MODUS, names
from exports.open_api import API_DIR, API_DOC, API_VERSION, CKAN_FILE, DCAT_FILE, api_files, api_links
from strings import tr

PACKAGE_NAME = "ringkasan-publik-tppo"
# The licence is the data owner's decision; CC BY 4.0 is what Satu Data Indonesia portals commonly use.
LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}


@dataclass(frozen=True)
class OpenTable:
    """One published table as an open-data file: its frame (Indonesian headers) and its schema fields."""

    name: str
    frame: pd.DataFrame
    fields: list[dict]
    primary_key: list[str]
    # Who reports these figures (a strings key): the victim tables are Kemensos services, the prevention reach is
    # BP3MI, Dinas Sosial, Disnaker and Jarnas activity reports (issue 26).
    source_key: str = "publik.source"

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def _label(key: str, lang: str = "id") -> str:
    return tr(f"open.col.{key}", lang)


def _field(key: str, type_: str, description_key: str | None = None, **extra: object) -> dict:
    field = {"name": _label(key), "title": _label(key, "en"), "type": type_,
             "description": tr(f"open.desc.{description_key or key}")}
    field.update(extra)
    return field


def _value_field(key: str = "jumlah") -> dict:
    # A count column: Table Schema has no unit keyword, so the unit is in the description and the title.
    return _field(key, "integer", "jumlah", constraints={"minimum": 0})


def _period_columns(extract: PublishedExtract) -> tuple[str, str]:
    period = parse_period(extract.info.periode)
    return (f"{period[0]:%Y-%m}", f"{period[1]:%Y-%m}") if period else ("", "")


def _year_columns(years: list, periode: str) -> dict[str, list[str]]:
    """The columns that place each row of a year series: tahun, periode (the partial year marked), bulan_awal,
    bulan_akhir and sebagian_tahun, as the release's period covers that year."""
    coverage = {y: year_coverage(periode, y) for y in set(years)}
    return {
        _label("tahun"): [str(y) for y in years],
        _label("periode"): [year_label(y, periode) for y in years],
        _label("bulan_awal"): [f"{coverage[y][0]:%Y-%m}" if coverage[y] else "" for y in years],
        _label("bulan_akhir"): [f"{coverage[y][1]:%Y-%m}" if coverage[y] else "" for y in years],
        _label("sebagian_tahun"): ["ya" if is_partial_year(coverage[y]) else "tidak" for y in years],
    }


def destination_names(extract: PublishedExtract, place_names: Mapping[str, str], lang: str = "id"
                      ) -> dict[str, str]:
    """Rows of the destination table (domain.publication.destination_order) -> names: a country's from
    `place_names` (data_access.publication.query_place_names: ISO3 -> reference name; the code when unknown), the
    groups' from the strings. Empty when the extract has no destination table."""
    countries = published_countries(extract.cells)
    if countries is None:
        return {}
    groups = {code: tr(f"publik.dest.{code}", lang) for code in (OTHER_COUNTRIES, DOMESTIC, UNKNOWN_DESTINATION)}
    # English names where the mapping has them (data_access.publication.PlaceNames); the Indonesian one otherwise.
    english = getattr(place_names, "english", {}) if lang == "en" else {}
    return {code: groups.get(code) or english.get(code) or place_names.get(code, code)
            for code in destination_order(countries, True)}


def open_tables(extract: PublishedExtract, province_names: Mapping[str, str],
                population: pd.DataFrame | None = None) -> list[OpenTable]:
    """Every published table as an OpenTable, in PUBLISHED_TABLES order. Headers are Indonesian labels; each
    row carries the period it covers (Bulan awal/akhir as YYYY-MM); a demo extract adds a Keterangan column
    saying DATA CONTOH on every row (the header must stay the first line, so no note line above it).

    The series (issue 26) are tidy, one row per category and year (as Our World in Data files are); the province
    series carries the rate per 100,000 population per year beside each count, from `population` (kode, populasi,
    populasi_tahun, populasi_sumber; public reference figures), empty where the count is hidden or the population
    unknown."""
    info = extract.info
    first, last = _period_columns(extract)
    jumlah = _label("jumlah")
    tables: list[OpenTable] = []

    def demo_column(frame: pd.DataFrame, fields: list[dict]) -> list[dict]:
        if not info.is_demo:
            return fields
        frame[_label("keterangan")] = tr("open.demo_value")
        return fields + [_field("keterangan", "string")]

    def finish(name: str, frame: pd.DataFrame, fields: list[dict], key: list[str],
               source_key: str = "publik.source") -> None:
        # The period columns follow the code and its name (nasional has no code).
        position = 1 if name == "nasional" else 2
        frame.insert(position, _label("bulan_awal"), first)
        frame.insert(position + 1, _label("bulan_akhir"), last)
        fields = fields[:position] + [_field("bulan_awal", "yearmonth"), _field("bulan_akhir", "yearmonth")] \
            + fields[position:]
        fields = demo_column(frame, fields)
        tables.append(OpenTable(name, frame.reset_index(drop=True), fields, key, source_key))

    total = extract.table("nasional")
    finish("nasional", pd.DataFrame({_label("wilayah"): ["Indonesia"], jumlah: [total.iloc[0, 0]]}),
           [_field("wilayah", "string"), _value_field()], [_label("wilayah")])

    years = extract.table("tahun")
    codes = [str(y) for y in years.index]
    coverage = {c: year_coverage(info.periode, int(c)) for c in codes if c != TOTAL_LABEL}
    frame = pd.DataFrame({
        _label("tahun"): codes,
        _label("periode"): [year_label(c, info.periode) if c != TOTAL_LABEL else
                            tr("open.total_period", first=first, last=last) for c in codes],
        jumlah: years.iloc[:, 0].tolist(),
    })
    frame.insert(2, _label("sebagian_tahun"),
                 ["ya" if is_partial_year(coverage.get(c)) else "tidak" for c in codes])
    starts = [f"{coverage[c][0]:%Y-%m}" if c in coverage else first for c in codes]
    ends = [f"{coverage[c][1]:%Y-%m}" if c in coverage else last for c in codes]
    frame = frame[[_label("tahun"), _label("periode"), _label("sebagian_tahun"), jumlah]]
    # Period columns after Periode: built here because the year rows each have their own months.
    frame.insert(2, _label("bulan_awal"), starts)
    frame.insert(3, _label("bulan_akhir"), ends)
    fields = [_field("tahun", "string"), _field("periode", "string"), _field("bulan_awal", "yearmonth"),
              _field("bulan_akhir", "yearmonth"),
              _field("sebagian_tahun", "boolean", trueValues=["ya"], falseValues=["tidak"]), _value_field()]
    fields = demo_column(frame, fields)
    tables.append(OpenTable("tahun", frame, fields, [_label("tahun")]))

    sex_age = extract.table("jenis_kelamin_umur", SEXES)
    sex_names = {**{s: tr(f"sex.{s}") for s in SEXES}, TOTAL_LABEL: TOTAL_LABEL}
    frame = pd.DataFrame({_label("kode_jenis_kelamin"): [str(s) for s in sex_age.index],
                          _label("jenis_kelamin"): [sex_names.get(str(s), str(s)) for s in sex_age.index]})
    age_fields = []
    for age in [*AGE_GROUPS, TOTAL_LABEL]:
        header = tr(f"open.col.umur_{age.lower()}")
        frame[header] = sex_age[age].tolist() if age in sex_age.columns else None
        age_fields.append({"name": header, "title": tr(f"open.col.umur_{age.lower()}", "en"), "type": "integer",
                           "description": tr("open.desc.umur", age=header), "constraints": {"minimum": 0}})
    finish("jenis_kelamin_umur", frame,
           [_field("kode_jenis_kelamin", "string"), _field("jenis_kelamin", "string"), *age_fields],
           [_label("kode_jenis_kelamin")])

    modus_names = names(MODUS)
    modus = extract.table("modus", list(modus_names))
    finish("modus", pd.DataFrame({_label("kode_modus"): [str(m) for m in modus.index],
                                  _label("modus"): [modus_names.get(str(m), str(m)) for m in modus.index],
                                  jumlah: modus.iloc[:, 0].tolist()}),
           [_field("kode_modus", "string"), _field("modus", "string"), _value_field()], [_label("kode_modus")])

    provinces = extract.table("provinsi")
    finish("provinsi", pd.DataFrame({_label("kode_provinsi"): [str(p) for p in provinces.index],
                                     _label("provinsi"): [province_names.get(str(p), str(p))
                                                          for p in provinces.index],
                                     jumlah: provinces.iloc[:, 0].tolist()}),
           [_field("kode_provinsi", "string"), _field("provinsi", "string"), _value_field()],
           [_label("kode_provinsi")])
    destinations = destination_names(extract, province_names)
    row_columns = {"provinsi": ("kode_provinsi", "provinsi", province_names, None),
                   "modus": ("kode_modus", "modus", modus_names, list(modus_names)),
                   "tujuan": ("kode_tujuan", "tujuan", destinations, list(destinations))}
    for name, row_dim in SERIES_TABLES.items():
        code, label, labels, order = row_columns[row_dim]
        series = series_long(extract, name, order)
        if series.empty:  # a release published before issue 26 (or before its destination table)
            continue
        years = series["tahun"].tolist()
        frame = pd.DataFrame({
            _label(code): series["kode"].tolist(),
            _label(label): [labels.get(k, k) for k in series["kode"]],
            **_year_columns(years, info.periode),
            jumlah: series["nilai"].tolist(),
        })
        fields = [_field(code, "string"), _field(label, "string"), _field("tahun", "year", "tahun_seri"),
                  _field("periode", "string"), _field("bulan_awal", "yearmonth"), _field("bulan_akhir", "yearmonth"),
                  _field("sebagian_tahun", "boolean", trueValues=["ya"], falseValues=["tidak"]), _value_field()]
        if row_dim == "provinsi":
            pop = population.set_index(population["kode"].astype(str)) if population is not None else None

            def pop_of(kode: str, column: str) -> object:
                return pop[column].get(kode) if pop is not None and column in pop.columns else None

            populations = [pop_of(k, "populasi") for k in series["kode"]]
            # Nullable integers: one unknown population must not turn every other into a float ("5554800.0").
            frame[_label("penduduk")] = pd.array([None if v is None or pd.isna(v) else int(v) for v in populations],
                                                 dtype="Int64")
            frame[_label("tahun_penduduk")] = [None if (v := pop_of(k, "populasi_tahun")) is None or pd.isna(v)
                                               else str(int(v)) for k in series["kode"]]
            frame[_label("sumber_penduduk")] = [pop_of(k, "populasi_sumber") or "" for k in series["kode"]]
            frame[_label("angka_100rb")] = [published_rate(n, p, months_covered(info.periode, y))
                                            for n, p, y in zip(series["nilai"], populations, years)]
            fields += [_field("penduduk", "integer", constraints={"minimum": 0}), _field("tahun_penduduk", "year"),
                       _field("sumber_penduduk", "string"), _field("angka_100rb", "number")]
        fields = demo_column(frame, fields)
        tables.append(OpenTable(name, frame, fields, [_label(code), _label("tahun")]))
    sex_age_years = sex_age_year_long(extract)
    if not sex_age_years.empty:  # issue 26: one row per sex, age group and year, "Total" rows for either margin
        sex_names = {**{s: tr(f"sex.{s}") for s in SEXES}, TOTAL_LABEL: TOTAL_LABEL}
        age_names = {**{a: tr(f"age.{a}") for a in AGE_GROUPS}, TOTAL_LABEL: TOTAL_LABEL}
        years = sex_age_years["tahun"].tolist()
        frame = pd.DataFrame({
            _label("kode_jenis_kelamin"): sex_age_years["jenis_kelamin"].tolist(),
            _label("jenis_kelamin"): [sex_names.get(k, k) for k in sex_age_years["jenis_kelamin"]],
            _label("kode_kelompok_umur"): sex_age_years["kelompok_umur"].tolist(),
            _label("kelompok_umur"): [age_names.get(k, k) for k in sex_age_years["kelompok_umur"]],
            **_year_columns(years, info.periode),
            jumlah: sex_age_years["nilai"].tolist(),
        })
        fields = [_field("kode_jenis_kelamin", "string"), _field("jenis_kelamin", "string"),
                  _field("kode_kelompok_umur", "string"), _field("kelompok_umur", "string"),
                  _field("tahun", "year", "tahun_seri"), _field("periode", "string"),
                  _field("bulan_awal", "yearmonth"), _field("bulan_akhir", "yearmonth"),
                  _field("sebagian_tahun", "boolean", trueValues=["ya"], falseValues=["tidak"]), _value_field()]
        fields = demo_column(frame, fields)
        tables.append(OpenTable(SEX_AGE_YEAR, frame, fields,
                                [_label("kode_jenis_kelamin"), _label("kode_kelompok_umur"), _label("tahun")]))
    # Prevention reach (issue 15), protected like the victim tables; extracts published before it have none.
    if REACH_TABLE in set(extract.cells["tabel"]):
        reach = extract.table(REACH_TABLE)
        finish(REACH_TABLE, pd.DataFrame({_label("kode_provinsi"): [str(p) for p in reach.index],
                                          _label("provinsi"): [province_names.get(str(p), str(p))
                                                               for p in reach.index],
                                          _label("peserta"): reach.iloc[:, 0].tolist()}),
               [_field("kode_provinsi", "string", "kode_provinsi_kegiatan"),
                _field("provinsi", "string", "provinsi_kegiatan"),
                _field("peserta", "integer", constraints={"minimum": 0})],
               [_label("kode_provinsi")], "pcg.source.activities")
    order = {name: i for i, name in enumerate((*PUBLISHED_TABLES, REACH_TABLE))}
    return sorted(tables, key=lambda t: order[t.name])


def datapackage(extract: PublishedExtract, tables: list[OpenTable]) -> dict:
    """The Frictionless (Data Package v1) descriptor: licence, source, period, suppression markers as missing
    values, and per resource its fields with Indonesian names (the CSV headers) and English titles."""
    info = extract.info
    rules = info.rules
    first, last = _period_columns(extract)
    words = {"marker": rules.primary_marker, "largest": rules.threshold - 1, "base": rules.rounding_base,
             "threshold": rules.threshold}
    description = " ".join([
        *([tr("publik.file_demo")] if info.is_demo else []),
        *(tr(f"publik.caveat_{k}", **words) for k in ("scope", "rounding", "small", "hidden", "zero")),
    ])
    missing = ["", rules.primary_marker, SECONDARY_MARKER]
    resources = []
    for table in tables:
        resources.append({
            "name": table.name, "path": table.path, "profile": "tabular-data-resource",
            "title": tr(f"open.title.{table.name}"), "description": tr(f"open.title.{table.name}", "en"),
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "header": True},
            "schema": {"fields": table.fields, "missingValues": missing, "primaryKey": table.primary_key},
            "sources": [{"title": tr(table.source_key, versi=info.versi)}],
            # The same rows in the static API (issue 26; exports.open_api, described in api.md).
            "api": api_links([table])[table.name],
        })
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": tr("open.package_title"),
        "description": description,
        "version": f"{info.versi}.0.0",
        "created": info.dibuat.isoformat(timespec="seconds"),
        "licenses": [LICENSE],
        "sources": [{"title": title} for title in dict.fromkeys(tr(t.source_key, versi=info.versi) for t in tables)],
        "keywords": ["TPPO", "perdagangan orang", "trafficking in persons", "Kemensos", "Indonesia"],
        # Not Data Package keywords, kept as extra properties (the spec allows them) for portals and readers.
        "temporal": {"start": first, "end": last},
        "disclosure": {"threshold": rules.threshold, "rounding_base": rules.rounding_base,
                       "small_marker": rules.primary_marker, "hidden_marker": SECONDARY_MARKER},
        "sample_data": info.is_demo,
        "api": {"version": API_VERSION, "index": f"{API_DIR}/index.json", "documentation": API_DOC,
                "dcat": DCAT_FILE, "ckan": CKAN_FILE},
        "resources": resources,
    }


def package_files(extract: PublishedExtract, province_names: Mapping[str, str],
                  population: pd.DataFrame | None = None, base_url: str | None = None) -> dict[str, bytes]:
    """Every file of the package by relative path: the CSVs, datapackage.json, the static API (api/v1/), api.md,
    dcat.jsonld and ckan.json (formula-safe CSVs, UTF-8 with BOM for Excel)."""
    from exports.tables import to_csv_bytes

    tables = open_tables(extract, province_names, population)
    package = datapackage(extract, tables)
    files = {table.path: to_csv_bytes(table.frame) for table in tables}
    files["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files.update(api_files(extract, tables, package, base_url))
    return files


def write_package(extract: PublishedExtract, province_names: Mapping[str, str], out_dir: Path,
                  population: pd.DataFrame | None = None, base_url: str | None = None) -> list[Path]:
    """package_files into out_dir. Returns the paths written."""
    written = []
    for name, data in package_files(extract, province_names, population, base_url).items():
        path = out_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def package_zip(extract: PublishedExtract, province_names: Mapping[str, str],
                population: pd.DataFrame | None = None) -> bytes:
    """The open-data package (package_files: every CSV, datapackage.json, the static API and its metadata) as one
    ZIP, for a single download."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in package_files(extract, province_names, population).items():
            archive.writestr(name, data)
    return buf.getvalue()
