"""Issue 26: series by province and year and by modus and year, rates beside the province counts, and what travels
with every chart (data, definition, source, permalink, embed), the static API and its harvest metadata."""

from __future__ import annotations

import datetime as dt
import json
import re

import pandas as pd
import pytest

from domain.disclosure import TOTAL_LABEL, DisclosureRules
from domain.publication import (
    MONTHLY_COLUMNS, SERIES_TABLES, ExtractInfo, PublishedExtract, build_extract, months_covered, published_rate,
    series_long,
)
from domain.taxonomy import MODUS

RULES = DisclosureRules()
PROVINCES = ["11", "31", "35", "52"]
NAMES = {"11": "Aceh", "31": "DKI Jakarta", "35": "Jawa Timur", "52": "Nusa Tenggara Barat"}
POPULATION = pd.DataFrame({"kode": PROVINCES, "populasi": [5_554_800.0, 10_684_900.0, 41_814_500.0, float("nan")],
                           "populasi_tahun": [2024, 2024, 2024, None],
                           "populasi_sumber": ["BPS 2024", "BPS 2024", "BPS 2024", None]})
ROWS = [  # 2023 whole, 2024 Jan-Mar: a partial year; Aceh small everywhere, NTB with no population
    *[(f"2023-{m:02d}-01", "35", "kerja_paksa", "P", "dewasa", 10) for m in range(1, 13)],
    *[(f"2023-{m:02d}-01", "31", "online_scam", "L", "dewasa", 5) for m in range(1, 13)],
    ("2023-05-01", "11", "kerja_paksa", "P", "anak", 3),
    ("2024-01-01", "35", "kerja_paksa", "P", "dewasa", 40),
    ("2024-03-01", "52", "eksploitasi_seksual", "P", "dewasa", 30),
    ("2024-02-01", "11", "online_scam", "L", "dewasa", 4),
]


@pytest.fixture(scope="module")
def extract() -> PublishedExtract:
    cells = build_extract(pd.DataFrame(ROWS, columns=list(MONTHLY_COLUMNS)), PROVINCES, [m.kode for m in MODUS],
                          RULES)
    info = ExtractInfo(4, dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc), 10, 5, "demo", "2023-01..2024-03")
    return PublishedExtract(info, cells)


def test_sex_age_year_rows_share_their_margins_with_the_other_tables(extract):
    from domain.publication import sex_age_year_long

    rows = sex_age_year_long(extract)
    assert len(rows) == 3 * 3 * 2  # (L, P, Total) x (anak, dewasa, Total) x (2023, 2024)
    assert list(rows["jenis_kelamin"][:6]) == ["L"] * 6 and list(rows["kelompok_umur"][:2]) == ["anak"] * 2
    value = {(r.jenis_kelamin, r.kelompok_umur, r.tahun): r.nilai for r in rows.itertuples()}
    # The one child (2023): hidden, and so is the empty "L" beside it (a zero inside a group shown "<10")
    assert value[("P", "anak", 2023)] == value[("L", "anak", 2023)] == value[(TOTAL_LABEL, "anak", 2023)] == "<10"
    # The margins are the year and sex x age cells of the other tables (one cell each in the linked pass).
    by_year = extract.table("tahun")["jumlah"]
    assert [value[(TOTAL_LABEL, TOTAL_LABEL, y)] for y in (2023, 2024)] == [by_year["2023"], by_year["2024"]]
    assert sex_age_year_long(PublishedExtract(extract.info, extract.cells.iloc[:0])).empty


def test_series_are_the_cross_tables_without_margins(extract):
    for name, row_dim in SERIES_TABLES.items():
        series = series_long(extract, name)
        wide = extract.table(name)
        assert set(series["tahun"]) == {2023, 2024}
        assert TOTAL_LABEL not in set(series["kode"])
        assert len(series) == (len(wide) - 1) * (len(wide.columns) - 1)
        for row in series.itertuples():
            assert wide.loc[row.kode, str(row.tahun)] == row.nilai
    # Their margins are the 1-D tables, cell for cell (one cell in the linked pass).
    pt = extract.table("provinsi_tahun")
    by_province = extract.table("provinsi")["jumlah"].drop(TOTAL_LABEL).to_dict()
    by_year = extract.table("tahun")["jumlah"].drop(TOTAL_LABEL).to_dict()
    assert pt[TOTAL_LABEL].drop(TOTAL_LABEL).to_dict() == by_province
    assert pt.loc[TOTAL_LABEL].drop(TOTAL_LABEL).to_dict() == by_year


def test_series_of_a_release_before_issue_26_is_empty(extract):
    old = PublishedExtract(extract.info, extract.cells[~extract.cells["tabel"].isin(list(SERIES_TABLES))])
    assert series_long(old, "provinsi_tahun").empty


@pytest.mark.parametrize(("periode", "year", "months"), [
    ("2023-01..2024-03", 2023, 12), ("2023-01..2024-03", 2024, 3), ("2023-12..2024-03", 2023, 1),
    ("2023-01..2024-03", 2022, 0), ("", 2024, 0), ("2024-02..2024-02", 2024, 1),
])
def test_months_covered(periode, year, months):
    assert months_covered(periode, year) == months


@pytest.mark.parametrize(("nilai", "population", "months", "rate"), [
    (50, 1_000_000, 12, 5.0),
    (50, 1_000_000, 6, 10.0),  # half a year, annualised
    (0, 1_000_000, 12, 0.0),  # a published 0 is a rate of 0
    ("<10", 1_000_000, 12, None),  # a hidden count has no rate: a rate would hint at it
    ("x", 1_000_000, 12, None),
    (50, None, 12, None),  # unknown population is never a rate of 0
    (50, float("nan"), 12, None),
    (50, 1_000_000, 0, None),
])
def test_published_rate(nilai, population, months, rate):
    assert published_rate(nilai, population, months) == rate


def test_province_series_file_has_rate_and_population_beside_each_count(extract):
    from exports.open_data import open_tables

    table = {t.name: t for t in open_tables(extract, NAMES, POPULATION)}["provinsi_tahun"]
    frame = table.frame
    assert list(frame.columns) == ["Kode provinsi", "Provinsi", "Tahun", "Periode", "Bulan awal", "Bulan akhir",
                                   "Sebagian tahun", "Korban ditangani", "Penduduk", "Tahun penduduk",
                                   "Sumber penduduk", "Per 100.000 penduduk per tahun", "Keterangan"]
    by_key = {(r["Kode provinsi"], r["Tahun"]): r for r in frame.to_dict(orient="records")}
    jatim_2023 = by_key[("35", "2023")]
    assert jatim_2023["Korban ditangani"] == 120 and jatim_2023["Sebagian tahun"] == "tidak"
    assert jatim_2023["Per 100.000 penduduk per tahun"] == round(120 / 41_814_500 * 100_000, 2)
    jatim_2024 = by_key[("35", "2024")]  # Jan-Mar only: marked, and the rate annualised
    assert (jatim_2024["Periode"], jatim_2024["Sebagian tahun"]) == ("2024 (Jan–Mar)", "ya")
    assert jatim_2024["Per 100.000 penduduk per tahun"] == round(40 / 41_814_500 * 100_000 * 4, 2)
    assert by_key[("11", "2023")]["Korban ditangani"] == "<10"
    assert pd.isna(by_key[("11", "2023")]["Per 100.000 penduduk per tahun"])  # hidden count, no rate
    assert pd.isna(by_key[("52", "2024")]["Per 100.000 penduduk per tahun"])  # no population, no rate
    assert by_key[("35", "2023")]["Sumber penduduk"] == "BPS 2024"
    modus = {t.name: t for t in open_tables(extract, NAMES, POPULATION)}["modus_tahun"].frame
    assert list(modus.columns)[:3] == ["Kode modus", "Modus", "Tahun"] and "Penduduk" not in modus.columns


def test_package_with_series_and_api_is_valid_frictionless_and_shows_no_small_count(extract, tmp_path):
    from frictionless import validate

    from exports.open_data import write_package

    write_package(extract, NAMES, tmp_path, POPULATION)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in package["resources"]]
    assert {"provinsi_tahun", "modus_tahun"} <= set(names)
    for resource in package["resources"]:
        for path in (resource["path"], resource["api"]["json"], resource["api"]["csv"]):
            assert (tmp_path / path).is_file(), path
    for path in [*tmp_path.glob("*.csv"), *tmp_path.glob("api/v1/*.csv")]:
        for cell in re.split(r"[,\n]", path.read_text(encoding="utf-8-sig")):
            assert not re.fullmatch(r"[1-9]", cell.strip()), (path.name, cell)


def test_api_json_carries_the_csv_rows_and_its_metadata(extract, tmp_path):
    from exports.open_data import open_tables, write_package

    write_package(extract, NAMES, tmp_path, POPULATION)
    index = json.loads((tmp_path / "api/v1/index.json").read_text(encoding="utf-8"))
    tables = {t.name: t for t in open_tables(extract, NAMES, POPULATION)}
    assert [t["nama"] for t in index["tabel"]] == list(tables)
    for name, table in tables.items():
        doc = json.loads((tmp_path / f"api/v1/{name}.json").read_text(encoding="utf-8"))
        assert (doc["api"], doc["tabel"], doc["versi_terbitan"], doc["data_contoh"]) == ("v1", name, 4, True)
        assert doc["periode"] == {"mulai": "2023-01", "akhir": "2024-03"} and doc["sumber"]
        assert [f["name"] for f in doc["kolom"]] == list(table.frame.columns)
        assert len(doc["data"]) == len(table.frame)
        expected = [{k: None if v is pd.NA or (isinstance(v, float) and pd.isna(v)) else v for k, v in row.items()}
                    for row in table.frame.to_dict(orient="records")]
        assert doc["data"] == expected  # ints as numbers, markers as text, an empty cell as null
    doc = (tmp_path / "api.md").read_text(encoding="utf-8")
    assert "DATA CONTOH" in doc and all(f"`{n}`" in doc for n in tables) and "api/v1/index.json" in doc


def test_dcat_and_ckan_metadata_point_at_the_packages_files(extract, tmp_path):
    from exports.open_data import write_package

    write_package(extract, NAMES, tmp_path, POPULATION, base_url=None)
    dcat = json.loads((tmp_path / "dcat.jsonld").read_text(encoding="utf-8"))
    assert dcat["@type"] == "dcat:Catalog" and "dcat" in dcat["@context"]
    dataset = dcat["dcat:dataset"][0]
    assert dataset["dct:temporal"]["dcat:startDate"] == "2023-01" and dataset["dct:license"]["@id"].startswith("https")
    for dist in dataset["dcat:distribution"]:
        assert (tmp_path / dist["dcat:downloadURL"]["@id"]).is_file()
    ckan = json.loads((tmp_path / "ckan.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[a-z0-9_-]{2,100}", ckan["name"]) and ckan["license_id"] == "cc-by"
    assert all((tmp_path / r["url"]).is_file() for r in ckan["resources"])
    absolute = {}
    write_package(extract, NAMES, tmp_path, POPULATION, base_url="https://data.example.go.id/tppo/")
    absolute = json.loads((tmp_path / "ckan.json").read_text(encoding="utf-8"))
    assert all(r["url"].startswith("https://data.example.go.id/tppo/") for r in absolute["resources"])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_chart_carries_data_definition_source_permalink_and_embed(extract, lang):
    from exports.public_site import page_sections, render_embeds, render_page
    from strings import tr

    page = render_page(extract, NAMES, None, lang, POPULATION)
    sections = page_sections(extract, NAMES, None, lang, POPULATION)
    assert {"provinsi-tahun", "modus-tahun"} <= {s["id"] for s in sections}
    for s in sections:
        html = page[page.index(f'<section id="{s["id"]}">'):]
        html = html[:html.index("</section>")]
        assert f'href="#{s["id"]}"' in html, s["id"]  # permalink
        root = "../" if lang == "en" else ""
        assert f'href="{root}{s["file"]}" download' in html and f'href="{root}{s["api"]}"' in html
        assert tr("site.definition", lang) in html and s["definition"] and s["source"] in html
        if s.get("chart"):
            assert f'href="embed/{s["id"]}.html"' in html
    embeds = render_embeds(extract, NAMES, None, lang, POPULATION)
    assert set(embeds) == {f"embed/{s['id']}.html" for s in sections if s.get("chart")}
    for text in embeds.values():
        assert not re.search(r'(src|href)="(https?:)?//', text)  # nothing from elsewhere
        assert tr("demo.notice", lang) in text and 'data-chart="chart-' in text
        assert "../assets/plotly.min.js" in text and "index.html#" in text
    # The province x year table shows a rate beside each count, "–" where the count is hidden.
    rows = re.findall(r'<tr data-kode="11"><th scope="row">Aceh</th>(.*?)</tr>',
                      page[page.index('id="tabel-provinsi-tahun"'):])
    assert rows and re.findall(r'<td class="num">([^<]*)</td>', rows[0]) == ["&lt;10", "–", "&lt;10", "–"]


def test_heatmap_draws_no_colour_for_a_hidden_cell():
    from builders.public_charts import make_protected_heatmap, make_protected_lines

    data = pd.DataFrame({"label": ["A", "A", "B", "B"], "kolom": ["2023", "2024", "2023", "2024"],
                         "nilai": pd.Series([120, None, 0, None], dtype=object), "teks": ["120", "<10", "0", "x"]})
    heat = make_protected_heatmap(data, value_title="Korban").data[0]
    assert [list(r) for r in heat.z] == [[120.0, None], [0.0, None]]
    assert [list(r) for r in heat.text] == [["120", "&lt;10"], ["0", "x"]]
    lines = make_protected_lines(data, value_title="Korban").data
    assert [list(t.y) for t in lines] == [[120.0, None], [0.0, None]] and not lines[0].connectgaps


# --- destination x year (issue 26) ----------------------------------------------------------------------------------

DEST_ROWS = [  # (month, destination kind, destination code, victims): Malaysia 60 (its own row), Brunei 6 (negara
    # lain), within Indonesia 45; all from Jawa Timur, forced labour, adult women
    *[(f"2023-{m:02d}-01", "LN", "MYS", 5) for m in range(1, 13)],
    ("2023-04-01", "LN", "BRN", 6), ("2023-06-01", "DN", "31", 25), ("2024-02-01", "DN", "52", 20),
]


def _destination_extract(rows, previous: PublishedExtract | None = None) -> PublishedExtract:
    from domain.publication import DESTINATION_COLUMNS

    frame = pd.DataFrame([(b, "35", "kerja_paksa", "P", "dewasa", kind, code, n) for b, kind, code, n in rows],
                         columns=[*MONTHLY_COLUMNS[:-1], *DESTINATION_COLUMNS, MONTHLY_COLUMNS[-1]])
    cells = build_extract(frame, PROVINCES, [m.kode for m in MODUS], RULES, previous)
    return PublishedExtract(ExtractInfo(1, dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc), 10, 5, "impor",
                                        "2023-01..2024-03"), cells)


def test_destination_year_groups_rare_countries_and_links_to_the_year_table():
    from exports.open_data import open_tables
    from exports.public_site import page_sections

    extract = _destination_extract(DEST_ROWS)
    table = extract.table("tujuan_tahun", ["MYS", "LAIN", "DN"])
    assert list(table.index) == ["MYS", "LAIN", "DN", TOTAL_LABEL]  # Brunei (6 victims) is in "negara lain"
    assert table.loc["MYS", "2023"] == 60 and table.loc["LAIN", "2023"] == "<10" and table.loc["DN", "2023"] == "x"
    # Its margins are the year table and the national total, one cell each in the linked pass (both years hidden
    # there as here: the 2023 column needs a complement, and 2024 is then the national total minus 2023).
    years = extract.table("tahun")["jumlah"]
    assert [table.loc[TOTAL_LABEL, y] for y in ("2023", "2024", TOTAL_LABEL)] == [years["2023"], years["2024"], 110]
    frame = {t.name: t for t in open_tables(extract, {**NAMES, "MYS": "Malaysia"})}["tujuan_tahun"].frame
    assert list(frame["Tujuan"][::2]) == ["Malaysia", "Negara lain", "Dalam negeri (Indonesia)"]
    section = next(s for s in page_sections(extract, {**NAMES, "MYS": "Malaysia"}, None, "en", POPULATION)
                   if s["id"] == "tujuan-tahun")
    assert [r["label"] for r in section["rows"]] == ["Malaysia", "Other countries", "Within Indonesia", "Total"]
    assert section["header"][-1] == "Total" and section["rows"][0]["cells"] == ["60", "0", "60"]
    assert section["file"] == "tujuan_tahun.csv" and section["chart"]


def test_the_next_release_keeps_the_countries_of_the_one_before():
    """Brunei passes the bar in the next release but stays in "negara lain": a country leaving the group would give
    its earlier count away as the difference of the group in the two releases."""
    from domain.publication import published_countries

    first = _destination_extract(DEST_ROWS)
    later = DEST_ROWS + [("2024-03-01", "LN", "BRN", 50)]
    assert published_countries(_destination_extract(later).cells) == ["BRN", "MYS"]  # on its own: both shown
    assert published_countries(_destination_extract(later, first).cells) == ["MYS"]


def test_the_english_page_names_destination_countries_in_english():
    """Found at the merge: the English page and files showed the Indonesian country names ("Arab Saudi")."""
    import copy

    from data_access.publication import PlaceNames
    from exports.public_site import page_sections

    names = PlaceNames({**NAMES, "MYS": "Malaysia (nama Indonesia)"}, {"MYS": "Malaysia (English name)"})
    extract = _destination_extract(DEST_ROWS)
    for lang, expected in (("id", "Malaysia (nama Indonesia)"), ("en", "Malaysia (English name)")):
        section = next(s for s in page_sections(extract, names, None, lang, POPULATION) if s["id"] == "tujuan-tahun")
        assert section["rows"][0]["label"] == expected
    assert copy.copy(names).english == names.english  # the query cache hands out copies
