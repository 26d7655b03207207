"""Proyeksi Tahun Depan (issue 27): the page, the deck's slide and `manage.py proyeksi --json` show the same figures
for the same filters, labelled "proyeksi, bukan target" and DATA CONTOH; a filter state with too little data gets
reasons, not a traceback."""

from __future__ import annotations

import json

from pptx import Presentation

from domain.formatting import fmt_int
from strings import tr
from tests.helpers import no_exception, open_page, texts

PAGE = "proyeksi"
KEYS = ("proy.kpi.total", "proy.kpi.range80", "proy.kpi.range95", "proy.kpi.last12")


def test_page_deck_and_cli_agree_on_the_projection(app_env, capsys):
    import manage
    from data_access.engine import connect
    from data_access.indicators import connection_runner, data_window
    from domain.filters import Filters
    from data_access.projection import get_projection_view
    from data_access.reference import query_code_names
    from domain.periods import default_period
    from exports.projection_slide import add_projection_slide

    at = open_page(PAGE, timeout=180)
    no_exception(at)
    body = texts(at)
    assert at.title[0].value == tr("nav.proyeksi")
    assert tr("proy.label") in body and "DATA CONTOH (sintetis)" in body
    assert "statsmodels" in body and "Uji mundur (satu langkah" in body and "Uji tahunan" in body
    shown = {m.label: m.value for m in at.metric}
    page = {key: shown[tr(key)] for key in KEYS}

    assert manage.main(["proyeksi", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    national = out["nasional"]
    assert out["data_contoh"] is True and out["label"] == tr("proy.label")
    assert national["status"] == "proyeksi" and national["uji_mundur"]["bulan"] == 12
    total = national["total_12_bulan"]
    assert page["proy.kpi.total"] == fmt_int(total["median"])
    assert page["proy.kpi.range80"] == f"{fmt_int(total['lo80'])}–{fmt_int(total['hi80'])}"
    assert page["proy.kpi.range95"] == f"{fmt_int(total['lo95'])}–{fmt_int(total['hi95'])}"
    assert page["proy.kpi.last12"] == fmt_int(national["aktual_12_bulan"])
    assert len(national["per_bulan"]) == 12 and all(m["lo95"] >= 0 for m in national["per_bulan"])

    # The slide from the view the page computed (the shared query cache of this process: no third computation);
    # tests/db/test_deck.py checks that build_deck adds this slide.
    with connect(app_env) as conn:
        run = connection_runner(conn)
        filters = default_period(Filters(), data_window(run))
        names = run(query_code_names, "id")
    deck = Presentation()
    add_projection_slide(deck, get_projection_view(filters), "id", names)
    boxes = {shape.name: shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame}
    assert {key: boxes[f"proy:{key}"] for key in KEYS} == page
    assert boxes["label_proyeksi"] == tr("proy.label") and boxes["data_contoh"] == "DATA CONTOH (sintetis)"
    # The places and staff sentences of the slide are the page's.
    assert boxes["konsekuensi"].split(". ")[0] in body

    places = {r["kode_unit"]: r for r in out["tempat"]}
    staff = out["staf"]["peran"]
    assert places and staff and sum(r["rekrut"] for r in staff) == sum(r["rekrut"] for r in out["staf"]["rekrut"])


def test_too_little_data_gets_reasons_and_no_traceback(app_env):
    """One small modus in one province of one year: every victim series is withheld with its reason."""
    at = open_page(PAGE, state={"f_start": "2024-08", "f_end": "2025-07", "f_prov": ["51"], "f_modus": ["abk"]},
                   timeout=180)
    no_exception(at)
    body = texts(at)
    assert "Traceback" not in body and not at.metric
    assert any(w.value.startswith("Proyeksi tidak ditampilkan") for w in at.warning)
