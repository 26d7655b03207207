"""Load benchmark: many signed-in users at once over Streamlit's own protocol, the app and the peer page side by side.

The client (bench/stream_client.py) speaks the browser's websocket protocol, without a browser, to the app and, in the
same run, to the peer page (../shared/bench/peer_dashboard.py) served by its own `streamlit run`.

    .venv/bin/python bench/load.py                     # one `streamlit run serve.py` on a demo SQLite, N = 1,5,10,20,40
    .venv/bin/python bench/load.py --quick             # N = 1,3, short think times: a smoke run of a minute or two
    .venv/bin/python bench/load.py --app-url http://127.0.0.1:8080 --database-url postgresql+psycopg://...
                                   --app-ports 8501,8502   # a running layout (nginx + replicas): CPU of those ports

Each virtual user opens /masuk, signs in with its own account (bench-load-NNN, role pimpinan, created or reset on the
database the app uses), keeps the session cookie the app sets, then, with a seeded think time of 3–8 s before every
action: chooses a province (sidebar filter) → Peta Asal Korban → changes modus → Kapasitas Sentra → Kesenjangan SDM →
Ringkasan Eksekutif → another province. A peer user opens the peer page and moves its slider and its multiselect in
turn, the same number of times with the same think times. An action lasts from the BackMsg to the final
script_finished; its first delta is the first visible change. For each N the app is measured, then the peer (one after
the other, both servers warm); the report puts their p95 side by side. Writes bench/results/load-latest.json (and a dated
copy); figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import random
import resource
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("TPPO_GEO_DIR", str(PROJECT.parent / "shared" / "geo"))
os.environ.setdefault("TPPO_REFERENCE_DIR", str(PROJECT.parent / "shared" / "reference"))

from bench.stream_client import Action, StreamSession, double_array, string_array, string_value, trigger  # noqa: E402

RESULTS = PROJECT / "bench" / "results"
DEFAULT_PEER = PROJECT.parent / "shared" / "bench" / "peer_dashboard.py"
ACCOUNT_PREFIX, ROLE = "bench-load-", "pimpinan"
EXECUTIVE = "ringkasan-eksekutif"
# The scenario of issue 24, after the sign-in (which lands on the executive page): (kind, what).
APP_STEPS = (("filter", "w_prov"), ("page", "peta-asal-korban"), ("filter", "w_modus"), ("page", "kapasitas-sentra"),
             ("page", "kesenjangan-sdm"), ("page", EXECUTIVE), ("filter", "w_prov"))
SCENARIO_KINDS = ("filter", "page")  # what p50/p95 are over; open and sign_in are reported on their own


def log(msg: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------ server processes: CPU and memory
def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, utime+stime+cutime+cstime in seconds) from /proc/<pid>/stat."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return int(fields[1]), sum(int(f) for f in fields[11:15]) / ticks


def process_tree(roots: list[int]) -> list[int]:
    """The roots and all their descendants (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            st = _stat(int(entry.name))
            if st:
                parents[int(entry.name)] = st[0]
    tree, frontier = set(), [r for r in roots if r in parents]
    while frontier:
        pid = frontier.pop()
        if pid in tree:
            continue
        tree.add(pid)
        frontier += [child for child, parent in parents.items() if parent == pid]
    return sorted(tree)


def cpu_seconds(roots: list[int]) -> float:
    """CPU time of the process trees: a child reaped during the run moved its time into its parent's cutime."""
    return sum((_stat(pid) or (0, 0.0))[1] for pid in process_tree(roots))


def rss_mib(roots: list[int], tree: bool = True) -> float:
    total = 0
    for pid in process_tree(roots) if tree else roots:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def listening_pids(ports: list[int]) -> list[int]:
    """Processes with a listening TCP socket on one of the ports (/proc/net/tcp*, then each process's fds; only
    processes this user may inspect are found)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                cols = line.split()
                if cols[3] == "0A" and int(cols[1].rsplit(":", 1)[1], 16) in ports:
                    inodes.add(f"socket:[{cols[9]}]")
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            if any(os.readlink(fd) in inodes for fd in (entry / "fd").iterdir()):
                pids.append(int(entry.name))
    return pids


class RssSampler:
    """Peaks of summed RSS while a phase runs, sampled every `every` seconds: the process trees (children such as
    the export browser the app starts included) and the root processes alone."""

    def __init__(self, roots: list[int], every: float = 0.5):
        self.roots, self.every, self.peak, self.peak_roots, self._task = roots, every, 0.0, 0.0, None

    async def _run(self) -> None:
        while True:
            self.peak = max(self.peak, await asyncio.to_thread(rss_mib, self.roots))
            self.peak_roots = max(self.peak_roots, await asyncio.to_thread(rss_mib, self.roots, False))
            await asyncio.sleep(self.every)

    def __enter__(self) -> RssSampler:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc) -> None:
        self._task.cancel()


# ------------------------------------------------------------------ what a user chooses
@dataclass
class Choices:
    """Victims per (province label, modus label) in the default period (the last 12 months with data). A user picks
    a province and a modus that have cases together, as a minister would; a random province may have none in the
    period, and every page then shows only its empty state (a few KB, no charts): a different benchmark."""

    pairs: dict[tuple[str, str], int]
    min_cases: int = 5

    def provinces(self, modus: str | None = None) -> list[str]:
        totals: dict[str, int] = {}
        for (prov, mod), n in self.pairs.items():
            if modus is None or mod == modus:
                totals[prov] = totals.get(prov, 0) + n
        return _with_cases(totals, self.min_cases * (1 if modus else 4))

    def modus(self, province: str | None) -> list[str]:
        totals: dict[str, int] = {}
        for (prov, mod), n in self.pairs.items():
            if province is None or prov == province:
                totals[mod] = totals.get(mod, 0) + n
        return _with_cases(totals, self.min_cases)


def _with_cases(totals: dict[str, int], floor: int) -> list[str]:
    """The names with at least `floor` cases; on a small database, where none has that many, those with any."""
    return sorted(k for k, n in totals.items() if n >= floor) or sorted(k for k, n in totals.items() if n > 0)


def load_choices(database_url: str) -> Choices:
    """From the database the app uses, with data_access's own queries and the app's default period rule."""
    from data_access.cases import query_period_bounds, query_victims_by
    from data_access.engine import get_engine
    from data_access.reference import query_code_names
    from domain.filters import Filters, month_key
    from domain.periods import preset_window

    with get_engine(database_url).connect() as conn:
        lo, hi = query_period_bounds(conn)
        months, d = [], lo
        while d is not None and hi is not None and d <= hi:
            months.append(month_key(d))
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        window = preset_window("12_bulan", months)
        filters = Filters(start=dt.date.fromisoformat(window[0] + "-01"), end=dt.date.fromisoformat(window[1] + "-01"))
        frame = query_victims_by(conn, filters, ("kode_prov_asal", "modus"))
        names = query_code_names(conn, "id")
    get_engine(database_url).dispose()
    return Choices({(names["provinsi"].get(r.kode_prov_asal, r.kode_prov_asal), names["modus"].get(r.modus, r.modus)):
                    int(r.jumlah) for r in frame.itertuples()})


def choose(rng: random.Random, cfg: Config, key: str, options: list[str], chosen: dict[str, str]) -> str:
    """A new value for the filter widget `key` (w_prov, w_modus) among its options, with data for the other filter."""
    current = chosen.get(key)
    if cfg.choices is not None:
        wanted = (cfg.choices.provinces(chosen.get("w_modus")) if key == "w_prov"
                  else cfg.choices.modus(chosen.get("w_prov")))
        fitting = [o for o in options if o in wanted and o != current]
        if fitting:
            return rng.choice(fitting)
    return rng.choice([o for o in options if o != current] or options)


# ------------------------------------------------------------------ virtual users
@dataclass
class Target:
    name: str  # "app" or "peer"
    url: str
    pids: list[int] = field(default_factory=list)


@dataclass
class Config:
    think: tuple[float, float] = (3.0, 8.0)
    timeout: float = 30.0  # an action slower than this counts as a timeout
    give_up: float = 120.0  # a user stops after an action this long without script_finished
    ramp: float = 3.0  # users start at random offsets within this many seconds
    loops: int = 1  # passes through the scenario after the sign-in
    actions: int | None = None  # at most this many scenario actions per user (quick runs and the test)
    seed: int = 24
    password: str = ""
    trace: Any = None  # callable(dict) for every ForwardMsg (--trace)
    choices: Choices | None = None  # provinces and modus with data, so a filter change shows figures


@dataclass
class UserRun:
    user: int
    actions: list[dict] = field(default_factory=list)
    error: str | None = None


def app_steps(cfg: Config) -> list[tuple[str, str]]:
    steps = list(APP_STEPS) + list(APP_STEPS[1:]) * (cfg.loops - 1)
    return steps[:cfg.actions] if cfg.actions is not None else steps


def _tracer(cfg: Config, target: Target, user: int):
    if cfg.trace is None:
        return None
    return lambda row: cfg.trace({"target": target.name, "user": user, "t": round(time.perf_counter(), 3), **row})


def _record(run: UserRun, action: Action, phase_start: float) -> Action:
    row = action.as_dict()
    row.update(user=run.user, at_s=round(action.started - phase_start, 3))
    run.actions.append(row)
    return action


@dataclass
class Dice:
    """A user's random draws: `time` (start offset, think times) is seeded the same for user k of the app and of the
    peer, so both see the same pacing; `pick` (what to choose) is separate, so choices do not shift the timing."""

    time: random.Random
    pick: random.Random

    @classmethod
    def for_user(cls, seed: int, users: int, user: int) -> Dice:
        return cls(random.Random(f"{seed}/{users}/{user}/time"), random.Random(f"{seed}/{users}/{user}/pick"))


async def _think(dice: Dice, cfg: Config) -> None:
    await asyncio.sleep(dice.time.uniform(*cfg.think))


async def app_user(target: Target, user: int, cfg: Config, dice: Dice, phase_start: float) -> UserRun:
    """Sign in as bench-load-<user>, then the scenario. Stops at the first action that fails."""
    run = UserRun(user)
    session = StreamSession(target.url, timeout=cfg.give_up, trace=_tracer(cfg, target, user))
    try:
        opened = _record(run, await session.open("masuk", label="/masuk"), phase_start)
        if opened.error:
            raise RuntimeError(f"open /masuk: {opened.error}")
        await _think(dice, cfg)
        form = [string_value(session.widget("login_user"), account_name(user)),
                string_value(session.widget("login_password"), cfg.password)]
        submit = next((w for k, w in session.widgets.items() if k.startswith("FormSubmitter:login_form")), None)
        if submit is None:
            raise RuntimeError(f"no sign-in button; widgets: {sorted(session.widgets)}")
        action = await session.rerun("sign_in", "sign_in", changes=[*form, trigger(submit)])
        if session.redirect and not action.error:  # the app's cookie round trip: a new page load, signed in
            await session.follow_redirect(action)
        _record(run, action, phase_start)
        if action.error:
            raise RuntimeError(f"sign-in: {action.error}")
        if session.pages.get(EXECUTIVE) != session.page_hash or "w_prov" not in session.widgets:
            raise RuntimeError(f"not signed in (page {session.page_hash[:8]}, widgets {sorted(session.widgets)[:8]})")
        chosen: dict[str, str] = {}
        for kind, what in app_steps(cfg):
            await _think(dice, cfg)
            if kind == "page":
                action = await session.rerun("page", what, page=what)
            else:
                widget = session.widget(what)
                value = chosen[what] = choose(dice.pick, cfg, what, widget.options, chosen)
                page = next((p for p, h in session.pages.items() if h == session.page_hash and p), "?")
                action = await session.rerun("filter", f"{what.removeprefix('w_')}@{page}",
                                             changes=[string_array(widget, [value])])
            _record(run, action, phase_start)
            if action.error:
                raise RuntimeError(f"{action.label}: {action.error}")
    except Exception as exc:  # noqa: BLE001 — a failed user is a figure of the run
        run.error = f"{type(exc).__name__}: {exc}"[:400]
    finally:
        await session.close()
    return run


async def peer_user(target: Target, user: int, cfg: Config, dice: Dice, phase_start: float) -> UserRun:
    """The peer page: open it, then slider and multiselect in turn, as many actions as an app user makes."""
    run = UserRun(user)
    session = StreamSession(target.url, timeout=cfg.give_up, trace=_tracer(cfg, target, user))
    steps = len(app_steps(cfg))
    try:
        opened = _record(run, await session.open("", label="/"), phase_start)
        if opened.error:
            raise RuntimeError(f"open /: {opened.error}")
        for i in range(steps):
            await _think(dice, cfg)
            if i % 2 == 0:
                slider = session.widget("years")
                lo = dice.pick.randint(int(slider.proto.min), int(slider.proto.max) - 3)
                hi = dice.pick.randint(lo + 2, int(slider.proto.max))
                change, label = double_array(slider, [float(lo), float(hi)]), "years@slider"
            else:
                regions = session.widget("regions")
                change = string_array(regions, dice.pick.sample(regions.options, dice.pick.randint(3, 8)))
                label = "regions@multiselect"
            action = _record(run, await session.rerun("filter", label, changes=[change]), phase_start)
            if action.error:
                raise RuntimeError(f"{label}: {action.error}")
    except Exception as exc:  # noqa: BLE001
        run.error = f"{type(exc).__name__}: {exc}"[:400]
    finally:
        await session.close()
    return run


async def run_phase(target: Target, users: int, cfg: Config, warm_up: bool = False) -> dict:
    """N users at once on one target; the figures of that phase."""
    behave = app_user if target.name == "app" else peer_user
    phase_cfg = Config(**{**cfg.__dict__, "think": (0.0, 0.0), "ramp": 0.0}) if warm_up else cfg
    load_before = os.getloadavg()
    cpu_before = cpu_seconds(target.pids) if target.pids else None
    client_before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()

    async def one(user: int) -> UserRun:
        dice = Dice.for_user(cfg.seed, users, user)
        await asyncio.sleep(dice.time.uniform(0, phase_cfg.ramp))
        return await behave(target, user, phase_cfg, dice, start)

    with RssSampler(target.pids) as rss:
        runs = await asyncio.gather(*(one(u) for u in (range(0, 1) if warm_up else range(1, users + 1))))
    wall = time.perf_counter() - start
    client_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = cpu_seconds(target.pids) - cpu_before if cpu_before is not None else None
    rss_end = rss_mib(target.pids) if target.pids else None
    actions = [a for r in runs for a in r.actions]
    out = summarise(actions, cfg.timeout)
    out.update(
        target=target.name, users=users, wall_s=wall, load_before=load_before, load_after=os.getloadavg(),
        actions_per_s=len(actions) / wall if wall else None,
        server_cpu_s=cpu, server_cpu_s_per_action=(cpu / len(actions)) if cpu is not None and actions else None,
        server_cpu_share=(cpu / wall) if cpu is not None and wall else None,
        peak_rss_mib=rss.peak or None, peak_rss_roots_mib=rss.peak_roots or None, rss_end_mib=rss_end,
        client_cpu_s=(client_after.ru_utime + client_after.ru_stime) - (client_before.ru_utime + client_before.ru_stime),
        failed_users=[{"user": r.user, "error": r.error} for r in runs if r.error],
        actions_raw=actions,
    )
    return out


# ------------------------------------------------------------------ figures
def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default); None for no values."""
    if not values:
        return None
    values = sorted(values)
    pos = (len(values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def _stats(rows: list[dict], timeout: float) -> dict:
    done = [r for r in rows if not r["error"]]
    secs = [r["seconds"] for r in done]
    first = [r["first_delta_s"] for r in done if r["first_delta_s"] is not None]
    main = [r["first_main_s"] for r in done if r["first_main_s"] is not None]
    n = len(rows)
    return {
        "count": n, "completed": len(done), "errors": n - len(done),
        "timeouts": sum(1 for r in rows if r["seconds"] is not None and r["seconds"] > timeout
                        or (r["error"] or "").startswith("ProtocolError: no script_finished")),
        "p50_s": percentile(secs, 0.5), "p95_s": percentile(secs, 0.95), "max_s": max(secs, default=None),
        "first_delta_p50_s": percentile(first, 0.5), "first_delta_p95_s": percentile(first, 0.95),
        "first_main_p50_s": percentile(main, 0.5), "first_main_p95_s": percentile(main, 0.95),
        "kib_per_action": (sum(r["payload_bytes"] for r in rows) / n / 1024) if n else None,
        "wire_kib_per_action": (sum(r["wire_bytes"] for r in rows) / n / 1024) if n else None,
        "exceptions": sum(r["exceptions"] for r in rows),
        "cache_refs": sum(r["cache_refs"] for r in rows),
    }


def summarise(actions: list[dict], timeout: float) -> dict:
    scenario = [a for a in actions if a["kind"] in SCENARIO_KINDS]
    filters = [a for a in actions if a["kind"] == "filter"]
    out = {"actions": len(actions), "scenario": _stats(scenario, timeout), "filter_change": _stats(filters, timeout),
           "by_kind": {}, "by_label": {}}
    for key, name in (("by_kind", "kind"), ("by_label", "label")):
        for value in sorted({a[name] for a in actions}):
            out[key][value] = _stats([a for a in actions if a[name] == value], timeout)
    return out


def _fmt(value: float | None, spec: str = ".2f", dash: str = "–") -> str:
    return dash if value is None else format(value, spec)


def comparison(phases: list[dict]) -> list[dict]:
    rows = []
    for n in sorted({p["users"] for p in phases}):
        app = next((p for p in phases if p["users"] == n and p["target"] == "app"), None)
        peer = next((p for p in phases if p["users"] == n and p["target"] == "peer"), None)
        if not app:
            continue
        row = {"users": n, "app_p50_s": app["scenario"]["p50_s"], "app_p95_s": app["scenario"]["p95_s"]}
        if peer:
            row.update(peer_p50_s=peer["scenario"]["p50_s"], peer_p95_s=peer["scenario"]["p95_s"])
            for q in ("p50", "p95"):
                a, b = row[f"app_{q}_s"], row[f"peer_{q}_s"]
                row[f"ratio_{q}"] = a / b if a is not None and b else None
        rows.append(row)
    return rows


def table(result: dict) -> str:
    lines = [
        f"Load benchmark {result['started']} ({result['machine']}); load average at start "
        + ", ".join(f"{x:.2f}" for x in result["load_start"]) + f"; think {result['config']['think'][0]:g}–"
        f"{result['config']['think'][1]:g} s, timeout {result['config']['timeout']:g} s.",
        "App: " + result["targets"]["app"]["url"] + (f"; peer: {result['targets']['peer']['url']}"
                                                     if "peer" in result["targets"] else "; no peer"),
        "Times over scenario actions (filter changes and page switches; the sign-in and first page are under by_kind "
        "in the JSON). CPU per action = server CPU in the phase / all its actions (sign-ins and page opens included); "
        "CPU share = server CPU / wall time (100% = one core). Peak RSS: the server process trees (children such as an "
        "export browser included), in brackets the server processes alone. KB = ForwardMsg payload; wire KB = bytes "
        "off the socket (equal unless websocket compression is on).",
        "",
        "| N | target | actions | p50 s | p95 s | 1st delta p50 | 1st delta p95 | timeouts | errors | actions/s | "
        "KB/action | KB/filter | wire KB/action | CPU s/action | CPU share | peak RSS MiB (main) | load 1m |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for p in result["phases"]:
        s, f = p["scenario"], p["filter_change"]
        errors = s["errors"] + len(p["failed_users"])
        lines.append(
            f"| {p['users']} | {p['target']} | {p['actions']} | {_fmt(s['p50_s'])} | {_fmt(s['p95_s'])} | "
            f"{_fmt(s['first_delta_p50_s'])} | {_fmt(s['first_delta_p95_s'])} | {s['timeouts']} | {errors} | "
            f"{_fmt(p['actions_per_s'])} | {_fmt(s['kib_per_action'], '.1f')} | {_fmt(f['kib_per_action'], '.1f')} | "
            f"{_fmt(s['wire_kib_per_action'], '.1f')} | {_fmt(p['server_cpu_s_per_action'], '.3f')} | "
            f"{_fmt(p['server_cpu_share'], '.0%')} | {_fmt(p['peak_rss_mib'], '.0f')} "
            f"({_fmt(p['peak_rss_roots_mib'], '.0f')}) | "
            f"{p['load_before'][0]:.1f}→{p['load_after'][0]:.1f} |")
    rows = result["comparison"]
    if rows and "peer" in result["targets"]:
        lines += ["", "| N | app p50 s | peer p50 s | app p95 s | peer p95 s | app p95 / peer p95 | p50 ratio |",
                  "|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            lines.append(f"| {r['users']} | {_fmt(r['app_p50_s'])} | {_fmt(r.get('peer_p50_s'))} | "
                         f"{_fmt(r['app_p95_s'])} | {_fmt(r.get('peer_p95_s'))} | {_fmt(r.get('ratio_p95'), '.1f')}× | "
                         f"{_fmt(r.get('ratio_p50'), '.1f')}× |")
    app_phases = [p for p in result["phases"] if p["target"] == "app"]
    if app_phases:
        last = app_phases[-1]
        lines += ["", f"App actions at N = {last['users']} by step:", "",
                  "| step | count | p50 s | p95 s | 1st delta p50 | 1st main-area delta p50 | KB/action | "
                  "wire KB/action | cache refs |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for label, s in last["by_label"].items():
            lines.append(f"| {label} | {s['count']} | {_fmt(s['p50_s'])} | {_fmt(s['p95_s'])} | "
                         f"{_fmt(s['first_delta_p50_s'])} | {_fmt(s['first_main_p50_s'])} | "
                         f"{_fmt(s['kib_per_action'], '.1f')} | "
                         f"{_fmt(s['wire_kib_per_action'], '.1f')} | {s['cache_refs']} |")
    failed = [(p["target"], p["users"], f) for p in result["phases"] for f in p["failed_users"]]
    if failed:
        lines += ["", "Failed users:"] + [f"- {t} N={n} user {f['user']}: {f['error']}" for t, n, f in failed[:10]]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ accounts and servers
def account_name(user: int) -> str:
    return f"{ACCOUNT_PREFIX}{user:03d}"


def create_accounts(database_url: str, count: int, password: str) -> float:
    """Accounts bench-load-000 … (000 warms up) with role pimpinan; an existing one gets this run's password."""
    from data_access.account_admin import create_user
    from data_access.engine import get_engine

    start = time.perf_counter()
    now = dt.datetime.now(dt.timezone.utc)
    with get_engine(database_url).begin() as conn:
        for user in range(count + 1):
            create_user(conn, account_name(user), password, ROLE, "bench/load.py", now, replace=True)
    get_engine(database_url).dispose()
    return time.perf_counter() - start


def start_all(stack: contextlib.ExitStack, servers: dict) -> dict:
    """Enter the servers' context managers at once (each waits for its health check); exits on the stack.

    The pool's threads live until the servers are stopped: a server is started with PR_SET_PDEATHSIG, which Linux
    fires when the *thread* that forked it ends, so a finished pool thread would take its server down with it."""
    from concurrent.futures import ThreadPoolExecutor

    if not servers:
        return {}
    pool = ThreadPoolExecutor(len(servers), thread_name_prefix="load-server")
    stack.callback(pool.shutdown)  # pushed first, so it runs after every server has been stopped
    futures = {name: pool.submit(cm.__enter__) for name, cm in servers.items()}
    started, error = {}, None
    for name, future in futures.items():
        try:
            started[name] = future.result()
            stack.push(servers[name])
        except Exception as exc:  # noqa: BLE001 — the other server is still stopped by the stack
            error = error or exc
    if error is not None:
        raise error
    return started


def delete_accounts(database_url: str, count: int) -> None:
    """The bench accounts and their sessions go (audited as every account change is)."""
    from data_access.account_admin import AccountRefused, delete_user
    from data_access.engine import get_engine

    now = dt.datetime.now(dt.timezone.utc)
    with get_engine(database_url).begin() as conn:
        for user in range(count + 1):
            with contextlib.suppress(AccountRefused):
                delete_user(conn, account_name(user), "bench/load.py", now)
    get_engine(database_url).dispose()


def _local_url(url: str) -> str:
    # "localhost" may try ::1 first; the servers here listen on 127.0.0.1.
    return url.replace("://localhost:", "://127.0.0.1:")


def _port_of(url: str) -> int:
    parts = urlsplit(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


def _ints(text: str | None) -> list[int]:
    return [int(x) for x in (text or "").split(",") if x.strip()]


async def measure(args: argparse.Namespace, cfg: Config, app: Target, peer: Target | None) -> dict:
    result: dict = {"phases": [], "warm_up": {}}
    targets = [app] + ([peer] if peer else [])
    if not args.no_warm_up:
        for target in targets:
            log(f"warm-up: one {target.name} user, no think time")
            phase = await run_phase(target, 1, cfg, warm_up=True)
            result["warm_up"][target.name] = {"wall_s": phase["wall_s"], "failed_users": phase["failed_users"]}
            if phase["failed_users"]:
                raise SystemExit(f"warm-up failed on {target.name}: {phase['failed_users'][0]['error']}")
    for n in args.users:
        for target in targets:
            log(f"{target.name}: {n} user(s)")
            phase = await run_phase(target, n, cfg)
            if not args.raw:
                phase.pop("actions_raw")
            result["phases"].append(phase)
            s = phase["scenario"]
            log(f"  p50 {_fmt(s['p50_s'])} s, p95 {_fmt(s['p95_s'])} s, {phase['actions']} actions in "
                f"{phase['wall_s']:.0f} s, failed users {len(phase['failed_users'])}")
            await asyncio.sleep(args.pause)
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n".join(__doc__.splitlines()[2:]))
    p.add_argument("--users", help="comma-separated N (default 1,5,10,20,40; --quick 1,3)")
    p.add_argument("--quick", action="store_true", help="N = 1,3, think 1–2 s, four actions per user")
    p.add_argument("--app-url", help="a running app (e.g. nginx + replicas on http://127.0.0.1:8080); default: start "
                                     "one `streamlit run serve.py` on --database-url")
    p.add_argument("--database-url", help="the app's database, where the bench accounts are created (default: "
                                          "$DATABASE_URL with --app-url, else a fresh demo SQLite)")
    p.add_argument("--app-ports", help="ports whose listening processes (and their children) are the app's server "
                                       "processes for CPU and RSS (default: the port of --app-url)")
    p.add_argument("--app-pids", help="process ids of the app's servers instead of --app-ports")
    p.add_argument("--peer", default=str(DEFAULT_PEER), help="peer page served by its own `streamlit run` "
                                                              "(default ../shared/bench/peer_dashboard.py)")
    p.add_argument("--peer-url", help="a peer page already served there instead of starting one")
    p.add_argument("--no-peer", action="store_true")
    p.add_argument("--think", help="think time range in seconds, 'low,high' (default 3,8; --quick 1,2)")
    p.add_argument("--timeout", type=float, default=30.0, help="an action longer than this is a timeout (30 s)")
    p.add_argument("--give-up", type=float, default=120.0, help="a user stops after waiting this long (120 s)")
    p.add_argument("--ramp", type=float, default=3.0, help="users start within this many seconds (3)")
    p.add_argument("--loops", type=int, default=1, help="passes through the scenario per user (1)")
    p.add_argument("--actions", type=int, help="at most this many scenario actions per user")
    p.add_argument("--seed", type=int, default=24)
    p.add_argument("--delete-accounts", action="store_true", help="delete the bench-load-* accounts at the end (they "
                                                                   "are kept by default, with a password nobody knows)")
    p.add_argument("--pause", type=float, default=2.0, help="seconds between phases (2)")
    p.add_argument("--no-warm-up", action="store_true", help="skip the unrecorded first pass of one user per target")
    p.add_argument("--raw", action="store_true", help="keep every action in the JSON")
    p.add_argument("--trace", help="write every ForwardMsg received (JSON lines: user, action, type, element, "
                                   "bytes) to this file")
    p.add_argument("--out", help="JSON path (default bench/results/load-latest.json and a dated copy)")
    args = p.parse_args(argv)
    if args.quick:
        args.actions = args.actions or 4
    args.users = _ints(args.users or ("1,3" if args.quick else "1,5,10,20,40"))
    args.think = tuple(float(x) for x in (args.think or ("1,2" if args.quick else "3,8")).split(","))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cfg = Config(think=args.think, timeout=args.timeout, give_up=args.give_up, ramp=args.ramp, loops=args.loops,
                 actions=args.actions, seed=args.seed, password="bench-" + secrets.token_urlsafe(12))
    from tests.browser import live

    started = dt.datetime.now().isoformat(timespec="seconds")
    result: dict = {"started": started, "load_start": os.getloadavg(),
                    "machine": f"{platform.machine()}, {os.cpu_count()} CPU, Python {platform.python_version()}",
                    "config": {**{k: v for k, v in cfg.__dict__.items() if k not in ("password", "trace", "choices")},
                               "users": args.users},
                    "targets": {}}
    with tempfile.TemporaryDirectory(prefix="tppo-load-") as tmp, contextlib.ExitStack() as stack:
        work = Path(tmp)
        if args.trace:
            trace_file = stack.enter_context(open(args.trace, "w"))  # noqa: SIM115
            cfg.trace = lambda row: trace_file.write(json.dumps(row, ensure_ascii=False) + "\n")
        servers: dict[str, contextlib.AbstractContextManager] = {}
        app: Target | None = None
        if args.app_url:
            database_url = args.database_url or os.environ.get("DATABASE_URL")
            if not database_url:
                raise SystemExit("--app-url needs --database-url (or DATABASE_URL): the accounts are created there")
            pids = _ints(args.app_pids) or listening_pids(_ints(args.app_ports) or [_port_of(args.app_url)])
            app = Target("app", args.app_url.rstrip("/"), pids)
        else:
            database_url = args.database_url or f"sqlite:///{work / 'tppo.sqlite'}"
            log("starting streamlit run serve.py" + ("" if args.database_url else " (building the demo database)"))
            servers["app"] = live.running_server(work / "app", database_url, prepare=not args.database_url)
        peer = None
        if not args.no_peer:
            if args.peer_url:
                peer = Target("peer", args.peer_url.rstrip("/"), listening_pids([_port_of(args.peer_url)]))
            else:
                log(f"starting the peer page {args.peer}")
                servers["peer"] = live.running_server(work / "peer", database_url, prepare=False,
                                                      script=str(Path(args.peer).resolve()))
        started_servers = start_all(stack, servers)
        if "app" in started_servers:
            app = Target("app", _local_url(started_servers["app"].url), [started_servers["app"].pid])
        if "peer" in started_servers:
            peer = Target("peer", _local_url(started_servers["peer"].url), [started_servers["peer"].pid])
        assert app is not None
        users = max(args.users)
        log(f"accounts {account_name(0)}…{account_name(users)} on the app's database")
        result["accounts_s"] = create_accounts(database_url, users, cfg.password)
        try:
            cfg.choices = load_choices(database_url)
            result["choices"] = {"provinces": cfg.choices.provinces(), "modus": cfg.choices.modus(None)}
        except Exception as exc:  # noqa: BLE001 — then any option of the widget is chosen
            result["choices"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        for t in (app, peer):
            if t:
                result["targets"][t.name] = {"url": t.url, "pids": t.pids, "self_started": not (
                    args.app_url if t.name == "app" else args.peer_url)}
        try:
            result.update(asyncio.run(measure(args, cfg, app, peer)))
        finally:
            if args.delete_accounts:
                delete_accounts(database_url, users)
    result["load_end"] = os.getloadavg()
    result["comparison"] = comparison(result["phases"])
    text = table(result)
    RESULTS.mkdir(parents=True, exist_ok=True)
    outs = [Path(args.out)] if args.out else [RESULTS / "load-latest.json",
                                              RESULTS / f"load-{started.replace(':', '')}.json"]
    for out in outs:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1, default=str))
        (out.with_suffix(".md")).write_text(text)
    print(text)
    log("written " + ", ".join(str(o) for o in outs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
