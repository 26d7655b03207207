"""Benchmark of the static public site: figures, not pass/fail. `python bench/static_site.py [--streamlit]`

Builds the demo database in a temporary folder, runs `manage.py publish --out` and serves the folder with a
standard static server: Python's `http.server` as shipped (`python -m http.server`, listen backlog 5) and the
same server with a backlog of 1024 (what `manage.py publish --serve` uses). Then, per round, 200 client threads
wait at a barrier and request index.html at the same moment; each latency runs from the request to the last
byte. Reports p50/p95/max over all rounds. The clients run on the same 2-core machine as the server, so the
figures include the clients' own scheduling: an upper bound for the server.

With --streamlit it also starts `streamlit run app.py` on the same database and lets 5 Chromium tabs (one
context each, Playwright async) open the public page at once, timing each from navigation until the page's
charts and map are drawn (the waits of tests/browser), for a few rounds: the Streamlit public page's p95 at 5
concurrent visitors, next to the static site's.
Results go to bench/results/static_site.{json,md} (git-ignored).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("TPPO_GEO_DIR", str(PROJECT.parent / "shared" / "geo"))
os.environ.setdefault("TPPO_REFERENCE_DIR", str(PROJECT.parent / "shared" / "reference"))
RESULTS = PROJECT / "bench" / "results"


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(percentile(ms, 95), 1),
            "max_ms": round(max(ms), 1)}


def publish(workdir: Path) -> tuple[str, Path]:
    from data_access.engine import get_engine
    from demo.loader import ensure_database
    from manage import main

    url = f"sqlite:///{workdir / 'tppo.sqlite'}"
    os.environ["DATABASE_URL"] = url
    ensure_database(url)
    get_engine(url).dispose()
    out = workdir / "situs"
    started = time.perf_counter()
    if main(["publish", "--out", str(out)]) != 0:
        raise SystemExit("publish gagal")
    log(f"publish --out: {time.perf_counter() - started:.1f} s")
    return url, out


def wait_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} tidak menjawab")


def burst(url: str, clients: int) -> tuple[list[float], int]:
    """`clients` threads released together; returns each one's latency and the number of failures."""
    barrier = threading.Barrier(clients)
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()

    def one() -> None:
        barrier.wait()
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
        except OSError:
            with lock:
                failures[0] += 1

    threads = [threading.Thread(target=one) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures[0]


def static_bench(folder: Path, clients: int, rounds: int, backlog: int | None) -> dict:
    from tests.browser.live import free_port

    port = free_port()
    if backlog is None:
        cmd = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)]
        name = "python -m http.server (stock, backlog 5)"
    else:
        code = ("import functools,sys; from http.server import SimpleHTTPRequestHandler as H; "
                "from cli.publish import site_server_class as S; "
                f"S()(('127.0.0.1', {port}), functools.partial(H, directory=sys.argv[1])).serve_forever()")
        cmd = [sys.executable, "-c", code, str(folder)]
        name = f"http.server ThreadingHTTPServer, backlog {backlog} (manage.py publish --serve)"
    proc = subprocess.Popen(cmd, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/index.html"
    try:
        wait_up(url)
        burst(url, 10)  # warm-up: file cache, first threads
        all_latencies, failures = [], 0
        for i in range(rounds):
            latencies, failed = burst(url, clients)
            all_latencies += latencies
            failures += failed
            log(f"{name} round {i + 1}: p95 {percentile(latencies, 95) * 1000:.0f} ms")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    size = (folder / "index.html").stat().st_size
    return {"server": name, "clients": clients, "rounds": rounds, "failures": failures,
            "index_html_bytes": size, **summary_ms(all_latencies)}


async def _streamlit_rounds(base_url: str, visitors: int, rounds: int) -> tuple[list[float], int]:
    from playwright.async_api import async_playwright

    from strings import tr
    from tests.browser import live

    async def visit(browser) -> float | None:
        context = await browser.new_context(viewport=live.VIEWPORT)

        async def route(r):
            host = r.request.url.split("/")[2].split(":")[0]
            await (r.continue_() if host in ("localhost", "127.0.0.1") else r.abort("blockedbyclient"))

        await context.route("**/*", route)
        page = await context.new_page()
        started = time.perf_counter()
        try:
            await page.goto(base_url + "/", timeout=180_000)
            await page.locator("h1", has_text=tr("nav.ringkasan_publik")).first.wait_for(timeout=180_000)
            await page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=180_000)
            await page.frame_locator("iframe").first.locator("path.leaflet-interactive").first.wait_for(
                timeout=180_000)
            return time.perf_counter() - started
        except Exception as exc:  # a failed page load is a result, counted
            log(f"Streamlit visit failed: {type(exc).__name__}: {str(exc)[:120]}")
            return None
        finally:
            await context.close()

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=live.CHROMIUM, args=live.CHROMIUM_ARGS)
        await visit(browser)  # warm-up: imports, caches
        times, failures = [], 0
        for i in range(rounds):
            results = await asyncio.gather(*(visit(browser) for _ in range(visitors)))
            times += [r for r in results if r is not None]
            failures += sum(r is None for r in results)
            log(f"Streamlit round {i + 1}: {[round(r, 1) if r else None for r in results]} s")
        await browser.close()
    return times, failures


def streamlit_bench(database_url: str, workdir: Path, visitors: int, rounds: int) -> dict:
    from tests.browser import live

    with live.running_server(workdir / "streamlit", database_url, prepare=False) as server:
        times, failures = asyncio.run(_streamlit_rounds(server.url, visitors, rounds))
    return {"server": "streamlit run app.py (1 process, SQLite), Chromium tabs", "visitors": visitors,
            "rounds": rounds, "failures": failures, **(summary_ms(times) if times else {})}


def markdown(result: dict) -> str:
    lines = [f"Static public site benchmark, {result['date']} ({result['machine']}, load before: "
             f"{result['load_before']})", "",
             "| server | concurrent | requests | failed | p50 ms | p95 ms | max ms |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in result["static"]:
        lines.append(f"| {r['server']} | {r['clients']} | {r['n']} | {r['failures']} | {r['p50_ms']:,} | "
                     f"{r['p95_ms']:,} | {r['max_ms']:,} |")
    s = result.get("streamlit")
    if s and "p95_ms" in s:
        lines.append(f"| {s['server']} (public page until charts and map are drawn) | {s['visitors']} | {s['n']} | "
                     f"{s['failures']} | {s['p50_ms']:,} | {s['p95_ms']:,} | {s['max_ms']:,} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--streamlit", action="store_true", help="also time the Streamlit public page")
    parser.add_argument("--visitors", type=int, default=5)
    parser.add_argument("--streamlit-rounds", type=int, default=3)
    args = parser.parse_args(argv)
    result = {"date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
              "load_before": " ".join(f"{x:.1f}" for x in os.getloadavg())}
    with tempfile.TemporaryDirectory(prefix="bench-static-") as tmp:
        workdir = Path(tmp)
        url, folder = publish(workdir)
        result["static"] = [static_bench(folder, args.clients, args.rounds, None),
                            static_bench(folder, args.clients, args.rounds, 1024)]
        if args.streamlit:
            result["streamlit"] = streamlit_bench(url, workdir, args.visitors, args.streamlit_rounds)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "static_site.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    text = markdown(result)
    (RESULTS / "static_site.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
