"""`make serve`: every core of one machine from one command. N `streamlit run serve.py` replicas behind nginx.

One Streamlit process runs all its sessions under one interpreter lock, so it uses one core (docs/BENCHMARKS.md,
STACK-NOTES 2026-12-07); more cores need more processes behind a proxy that keeps each browser on its replica. This
starts, in the foreground and with its own files under var/serve/ (git-ignored):

1. the database once (`manage.py init-demo`: migrations, demo data on an empty database), so the replicas never race
   each other through the first migration;
2. N replicas (default: one per core; REPLICAS=N or --replicas) on 127.0.0.1, ports 8601.. (--base-port), with
   TPPO_TRUST_PROXY=1, each logging to var/serve/replica-PORT.log;
3. Debian's nginx with a configuration written from deploy/nginx/tppo.conf and tppo-locations.conf: the same maps,
   rate limits and upstream (its `server` lines replaced by the replicas), plain HTTP on --port (default 8080).

It prints one line with the address once every replica and the proxy answer /_stcore/health. A replica that dies is
started again (said on stderr). Ctrl-C or SIGTERM stops nginx and every replica and waits for them: Ctrl-C exits 130,
SIGTERM 0. With --no-nginx it only runs and supervises the replicas (for a machine behind another machine's nginx:
docs/DEPLOYMENT.md). Standard library only; the replicas run under the Python that runs this.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DEPLOY = PROJECT / "deploy" / "nginx"
STATE_DIR = PROJECT / "var" / "serve"
NGINX_CANDIDATES = ("/usr/sbin/nginx",)
UPSTREAM = "tppo"
EXIT_INTERRUPTED = 130
STOP_GRACE_S = 10.0
# A replica that keeps dying is started again after a pause that grows, so a broken start does not spin a core.
RESTART_DELAYS_S = (0.0, 1.0, 5.0, 15.0, 30.0)
# The access log, when asked for (--access-log): who was sent to which replica, and how it went.
LOG_FORMAT = ('$remote_addr [$time_local] "$request" $status $body_bytes_sent "$http_user_agent" '
              'upstream="$upstream_addr" cookie=$cookie_tppo_replica rt=$request_time')


class UserError(Exception):
    """A mistake or a missing piece the operator can fix: one sentence, exit 2."""


# ------------------------------------------------------------------ the nginx configuration
def _strip_comments(text: str) -> str:
    """The text without `#` comments (outside quotes), so braces in a comment cannot confuse the split below."""
    out, quote, in_comment = [], "", False
    for ch in text:
        if in_comment:
            if ch == "\n":
                in_comment = False
                out.append(ch)
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            in_comment = True
            continue
        out.append(ch)
    return "".join(out)


def top_level_statements(text: str) -> list[str]:
    """The statements and blocks at the top of an nginx file, each as its own text (comments dropped)."""
    statements, start, depth, quote = [], 0, 0, ""
    text = _strip_comments(text)
    for i, ch in enumerate(text):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                statements.append(text[start:i + 1].strip())
                start = i + 1
        elif ch == ";" and depth == 0:
            statements.append(text[start:i + 1].strip())
            start = i + 1
    if text[start:].strip() or depth:
        raise UserError(f"{DEPLOY / 'tppo.conf'} tidak dapat dibaca: kurung kurawal atau titik koma tidak seimbang.")
    return [s for s in statements if s]


def http_context(site_conf: str, servers: list[str]) -> str:
    """Everything of the site file that belongs to nginx's http context (maps, rate-limit zones, the upstream), with
    the upstream's `server` lines replaced by servers. The site's own `server` blocks (ports 80/443, TLS) are left out."""
    kept, found = [], False
    for statement in top_level_statements(site_conf):
        head = statement.split(None, 2)
        if head[0] == "server" and statement.endswith("}"):
            continue
        if head[:2] == ["upstream", UPSTREAM]:
            found = True
            body = statement[statement.index("{") + 1:statement.rindex("}")]
            directives = [d.strip() for d in body.split(";") if d.strip() and d.split()[0] != "server"]
            lines = [f"    {d};" for d in directives] + [f"    server {s};" for s in servers]
            statement = f"upstream {UPSTREAM} {{\n" + "\n".join(lines) + "\n}"
        kept.append(statement)
    if not found:
        raise UserError(f"{DEPLOY / 'tppo.conf'} tidak memuat `upstream {UPSTREAM}`.")
    return "\n".join(kept)


def nginx_config(servers: list[str], listen: str, state_dir: Path, deploy_dir: Path = DEPLOY,
                 access_log: bool = False) -> str:
    """A complete nginx.conf for a foreground nginx with its own pid, logs and temporary files under state_dir, in
    front of servers (host:port), listening on listen (host:port or port) over plain HTTP."""
    tmp = state_dir / "tmp"
    user = "user root root;\n" if os.geteuid() == 0 else ""  # as root, workers would otherwise run as nobody
    log = (f"log_format tppo '{LOG_FORMAT}';\n    access_log {state_dir / 'access.log'} tppo;"
           if access_log else "access_log off;")
    site = http_context((deploy_dir / "tppo.conf").read_text(encoding="utf-8"), servers)
    return f"""# Written by tools/serve_replicas.py at each start from {deploy_dir}/tppo.conf and tppo-locations.conf.
# Edit those files, not this one.
{user}worker_processes 1;  # the cores are for the replicas; one nginx worker proxies thousands of connections
pid {state_dir / 'nginx.pid'};
error_log {state_dir / 'error.log'} warn;
events {{
    worker_connections 1024;  # an open session holds two (browser and replica): a few hundred people at once
}}
http {{
    {log}
    client_body_temp_path {tmp / 'body'};
    proxy_temp_path {tmp / 'proxy'};
    fastcgi_temp_path {tmp / 'fastcgi'};
    uwsgi_temp_path {tmp / 'uwsgi'};
    scgi_temp_path {tmp / 'scgi'};

{site}

server {{
    listen {listen};
    include {deploy_dir / 'tppo-locations.conf'};
}}
}}
"""


def find_nginx(given: str | None) -> str:
    found = given or shutil.which("nginx") or next((p for p in NGINX_CANDIDATES if Path(p).is_file()), None)
    if not found or not Path(found).is_file():
        raise UserError("nginx tidak ditemukan; pasang dengan `sudo apt-get install -y nginx-light` "
                        "(atau jalankan hanya replika dengan --no-nginx).")
    return found


# ------------------------------------------------------------------ processes
def _own_group_and_die_with_parent() -> None:
    """In the child before exec: its own process group (stopped as a group; a terminal's Ctrl-C reaches only this
    launcher, which stops the children in order), and SIGTERM when the launcher itself dies (Linux)."""
    os.setsid()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("" if host in ("", "0.0.0.0") else host, port))
        except OSError:
            return False
    return True


def _health(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as resp:
            return resp.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _tail(path: Path, chars: int = 2000) -> str:
    try:
        return path.read_text(errors="replace")[-chars:].strip()
    except OSError:
        return ""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Replica:
    address: str
    port: int
    log_path: Path
    process: subprocess.Popen | None = None
    deaths: list[float] = field(default_factory=list)
    restart_at: float | None = None
    announced: bool = True  # False after a restart until it answers again

    @property
    def name(self) -> str:
        return f"{self.address}:{self.port}"

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.address in ("0.0.0.0", "") else self.address
        return f"http://{host}:{self.port}"


class Launcher:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.state_dir: Path = args.state_dir
        self.replicas = [Replica(args.replica_address, args.base_port + i,
                                 self.state_dir / f"replica-{args.base_port + i}.log") for i in range(args.replicas)]
        self.nginx: subprocess.Popen | None = None
        self.children: list[subprocess.Popen] = []  # everything started, for the final stop
        self.stop_signal: int | None = None
        self.hurry = False

    # -- signals: only a flag; every wait below looks at it, so no Popen is ever cut in half
    def on_signal(self, signum: int, _frame: object) -> None:
        if self.stop_signal is not None:
            self.hurry = True  # a second Ctrl-C: do not wait for graceful ends
        self.stop_signal = signum

    def stopping(self) -> bool:
        return self.stop_signal is not None

    def sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping() and time.monotonic() < end:
            time.sleep(min(0.1, max(0.0, end - time.monotonic())))

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update({"TPPO_TRUST_PROXY": "1", "PYTHONUNBUFFERED": "1", "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"})
        return env

    def spawn(self, cmd: list[str], log_path: Path | None) -> subprocess.Popen:
        out = log_path.open("ab") if log_path else subprocess.DEVNULL
        try:
            process = subprocess.Popen(cmd, cwd=PROJECT, env=self.env(), stdin=subprocess.DEVNULL, stdout=out,
                                       stderr=subprocess.STDOUT, preexec_fn=_own_group_and_die_with_parent)  # noqa: PLW1509
        finally:
            if log_path:
                out.close()
        self.children.append(process)
        return process

    # -- steps
    def check_ports(self) -> None:
        if not self.args.no_nginx and not _port_free(self.args.host, self.args.port):
            raise UserError(f"Port {self.args.port} sudah dipakai (mungkin `make serve` lain masih berjalan); "
                            "pilih port lain dengan SERVE_PORT=… atau --port.")
        busy = [r.port for r in self.replicas if not _port_free(r.address, r.port)]
        if busy:
            raise UserError(f"Port replika {', '.join(map(str, busy))} sudah dipakai; pilih port awal lain dengan "
                            "REPLICA_PORT=… atau --base-port.")

    def write_nginx_config(self) -> Path:
        tmp = self.state_dir / "tmp"
        for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (tmp / name).mkdir(parents=True, exist_ok=True)
        listen = f"{self.args.host}:{self.args.port}" if self.args.host else str(self.args.port)
        conf = self.state_dir / "nginx.conf"
        conf.write_text(nginx_config([r.name.replace("0.0.0.0", "127.0.0.1") for r in self.replicas], listen,
                                     self.state_dir, self.args.nginx_dir, self.args.access_log), encoding="utf-8")
        check = subprocess.run([self.args.nginx_path, "-t", "-q", *self.nginx_args(conf)], capture_output=True,
                               text=True)
        if check.returncode != 0:
            raise UserError(f"Konfigurasi nginx ditolak ({conf}):\n{check.stderr.strip()}")
        return conf

    def nginx_args(self, conf: Path) -> list[str]:
        return ["-p", str(self.state_dir), "-e", str(self.state_dir / "error.log"), "-c", str(conf)]

    def prepare_database(self) -> None:
        """Migrations and, on an empty database, the demo data: once, before any replica (each would do it)."""
        log = self.state_dir / "prepare.log"
        process = self.spawn([sys.executable, "manage.py", "init-demo"], log)
        while process.poll() is None:
            if self.stopping():
                return
            time.sleep(0.1)
        if process.returncode != 0:
            raise UserError(f"Basis data belum siap (manage.py init-demo, kode {process.returncode}):\n{_tail(log)}")

    def start_replica(self, replica: Replica) -> None:
        cmd = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(replica.port),
               "--server.address", replica.address, "--server.headless", "true",
               "--browser.gatherUsageStats", "false"]
        replica.process = self.spawn(cmd, replica.log_path)
        replica.restart_at = None

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(self.replicas)
        while waiting and not self.stopping():
            for replica in list(waiting):
                if replica.process.poll() is not None:
                    raise UserError(f"Replika {replica.name} berhenti saat mulai (kode {replica.process.returncode}); "
                                    f"log {replica.log_path}:\n{_tail(replica.log_path)}")
                if _health(replica.url, timeout=1.0):
                    waiting.remove(replica)
            if waiting and time.monotonic() > deadline:
                raise UserError(f"Replika {', '.join(r.name for r in waiting)} belum menjawab setelah {timeout:.0f} "
                                f"detik; lihat {waiting[0].log_path}.")
            self.sleep(0.25)

    def start_nginx(self, conf: Path) -> None:
        self.nginx = self.spawn([self.args.nginx_path, *self.nginx_args(conf), "-g", "daemon off;"], None)
        host = "127.0.0.1" if self.args.host in ("", "0.0.0.0") else self.args.host
        deadline = time.monotonic() + 20
        while not self.stopping():
            if self.nginx.poll() is not None:
                raise UserError(f"nginx berhenti saat mulai (kode {self.nginx.returncode}):\n"
                                f"{_tail(self.state_dir / 'error.log')}")
            if _health(f"http://{host}:{self.args.port}", timeout=1.0):
                return
            if time.monotonic() > deadline:
                raise UserError(f"nginx belum menjawab di port {self.args.port}; lihat {self.state_dir / 'error.log'}.")
            self.sleep(0.2)

    def address_line(self) -> str:
        first, last = self.replicas[0], self.replicas[-1]
        span = f"{first.address}:{first.port}" + (f"–{last.port}" if len(self.replicas) > 1 else "")
        count = f"{len(self.replicas)} replika di {span}"
        if self.args.no_nginx:
            return f"Replika siap: {count} (tanpa nginx). Ctrl-C menghentikan."
        if self.args.host in ("", "0.0.0.0"):
            where = f"http://localhost:{self.args.port}/ (dari komputer lain: http://{socket.gethostname()}:" \
                    f"{self.args.port}/)"
        else:
            where = f"http://{self.args.host}:{self.args.port}/"
        return f"Dasbor siap di {where}; {count} di belakang nginx. Ctrl-C menghentikan."

    def supervise(self) -> int:
        """Until a stop signal: restart replicas that die; nginx dying ends the run."""
        while not self.stopping():
            if self.nginx is not None and self.nginx.poll() is not None:
                _say(f"nginx berhenti (kode {self.nginx.returncode}); semua replika dihentikan.\n"
                     f"{_tail(self.state_dir / 'error.log', 800)}")
                return 1
            now = time.monotonic()
            for replica in self.replicas:
                if replica.restart_at is None and replica.process.poll() is not None:
                    replica.deaths = [t for t in replica.deaths if now - t < 120] + [now]
                    delay = RESTART_DELAYS_S[min(len(replica.deaths) - 1, len(RESTART_DELAYS_S) - 1)]
                    replica.restart_at = now + delay
                    _say(f"Replika {replica.name} berhenti (kode {replica.process.returncode}); dijalankan lagi"
                         + (f" dalam {delay:.0f} detik." if delay else ".") + f" Log: {replica.log_path}")
                if replica.restart_at is not None and now >= replica.restart_at:
                    self.start_replica(replica)
                    replica.announced = False
                if not replica.announced and replica.restart_at is None and _health(replica.url, timeout=0.5):
                    replica.announced = True
                    _say(f"Replika {replica.name} menjawab lagi.")
            self.sleep(0.5)
        return 0

    def stop_all(self) -> None:
        """SIGTERM to nginx and every replica group, then wait; SIGKILL what is left after the grace period."""
        alive = [p for p in self.children if p.poll() is None]
        for process in alive:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + STOP_GRACE_S
        while any(p.poll() is None for p in alive) and time.monotonic() < deadline and not self.hurry:
            time.sleep(0.1)
        for process in alive:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            process.wait()

    def run(self) -> int:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.check_ports()
        conf = None if self.args.no_nginx else self.write_nginx_config()
        if not self.args.no_prepare:
            self.prepare_database()
        for replica in self.replicas:
            if not self.stopping():
                self.start_replica(replica)
        self.wait_healthy(self.args.start_timeout)
        if conf is not None and not self.stopping():
            self.start_nginx(conf)
        if self.stopping():
            return 0
        print(self.address_line(), flush=True)
        return self.supervise()


def build_parser() -> argparse.ArgumentParser:
    env = os.environ
    parser = argparse.ArgumentParser(prog="serve_replicas.py", description=__doc__.splitlines()[0])
    # String defaults go through type=int like typed values: a wrong REPLICAS=… is an argparse error, not a traceback.
    parser.add_argument("--replicas", type=int, default=env.get("REPLICAS") or str(os.cpu_count() or 1),
                        help="number of Streamlit processes (REPLICAS; default: one per core)")
    parser.add_argument("--port", type=int, default=env.get("SERVE_PORT") or "8080",
                        help="nginx's HTTP port (SERVE_PORT; default 8080)")
    parser.add_argument("--host", default=env.get("SERVE_HOST", ""),
                        help="address nginx listens on (SERVE_HOST; default: every interface)")
    parser.add_argument("--base-port", type=int, default=env.get("REPLICA_PORT") or "8601",
                        help="port of the first replica; the others follow (REPLICA_PORT; default 8601)")
    parser.add_argument("--replica-address", default="127.0.0.1",
                        help="address the replicas listen on (a private address when another machine's nginx "
                             "reaches them; never a public one)")
    parser.add_argument("--no-nginx", action="store_true", help="run and supervise the replicas only")
    parser.add_argument("--nginx", dest="nginx_path", default=None, help="the nginx binary (default: /usr/sbin/nginx)")
    parser.add_argument("--nginx-dir", type=Path, default=DEPLOY, help=argparse.SUPPRESS)
    parser.add_argument("--state-dir", type=Path, default=STATE_DIR,
                        help="nginx configuration, pid, logs and replica logs (default var/serve)")
    parser.add_argument("--access-log", action="store_true",
                        help="write var/serve/access.log with the replica that answered each request")
    parser.add_argument("--no-prepare", action="store_true", help="skip `manage.py init-demo` before the replicas")
    parser.add_argument("--start-timeout", type=float, default=120.0, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.replicas < 1:
        _say("Galat: jumlah replika paling sedikit 1.")
        return 2
    args.state_dir = args.state_dir.resolve()
    launcher = Launcher(args)
    # Flags only (Launcher.on_signal): the launcher finishes what it is doing, then stops everything in order.
    signal.signal(signal.SIGINT, launcher.on_signal)
    signal.signal(signal.SIGTERM, launcher.on_signal)
    code = 1
    try:
        if not args.no_nginx:
            args.nginx_path = find_nginx(args.nginx_path)
        code = launcher.run()
    except UserError as exc:
        _say(f"Galat: {exc}")
        code = 2
    finally:
        launcher.stop_all()
    if launcher.stop_signal == signal.SIGINT:
        _say("Dihentikan (Ctrl-C).")
        return EXIT_INTERRUPTED
    if launcher.stop_signal is not None:
        _say("Dihentikan.")
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
