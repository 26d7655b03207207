"""Benchmark worker: page render times (AppTest), query times, map payload and deck export on ONE database.

Run by bench/run.py in a fresh process; the scaled database is measured after the demo one in the same process
(imports paid once; every page's cold run clears st.cache_data first, so both sizes start equal):
    python bench/page_timing.py --db sqlite:///demo --scaled-db sqlite:///scaled --out result.json [--maps] [--deck]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

# Every content page; the peer comparison leaves out the two pages without charts or maps.
PEER_PAGES = ("ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "pemantauan_jarnas",
              "pencegahan", "daftar_tindakan", "ringkasan_publik")
PAGES = (*PEER_PAGES, "glosarium", "kelola_data")
EMPTY_SCRIPT = "import streamlit as st\n"


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _median_run(at, runs: int) -> float:
    return statistics.median(_timed(at.run) for _ in range(runs))


def inventory(at) -> dict[str, int]:
    components = at.get("component_instance")
    maps = sum(1 for c in components if "folium" in c.proto.component_name) + len(at.get("iframe"))
    return {"charts": len(at.get("plotly_chart")) + len(at.get("vega_lite_chart")), "maps": maps,
            "tables": len(at.dataframe) + len(at.table), "expanders": len(at.expander),
            "metrics": len(at.metric), "downloads": len(at.get("download_button"))}


def page_times(role: str, warm_runs: int) -> dict:
    """Empty page, then the app on DATABASE_URL: first run, and per page cold (caches cleared) and warm (cache hit)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tests.helpers import open_page

    out: dict = {}
    empty = AppTest.from_string(EMPTY_SCRIPT, default_timeout=120)
    out["empty_first_s"] = _timed(empty.run)
    out["empty_warm_s"] = _median_run(empty, max(5, warm_runs))

    holder: dict = {}
    st.cache_data.clear()
    out["app_first_s"] = _timed(lambda: holder.setdefault("at", open_page(None, role=role, timeout=180)))
    at = holder["at"]
    pages: dict = {}
    for page in (*PAGES, "masuk"):
        st.cache_data.clear()
        at.switch_page(f"app_pages/{page}.py")
        cold = _timed(at.run)
        warm = _median_run(at, warm_runs)
        pages[page] = {"cold_s": cold, "warm_s": warm, "exception": bool(at.exception), **inventory(at)}
    out["pages"] = pages
    return out


def query_times(url: str, runs: int) -> dict:
    """The shared data_access queries, uncached, whole period, no filters (the heaviest common case)."""
    from data_access import cases, summary
    from data_access.engine import connect
    from domain.filters import Filters

    f = Filters()
    queries = {
        "victims_total": (cases.query_victims_total, (f,)),
        "victims_by_province": (cases.query_victims_by, (f, ("kode_prov_asal",))),
        "victims_by_kabkota": (cases.query_victims_by, (f, ("kode_asal",))),
        "victims_by_month_modus": (cases.query_victims_by, (f, ("bulan", "modus"))),
        "stage_counts_by_agency": (cases.query_stage_counts, (f, ("tahap", "instansi"))),
        "period_bounds": (cases.query_period_bounds, ()),
        "summary": (summary.query_summary, (f,)),
    }
    out = {}
    with connect(url) as conn:
        from data_access.scale_load import count_cases

        out["_rows"] = count_cases(conn)
        for name, (fn, args) in queries.items():
            out[name] = statistics.median(_timed(lambda: fn(conn, *args)) for _ in range(runs))
    return out


def map_payload(url: str) -> dict:
    """Bytes of the folium choropleth (builders.maps) on the real boundaries, national and all kab/kota."""
    import pandas as pd

    from builders.maps import make_choropleth_map
    from data_access import cases
    from data_access.boundaries import geo_dir_from_env, load_boundaries
    from data_access.engine import connect
    from domain.filters import Filters

    out = {}
    with connect(url) as conn:
        by_prov = cases.query_victims_by(conn, Filters(), ("kode_prov_asal",)).rename(columns={"kode_prov_asal": "kode"})
        by_kab = cases.query_victims_by(conn, Filters(), ("kode_asal",)).rename(columns={"kode_asal": "kode"})
    for level, values, metric in (("provinsi", by_prov, "rate"), ("kabupaten_kota", by_kab, "count")):
        start = time.perf_counter()
        boundaries = load_boundaries(level, geo_dir_from_env())
        load_s = time.perf_counter() - start
        if boundaries is None:
            out[level] = {"error": "batas wilayah tidak ditemukan (TPPO_GEO_DIR)"}
            continue
        values = values[values["kode"].isin(set(boundaries["kode"]))]
        start = time.perf_counter()
        html = make_choropleth_map(boundaries, pd.DataFrame(values), metric).get_root().render().encode()
        build_s = time.perf_counter() - start
        out[level] = {"features": len(boundaries), "html_bytes": len(html), "gzip_bytes": len(gzip.compress(html, 6)),
                      "load_s": load_s, "build_render_s": build_s}
    return out


def deck_time(url: str) -> dict:
    try:
        from exports.deck import build_deck
    except ImportError as exc:
        return {"skipped": f"exports.deck.build_deck tidak ada ({exc})"}
    from domain.filters import Filters

    out = {}
    for images in (False, True):
        start = time.perf_counter()
        try:
            data = build_deck(Filters(), url=url, charts_as_images=images)
        except Exception as exc:  # noqa: BLE001 — a benchmark reports, it does not crash
            out["with_images" if images else "text_only"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
            continue
        out["with_images" if images else "text_only"] = {"s": time.perf_counter() - start, "bytes": len(data)}
    # Another filter state (new figures, new images) with the export browser already open, as on the page.
    import datetime as dt

    start = time.perf_counter()
    try:
        data = build_deck(Filters(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 1)), url=url, charts_as_images=True)
        out["with_images_browser_open"] = {"s": time.perf_counter() - start, "bytes": len(data)}
    except Exception as exc:  # noqa: BLE001
        out["with_images_browser_open"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--scaled-db", help="measured after --db in the same process (imports paid once)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--role", default="admin_data")
    parser.add_argument("--warm-runs", type=int, default=2)
    parser.add_argument("--query-runs", type=int, default=3)
    parser.add_argument("--maps", action="store_true")
    parser.add_argument("--deck", action="store_true")
    parser.add_argument("--peer", help="peer dashboard page (default ../shared/bench/peer_dashboard.py)")
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.db
    import logging

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    from ui.boundary_route import boundary_routes

    boundary_routes()  # as serve.py mounts it: the maps name /batas/... instead of carrying their GeoJSON
    result: dict = {"db": args.db}
    start = time.perf_counter()
    if not args.no_peer:
        from bench.peer import peer_path, peer_ratios

        peer = peer_path(args.peer)
        if peer.is_file():
            result["peer"] = peer_ratios(PEER_PAGES, args.role, peer)
        else:
            result["peer"] = {"error": f"peer page not found: {peer}"}
    result["render"] = page_times(args.role, args.warm_runs)
    result["queries"] = query_times(args.db, args.query_runs)
    if args.maps:
        result["maps"] = map_payload(args.db)
    if args.deck:
        result["deck"] = deck_time(args.db)
    if args.scaled_db:
        os.environ["DATABASE_URL"] = args.scaled_db
        result["scaled"] = {"db": args.scaled_db, "render": page_times(args.role, max(1, args.warm_runs - 1)),
                            "queries": query_times(args.scaled_db, args.query_runs)}
    result["worker_s"] = time.perf_counter() - start
    args.out.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
