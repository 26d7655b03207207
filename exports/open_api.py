"""The static API and harvestable metadata of the open-data package (issue 26): versioned JSON and CSV files per
table under api/v1/, api.md describing them, and DCAT (JSON-LD) and CKAN descriptions for portals such as
Satu Data Indonesia (CKAN, whose ckanext-dcat harvester reads DCAT).

Built from the same OpenTables as the CSVs, so every channel carries the same protected cells. The path api/v1/
stays while the columns keep their meaning: a release changes the numbers, never the path (a breaking change of
columns would be api/v2/, with v1 kept beside it for a while).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import pandas as pd

from domain.disclosure import SECONDARY_MARKER
from domain.publication import PublishedExtract, parse_period
from strings import tr

API_VERSION = "v1"
API_DIR = f"api/{API_VERSION}"
DCAT_FILE = "dcat.jsonld"
CKAN_FILE = "ckan.json"
API_DOC = "api.md"


def _plain(value: object) -> object:
    """A cell as JSON: a published int stays a number, a marker stays its text, an empty cell is null."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value  # numpy scalars as plain numbers


def table_json(extract: PublishedExtract, table, package_name: str) -> dict:
    """One table of the API: what it is, which release, its columns (the Table Schema fields) and its rows."""
    info, rules = extract.info, extract.info.rules
    period = parse_period(info.periode)
    return {
        "api": API_VERSION,
        "tabel": table.name,
        "judul": tr(f"open.title.{table.name}"),
        "title": tr(f"open.title.{table.name}", "en"),
        "paket": package_name,
        "versi_terbitan": info.versi,
        "diterbitkan": info.dibuat.isoformat(timespec="seconds"),
        "periode": {"mulai": f"{period[0]:%Y-%m}", "akhir": f"{period[1]:%Y-%m}"} if period else None,
        "data_contoh": info.is_demo,
        "sumber": tr(table.source_key, versi=info.versi),
        "penanda": {"sel_kecil": rules.primary_marker, "sel_pelengkap": SECONDARY_MARKER,
                    "arti": tr("open.desc.jumlah")},
        "csv": f"{table.name}.csv",
        "kolom": table.fields,
        "data": [{k: _plain(v) for k, v in row.items()} for row in table.frame.to_dict(orient="records")],
    }


def api_index(extract: PublishedExtract, tables: Sequence, package_name: str) -> dict:
    info = extract.info
    return {"api": API_VERSION, "paket": package_name, "versi_terbitan": info.versi, "periode": info.periode,
            "data_contoh": info.is_demo,
            "tabel": [{"nama": t.name, "judul": tr(f"open.title.{t.name}"), "title": tr(f"open.title.{t.name}", "en"),
                       "json": f"{t.name}.json", "csv": f"{t.name}.csv"} for t in tables]}


def api_markdown(extract: PublishedExtract, tables: Sequence) -> str:
    """api.md: the stable paths, the fields of every table, what the markers mean, and examples."""
    info, rules = extract.info, extract.info.rules
    lines = [f"# API statis · Static API ({tr('app.title')})", ""]
    if info.is_demo:
        lines += [f"**{tr('publik.file_demo')}**", ""]
    lines += [
        f"Terbitan versi {info.versi}, periode data {info.periode}. Release version {info.versi}, data period "
        f"{info.periode}.",
        "",
        "## Jalur · Paths",
        "",
        f"- `{API_DIR}/index.json`: daftar tabel · list of tables",
        f"- `{API_DIR}/<tabel>.json`: metadata tabel (judul, sumber, periode, kolom) dan `data` (satu objek per baris) "
        "· table metadata and `data` (one object per row)",
        f"- `{API_DIR}/<tabel>.csv`: baris yang sama sebagai CSV (UTF-8 dengan BOM) · the same rows as CSV",
        "- `datapackage.json`: Frictionless Data Package (skema, lisensi, sumber) · schema, licence, sources",
        f"- `{DCAT_FILE}` (DCAT, JSON-LD) dan `{CKAN_FILE}` (CKAN `package_create`): untuk portal data terbuka "
        "seperti Satu Data Indonesia · for open-data portals to harvest",
        "",
        f"`{API_VERSION}` tetap selama arti kolom tidak berubah; terbitan baru mengganti angka, bukan jalur. "
        f"`{API_VERSION}` stays while the columns keep their meaning; a new release changes the numbers, not the "
        "paths.",
        "",
        "## Angka yang disembunyikan · Hidden values",
        "",
        f"- `\"{rules.primary_marker}\"`: 1 sampai {rules.threshold - 1} korban · 1 to {rules.threshold - 1} victims",
        f"- `\"{SECONDARY_MARKER}\"`: disembunyikan untuk melindungi sel lain (paling sedikit {rules.threshold}) · "
        f"hidden to protect another cell (at least {rules.threshold})",
        f"- Angka lain dibulatkan ke kelipatan {rules.rounding_base}; total dibulatkan sendiri · other numbers are "
        f"rounded to multiples of {rules.rounding_base}; totals are rounded on their own",
        "",
        "Di JSON, angka adalah bilangan dan penanda adalah teks: periksa tipenya sebelum menjumlahkan. In JSON, counts "
        "are numbers and markers are strings: check the type before adding up.",
        "",
        "## Tabel · Tables",
        "",
    ]
    for table in tables:
        lines += [f"### `{table.name}` · {tr(f'open.title.{table.name}')}", "",
                  f"{tr(f'open.title.{table.name}', 'en')}. Sumber · source: {tr(table.source_key, versi=info.versi)}.",
                  "", "| kolom | column | tipe | keterangan |", "|---|---|---|---|"]
        lines += [f"| {f['name']} | {f['title']} | {f['type']} | {f['description']} |" for f in table.fields]
        lines += [""]
    lines += [
        "## Contoh · Examples",
        "",
        "```python",
        "import pandas as pd",
        f"df = pd.read_csv(\"{API_DIR}/provinsi_tahun.csv\", na_values=[\"{rules.primary_marker}\", \"x\"])",
        "```",
        "",
        "```sh",
        f"curl -s BASE/{API_DIR}/index.json",
        "```",
        "",
    ]
    return "\n".join(lines)


def dcat_catalog(extract: PublishedExtract, tables: Sequence, package: dict, base_url: str | None) -> dict:
    """A DCAT (DCAT-AP style) JSON-LD catalogue with one dataset and a distribution per file: what ckanext-dcat's
    harvester (CKAN, Satu Data Indonesia) and other DCAT portals read. Without base_url the addresses are relative
    (a harvester needs absolute ones: set TPPO_PUBLIC_SITE_URL)."""
    info = extract.info
    base = (base_url.rstrip("/") + "/") if base_url else ""
    period = parse_period(info.periode)
    licence = package["licenses"][0]["path"]

    def distribution(path: str, title: str, media: str, fmt: str) -> dict:
        return {"@type": "dcat:Distribution", "dct:title": title, "dcat:downloadURL": {"@id": base + path},
                "dcat:accessURL": {"@id": base + path}, "dcat:mediaType": media, "dct:format": fmt,
                "dct:license": {"@id": licence}}

    distributions = []
    for table in tables:
        title = tr(f"open.title.{table.name}")
        distributions += [distribution(table.path, f"{title} (CSV)", "text/csv", "CSV"),
                          distribution(f"{API_DIR}/{table.name}.json", f"{title} (JSON)", "application/json", "JSON")]
    distributions.append(distribution("datapackage.json", "Frictionless Data Package", "application/json", "JSON"))
    dataset = {
        "@id": base + "#dataset", "@type": "dcat:Dataset",
        "dct:identifier": package["name"], "dct:title": package["title"], "dct:description": package["description"],
        "dcat:keyword": package["keywords"], "dct:language": ["id", "en"],
        "dct:issued": info.dibuat.isoformat(timespec="seconds"), "owl:versionInfo": package["version"],
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": tr("publik.source", versi=info.versi)},
        "dct:license": {"@id": licence}, "dct:accessRights": "public",
        "dcat:landingPage": {"@id": base + "index.html"},
        "dcat:distribution": distributions,
    }
    if period:
        dataset["dct:temporal"] = {"@type": "dct:PeriodOfTime", "dcat:startDate": f"{period[0]:%Y-%m}",
                                   "dcat:endDate": f"{period[1]:%Y-%m}"}
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/", "owl": "http://www.w3.org/2002/07/owl#"},
        "@id": base + DCAT_FILE, "@type": "dcat:Catalog", "dct:title": package["title"],
        "dcat:dataset": [dataset],
    }


def ckan_package(extract: PublishedExtract, tables: Sequence, package: dict, base_url: str | None) -> dict:
    """The body of CKAN's `package_create` action (API v3) for this package: a portal admin can post it as is, and
    ckanext-frictionless / ckanext-dcat read the same fields. CKAN names are lowercase with dashes."""
    info = extract.info
    base = (base_url.rstrip("/") + "/") if base_url else ""
    period = parse_period(info.periode)
    resources = []
    for table in tables:
        resources += [{"name": tr(f"open.title.{table.name}"), "url": base + table.path, "format": "CSV",
                       "mimetype": "text/csv", "description": tr(f"open.title.{table.name}", "en")},
                      {"name": tr(f"open.title.{table.name}") + " (JSON)", "url": f"{base}{API_DIR}/{table.name}.json",
                       "format": "JSON", "mimetype": "application/json"}]
    resources.append({"name": "datapackage.json", "url": base + "datapackage.json", "format": "JSON",
                      "description": "Frictionless Data Package"})
    return {
        "name": package["name"], "title": package["title"], "notes": package["description"],
        "license_id": "cc-by", "version": package["version"], "url": base + "index.html",
        "tags": [{"name": k} for k in package["keywords"]],
        "extras": [{"key": "temporal_start", "value": f"{period[0]:%Y-%m}" if period else ""},
                   {"key": "temporal_end", "value": f"{period[1]:%Y-%m}" if period else ""},
                   {"key": "data_contoh", "value": "ya" if info.is_demo else "tidak"},
                   {"key": "versi_terbitan", "value": str(info.versi)}],
        "resources": resources,
    }


def api_files(extract: PublishedExtract, tables: Sequence, package: dict, base_url: str | None = None
              ) -> dict[str, bytes]:
    """Every file of the API and the harvest metadata, by path relative to the site folder."""
    from exports.tables import to_csv_bytes

    def dump(obj: object) -> bytes:
        return (json.dumps(obj, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")

    files = {f"{API_DIR}/index.json": dump(api_index(extract, tables, package["name"]))}
    for table in tables:
        files[f"{API_DIR}/{table.name}.json"] = dump(table_json(extract, table, package["name"]))
        files[f"{API_DIR}/{table.name}.csv"] = to_csv_bytes(table.frame)
    files[API_DOC] = api_markdown(extract, tables).encode("utf-8")
    files[DCAT_FILE] = dump(dcat_catalog(extract, tables, package, base_url))
    files[CKAN_FILE] = dump(ckan_package(extract, tables, package, base_url))
    return files


def api_links(tables: Sequence) -> dict[str, dict[str, str]]:
    """name -> the API paths of a table, listed in datapackage.json beside each resource."""
    return {t.name: {"json": f"{API_DIR}/{t.name}.json", "csv": f"{API_DIR}/{t.name}.csv"} for t in tables}

