"""The reverse-proxy example of docs/DEPLOYMENT.md, run with Debian's nginx in front of a real server (issue 14):
frame protection headers on every answer, /_stcore/metrics blocked, the websocket upgraded, and the full TLS
site configuration accepted by `nginx -t`."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser import live
from tests.conftest import PROJECT

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
DEPLOY = PROJECT / "deploy" / "nginx"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not NGINX, reason="nginx is not installed (apt-get install nginx-light)")]


def _zones() -> str:
    """The rate-limit zones of the real site file (they belong to the http context)."""
    return "\n".join(line for line in (DEPLOY / "tppo.conf").read_text().splitlines()
                     if line.startswith(("limit_req_zone", "limit_req_status")))


def _prefix(tmp: Path) -> str:
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / name).mkdir(exist_ok=True)
    user = "user root root;" if os.geteuid() == 0 else ""
    return (f"{user}\nworker_processes 1;\nerror_log {tmp}/error.log;\npid {tmp}/nginx.pid;\nevents {{}}\n"
            f"http {{\naccess_log off;\nclient_body_temp_path {tmp}/body;\nproxy_temp_path {tmp}/proxy;\n"
            f"fastcgi_temp_path {tmp}/fastcgi;\nuwsgi_temp_path {tmp}/uwsgi;\nscgi_temp_path {tmp}/scgi;\n")


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def _handshake(port: int) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
               f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Sec-WebSocket-Protocol: streamlit\r\nOrigin: http://127.0.0.1:{port}\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request.encode())
        return sock.recv(4096)


def test_proxy_example_headers_metrics_and_websocket(tmp_path):
    with live.running_server(tmp_path / "app") as server:
        port = live.free_port()
        conf = tmp_path / "nginx.conf"
        conf.write_text(_prefix(tmp_path) + _zones() + f"\nupstream tppo {{ server 127.0.0.1:{server.port}; }}\n"
                        f"server {{\nlisten 127.0.0.1:{port};\ninclude {DEPLOY / 'tppo-locations.conf'};\n}}\n}}\n")
        proc = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp_path), "-g", "daemon off;"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                try:
                    if _get(f"{base}/_stcore/health")[2].strip() == b"ok":
                        break
                except OSError:
                    time.sleep(0.2)
            status, headers, body = _get(f"{base}/")
            assert status == 200 and b"<html" in body.lower()
            assert headers["X-Frame-Options"] == "SAMEORIGIN"
            assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
            assert _get(f"{server.url}/_stcore/metrics")[0] == 200, "Streamlit itself answers anyone"
            for path in ("/_stcore/metrics", "/x/_stcore/metrics", "/_stcore/metrics?format=openmetrics"):
                status, headers, _ = _get(base + path)
                assert status == 404 and headers["X-Frame-Options"] == "SAMEORIGIN", path
            assert _handshake(port).startswith(b"HTTP/1.1 101"), "websocket upgrade through the proxy"
        finally:
            proc.terminate()
            proc.wait(timeout=10)


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
