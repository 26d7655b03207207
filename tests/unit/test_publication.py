"""domain.publication and the public builders: which tables, hand-computed protection, attacks that must fail."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re

import numpy as np
import pandas as pd
import pytest

from builders.public_charts import make_protected_bars
from builders.public_map import HIDDEN_FILL, SMALL_FILL, make_protected_map
from domain.disclosure import SECONDARY_MARKER, DisclosureError, DisclosureRules, protect_counts
from domain.publication import (
    CELL_COLUMNS,
    MONTHLY_COLUMNS,
    PUBLISHED_TABLES,
    ExtractInfo,
    PublishedExtract,
    build_extract,
    display_table,
    display_value,
    extract_cells,
    file_table,
    format_period,
    long_cells,
    map_values,
    national_total,
    parse_period,
    source_counts,
    verify_cells,
    wide_table,
    with_names,
)
from domain.taxonomy import MODUS
from tests.publication_attack import assert_attack_fails, attack, true_cells

RULES = DisclosureRules()
MODUS_CODES = [m.kode for m in MODUS]
PROVINCES = ["11", "31", "35", "52"]
# The entry-stage rows of tests/fixture_data.py (bulan, province, modus, sex, age, victims).
FIXTURE_ROWS = [
    ("2024-01-01", "35", "kerja_paksa", "P", "dewasa", 10),
    ("2024-02-01", "35", "online_scam", "L", "dewasa", 4),
    ("2024-02-01", "52", "kerja_paksa", "P", "anak", 7),
    ("2024-03-01", "52", "eksploitasi_seksual", "P", "dewasa", 3),
    ("2023-12-01", "35", "kerja_paksa", "P", "dewasa", 5),
]
S, X = "<10", SECONDARY_MARKER


def monthly(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(MONTHLY_COLUMNS))


def truth_of(frame: pd.DataFrame) -> dict[tuple[str, str, str], int]:
    """True count behind every published cell, computed straight from the source rows."""
    counts = source_counts(frame, PROVINCES if set(frame["kode_prov_asal"]) <= set(PROVINCES) else
                           sorted(set(frame["kode_prov_asal"])), MODUS_CODES)
    return true_cells(counts)


def random_monthly(seed: int, n_rows: int, largest: int) -> pd.DataFrame:
    """A few random rows of 1 to `largest` victims, skewed towards some provinces and modus: many small and zero cells."""
    rng = np.random.default_rng(seed)
    provinces = ["11", "12", "31", "35", "52", "91"]
    rows = [
        (f"{rng.choice([2023, 2024, 2025])}-0{rng.integers(1, 10)}-01",
         rng.choice(provinces, p=[0.05, 0.1, 0.05, 0.4, 0.35, 0.05]),
         rng.choice(MODUS_CODES, p=[0.4, 0.2, 0.2, 0.05, 0.05, 0.05, 0.05]),
         rng.choice(["L", "P"]), rng.choice(["anak", "dewasa"], p=[0.3, 0.7]), int(rng.integers(1, largest + 1)))
        for _ in range(n_rows)
    ]
    return monthly(rows)


def table(cells: pd.DataFrame, name: str, order=None) -> dict:
    return wide_table(cells, name, order).to_dict(orient="index")


# --- which tables, and hand-computed protection --------------------------------------------------


def test_published_tables_are_the_agreed_ones():
    assert PUBLISHED_TABLES == {
        "nasional": (), "tahun": ("tahun",), "jenis_kelamin_umur": ("jenis_kelamin", "kelompok_umur"),
        "modus": ("modus",), "provinsi": ("provinsi",),
        "provinsi_tahun": ("provinsi", "tahun"), "modus_tahun": ("modus", "tahun"),  # series (issue 26)
        "jenis_kelamin_umur_tahun": ("jenis_kelamin", "kelompok_umur", "tahun"),
        "tujuan_tahun": ("tujuan", "tahun"),  # destination x year (issue 26)
    }


def test_source_counts_fills_every_category_and_year():
    counts = source_counts(monthly([("2021-05-01", "35", "abk", "L", "anak", 12),
                                    ("2023-01-01", "52", "abk", "P", "dewasa", 3)]), PROVINCES, MODUS_CODES)
    assert list(counts["tahun"].cat.categories) == [2021, 2022, 2023]  # a year with no victims is still a year
    assert list(counts["provinsi"].cat.categories) == PROVINCES
    assert list(counts["modus"].cat.categories) == MODUS_CODES
    assert counts["jumlah"].tolist() == [12, 3]


@pytest.mark.parametrize("column, bad", [("kode_prov_asal", "99"), ("modus", "tidak_ada"), ("jenis_kelamin", "X")])
def test_unknown_code_is_refused_not_dropped(column, bad):
    rows = monthly(FIXTURE_ROWS)
    rows.loc[0, column] = bad
    with pytest.raises(ValueError, match="tidak dikenal"):
        source_counts(rows, PROVINCES, MODUS_CODES)


def test_fixture_rows_hand_computed():
    """True counts: total 29; 2023: 5, 2024: 24; 35: 19, 52: 10; kerja_paksa 22, eksploitasi 3, online 4;
    L: anak 0, dewasa 4; P: anak 7, dewasa 18.

    * 29 -> 30, 24 -> x (the only complement of 2023's "<10"), 19 -> 20, 10 -> 10, 22 -> 20.
    * sex x age: the one-way margins are protected first. L (4) is small, so P (25) is its complement; the
      anak margin (7) is small, so dewasa (22) is its complement. L-anak is a zero inside the small row L and
      shows "<10"; L-dewasa 4 and P-anak 7 are small. Every group then hides two non-zero cells, so P-dewasa
      (18) can be shown as 20.
    """
    cells = build_extract(monthly(FIXTURE_ROWS), PROVINCES, MODUS_CODES, RULES)
    assert table(cells, "nasional") == {"Total": {"jumlah": 30}}
    assert table(cells, "tahun") == {"2023": {"jumlah": S}, "2024": {"jumlah": X}, "Total": {"jumlah": 30}}
    assert table(cells, "provinsi") == {"11": {"jumlah": 0}, "31": {"jumlah": 0}, "35": {"jumlah": 20},
                                        "52": {"jumlah": 10}, "Total": {"jumlah": 30}}
    modus = table(cells, "modus")
    assert modus["kerja_paksa"] == {"jumlah": 20}
    assert modus["eksploitasi_seksual"] == modus["online_scam"] == {"jumlah": S}
    assert modus["abk"] == {"jumlah": 0} and modus["Total"] == {"jumlah": 30}
    assert table(cells, "jenis_kelamin_umur") == {
        "L": {"anak": S, "dewasa": S, "Total": S},
        "P": {"anak": S, "dewasa": 20, "Total": X},
        "Total": {"anak": S, "dewasa": X, "Total": 30},
    }
    assert_attack_fails(cells, RULES, truth_of(monthly(FIXTURE_ROWS)))


def test_fixture_rows_with_threshold_five():
    rules = DisclosureRules(threshold=5, rounding_base=5)
    cells = build_extract(monthly(FIXTURE_ROWS), PROVINCES, MODUS_CODES, rules)
    # 2023's five victims split by sex and age into counts below 5: sex x age x year hides them, and the years
    # themselves, else a year total less its shown parts would give them away
    assert table(cells, "tahun") == {"2023": {"jumlah": X}, "2024": {"jumlah": X}, "Total": {"jumlah": 30}}
    assert "<5" in set(table_values := cells.loc[cells["tabel"] == "jenis_kelamin_umur_tahun", "teks"])
    assert X in set(table_values)
    assert table(cells, "modus")["online_scam"] == {"jumlah": "<5"}  # 4 < 5
    assert not (cells["teks"] == "<10").any()
    assert_attack_fails(cells, rules, truth_of(monthly(FIXTURE_ROWS)))


def test_cells_are_stored_with_number_and_indonesian_text():
    cells = build_extract(monthly(FIXTURE_ROWS * 60), PROVINCES, MODUS_CODES, RULES)
    assert list(cells.columns) == list(CELL_COLUMNS)
    total = cells[(cells["tabel"] == "nasional")].iloc[0]
    assert (total["nilai"], total["teks"]) == (1740, "1.740")  # 29 x 60
    assert type(total["nilai"]) is int
    hidden = cells[cells["teks"].isin([S, X])]
    assert hidden["nilai"].map(lambda v: v is None).all()


def test_a_single_category_total_is_one_cell_everywhere():
    cells = build_extract(monthly(FIXTURE_ROWS), PROVINCES, MODUS_CODES, RULES)
    totals = cells[cells["baris"].isin(["Total", "Total|Total"]) & cells["kolom"].isin(["jumlah", "Total"])]
    assert set(totals["teks"]) == {"30"} and len(totals) == len(PUBLISHED_TABLES)


def test_nothing_to_publish_is_an_error():
    with pytest.raises(ValueError, match="tidak ada korban"):
        build_extract(monthly([]), PROVINCES, MODUS_CODES, RULES)


# --- the last guard ------------------------------------------------------------------------------


def _cells(*rows):
    return pd.DataFrame(
        {"tabel": [r[0] for r in rows], "baris": [r[1] for r in rows], "kolom": ["jumlah"] * len(rows),
         "nilai": pd.Series([r[2] for r in rows], dtype=object), "teks": [r[3] for r in rows]})


@pytest.mark.parametrize("rows", [
    [("tahun", "2024", 7, "7")],  # a small count
    [("tahun", "2024", 12, "12")],  # not rounded
    [("tahun", "2024", None, "7")],  # small count in the text only
    [("tahun", "2024", 5, "<10")],  # number behind a marker
    [("tahun", "2024", None, "")],  # blank
    [("tahun", "2024", 10, "10"), ("tahun", "2024", 10, "10")],  # duplicate cell
])
def test_verify_cells_rejects(rows):
    with pytest.raises(DisclosureError):
        verify_cells(_cells(*rows), RULES)


def test_verify_cells_accepts_markers_zero_and_rounded():
    verify_cells(_cells(("tahun", "2023", None, "<10"), ("tahun", "2024", None, "x"), ("tahun", "2025", 0, "0"),
                        ("tahun", "Total", 1235, "1.235")), RULES)


# --- attacks: from the published cells alone, try to recover every hidden cell -------------------


@pytest.mark.parametrize("rules", [DisclosureRules(10, 5), DisclosureRules(5, 5), DisclosureRules(10, 3)],
                         ids=["t10b5", "t5b5", "t10b3"])
def test_attack_on_random_sparse_data_fails(rules):
    provinces = ["11", "12", "31", "35", "52", "91"]
    attacked: list[str] = []
    refused = 0
    for seed, n_rows in itertools.product(range(4), (3, 6, 10, 20, 40)):
        frame = random_monthly(seed, n_rows, largest=rules.threshold + 3)
        try:
            cells = build_extract(frame, provinces, MODUS_CODES, rules)
        except DisclosureError:
            # Fails closed: a handful of victims in all (e.g. 7 with threshold 5) may be impossible to
            # protect; then nothing is published at all.
            refused += 1
            continue
        counts = source_counts(frame, provinces, MODUS_CODES)
        truth = {key: n for name, dims in PUBLISHED_TABLES.items()
                 for key, n in _truth_table(counts, name, dims).items()}
        ranges = assert_attack_fails(cells, rules, truth)
        text = dict(zip(zip(cells["tabel"], cells["baris"], cells["kolom"]), cells["teks"]))
        attacked += [text[key] for key in ranges]
    # Teeth: the data must give the attacker many small cells and complements to work on.
    assert attacked.count(rules.primary_marker) >= 30 and attacked.count(X) >= 10, len(attacked)
    assert refused <= 2


def _truth_table(counts: pd.DataFrame, name: str, dims: tuple[str, ...]) -> dict:
    return true_cells(counts, {name: dims})


def test_attacker_has_teeth_on_a_naive_publication():
    """Primary suppression alone, without rounding: subtracting the shown parts from the total recovers the
    hidden count exactly. The same data through build_extract stays hidden."""
    frame = monthly([("2024-01-01", "35", "abk", "L", "dewasa", 40), ("2025-01-01", "35", "abk", "L", "dewasa", 3)])
    exact = DisclosureRules(10, 1)
    naive = extract_cells({"tahun": _naive_table(source_counts(frame, PROVINCES, MODUS_CODES), exact)})
    ranges = attack(naive, exact)
    assert ranges[("tahun", "2025", "jumlah")] == (3, 3)
    protected = build_extract(frame, PROVINCES, MODUS_CODES, exact)
    assert_attack_fails(protected, exact, truth_of(frame))
    assert attack(protected, exact)[("tahun", "2025", "jumlah")][0] < 3


def _naive_table(counts: pd.DataFrame, rules: DisclosureRules):
    from domain.disclosure import ProtectedTable

    per_year = counts.groupby("tahun", observed=False)["jumlah"].sum()
    shown = [("<10" if 0 < n < rules.threshold else int(n)) for n in per_year] + [int(per_year.sum())]
    index = pd.Index([str(y) for y in per_year.index] + ["Total"], dtype=object)
    frame = pd.DataFrame({"jumlah": shown}, index=index, dtype=object)
    return ProtectedTable(("tahun",), frame, frame, rules)


def test_linked_protection_beats_table_by_table_protection():
    """Protecting sex x age and its "by sex" margin separately lets the margin reveal what the cross table
    hides; through build_extract (one linked pass) the attacker fails."""
    frame = monthly([("2024-01-01", "35", "abk", "L", "anak", 4), ("2024-01-01", "35", "abk", "L", "dewasa", 30),
                     ("2024-01-01", "35", "abk", "P", "anak", 25), ("2024-01-01", "35", "abk", "P", "dewasa", 41)])
    rules = DisclosureRules(10, 1)
    by_sex = protect_counts(pd.Series({"L": 34, "P": 66}, name="jumlah"), rules)
    assert by_sex["L"] == 34  # alone, the margin is harmless and shown exactly ...
    cells = build_extract(frame, PROVINCES, MODUS_CODES, rules)
    grid = table(cells, "jenis_kelamin_umur")
    assert grid["L"]["anak"] == S
    # ... but beside the cross table L = 34 and L-dewasa = 30 would pin L-anak = 4, so the linked pass hides one.
    assert X in (grid["L"]["Total"], grid["L"]["dewasa"])
    assert_attack_fails(cells, rules, truth_of(frame))


# --- reading, display, map and chart ------------------------------------------------------------


def test_wide_table_orders_rows_and_keeps_total_last():
    cells = build_extract(monthly(FIXTURE_ROWS * 5), PROVINCES, MODUS_CODES, RULES)
    modus = wide_table(cells, "modus", MODUS_CODES)
    assert list(modus.index) == [*MODUS_CODES, "Total"]
    assert wide_table(cells, "tidak_ada").empty


@pytest.mark.parametrize("value, lang, expected", [(1235, "id", "1.235"), (1235, "en", "1,235"), ("<10", "id", "<10"),
                                                   ("x", "en", "x"), (0, "id", "0")])
def test_display_value(value, lang, expected):
    assert display_value(value, lang) == expected


def test_display_and_file_tables():
    cells = build_extract(monthly(FIXTURE_ROWS), PROVINCES, MODUS_CODES, RULES)
    years = wide_table(cells, "tahun")
    assert display_table(years).to_dict(orient="list") == {"jumlah": ["<10", "x", "30"]}
    named = with_names(years, {"2023": "dua ribu dua puluh tiga"}, "Jumlah", {"jumlah": "Korban"})
    assert list(named.index) == ["dua ribu dua puluh tiga", "2024", "Jumlah"] and list(named.columns) == ["Korban"]
    provinces = file_table(wide_table(cells, "provinsi"), "kode_provinsi", {"35": "Jawa Timur"})
    assert provinces.columns.tolist() == ["kode_provinsi", "nama", "jumlah"]
    assert provinces.iloc[2].tolist() == ["35", "Jawa Timur", 20]
    assert long_cells(cells)["tabel"].tolist()[0] == "nasional"


def test_national_total_and_map_values():
    cells = build_extract(monthly(FIXTURE_ROWS), PROVINCES, MODUS_CODES, RULES)
    extract = PublishedExtract(ExtractInfo(1, dt.datetime(2026, 1, 1), 10, 5, "demo", "2023-12..2024-03"), cells)
    assert national_total(extract) == 30 and extract.info.is_demo
    values = map_values(extract.table("provinsi"))
    assert values["kode"].tolist() == PROVINCES  # no Total row on a map
    assert values["nilai"].tolist() == [0, 0, 20, 10]
    assert values["teks"].tolist() == [None] * 4


@pytest.mark.parametrize("text, expected", [
    ("2019-01..2025-12", (dt.date(2019, 1, 1), dt.date(2025, 12, 1))), ("", None), ("2019-13..2020-01", None),
    ("2019..2020", None),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


def test_format_period_round_trips():
    assert format_period(dt.date(2023, 1, 1), dt.date(2025, 7, 1)) == "2023-01..2025-07"
    assert parse_period(format_period(dt.date(2023, 1, 1), dt.date(2025, 7, 1))) == (dt.date(2023, 1, 1),
                                                                                    dt.date(2025, 7, 1))


@pytest.fixture(scope="module")
def four_provinces():
    import geopandas as gpd
    from shapely.geometry import box

    return gpd.GeoDataFrame({"kode": ["11", "31", "35", "52"], "nama": ["Aceh", "<b>DKI</b>", "Jatim", "NTB"]},
                            geometry=[box(95, 2, 97, 4), box(106, -7, 107, -6), box(111, -8, 113, -7),
                                      box(116, -9, 117, -8)], crs="EPSG:4326")


def _fills(m) -> dict[str, str]:
    geojson = next(c for c in m._children.values() if c.__class__.__name__ == "GeoJson")
    return {f["properties"]["kode"]: geojson.style_function(f)["fillColor"] for f in geojson.data["features"]}


def test_protected_map_never_draws_a_marker_as_a_number(four_provinces):
    values = pd.DataFrame({"kode": ["11", "31", "35"], "nilai": pd.Series([None, None, 0], dtype=object),
                           "teks": pd.Series(["<10", "x", None], dtype=object)})
    m = make_protected_map(four_provinces, values, RULES)
    fills = _fills(m)
    from builders import theme

    assert fills == {"11": SMALL_FILL, "31": HIDDEN_FILL, "35": theme.ZERO_FILL, "52": theme.NO_DATA_FILL}
    geojson = next(c for c in m._children.values() if c.__class__.__name__ == "GeoJson")
    names = {f["properties"]["kode"]: f["properties"]["nama"] for f in geojson.data["features"]}
    assert names["31"] == "&lt;b&gt;DKI&lt;/b&gt;"  # tooltips put properties into innerHTML
    html = m.get_root().render()
    assert "<b>DKI</b>" not in html
    assert "1 sampai 9 korban" in html  # the "<10" class is explained in the legend


def test_protected_map_classes_published_numbers_only(four_provinces):
    values = pd.DataFrame({"kode": ["11", "31", "35", "52"], "nilai": pd.Series([1200, 15, None, 40], dtype=object),
                           "teks": pd.Series([None, None, "<10", None], dtype=object)})
    fills = _fills(make_protected_map(four_provinces, values, RULES, k=3))
    from builders.maps import class_fills

    assert fills["35"] == SMALL_FILL
    assert [fills[k] for k in ("31", "52", "11")] == list(class_fills(3))  # 15 < 40 < 1200
    assert SMALL_FILL not in class_fills(4)  # the "<10" shade is never a numbered class


def test_protected_bars_draw_no_bar_for_a_hidden_value():
    data = pd.DataFrame({"label": ["2023", "2024", "2025"], "nilai": pd.Series([None, 1840, None], dtype=object),
                         "teks": ["<10", "1.840", "x"]})
    fig = make_protected_bars(data, title="t", value_title="v")
    assert list(fig.data[0].y) == [None, 1840.0, None]
    assert list(fig.data[0].customdata) == ["", "1.840", ""]  # shown verbatim, never re-read as 1.84
    assert [a.text for a in fig.layout.annotations] == ["&lt;10", "x"]
    spec = json.dumps(fig.to_plotly_json(), default=str)
    assert not re.search(r'"y": \[[^\]]*\b[1-9]\b', spec)  # no small number among the bar heights


@pytest.mark.parametrize("year, periode, lang, expected", [
    (2024, "2023-01..2025-07", "id", "2024"),
    (2025, "2023-01..2025-07", "id", "2025 (Jan–Jul)"),
    (2025, "2023-01..2025-08", "id", "2025 (Jan–Agu)"),
    (2025, "2023-01..2025-08", "en", "2025 (Jan–Aug)"),
    (2023, "2023-03..2025-12", "id", "2023 (Mar–Des)"),
    (2023, "2023-05..2023-05", "en", "2023 (May)"),
    (2025, "2023-01..2025-12", "id", "2025"),
    ("Total", "2023-01..2025-07", "id", "Total"),
    (2026, "2023-01..2025-07", "id", "2026"),  # outside the period: left alone, never given invented months
    (2025, "", "id", "2025"),
])
def test_year_label_marks_partial_years(year, periode, lang, expected):
    from domain.publication import year_label

    assert year_label(year, periode, lang) == expected


def test_svg_map_draws_the_same_classes_as_the_folium_map(four_provinces):
    from builders.public_map import make_protected_svg

    values = pd.DataFrame({"kode": ["11", "31", "35"], "nilai": pd.Series([None, None, 0], dtype=object),
                           "teks": pd.Series(["<10", "x", None], dtype=object)})
    svg, classes = make_protected_svg(four_provinces, values, RULES)
    paths = re.findall(r'<path d="[^"]+" fill="([^"]+)" data-kode="(\d+)" data-kind="(\w+)">'
                       r'<title>([^<]*)</title></path>', svg)
    assert {kode: fill for fill, kode, _, _ in paths} == _fills(make_protected_map(four_provinces, values, RULES))
    assert {kode: kind for _, kode, kind, _ in paths} == {"11": "small", "31": "hidden", "35": "zero",
                                                          "52": "no_data"}
    titles = {kode: title for _, kode, _, title in paths}
    assert titles["11"] == "Aceh: &lt;10" and titles["31"] == "&lt;b&gt;DKI&lt;/b&gt;: x"  # escaped, no markup
    assert "<b>" not in svg
    assert [label for _, label in classes.legend][0] == "<10: 1 sampai 9 korban"


def _extract(rows: list[tuple], periode: str, asal: str = "demo", rules: DisclosureRules = RULES):
    cells = build_extract(monthly(rows), PROVINCES, MODUS_CODES, rules)
    info = ExtractInfo(3, dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc), rules.threshold, rules.rounding_base,
                       asal, periode)
    return PublishedExtract(info, cells)


def test_open_tables_label_codes_periods_and_keep_markers():
    from exports.open_data import open_tables

    rows = FIXTURE_ROWS + [("2024-03-01", "35", "kerja_paksa", "L", "dewasa", 40)]
    extract = _extract(rows, "2023-12..2024-03", asal="impor")
    tables = {t.name: t for t in open_tables(extract, {"11": "Aceh", "31": "DKI Jakarta", "35": "Jawa Timur",
                                                       "52": "Nusa Tenggara Barat"})}
    assert list(tables) == list(PUBLISHED_TABLES)
    provinces = tables["provinsi"].frame
    assert list(provinces.columns) == ["Kode provinsi", "Provinsi", "Bulan awal", "Bulan akhir", "Korban ditangani"]
    assert dict(zip(provinces["Kode provinsi"], provinces["Provinsi"]))["35"] == "Jawa Timur"
    stored = extract.table("provinsi").iloc[:, 0]
    assert provinces["Korban ditangani"].tolist() == stored.tolist()  # ints and markers exactly as stored
    assert (provinces["Bulan awal"] == "2023-12").all() and (provinces["Bulan akhir"] == "2024-03").all()
    years = tables["tahun"].frame.set_index("Tahun")
    assert years.loc["2023", "Periode"] == "2023 (Des)" and years.loc["2023", "Sebagian tahun"] == "ya"
    assert (years.loc["2024", "Bulan awal"], years.loc["2024", "Bulan akhir"]) == ("2024-01", "2024-03")
    assert "Keterangan" not in provinces.columns  # imported data: no demo column
    for table in tables.values():
        assert [f["name"] for f in table.fields] == list(table.frame.columns)
        assert all(f["title"] and f["description"] for f in table.fields)


def test_datapackage_declares_the_markers_of_its_rules_and_the_demo_column():
    from exports.open_data import datapackage, open_tables

    rules = DisclosureRules(5, 5)
    extract = _extract(FIXTURE_ROWS, "2023-12..2024-03", rules=rules)
    tables = open_tables(extract, {})
    package = datapackage(extract, tables)
    assert {tuple(r["schema"]["missingValues"]) for r in package["resources"]} == {("", "<5", "x")}
    assert package["sample_data"] is True and package["temporal"] == {"start": "2023-12", "end": "2024-03"}
    assert all(t.frame["Keterangan"].eq("DATA CONTOH (sintetis)").all() for t in tables)


def test_package_zip_holds_every_csv_and_the_descriptor():
    import io
    import zipfile

    from exports.open_data import package_zip

    extract = _extract(FIXTURE_ROWS, "2023-12..2024-03")
    with zipfile.ZipFile(io.BytesIO(package_zip(extract, {"35": "Jawa Timur"}))) as archive:
        api = [f"api/v1/{n}.{ext}" for n in PUBLISHED_TABLES for ext in ("json", "csv")] + ["api/v1/index.json"]
        assert sorted(archive.namelist()) == sorted([f"{n}.csv" for n in PUBLISHED_TABLES] + api + [
            "datapackage.json", "api.md", "dcat.jsonld", "ckan.json"])  # the static API and harvest metadata (26)
        header = archive.read("provinsi.csv").decode("utf-8-sig").splitlines()[0]
        assert header.startswith("Kode provinsi,Provinsi,Bulan awal,Bulan akhir,Korban ditangani")
        assert json.loads(archive.read("datapackage.json"))["name"] == "ringkasan-publik-tppo"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_static_page_escapes_names_loads_nothing_external_and_works_without_boundaries(lang, four_provinces):
    from exports.public_site import render_page
    from strings import tr

    extract = _extract(FIXTURE_ROWS, "2023-12..2024-03")
    names_ = {"31": "<script>alert(1)</script>", "35": "Jawa Timur"}
    page = render_page(extract, names_, four_provinces, lang)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # every script, style and link is local
    assert page.count("<path ") == len(four_provinces)
    assert tr("demo.notice", lang) in page and year_label_in(page, "2023 (Des)" if lang == "id" else "2023 (Dec)")
    cells = re.findall(r'<td class="num">([^<]*)</td>', page)
    assert cells and not [c for c in cells if re.fullmatch(r"[1-9]", c)]
    without_map = render_page(extract, names_, None, lang)
    assert "<svg" not in without_map and tr("publik.map_missing", lang) in without_map


def year_label_in(page: str, label: str) -> bool:
    return f'<th scope="row">{label}</th>' in page


def test_map_legend_ranges_are_in_the_page_language(four_provinces):
    from builders.public_map import make_protected_svg

    values = pd.DataFrame({"kode": ["11", "31", "35", "52"], "nilai": pd.Series([1200, 15, 2500, 40], dtype=object),
                           "teks": pd.Series([None, None, None, None], dtype=object)})
    labels = {lang: [label for _, label in make_protected_svg(four_provinces, values, RULES, k=2, lang=lang)[1].legend]
              for lang in ("id", "en")}
    assert labels == {"id": ["1.200–2.500", "15–40"], "en": ["1,200–2,500", "15–40"]}


def test_static_site_and_open_data_cannot_read_the_case_table():
    """The site and the package are made from a PublishedExtract: their modules never load the case queries."""
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys, exports.public_site, exports.open_data\n"
            "print(sorted(m for m in ('data_access.cases', 'data_access.publication_source') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------- prevention reach (issue 15)
@pytest.mark.parametrize(("peserta", "expected"), [
    # participants per province 11, 12, 13 (14 has none): a count 1..9 is hidden, and so is a second cell, or the
    # total would give it away
    ((500, 5, 40), {"11": 500, "12": "<10", "13": "x", "14": 0, "Total": 545}),
    ((500, 60, 40), {"11": 500, "12": 60, "13": 40, "14": 0, "Total": 600}),
    ((0, 0, 0), {"11": 0, "12": 0, "13": 0, "14": 0, "Total": 0}),
])
def test_reach_cells_are_protected(peserta, expected):
    from domain.publication import REACH_TABLE, build_reach_cells, wide_table

    reach = pd.DataFrame({"kode": ["11", "12", "13"], "peserta": list(peserta)})
    cells = build_reach_cells(reach, ["11", "12", "13", "14"], DisclosureRules(10, 5))
    assert set(cells["tabel"]) == {REACH_TABLE}
    assert wide_table(cells, REACH_TABLE)["jumlah"].to_dict() == expected


def test_reach_cells_refuse_an_unknown_province():
    from domain.publication import build_reach_cells

    with pytest.raises(ValueError, match="tidak dikenal"):
        build_reach_cells(pd.DataFrame({"kode": ["99"], "peserta": [50]}), ["11"], DisclosureRules(10, 5))


def _extract_with_reach(peserta: dict[str, int]) -> PublishedExtract:
    from domain.publication import build_reach_cells

    base = _extract(FIXTURE_ROWS, "2023-12..2024-03")
    reach = build_reach_cells(pd.DataFrame({"kode": list(peserta), "peserta": list(peserta.values())}), PROVINCES,
                              RULES)
    return PublishedExtract(base.info, pd.concat([base.cells, reach], ignore_index=True))


def test_open_data_and_static_site_carry_the_public_pages_prevention_reach(four_provinces):
    """The public page shows prevention reach by province (issue 15); the open-data package and the static site
    carry the same protected cells, so every public channel says the same (a 1-9 count never appears)."""
    import io
    import zipfile

    from domain.publication import REACH_TABLE
    from exports.open_data import open_tables, package_zip
    from exports.public_site import render_page
    from strings import tr

    extract = _extract_with_reach({"11": 500, "31": 5, "35": 40})
    stored = extract.table(REACH_TABLE)["jumlah"]
    assert stored.to_dict() == {"11": 500, "31": "<10", "35": "x", "52": 0, "Total": 545}
    names_ = {"11": "Aceh", "31": "DKI Jakarta", "35": "Jawa Timur", "52": "Nusa Tenggara Barat"}
    table = {t.name: t for t in open_tables(extract, names_)}[REACH_TABLE]
    assert list(table.frame.columns) == ["Kode provinsi", "Provinsi", "Bulan awal", "Bulan akhir",
                                         "Peserta kegiatan pencegahan", "Keterangan"]
    assert table.frame["Peserta kegiatan pencegahan"].tolist() == stored.tolist()
    assert "tempat kegiatan" in next(f for f in table.fields if f["name"] == "Kode provinsi")["description"]
    with zipfile.ZipFile(io.BytesIO(package_zip(extract, names_))) as archive:
        assert f"{REACH_TABLE}.csv" in archive.namelist()
        resources = json.loads(archive.read("datapackage.json"))["resources"]
        assert [r["name"] for r in resources][-1] == REACH_TABLE
    for lang in ("id", "en"):
        page = render_page(extract, names_, four_provinces, lang)
        section = page[page.index('<section id="pencegahan">'):]
        section = section[:section.index("</section>")]
        assert tr("publik.reach.header", lang) in section and tr("publik.reach.note", lang) in section
        cells = re.findall(r'<td class="num">([^<]*)</td>', section)
        assert cells == ["500", "&lt;10", "x", "0", "545"]
        assert f'{REACH_TABLE}.csv" download' in section


def test_an_extract_without_reach_publishes_no_reach_file():
    from domain.publication import REACH_TABLE
    from exports.open_data import open_tables
    from exports.public_site import render_page

    extract = _extract(FIXTURE_ROWS, "2023-12..2024-03")
    assert REACH_TABLE not in {t.name for t in open_tables(extract, {})}
    assert 'id="pencegahan"' not in render_page(extract, {}, None, "id")
