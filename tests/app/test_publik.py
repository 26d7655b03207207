"""Ringkasan Publik as an anonymous visitor, and access by role: nothing internal reaches anyone without the
right role, not even by typing an internal page's URL."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from domain.access import INTERNAL_ROLES, PAGE_ROLES, pages_for
from strings import tr
from tests.helpers import PROJECT, no_exception, open_page, texts

INTERNAL_PAGES = [page for page, roles in PAGE_ROLES.items() if "publik" not in roles]
SMALL = re.compile(r"^[1-9]$")  # a count from 1 to threshold-1 (threshold 10) as a whole cell


@pytest.fixture()
def sql_log():
    """Every SQL statement the app runs during the test (AppTest runs the script in this process)."""
    statements: list[str] = []

    def log(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", log)
    yield statements
    event.remove(Engine, "before_cursor_execute", log)


def data_elements(at) -> dict[str, int]:
    return {
        "metric": len(at.metric),
        "dataframe": len(at.dataframe) + len(at.table),
        "plotly": len(at.get("plotly_chart")),
        "map": len(at.get("component_instance")) + len(at.get("iframe")),
        "download": len(at.get("download_button")),
    }


def has_login_form(at) -> bool:
    keys = {w.key for w in at.text_input}
    return {"login_user", "login_password"} <= keys


# --- the public page ------------------------------------------------------------------------------


def test_public_page_for_an_anonymous_visitor(app_env, sql_log):
    at = open_page(role="publik")
    no_exception(at)
    body = texts(at)
    assert at.title[0].value == "Ringkasan Publik"
    assert "DATA CONTOH (sintetis)" in body  # the demo loader's extract was made from demo data
    assert "Terbitan versi 1" in body and "periode data" in body
    for caveat in ("bukan jumlah seluruh korban", "kelipatan 5", "antara 1 dan 9"):
        assert caveat in body, caveat
    assert at.metric[0].label == "Korban ditangani (seluruh periode)"
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*", at.metric[0].value)
    assert len(at.dataframe) == 5 and len(at.get("plotly_chart")) == 2 and len(at.get("component_instance")) == 1
    # Issue 15: prevention reach by province only (never kab/kota), protected like the victim tables.
    reach = next(f.value for f in at.dataframe if "Peserta" in f.value.columns)
    assert len(reach) == 39 and reach.iloc[-1, 0] == "Total" and "Jangkauan pencegahan per provinsi" in body
    # The page reads the published extract only: not one statement touches the case table.
    assert sql_log, "the listener must see the page's queries"
    assert not [s for s in sql_log if re.search(r"\bkasus\b", s)]


def test_no_small_number_anywhere_on_the_public_page(app_env):
    at = open_page(role="publik")
    for frame in at.dataframe:
        for value in frame.value.drop(columns=frame.value.columns[0]).to_numpy().ravel():
            assert not SMALL.match(str(value)), value
            assert re.fullmatch(r"<10|x|0|\d{1,3}(\.\d{3})*", str(value)), value
    tooltip = json.loads(at.get("component_instance")[0].proto.json_args)["script"]
    shown = re.findall(r'"nilai_teks": "([^"]*)"', tooltip)
    assert len(shown) == 38 and "\\u0026lt;10" in shown  # small provinces show "<10" (escaped), not a number
    assert not [s for s in shown if SMALL.match(s)]
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for trace in spec["data"]:
            heights = trace.get("y") if trace.get("orientation", "v") == "v" else trace.get("x")
            assert not [h for h in heights if h is not None and 0 < h < 10]


def test_public_page_in_english(app_env):
    at = open_page(role="publik", state={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == "Public Summary"
    assert "between 1 and 9 victims" in texts(at)
    assert "Prevention reach by province" in texts(at)


def test_public_page_before_anything_is_published(app_env, monkeypatch):
    import data_access.publication as publication

    monkeypatch.setattr(publication, "query_latest_extract", lambda conn: None)
    at = open_page(role="publik")
    no_exception(at)
    assert "Belum ada angka yang diterbitkan" in texts(at)
    assert data_elements(at) == {"metric": 0, "dataframe": 0, "plotly": 0, "map": 0, "download": 0}


def test_public_page_imports_no_case_queries():
    """Statically too: the page and everything it imports leave data_access.cases unloaded."""
    import subprocess
    import sys

    source = (PROJECT / "app_pages" / "ringkasan_publik.py").read_text(encoding="utf-8")
    assert "data_access.cases" not in source and "sqlalchemy" not in source and "unsafe_allow_html" not in source
    imports = re.findall(r"^from ([\w.]+) import|^import ([\w.]+)", source, re.MULTILINE)
    modules = sorted({a or b for a, b in imports} - {"__future__"})
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + \
           "print('data_access.cases' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- access by role -------------------------------------------------------------------------------


# app_pages/ (not pages/) keeps Streamlit from routing page files by name before st.navigation has run once
# in the process, which would skip app.py's access check on the first request after a restart.


@pytest.mark.parametrize("page", INTERNAL_PAGES)
def test_internal_page_url_as_anonymous_shows_only_the_login(app_env, sql_log, page):
    at = open_page(page, role="publik")
    no_exception(at)
    assert at.title[0].value == "Masuk"
    assert "hanya untuk pengguna yang masuk" in texts(at)
    assert has_login_form(at)
    assert data_elements(at) == {"metric": 0, "dataframe": 0, "plotly": 0, "map": 0, "download": 0}
    assert not [s for s in sql_log if re.search(r"\b(kasus|okupansi|staf)\b", s)]


@pytest.mark.parametrize("page", ["ringkasan_eksekutif", "kelola_data", "glosarium"])
def test_file_name_url_of_an_internal_page_does_not_bypass_the_login(app_env, page):
    """What a browser sends for /<file name> as the first request of a fresh server process."""
    from streamlit.navigation.page import calc_hash
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=90)
    at._page_hash = calc_hash(page)  # private: AppTest has no public way to open a URL that is not registered
    at.run()
    # An unregistered file name falls back to the default page of the role: the public summary.
    assert at.title[0].value in ("Masuk", "Ringkasan Publik")
    assert at.title[0].value != tr(f"nav.{page}", "id")


def _login(at, username: str, password: str):
    at.text_input(key="login_user").input(username)
    at.text_input(key="login_password").input(password)
    submit = [b for b in at.button if b.proto.is_form_submitter]
    submit[0].click()
    return at.run()


@pytest.mark.parametrize("page", ["ringkasan_eksekutif", "kesenjangan_sdm"])
def test_login_through_the_form_opens_the_requested_page(app_env, page):
    at = open_page(page, role="publik")
    assert at.title[0].value == "Masuk"
    at = _login(at, "pimpinan", "demo-pimpinan")
    no_exception(at)
    assert at.session_state["auth_role"] == "pimpinan"
    assert at.title[0].value == tr(f"nav.{page}")
    assert not has_login_form(at)
    assert "hanya untuk pengguna yang masuk" not in texts(at)


def test_wrong_password_through_the_form_stays_anonymous(app_env):
    at = _login(open_page("ringkasan_eksekutif", role="publik"), "pimpinan", "salah-sekali")
    no_exception(at)
    assert "auth_role" not in at.session_state
    assert tr("login.failed", "id") in [e.value for e in at.error]
    assert at.title[0].value == "Masuk" and data_elements(at)["metric"] == 0


def test_five_failures_lock_the_account_for_fifteen_minutes(app_env):
    from data_access.accounts import create_account
    from data_access.engine import get_engine
    from data_access.schema import Akun
    from sqlalchemy import delete, select

    username = f"uji-kunci-{uuid.uuid4().hex[:6]}"
    engine = get_engine(app_env)
    with engine.begin() as conn:
        create_account(conn, username, "kata-sandi-benar", "pimpinan")
    try:
        at = open_page("ringkasan_eksekutif", role="publik")
        for attempt in range(1, 6):
            at = _login(at, username, "kata-sandi-salah")
            # One message for every refusal, locked or not (issue 14: no username enumeration).
            assert [e.value for e in at.error] == [tr("login.failed", "id")]
        with engine.connect() as conn:
            until = conn.execute(select(Akun.terkunci_sampai).where(Akun.username == username)).scalar_one()
        until = until if until.tzinfo else until.replace(tzinfo=dt.timezone.utc)
        minutes = (until - dt.datetime.now(dt.timezone.utc)).total_seconds() / 60
        assert 14.5 < minutes <= 15
        at = _login(at, username, "kata-sandi-benar")  # the right password does not open a locked account
        assert "auth_role" not in at.session_state and at.error[0].value == tr("login.failed", "id")
    finally:
        with engine.begin() as conn:
            conn.execute(delete(Akun).where(Akun.username == username))


def test_expired_session_shows_the_login_not_the_page(app_env, sql_log):
    stale = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=61)
    at = open_page("ringkasan_eksekutif", role="pimpinan", state={"auth_last_seen": stale})
    no_exception(at)
    assert at.title[0].value == "Masuk"
    assert "Sesi berakhir; silakan masuk lagi." in [w.value for w in at.warning]
    assert "auth_role" not in at.session_state and has_login_form(at)
    assert data_elements(at)["metric"] == 0 and not [s for s in sql_log if re.search(r"\bkasus\b", s)]


def test_fresh_session_is_kept(app_env):
    recent = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=59)
    at = open_page("ringkasan_eksekutif", role="pimpinan", state={"auth_last_seen": recent})
    assert at.title[0].value == "Ringkasan Eksekutif"


@pytest.mark.parametrize("role", ["publik", *INTERNAL_ROLES])
def test_navigation_lists_exactly_the_pages_a_role_may_open(app_env, role):
    at = open_page(role=role)
    no_exception(at)
    links = {e.proto.label for e in at.sidebar.get("page_link")}
    account = "nav.masuk" if role == "publik" else "nav.akun"  # signed in: the account page, not "Masuk"
    assert links == {tr(f"nav.{page}") for page in pages_for(role)} | {tr(account)}


@pytest.mark.parametrize("role, page", [(r, p) for r in INTERNAL_ROLES for p in INTERNAL_PAGES
                                        if r not in PAGE_ROLES[p]])
def test_signed_in_role_without_the_right_gets_the_login(app_env, role, page):
    at = open_page(page, role=role)
    assert at.title[0].value == "Masuk"
    assert data_elements(at)["metric"] == 0 and data_elements(at)["dataframe"] == 0


def test_no_data_derived_html_in_pages():
    """unsafe_allow_html only ever with static text: no page passes it at all."""
    offenders = [p.name for p in (PROJECT / "app_pages").glob("*.py") if "unsafe_allow_html" in p.read_text("utf-8")]
    assert offenders == [], offenders
    assert Path(PROJECT / "app_pages" / "ringkasan_publik.py").is_file()


def test_public_page_without_boundary_files_shows_the_table(app_env, monkeypatch, tmp_path):
    monkeypatch.setenv("TPPO_GEO_DIR", str(tmp_path))  # a folder without provinces.geojson
    at = open_page(role="publik")
    no_exception(at)
    assert "berkas batas wilayah tidak tersedia" in texts(at)
    assert len(at.get("component_instance")) == 0 and len(at.dataframe) == 5  # 4 victim tables, prevention reach


@pytest.mark.parametrize("lang", ["id", "en"])
def test_partial_year_is_marked_on_the_public_page(app_env, lang):
    """Issue 11: a year the data covers only in part (demo: to July 2025) is labelled with its months in the
    chart and the table, so it is not read as a whole year beside the others."""
    from data_access.engine import get_engine
    from data_access.publication import query_latest_extract
    from domain.publication import is_partial_year, parse_period, year_coverage, year_label

    with get_engine(app_env).connect() as conn:
        periode = query_latest_extract(conn).info.periode
    last_year = parse_period(periode)[1].year
    assert is_partial_year(year_coverage(periode, last_year)), "the demo data must end mid-year for this test"
    partial = year_label(last_year, periode, lang)
    assert partial != str(last_year)
    at = open_page(role="publik", state={"lang": lang})
    no_exception(at)
    year_table = at.dataframe[0].value
    assert partial in year_table.iloc[:, 0].tolist() and str(last_year) not in year_table.iloc[:, 0].tolist()
    year_chart = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert partial in year_chart["x"]


def test_public_page_links_to_the_static_site_when_configured(app_env, monkeypatch):
    """Issue 16: the Streamlit page stays for previews and points to the internet-facing static site."""
    at = open_page(role="publik")
    assert not at.get("link_button")
    monkeypatch.setenv("TPPO_PUBLIC_SITE_URL", "https://data.example.go.id/tppo/")
    at = open_page(role="publik")
    no_exception(at)
    links = at.get("link_button")
    assert [b.proto.url for b in links] == ["https://data.example.go.id/tppo/"]
    assert links[0].proto.label == tr("publik.static_link")


def test_signed_in_public_page_offers_no_filter_it_would_ignore(app_env):
    """Issue 25: signed in, Ringkasan Publik showed the sidebar's filters (a province chosen there changed nothing on
    the page, which shows the published release). Now the sidebar offers none; another page still does."""
    at = open_page("ringkasan_publik", role="pimpinan")
    no_exception(at)
    assert not [m for m in at.sidebar.multiselect if m.label == "Provinsi asal"]
    at.switch_page("app_pages/peta_asal_korban.py").run()
    assert [m for m in at.sidebar.multiselect if m.label == "Provinsi asal"]
