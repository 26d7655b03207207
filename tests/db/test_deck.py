"""The briefing: headline figures equal `manage.py summary`, the deck opens and converts, key messages follow the
data (on a modified copy of the demo database)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil

import pytest
from pptx import Presentation
from sqlalchemy import create_engine, delete

from data_access.briefing import collect_briefing, connection_runner
from data_access.schema import Kasus
from data_access.summary import query_summary
from data_access.writes import bump_data_version
from domain.filters import Filters, for_year
from domain.formatting import fmt_int
from exports.deck import build_deck, headline_texts

FILTERS = [
    Filters(),
    for_year(2024),
    Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 7, 1), provinsi=("52", "35")),
    for_year(2024).with_(modus=("online_scam",), jenis_kelamin=("L",)),
    Filters(kelompok_umur=("anak",), instansi=("KEMENSOS",)),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_headline_total_equals_summary(demo_conn, filters):
    summary = query_summary(demo_conn, filters)
    b = collect_briefing(filters, "id", connection_runner(demo_conn))
    assert b.headlines[0].key == "eks.kpi.total"
    assert b.headlines[0].value == summary["victims_total"] > 0
    deck = build_deck(filters, "id", run=connection_runner(demo_conn), charts_as_images=False)
    assert headline_texts(deck)["eks.kpi.total"] == fmt_int(summary["victims_total"])


def test_year_on_year_only_when_the_year_before_is_covered(demo_conn):
    run = connection_runner(demo_conn)
    whole = collect_briefing(Filters(), "id", run)
    assert not whole.comparable and whole.headlines[0].previous is None
    y2025 = collect_briefing(Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 7, 1)), "id", run)
    earlier = query_summary(demo_conn, Filters(start=dt.date(2024, 1, 1), end=dt.date(2024, 7, 1)))
    assert y2025.comparable and y2025.headlines[0].previous == earlier["victims_total"]


def test_demo_trends_flag_online_scam_and_bayi_anak(demo_conn):
    b = collect_briefing(Filters(), "id", connection_runner(demo_conn))
    flagged = set(b.rising.loc[b.rising["status"] == "naik", "kategori"])
    assert {"online_scam", "bayi_anak"} <= flagged
    assert any("meningkat" in msg.text for msg in b.messages)


def test_key_messages_follow_a_modified_database(demo_sqlite_url, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(demo_sqlite_url.removeprefix("sqlite:///"), copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.connect() as conn:
        before = collect_briefing(Filters(), "id", connection_runner(conn))
    with engine.begin() as conn:
        conn.execute(delete(Kasus).where(Kasus.kode_prov_asal == "52"))  # no more victims from NTB
        bump_data_version(conn)
    with engine.connect() as conn:
        after = collect_briefing(Filters(), "id", connection_runner(conn))
    engine.dispose()
    origin = {b.key: b for b in before.messages}["eks.msg.top_origin"]
    assert origin.text.startswith("Nusa Tenggara Barat menyumbang")
    new_origin = {a.key: a for a in after.messages}["eks.msg.top_origin"]
    assert "Nusa Tenggara Barat" not in new_origin.text and new_origin.text != origin.text
    assert after.headlines[0].value < before.headlines[0].value


def run_cli(argv: list[str], capsys) -> tuple[int, str, str]:
    import manage

    code = manage.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.slow
def test_cli_deck_opens_converts_and_matches_summary_json(demo_sqlite_url, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    options = ["--year", "2024", "--province", "52", "--province", "35"]
    code, out, _ = run_cli(["summary", "--json", *options], capsys)
    assert code == 0
    summary = json.loads(out)
    pptx, pdf = tmp_path / "paparan.pptx", tmp_path / "paparan.pdf"
    soffice = shutil.which("soffice")
    code, out, err = run_cli(["briefing", "--out", str(pptx), *(["--pdf", str(pdf)] if soffice else []), *options],
                             capsys)
    assert code == 0, err
    data = pptx.read_bytes()
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) >= 6
    assert headline_texts(data)["eks.kpi.total"] == fmt_int(summary["victims_total"])
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) >= 3, "map, trends, capacity and SDM charts are PNG images"
    text = "\n".join(s.text_frame.text for slide in prs.slides for s in slide.shapes if s.has_text_frame)
    assert "DATA CONTOH (sintetis)" in text and "Jan–Des 2024" in text
    assert "Provinsi asal: Jawa Timur, Nusa Tenggara Barat" in text
    tables = [s for slide in prs.slides for s in slide.shapes if s.has_table]
    assert tables, "figures are editable tables, not pictures of tables"
    if not soffice:
        pytest.skip("LibreOffice (soffice) tidak terpasang: konversi PDF tidak diuji")
    head = pdf.read_bytes()
    assert head.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", head)) == len(prs.slides)


def test_cli_pdf_without_libreoffice_is_a_clear_error(demo_sqlite_url, tmp_path, monkeypatch, capsys):
    import exports.deck as deck

    # The command clamps the period to the data before building, so it needs a database (not a fresh clone's none).
    monkeypatch.setenv("DATABASE_URL", demo_sqlite_url)
    monkeypatch.setattr(deck, "build_deck", lambda filters, lang="id", **kw: b"pptx")
    monkeypatch.setattr(deck.shutil, "which", lambda name: None)
    code, _, err = run_cli(["briefing", "--out", str(tmp_path / "a.pptx"), "--pdf", str(tmp_path / "a.pdf")], capsys)
    assert code == 2
    assert "LibreOffice (soffice) tidak ditemukan" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["briefing", "--out", "paparan.txt"], "harus berakhiran .pptx"),
    (["briefing", "--out", "a.pptx", "--pdf", "a.docx"], "harus berakhiran .pdf"),
    (["briefing", "--out", "a.pptx", "--start", "2024-13"], "tidak valid"),
])
def test_cli_bad_input(argv, message, capsys):
    code, _, err = run_cli(argv, capsys)
    assert code == 2 and message in err


@pytest.mark.parametrize("lang", ["id", "en"])
def test_prevention_slide_lists_the_priority_areas(demo_conn, lang):
    """Issue 15 item 5: one prevention slide, from the same view as the Pencegahan page."""
    from data_access.prevention import prevention_view
    from strings import tr

    view = prevention_view(Filters(), connection_runner(demo_conn))
    deck = Presentation(io.BytesIO(build_deck(Filters(), lang, run=connection_runner(demo_conn),
                                              charts_as_images=False)))
    slide = next(s for s in deck.slides if any(sh.name == "tabel_prioritas" for sh in s.shapes))
    shapes = {sh.name: sh for sh in slide.shapes}
    assert shapes["judul"].text_frame.text == tr("pcg.deck.title", lang)
    table = shapes["tabel_prioritas"].table
    assert table.cell(1, 1).text == view.priority["nama"].iloc[0] == "Kabupaten Timor Tengah Utara"
    assert len(table.rows) == 1 + min(8, len(view.priority))
    summary = shapes["ringkasan_pencegahan"].text_frame.text
    assert fmt_int(view.prevented, lang) in summary and "Timor Tengah Utara" in summary
    assert "DATA CONTOH (sintetis)" in shapes["data_contoh"].text_frame.text
    assert len(deck.slides) == 10  # with the projection slide (issue 27)
    assert any(shape.name == "label_proyeksi" for s in deck.slides for shape in s.shapes)


def _font_sizes(node, in_font: bool = False, path: str = "") -> list[tuple[float, str]]:
    found: list[tuple[float, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if in_font and key == "size" and isinstance(value, (int, float)):
                found.append((float(value), path))
            elif key != "geojson":
                found += _font_sizes(value, key.endswith("font"), f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            found += _font_sizes(item, False, path)
    return found


def test_chart_text_prints_legibly_on_the_slides(demo_conn):
    """The deck's chart images read at 6-7 pt on a slide (1200-px layouts at 16 px, placed 7.2-8.6 inches wide).
    Every chart text, as printed at its placed width, is now at least MIN_CHART_PT; the map's licence credit at
    least 6 pt."""
    from data_access.projection import projection_view
    from exports.deck import IMAGE_W, IMAGE_WIDTHS, MIN_CHART_PT, briefing_figures

    run = connection_runner(demo_conn)
    figures = briefing_figures(collect_briefing(Filters(), "id", run), projection_view(Filters(), run))
    assert set(figures) == set(IMAGE_WIDTHS)
    for key, fig in figures.items():
        points_per_px = IMAGE_WIDTHS[key].inches * 72 / IMAGE_W
        sizes = _font_sizes(fig.to_plotly_json())
        assert sizes, key
        for size, path in sizes:
            credit = path.startswith("/layout/annotations")
            assert size * points_per_px >= (6 if credit else MIN_CHART_PT), (key, path, size)


def test_capacity_chart_says_its_bars_are_the_period_average(demo_conn):
    """The slide's bars are each unit's average over the period, beside a table of the highest month of each alert
    (RPTC Bambu Apus: 95 % bar, 116 % in the table). The axis says which, so the two do not read as a contradiction."""
    from exports.deck import briefing_figures

    figure = briefing_figures(collect_briefing(Filters(), "id", connection_runner(demo_conn)))["capacity"]
    assert figure.layout.xaxis.title.text == "Utilisasi rata-rata selama periode"


def test_a_mixed_kind_names_its_demo_months_and_a_late_source_is_flagged(demo_sqlite_url, tmp_path):
    """Issue 23: a real September file beside the demo history makes the case data mixed; the deck (like every page)
    names the demo months. Occupancy stops in July while cases reach September: the deck warns that it is behind."""
    import pandas as pd
    from pptx import Presentation

    from data_access.importing import export_frame, import_file
    from exports.templates import export_bytes

    copy = tmp_path / "mixed.sqlite"
    shutil.copy(demo_sqlite_url.removeprefix("sqlite:///"), copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.connect() as conn:
        history = export_frame(conn, "kasus")
    july = history[(history["instansi"] == "KEMENSOS") & (history["bulan"] == "2025-07")]
    months = pd.concat([july.assign(bulan="2025-08"), july.assign(bulan="2025-09")])
    import_file(engine, "kasus", export_bytes(months, "csv"), "kemensos.csv", "uji",
                now=dt.datetime(2025, 10, 8, 3, tzinfo=dt.UTC))
    deck = build_deck(Filters(), "id", url=f"sqlite:///{copy}", charts_as_images=False)
    engine.dispose()
    text = "\n".join(shape.text_frame.text for slide in Presentation(io.BytesIO(deck)).slides
                     for shape in slide.shapes if shape.has_text_frame)
    assert re.search(r"Data kasus bercampur: [\d.]+ dari [\d.]+ laporan \(pelapor × bulan\) masih data contoh "
                     r"\(sintetis\), pada bulan Jan 2023[^;]*Jul 2025; sisanya data nyata\.", text), text[-1500:]
    # Real data are judged today: occupancy (to July 2025) and cases (to September 2025) are both behind.
    assert re.search(r"Data [^\n]* tertinggal \d+ siklus laporan: bulan terakhirnya Jul 2025", text), text[-1500:]
    assert re.search(r"Data kasus tertinggal \d+ siklus laporan: bulan terakhirnya Sep 2025", text), text[-1500:]


def test_a_period_too_short_for_a_trend_gets_a_table_not_an_empty_chart(demo_conn):
    """Issue 25: a one-month period drew a trend slide with a single point on it (visually empty)."""
    from exports.deck import MIN_TREND_MONTHS, briefing_figures

    run = connection_runner(demo_conn)
    one_month = Filters(start=dt.date(2025, 7, 1), end=dt.date(2025, 7, 1))
    assert "trends" not in briefing_figures(collect_briefing(one_month, "id", run))
    slides = Presentation(io.BytesIO(build_deck(one_month, "id", run=run, charts_as_images=False))).slides
    trend = next(s for s in slides if any(sh.name == "tabel_tren" for sh in s.shapes))
    table = next(sh for sh in trend.shapes if sh.name == "tabel_tren").table
    assert table.cell(0, 0).text == "Modus" and len(table.rows) >= 3 and table.cell(1, 1).text.strip()
    note = next(sh for sh in trend.shapes if sh.name == "tren_pendek").text_frame.text
    assert "1 bulan" in note and str(MIN_TREND_MONTHS) in note
    whole = Presentation(io.BytesIO(build_deck(Filters(), "id", run=run, charts_as_images=False))).slides
    assert not any(sh.name == "tabel_tren" for s in whole for sh in s.shapes)


MIN_TEXT_PT = 10  # issue 25: the rule text printed at about 6 pt; nothing on a slide below 10 pt


@pytest.mark.parametrize("filters", [Filters(), Filters(start=dt.date(2025, 5, 1), end=dt.date(2025, 7, 1))],
                         ids=["all", "two-months"])
def test_every_text_on_every_slide_is_at_least_10_pt(demo_conn, filters):
    """Every run of every text box and table cell that sets a size sets ≥ 10 pt, and the text-fit floor cannot
    shrink a long text below it (it was 9 pt; two slides asked for 8 and 9 pt outright)."""
    from exports.text_fit import fitted_size

    data = build_deck(filters, "id", run=connection_runner(demo_conn), charts_as_images=False)
    small = []
    for number, slide in enumerate(Presentation(io.BytesIO(data)).slides, start=1):
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            small += [(number, shape.name, run.font.size.pt, run.text[:40]) for frame in frames
                      for para in frame.paragraphs for run in para.runs
                      if run.font.size is not None and run.font.size.pt < MIN_TEXT_PT]
    assert not small, small[:8]
    assert fitted_size(["word " * 400], 12700 * 100, 12700 * 30, 18) >= MIN_TEXT_PT
