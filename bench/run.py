"""Benchmark: figures, not pass/fail. `python bench/run.py` writes bench/results/latest.json and latest.md.

Measures, in one run on this machine:
  - per-page server render time with AppTest (cold = caches cleared, warm = cache hit) next to an EMPTY
    Streamlit page measured in the same process, at demo size and with the case table scaled to 1,000,000 rows
    (demo/scale.py, in a separate database);
  - the shared queries at both sizes;
  - folium map payload (builders.maps, real boundaries): national provinces and all kab/kota;
  - memory per additional browser session (RSS of a real server, bench/sessions.py);
  - slide-deck export time (exports.deck.build_deck).
Targets reported against (not asserted): warm render ≤ 3× the empty page; at 1,000,000 rows no page more
than 2× slower than at demo size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("TPPO_GEO_DIR", str(PROJECT.parent / "shared" / "geo"))
os.environ.setdefault("TPPO_REFERENCE_DIR", str(PROJECT.parent / "shared" / "reference"))

RESULTS = PROJECT / "bench" / "results"
CACHE = RESULTS / "cache"
WARM_TARGET, SCALE_TARGET = 3.0, 2.0
PEER_TARGET, PEER_STRETCH, FILTER_TARGET_S, STARTUP_TARGET_S, DECK_TARGET_S = 3.0, 2.0, 1.0, 5.0, 10.0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def fingerprint() -> str:
    """Changes when the demo data, the schema or the scaler change: the cached scaled DB is then rebuilt."""
    h = hashlib.sha256()
    sources = [*(PROJECT / "demo").glob("*.py"), *(PROJECT / "migrations" / "versions").glob("*.py"),
               *(PROJECT / "data_access").glob("*load*.py")]
    for path in sorted(sources):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def demo_db(workdir: Path) -> Path:
    from data_access.engine import get_engine
    from demo.loader import ensure_database

    path = workdir / "demo.sqlite"
    ensure_database(sqlite_url(path))
    get_engine(sqlite_url(path)).dispose()
    return path


def scaled_db(rows: int, fresh: bool) -> tuple[Path, float | None]:
    """The scaled database from the cache when its fingerprint matches, else built now (seconds returned)."""
    from demo.scale import build_scaled

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"scaled-{rows}-{fingerprint()}.sqlite"
    if path.exists() and not fresh:
        return path, None
    for old in CACHE.glob(f"scaled-{rows}-*.sqlite*"):
        old.unlink()
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    start = time.perf_counter()
    build_scaled(sqlite_url(partial), rows)
    from data_access.engine import dispose_all

    dispose_all()
    partial.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    return path, time.perf_counter() - start


def run_worker(db: Path, out: Path, extra: list[str]) -> dict:
    cmd = [sys.executable, str(PROJECT / "bench" / "page_timing.py"), "--db", sqlite_url(db), "--out", str(out), *extra]
    proc = subprocess.run(cmd, cwd=PROJECT, capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        raise RuntimeError(f"worker gagal ({db.name}):\n{proc.stderr[-3000:]}")
    return json.loads(out.read_text())


# ------------------------------------------------------------------ report
def _ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:,.0f}"


def _kib(n: float | None) -> str:
    return "–" if n is None else f"{n / 1024:,.1f} MiB"


def summarise(result: dict) -> dict:
    """Ratios and target verdicts from the raw figures."""
    demo, big = result["demo"]["render"], (result.get("scaled") or {}).get("render")
    empty = demo["empty_warm_s"]
    rows = []
    for page, d in demo["pages"].items():
        row = {"page": page, "cold_s": d["cold_s"], "warm_s": d["warm_s"], "warm_x_empty": d["warm_s"] / empty,
               "exception": d["exception"]}
        if big and page in big["pages"]:
            b = big["pages"][page]
            row.update(big_cold_s=b["cold_s"], big_warm_s=b["warm_s"], cold_x_demo=b["cold_s"] / d["cold_s"],
                       warm_x_demo=b["warm_s"] / d["warm_s"], big_exception=b["exception"])
        rows.append(row)
    frame = demo["pages"].get("masuk", {}).get("warm_s")
    return {
        "empty_warm_s": empty, "frame_warm_s": frame, "pages": rows,
        "warm_target_missed": [r["page"] for r in rows if r["warm_x_empty"] > WARM_TARGET],
        "scale_target_missed": [r["page"] for r in rows if r.get("cold_x_demo", 0) > SCALE_TARGET
                                or r.get("warm_x_demo", 0) > SCALE_TARGET],
    }


def peer_markdown(result: dict) -> list[str]:
    """The headline table: warm rerun × peer page, filter change, drill-down, start-up, deck."""
    peer = result["demo"].get("peer")
    lines = ["## Against a plain Streamlit dashboard (the peer page)", ""]
    if not peer:
        return lines + ["Not measured.", ""]
    if "error" in peer:
        return lines + [f"Not measured: {peer['error']}", ""]
    changes = peer.get("filter_change", {})
    lines += [
        f"Peer page `{Path(peer['peer']).name}`: warm rerun {_ms(peer['peer_warm_s'])} ms (median over all rounds). "
        f"AppTest, admin_data, demo data; each page's warm rerun and the peer's measured interleaved, median of "
        f"{peer['rounds']}. Filter change = the rerun after choosing a province not chosen before (its queries, "
        "figures and maps are built, nothing cached for that state).",
        "",
        "| page | warm rerun (ms) | × peer page | × peer, same rounds only | filter change (ms) |",
        "|---|---:|---:|---:|---:|",
    ]
    for page, d in peer["pages"].items():
        flag = " ⚠ exception" if d["exception"] or changes.get(page, {}).get("exception") else ""
        mark = "" if d["ratio"] <= PEER_TARGET else " ✗"
        change = changes.get(page)
        lines.append(f"| {page}{flag} | {_ms(d['warm_s'])} | {d['ratio']:.1f}×{mark} | "
                     f"{d.get('ratio_paired', d['ratio']):.1f}× | {_ms(change['s']) if change else '–'} |")
    missed = [p for p, d in peer["pages"].items() if d["ratio"] > PEER_TARGET]
    slow = [p for p, d in changes.items() if d["s"] > FILTER_TARGET_S]
    lines += ["", f"Target warm ≤ {PEER_TARGET:.0f}× peer (stretch {PEER_STRETCH:.0f}×): missed by "
              + (", ".join(missed) or "none") + f"; within stretch: "
              + (", ".join(p for p, d in peer["pages"].items() if d["ratio"] <= PEER_STRETCH) or "none") + ".",
              f"Target filter change ≤ {FILTER_TARGET_S:.0f} s: missed by " + (", ".join(slow) or "none") + "."]
    drill = peer.get("drill_down") or {}
    if drill:
        lines.append("Drill-down (Peta Asal Korban, choose a province): "
                     + ", ".join(f"{k} {_ms(v['s'])} ms ({v['province']})" for k, v in drill.items()
                                 if isinstance(v, dict))
                     + (f"; back to national {_ms(drill['back_s'])} ms" if "back_s" in drill else "") + ".")
    up = result.get("startup")
    if up:
        lines.append(("Start-up: not measured: " + up["error"]) if "error" in up else
                     f"Start-up (fresh `streamlit run`, prepared database): health ok after {up['health_s']:.1f} s, "
                     f"first page drawn in Chromium after **{up['first_page_s']:.1f} s** (target "
                     f"{STARTUP_TARGET_S:.0f} s); reloading it {up['second_load_s']:.1f} s.")
    decks = result["demo"].get("deck", {})
    deck, warm = decks.get("with_images"), decks.get("with_images_browser_open")
    if deck and "s" in deck:
        lines.append(f"Slide deck with chart images: **{deck['s']:.1f} s** in a fresh process (starting the export "
                     "browser included)" + (f"; **{warm['s']:.1f} s** for another filter state with the browser "
                                            "already open, as on the page (prewarmed)" if warm and "s" in warm else "")
                     + f" (target {DECK_TARGET_S:.0f} s).")
    return lines + [""]


def markdown(result: dict) -> str:
    s = result["summary"]
    demo, big = result["demo"], result.get("scaled")
    lines = [
        f"# Benchmark {result['started']} ({result['machine']})",
        "",
        f"Load average (1 min) before {result['load_before'][0]:.1f}, after {result['load_after'][0]:.1f}: on a busy "
        "machine every time is inflated; compare ratios measured in the same run, not absolute times across runs.",
        "",
        f"Demo database: {demo['queries']['_rows']:,} case rows; scaled: "
        + (f"{big['queries']['_rows']:,} rows (demo/scale.py, synthetic agencies)" if big else "not measured") + ".",
        f"Empty Streamlit page (AppTest, same process): first {_ms(demo['render']['empty_first_s'])} ms, "
        f"warm {_ms(s['empty_warm_s'])} ms. App frame only (signed-in /masuk): warm {_ms(s['frame_warm_s'])} ms. "
        f"First run of app.py in a fresh process (imports, bootstrap, default page): "
        f"{_ms(demo['render']['app_first_s'])} ms.",
        "",
        *peer_markdown(result),
        "## Page render time (server side, AppTest, admin_data, ms)",
        "",
        "cold = st.cache_data cleared before the run (queries and builders run); warm = median of reruns on a cache hit.",
        "",
        "| page | cold | warm | warm ÷ empty | cold @1M | warm @1M | cold @1M ÷ demo | warm @1M ÷ demo |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in s["pages"]:
        flag = " ⚠ exception" if r["exception"] or r.get("big_exception") else ""
        lines.append(
            f"| {r['page']}{flag} | {_ms(r['cold_s'])} | {_ms(r['warm_s'])} | {r['warm_x_empty']:.1f}× | "
            f"{_ms(r.get('big_cold_s'))} | {_ms(r.get('big_warm_s'))} | "
            + (f"{r['cold_x_demo']:.2f}× | {r['warm_x_demo']:.2f}× |" if "cold_x_demo" in r else "– | – |"))
    lines += [
        "",
        f"Target: warm ≤ {WARM_TARGET:.0f}× the empty page — missed by: "
        + (", ".join(f"{r['page']} ({r['warm_x_empty']:.1f}×)" for r in s["pages"] if r["page"] in s["warm_target_missed"])
           or "none"),
        f"Target: at 1,000,000 rows ≤ {SCALE_TARGET:.0f}× demo — missed by: "
        + (", ".join(f"{r['page']} (cold {r['cold_x_demo']:.1f}×, warm {r['warm_x_demo']:.1f}×)"
                     for r in s["pages"] if r["page"] in s["scale_target_missed"]) or "none"),
        "",
        "## Queries (uncached, whole period, no filter; median ms)",
        "",
        "| query | demo | 1M rows | ratio |",
        "|---|---:|---:|---:|",
    ]
    for name, value in demo["queries"].items():
        if name.startswith("_"):
            continue
        other = big["queries"].get(name) if big else None
        ratio = f"{other / value:.0f}×" if other and value else "–"
        lines.append(f"| {name} | {value * 1000:,.1f} | {'–' if other is None else f'{other * 1000:,.1f}'} | {ratio} |")
    maps = demo.get("maps", {})
    if maps:
        lines += ["", "## Map payload (builders.maps.make_choropleth_map, rendered HTML)", "",
                  "| level | features | HTML | gzip | build + render |", "|---|---:|---:|---:|---:|"]
        for level, m in maps.items():
            if "error" in m:
                lines.append(f"| {level} | {m['error']} | | | |")
            else:
                lines.append(f"| {level} | {m['features']} | {m['html_bytes'] / 1e6:.2f} MB | "
                             f"{m['gzip_bytes'] / 1e6:.2f} MB | {_ms(m['build_render_s'])} ms |")
    mem = result.get("memory")
    if mem:
        lines += ["", "## Memory per additional session", ""]
        if "error" in mem:
            lines.append(f"Not measured: {mem['error']}")
        else:
            lines.append(f"RSS of the streamlit process with warm caches {_kib(mem['rss_warm_kib'])}; after "
                         f"{mem['sessions']} more signed-in sessions on /{mem['page']} {_kib(mem['rss_after_kib'])}; "
                         f"**{_kib(mem['per_session_kib'])} per session**; after closing them "
                         f"{_kib(mem['rss_after_close_kib'])}. ({mem['method']})")
    deck = demo.get("deck")
    if deck:
        lines += ["", "## Slide deck (exports.deck.build_deck, whole period)", ""]
        if "skipped" in deck:
            lines.append(deck["skipped"])
        for kind, d in deck.items():
            if kind == "skipped":
                continue
            lines.append(f"- {kind}: " + (d["error"] if "error" in d else f"{d['s']:.1f} s, {d['bytes'] / 1e3:,.0f} kB"))
    lines += ["", "## Charts, maps and tables per page (accessibility: a table behind every chart and map)", "",
              "| page | charts | maps | tables | expanders | downloads |", "|---|---:|---:|---:|---:|---:|"]
    for page, d in demo["render"]["pages"].items():
        gap = " ⚠" if (d["charts"] or d["maps"]) and d["tables"] < d["charts"] + d["maps"] else ""
        lines.append(f"| {page}{gap} | {d['charts']} | {d['maps']} | {d['tables']} | {d['expanders']} | {d['downloads']} |")
    lines += ["", "⚠ = fewer tables than charts + maps (check that each has its table or text alternative).", "",
              f"Setup: scaled DB {'built in ' + format(result['scaled_build_s'], '.0f') + ' s' if result.get('scaled_build_s') else 'reused from bench/results/cache'}; "
              f"total {result['total_s']:.0f} s."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--fresh", action="store_true", help="rebuild the scaled database even if cached")
    parser.add_argument("--no-scaled", action="store_true")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--peer", help="peer dashboard page (default ../shared/bench/peer_dashboard.py)")
    parser.add_argument("--no-startup", action="store_true")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    result: dict = {"started": dt.datetime.now().isoformat(timespec="seconds"),
                    "machine": f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
                    "load_before": os.getloadavg()}
    RESULTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tppo-bench-") as tmp:
        work = Path(tmp)
        log("demo database")
        demo = demo_db(work)
        scaled = None
        if not args.no_scaled:
            log(f"scaled database ({args.rows:,} rows)")
            scaled, built = scaled_db(args.rows, args.fresh)
            result["scaled_build_s"] = built
        extra = ["--maps", "--deck", *(["--peer", args.peer] if args.peer else [])]
        if scaled:
            copy = work / "scaled.sqlite"
            shutil.copyfile(scaled, copy)  # the cached file stays untouched by the app
            extra += ["--scaled-db", sqlite_url(copy)]
        log("pages, queries, maps, deck at demo size" + (", then pages and queries at scale" if scaled else ""))
        worker = run_worker(demo, work / "worker.json", extra)
        result["scaled"] = worker.pop("scaled", None)
        result["demo"] = worker
        if not args.no_startup:
            log("start-up (fresh streamlit run until the first page is drawn)")
            try:
                from bench.peer import startup

                result["startup"] = startup(sqlite_url(demo), work / "startup")
            except Exception as exc:  # noqa: BLE001 — figures, not pass/fail
                result["startup"] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
        if not args.no_memory:
            log("memory per session (live server + Chromium)")
            try:
                from bench.sessions import measure_sessions

                result["memory"] = measure_sessions(sqlite_url(demo), work / "server", args.sessions)
            except Exception as exc:  # noqa: BLE001 — figures, not pass/fail
                result["memory"] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
    result["total_s"] = time.perf_counter() - started
    result["load_after"] = os.getloadavg()
    result["summary"] = summarise(result)
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2, default=str))
    text = markdown(result)
    (RESULTS / "latest.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
