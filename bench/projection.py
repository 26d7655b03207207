"""Benchmark of next year's projection (issue 27): seconds for the whole path through data_access (the monthly series
aggregated by SQL from the case rows, every fit, backtest and simulation, places and staff) at demo size and with the
case table scaled to 1,000,000 rows (demo/scale.py, the cached database of bench/run.py). Figures, not pass/fail.

    .venv/bin/python bench/projection.py [--rows 1000000] [--repeat 3] [--no-scaled]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run import demo_db, scaled_db, sqlite_url  # noqa: E402  (also sets TPPO_GEO_DIR / TPPO_REFERENCE_DIR)


def measure(url: str, repeat: int) -> dict:
    """Median seconds of projection_view (whole path) and of its victim queries alone, on one connection."""
    from data_access.cases import query_victims_by
    from data_access.engine import connect, dispose_all
    from data_access.indicators import connection_runner, data_window
    from data_access.projection import projection_view
    from data_access.scale_load import count_cases
    from domain.filters import Filters
    from domain.periods import default_period

    whole, queries = [], []
    with connect(url) as conn:
        run = connection_runner(conn)
        rows = count_cases(conn)
        filters = default_period(Filters(), data_window(run))
        view = projection_view(filters, run)  # warms imports (statsmodels, scipy) so they are not timed
        for _ in range(repeat):
            start = time.perf_counter()
            for dims in (("bulan",), ("bulan", "kode_prov_asal"), ("bulan", "modus")):
                run(query_victims_by, Filters(end=filters.end), dims)
            queries.append(time.perf_counter() - start)
            start = time.perf_counter()
            view = projection_view(filters, run)
            whole.append(time.perf_counter() - start)
    dispose_all()
    series = 1 + len(view.provinces) + len(view.modus) + len(view.units)
    return {"rows": rows, "seconds": statistics.median(whole), "query_seconds": statistics.median(queries),
            "series": series, "withheld": view.withheld, "total_median": view.national.total.get("median")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-scaled", action="store_true", help="demo size only")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as workdir:
        results.append(("demo", measure(sqlite_url(demo_db(Path(workdir))), args.repeat)))
        if not args.no_scaled:
            path, built = scaled_db(args.rows, fresh=False)
            if built:
                print(f"scaled database built in {built:.0f} s", file=sys.stderr)
            results.append((f"{args.rows:,} rows", measure(sqlite_url(path), args.repeat)))
    print("| data | case rows | series projected | projection, whole path (s) | of which victim queries (s) |")
    print("|---|---:|---:|---:|---:|")
    for name, r in results:
        print(f"| {name} | {r['rows']:,} | {r['series']} | {r['seconds']:.2f} | {r['query_seconds']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
