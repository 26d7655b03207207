"""The nginx configuration `make serve` writes from deploy/nginx (tools/serve_replicas.py): the site file's http-context
part with the upstream's servers replaced, its TLS server blocks left out (issue 24). nginx itself runs it in
tests/browser/test_proxy.py; these are the text rules, each tried where it could break."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.serve_replicas import DEPLOY, UserError, build_parser, http_context, nginx_config, top_level_statements

SITE = """# a comment with { a brace and a ; semicolon
map $cookie_x $y {
    ""      "a=$request_id; Path=/";   # a quoted ; and a # in a value
    default $cookie_x;
}
upstream tppo {
    hash $y consistent;
    server 127.0.0.1:8501;
    server 127.0.0.1:8502 max_fails=2;
}
limit_req_zone $binary_remote_addr zone=z:10m rate=1r/s;
server {
    listen 443 ssl;
    location / { return 200; }
}
"""


def test_top_level_statements_ignore_comments_and_quoted_semicolons():
    heads = [s.split(None, 1)[0] for s in top_level_statements(SITE)]
    assert heads == ["map", "upstream", "limit_req_zone", "server"]
    assert '"a=$request_id; Path=/";' in top_level_statements(SITE)[0]


def test_the_upstream_gets_the_replicas_and_keeps_its_other_directives():
    text = http_context(SITE, ["127.0.0.1:8601", "127.0.0.1:8602", "127.0.0.1:8603"])
    upstream = next(s for s in top_level_statements(text) if s.startswith("upstream"))
    assert upstream.splitlines() == ["upstream tppo {", "    hash $y consistent;", "    server 127.0.0.1:8601;",
                                     "    server 127.0.0.1:8602;", "    server 127.0.0.1:8603;", "}"]
    assert "listen 443" not in text and "8501" not in text and "limit_req_zone" in text


@pytest.mark.parametrize("broken", [SITE.replace("upstream tppo", "upstream other"), SITE + "map $a $b {\n"])
def test_a_site_file_it_cannot_use_is_a_sentence(broken: str):
    with pytest.raises(UserError):
        http_context(broken, ["127.0.0.1:8601"])


def test_the_bundled_files_give_a_cookie_hash_upstream_and_an_http_listener(tmp_path: Path):
    conf = nginx_config(["127.0.0.1:8601", "127.0.0.1:8602"], "127.0.0.1:8080", tmp_path, access_log=True)
    assert "hash $tppo_sticky consistent;" in conf and "ip_hash" not in conf
    assert "server 127.0.0.1:8601;" in conf and "server 127.0.0.1:8602;" in conf
    assert "listen 127.0.0.1:8080;" in conf and "ssl" not in conf
    assert f"include {DEPLOY / 'tppo-locations.conf'};" in conf and f"pid {tmp_path / 'nginx.pid'};" in conf
    assert conf.count("{") == conf.count("}")


def test_replicas_default_to_one_per_core_and_follow_the_environment(monkeypatch: pytest.MonkeyPatch):
    for name in ("REPLICAS", "SERVE_PORT", "REPLICA_PORT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    args = build_parser().parse_args([])
    assert (args.replicas, args.port, args.base_port) == (6, 8080, 8601)
    monkeypatch.setenv("REPLICAS", "3")
    monkeypatch.setenv("SERVE_PORT", "9090")
    assert (build_parser().parse_args([]).replicas, build_parser().parse_args([]).port) == (3, 9090)
    assert build_parser().parse_args(["--replicas", "2"]).replicas == 2
