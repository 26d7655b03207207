"""The reverse proxy of docs/DEPLOYMENT.md with Debian's nginx in front of real servers (issues 14 and 24).

Most tests share one `make serve` layout: tools/serve_replicas.py running two `streamlit run serve.py` replicas
behind nginx with the configuration it writes from deploy/nginx/ (the files a deployment installs). They check the
frame protection headers, /_stcore/metrics blocked and the websocket upgrade (issue 14); that an office behind one
address can open the dashboard at once: 20 fresh browsers render, no request is refused, both replicas get sessions
and every browser stays on its replica, its sign-in cookie route and its downloads included; that 60 new sessions and
a first page's worth of static files from one address are not refused while a runaway client still is (issue 24);
that the launcher starts, answers, restarts a replica that dies and stops on Ctrl-C leaving no process; and that the
full TLS site file passes `nginx -t`.
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import live
from tests.browser.conftest import Tab, copy_db, title_of
from tests.conftest import PROJECT
from tools.serve_replicas import find_nginx

try:
    NGINX = find_nginx(None)
except Exception:  # noqa: BLE001 — the launcher's UserError: nginx is not installed
    NGINX = None
DEPLOY = PROJECT / "deploy" / "nginx"
LAUNCHER = PROJECT / "tools" / "serve_replicas.py"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not NGINX, reason="nginx is not installed (apt-get install nginx-light)")]

# The launcher's access log (--access-log): request, status, user agent and the replica that answered.
LOG_LINE = re.compile(r'^(?P<addr>\S+) \[[^\]]*\] "(?P<method>\S+) (?P<path>\S+)[^"]*" (?P<status>\d{3}) \d+ '
                      r'"(?P<agent>[^"]*)" upstream="(?P<upstream>[^"]*)"')


def _prefix(tmp: Path) -> str:
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / name).mkdir(exist_ok=True)
    user = "user root root;" if os.geteuid() == 0 else ""
    return (f"{user}\nworker_processes 1;\nerror_log {tmp}/error.log;\npid {tmp}/nginx.pid;\nevents {{}}\n"
            f"http {{\naccess_log off;\nclient_body_temp_path {tmp}/body;\nproxy_temp_path {tmp}/proxy;\n"
            f"fastcgi_temp_path {tmp}/fastcgi;\nuwsgi_temp_path {tmp}/uwsgi;\nscgi_temp_path {tmp}/scgi;\n")


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _handshake(port: int, source: str = "127.0.0.1") -> bytes:
    """A websocket upgrade on /_stcore/stream from the client address source (any 127.x.y.z is this machine),
    answered with its status line and headers; the connection is closed at once."""
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Sec-WebSocket-Protocol: streamlit\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)) as sock:
        sock.sendall(request.encode())
        return sock.recv(4096)


def _status_from(port: int, path: str, source: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _pair_of_free_ports() -> int:
    """The first of two consecutive free ports (the launcher numbers its replicas from a base port)."""
    for _ in range(50):
        base = live.free_port()
        if base < 65000 and all(_bindable(base + i) for i in range(2)):
            return base
    raise RuntimeError("no two consecutive free ports")


def _bindable(port: int) -> bool:
    """A server could listen on port now (SO_REUSEADDR, as servers bind: closed connections may linger)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _cmdlines() -> dict[int, tuple[str, int]]:
    """Every process: its command line and its parent's pid."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            found[int(entry.name)] = (cmd, parent)
    return found


# ------------------------------------------------------------------ the launcher as a test sees it
@dataclass
class Layout:
    """A running tools/serve_replicas.py: nginx on port in front of replicas on base_port, base_port + 1."""

    process: subprocess.Popen
    port: int
    base_port: int
    state_dir: Path
    stdout: list[str]
    stderr: list[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def replicas(self) -> set[str]:
        return {f"127.0.0.1:{self.base_port + i}" for i in range(2)}

    def log(self) -> list[dict[str, str]]:
        path = self.state_dir / "access.log"
        lines = path.read_text(errors="replace").splitlines() if path.exists() else []
        return [m.groupdict() for m in map(LOG_LINE.match, lines) if m]

    def processes(self) -> dict[int, str]:
        """Our nginx master (by its prefix) and its workers, and our replicas (by their ports), from /proc."""
        marks = [f"-p {self.state_dir} "] + [f"--server.port {self.base_port + i} " for i in range(2)]
        every = _cmdlines()
        ours = {pid: cmd for pid, (cmd, _) in every.items() if any(m in cmd for m in marks)}
        return ours | {pid: cmd for pid, (cmd, parent) in every.items() if parent in ours}

    def wait_for(self, lines: list[str], needle: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            hit = next((line for line in lines if needle in line), None)
            if hit is not None:
                return hit
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"no {needle!r} from the launcher (exit {self.process.poll()}):\n"
                             + "".join(self.stdout) + "".join(self.stderr))


def _read_lines(stream, into: list[str]) -> None:
    for line in iter(stream.readline, ""):
        into.append(line)


def start_layout(tmp: Path, database_url: str, *args: str, env: dict[str, str] | None = None) -> Layout:
    port, base = live.free_port(), _pair_of_free_ports()
    state = tmp / "serve"
    environment = live.server_env(tmp, database_url) | (env or {})
    cmd = [sys.executable, str(LAUNCHER), "--host", "127.0.0.1", "--port", str(port), "--base-port", str(base),
           "--state-dir", str(state), "--access-log", *args]
    process = subprocess.Popen(cmd, cwd=PROJECT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, preexec_fn=live._die_with_parent)  # noqa: PLW1509
    layout = Layout(process, port, base, state, [], [])
    for stream, into in ((process.stdout, layout.stdout), (process.stderr, layout.stderr)):
        threading.Thread(target=_read_lines, args=(stream, into), daemon=True).start()
    return layout


def stop_layout(layout: Layout) -> None:
    if layout.process.poll() is None:
        layout.process.send_signal(signal.SIGTERM)
        try:
            layout.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(layout.process.pid, signal.SIGKILL)
            layout.process.wait(timeout=10)
    for pid in layout.processes():  # a failed test must not leave a server listening
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@pytest.fixture(scope="module")
def office(prepared_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Layout]:
    """Two replicas behind nginx on a copy of the demo database, as `make serve` runs them."""
    tmp = tmp_path_factory.mktemp("office")
    layout = start_layout(tmp, copy_db(prepared_db, tmp / "db"), "--replicas", "2", "--no-prepare")
    try:
        layout.wait_for(layout.stdout, "Dasbor siap", timeout=120)
        yield layout
    finally:
        stop_layout(layout)


# ------------------------------------------------------------------ issue 14: headers, metrics, websocket
def test_proxy_example_headers_metrics_and_websocket(office: Layout):
    status, headers, body = _get(f"{office.url}/")
    assert status == 200 and b"<html" in body.lower()
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    replica = f"http://{sorted(office.replicas)[0]}"
    assert _get(f"{replica}/_stcore/metrics")[0] == 200, "Streamlit itself answers anyone"
    for path in ("/_stcore/metrics", "/x/_stcore/metrics", "/_stcore/metrics?format=openmetrics"):
        status, headers, _ = _get(office.url + path)
        assert status == 404 and headers["X-Frame-Options"] == "SAMEORIGIN", path
    assert _handshake(office.port).startswith(b"HTTP/1.1 101"), "websocket upgrade through the proxy"


def test_the_routing_cookie_is_set_once_and_pins_the_replica(office: Layout):
    status, headers, _ = _get(f"{office.url}/")
    cookie = headers.get("Set-Cookie", "")
    match = re.fullmatch(r"tppo_replica=([0-9a-f]{32}); Path=/; HttpOnly; SameSite=Lax", cookie)
    assert status == 200 and match, cookie
    agent = f"pin-check-{os.urandom(4).hex()}"
    for path in ("/", "/static/js/nothing.js", "/_stcore/health", "/ringkasan-publik"):
        _, headers, _ = _get(office.url + path, {"Cookie": f"tppo_replica={match[1]}", "User-Agent": agent})
        assert "Set-Cookie" not in headers, f"{path}: a browser with the cookie gets no new one"
    # The cookie, not the address, picks the replica: 24 browsers' cookies from one address reach both, each its own.
    for n in range(24):
        for _ in range(2):
            _get(f"{office.url}/_stcore/health", {"Cookie": f"tppo_replica={n:032x}", "User-Agent": f"{agent}-{n}"})
    time.sleep(0.2)
    log = office.log()
    upstreams = {line["upstream"] for line in log if line["agent"] == agent}
    assert len(upstreams) == 1 and upstreams <= office.replicas, upstreams
    per_cookie = [{line["upstream"] for line in log if line["agent"] == f"{agent}-{n}"} for n in range(24)]
    assert all(len(u) == 1 for u in per_cookie), per_cookie
    assert set().union(*per_cookie) == office.replicas, "the cookie does not spread browsers over the replicas"


# ------------------------------------------------------------------ issue 24: an office behind one address
OFFICE_BROWSERS = 20


def test_twenty_fresh_browsers_from_one_address_render_and_spread_over_the_replicas(office: Layout, browser):
    """As at 9:00 in an office behind one NAT address: every browser gets its first page (no request refused), both
    replicas get sessions, and each browser's page, JS chunks and websocket stay on one replica."""
    title = title_of("ringkasan_publik")
    opened = []
    for i in range(OFFICE_BROWSERS):
        watch = live.Watch()
        agent = f"Mozilla/5.0 (X11; Linux x86_64) Chrome/{browser.version} tppo-office-{i:02d}"
        context = live.new_context(browser, watch, user_agent=agent)
        refused: list[str] = []
        context.on("response", lambda r, refused=refused: r.status in (429, 502, 503, 504)
                   and refused.append(f"{r.status} {r.url}"))
        page = context.new_page()
        page.set_default_timeout(120_000)
        opened.append((agent, context, page, watch, refused))
    # Everyone at once; each page until its heading and first figures are drawn (what the person came for), then
    # closed, which ends its session (the rest of the page is the business of the page tests).
    for _, _, page, _, _ in opened:
        page.goto(office.url + "/", wait_until="commit")
    problems = []
    deadline = time.monotonic() + 150  # for all of them: a refused asset leaves a page blank for good
    for agent, context, page, watch, refused in opened:
        try:
            for locator in (page.locator("h1", has_text=title).first,
                            page.locator('[data-testid="stMain"] [data-testid="stMetric"]').first):
                locator.wait_for(state="visible", timeout=max(1.0, deadline - time.monotonic()) * 1000)
        except PlaywrightTimeout:
            problems.append(f"{agent}: no heading {title!r} and figures (blank page); refused: {refused[:5]}")
        if refused:
            problems.append(f"{agent}: {refused[:5]}")
        if watch.page_errors:
            problems.append(f"{agent}: {watch.page_errors[:2]}")
        if not any(c["name"] == "tppo_replica" for c in context.cookies()):
            problems.append(f"{agent}: no routing cookie")
        context.close()  # nginx logs a websocket when it closes
    time.sleep(0.5)
    by_browser: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in office.log():
        by_browser[line["agent"]].append(line)
    used = set()
    for agent, _, _, _, _ in opened:
        lines = by_browser[agent]
        upstreams = {line["upstream"] for line in lines}
        if not any(line["path"] == "/_stcore/stream" and line["status"] == "101" for line in lines):
            problems.append(f"{agent}: no websocket")
        if sum(line["path"].startswith("/static/") for line in lines) < 10:
            problems.append(f"{agent}: not its JS chunks")
        if len(upstreams) != 1 or not upstreams <= office.replicas:
            problems.append(f"{agent} reached {upstreams}")
        used |= upstreams
    if used != office.replicas:
        problems.append(f"every browser on {used}: an office would use one core")
    refused = [f"{line['status']} {line['path']}" for lines in by_browser.values() for line in lines
               if line["status"] == "429"]
    assert problems == [] and refused == [], f"{len(refused)} requests refused: {refused[:5]}"


def test_sign_in_cookie_route_and_downloads_stay_on_the_browsers_replica(office: Layout, browser, tmp_path):
    """The sign-in sets its cookie through /sesi/pasang and a download button's file (/media/...) lives in one
    replica's memory: both must reach the replica of the browser's session."""
    agent = f"Mozilla/5.0 (X11; Linux x86_64) Chrome/{browser.version} tppo-office-signin"
    watch = live.Watch()
    context = live.new_context(browser, watch, user_agent=agent)
    try:
        page = context.new_page()
        page.set_default_timeout(120_000)
        live.login(page, office.url, "jarnas")
        assert any(c["name"] == "tppo_sesi" for c in context.cookies()), "the sign-in cookie came through the proxy"
        tab = Tab("jarnas", page, watch, office.url)
        tab.open("daftar_tindakan")
        with page.expect_download(timeout=120_000) as info:
            page.locator('[data-testid="stDownloadButton"] button', has_text="CSV").first.click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        assert target.read_bytes().decode("utf-8-sig").count("\n") >= 3
        page.reload()  # a new session: signed in again from the cookie
        page.get_by_text("Masuk sebagai").first.wait_for(state="visible")
    finally:
        context.close()
    time.sleep(0.5)
    lines = [line for line in office.log() if line["agent"] == agent]
    paths = {(line["path"].split("?")[0], line["status"]) for line in lines}
    assert ("/sesi/pasang", "303") in paths
    assert any(p.startswith("/media/") and s == "200" for p, s in paths), sorted(paths)
    assert sum(p == "/_stcore/stream" for p, _ in paths) >= 1
    upstreams = {line["upstream"] for line in lines}
    assert len(upstreams) == 1 and upstreams <= office.replicas, upstreams


def test_sixty_new_sessions_from_one_address_pass_and_a_loop_of_them_is_refused(office: Layout):
    """An office opening the dashboard at once, from a client address of its own (127.0.0.7), so the browsers of the
    tests above do not share its budget."""
    source = "127.0.0.7"
    answers = [_handshake(office.port, source).split(b"\r\n", 1)[0] for _ in range(60)]
    assert [a for a in answers if not a.startswith(b"HTTP/1.1 101")] == [], "60 sessions of an office at once"
    # The session limit is still there: a client that opens sessions in a loop is refused.
    assert any(_handshake(office.port, source).startswith(b"HTTP/1.1 429") for _ in range(60)), "no session limit"


def test_a_first_page_of_static_files_in_one_burst_is_not_refused(office: Layout):
    """What a first page load asks for at once, 120 files (JS chunks, CSS, fonts, the map assets and the frontend's
    probes), from a client address of its own (127.0.0.8)."""
    index = _get(f"{office.url}/")[2].decode()
    chunks = sorted(set(re.findall(r'\./(static/[^"\']+)', index)))
    js = sorted((Path(streamlit.__file__).parent / "static" / "static" / "js").glob("*.js"))
    assets = ([f"/{c}" for c in chunks] + [f"/static/js/{p.name}" for p in js[:90]]
              + ["/app/static/vendor/leaflet/leaflet.js", "/favicon.png"] + ["/_stcore/health"] * 8
              + ["/_stcore/host-config"] * 8 + ["/ringkasan-publik/_stcore/health"] * 4)[:120]
    assert len(assets) == 120
    with ThreadPoolExecutor(max_workers=24) as pool:
        statuses = list(pool.map(lambda path: (_status_from(office.port, path, "127.0.0.8"), path), assets))
    refused = [path for status, path in statuses if status == 429]
    assert refused == [], f"{len(refused)} of 120 refused, e.g. {refused[:3]}"
    assert sum(status == 200 for status, _ in statuses) >= 110, statuses


# ------------------------------------------------------------------ the launcher itself
def test_launcher_starts_answers_restarts_a_dead_replica_and_stops_on_ctrl_c(prepared_db: Path, tmp_path):
    """`REPLICAS=2 make serve`'s command on a temporary demo SQLite: one line with the address, the app's page
    through nginx, a killed replica started again, and Ctrl-C ends everything with 130, no traceback, no process."""
    dry = subprocess.run(["make", "-n", "serve", "REPLICAS=2"], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0 and "tools/serve_replicas.py" in dry.stdout and "--replicas 2" in dry.stdout, dry
    layout = start_layout(tmp_path, copy_db(prepared_db, tmp_path / "db"), env={"REPLICAS": "2"})
    try:
        line = layout.wait_for(layout.stdout, "Dasbor siap", timeout=120)
        assert f"http://127.0.0.1:{layout.port}/" in line and "2 replika" in line, line
        status, headers, body = _get(f"{layout.url}/")
        assert status == 200 and b"<html" in body.lower() and "tppo_replica=" in headers.get("Set-Cookie", "")
        running = layout.processes()
        replicas = {pid for pid, cmd in running.items() if "streamlit run serve.py" in cmd}
        assert len(replicas) == 2 and any("nginx: master" in cmd for cmd in running.values())

        victim = min(replicas)
        os.kill(victim, signal.SIGKILL)
        layout.wait_for(layout.stderr, "berhenti", timeout=20)
        layout.wait_for(layout.stderr, "menjawab lagi", timeout=90)
        again = {pid for pid, cmd in layout.processes().items() if "streamlit run serve.py" in cmd}
        assert len(again) == 2 and victim not in again

        before = set(layout.processes())
        layout.process.send_signal(signal.SIGINT)
        assert layout.process.wait(timeout=30) == 130
        time.sleep(0.3)
        err = "".join(layout.stderr)
        assert "Dihentikan (Ctrl-C)." in err and "Traceback" not in err, err
        assert before and not (set(layout.processes()) & before), "processes left behind"
        assert _bindable(layout.port) and all(_bindable(layout.base_port + i) for i in range(2))
    finally:
        stop_layout(layout)


def test_full_site_configuration_passes_nginx_t(tmp_path):
    """The TLS site file as documented, with a throw-away certificate and the snippet path of this checkout."""
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=dasbor.example.go.id", "-keyout", str(key), "-out", str(cert)], check=True,
                   capture_output=True)
    site = ((DEPLOY / "tppo.conf").read_text()
            .replace("/etc/ssl/certs/dasbor.example.go.id.pem", str(cert))
            .replace("/etc/ssl/private/dasbor.example.go.id.key", str(key))
            .replace("/etc/nginx/snippets/tppo-locations.conf", str(DEPLOY / "tppo-locations.conf")))
    conf = tmp_path / "nginx.conf"
    conf.write_text(_prefix(tmp_path) + site + "\n}\n")
    result = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
