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
    AGE_GROUPS, PUBLISHED_TABLES, REACH_TABLE, SEXES, PublishedExtract, is_partial_year, parse_period, year_coverage, year_label,
)
from domain.taxonomy import MODUS, names
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


def open_tables(extract: PublishedExtract, province_names: Mapping[str, str]) -> list[OpenTable]:
    """Every published table as an OpenTable, in PUBLISHED_TABLES order. Headers are Indonesian labels; each
    row carries the period it covers (Bulan awal/akhir as YYYY-MM); a demo extract adds a Keterangan column
    saying DATA CONTOH on every row (the header must stay the first line, so no note line above it)."""
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
        "resources": resources,
    }


def write_package(extract: PublishedExtract, province_names: Mapping[str, str], out_dir: Path) -> list[Path]:
    """The CSVs and datapackage.json into out_dir (formula-safe, UTF-8 with BOM for Excel). Returns the paths."""
    from exports.tables import to_csv_bytes

    tables = open_tables(extract, province_names)
    written = []
    for table in tables:
        path = out_dir / table.path
        path.write_bytes(to_csv_bytes(table.frame))
        written.append(path)
    path = out_dir / "datapackage.json"
    path.write_text(json.dumps(datapackage(extract, tables), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(path)
    return written


def package_zip(extract: PublishedExtract, province_names: Mapping[str, str]) -> bytes:
    """The open-data package (every CSV and datapackage.json) as one ZIP, for a single download."""
    import io
    import zipfile

    from exports.tables import to_csv_bytes

    tables = open_tables(extract, province_names)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in tables:
            archive.writestr(table.path, to_csv_bytes(table.frame))
        archive.writestr("datapackage.json", json.dumps(datapackage(extract, tables), ensure_ascii=False, indent=2))
    return buf.getvalue()
