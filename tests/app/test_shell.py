"""The app frame: every page runs, filters live in the URL, roles decide what is reachable."""

from __future__ import annotations

import pytest

from tests.helpers import no_exception, open_page, texts

ALL_PAGES = ["ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm",
             "pemantauan_jarnas", "daftar_tindakan", "pencegahan", "ringkasan_publik", "kelola_data", "glosarium", "masuk"]


@pytest.mark.parametrize("page", ALL_PAGES)
def test_every_page_runs_for_admin(app_env, page):
    at = open_page(page, role="admin_data")
    no_exception(at)
    assert at.title, "page has a title"


def test_demo_notice_on_internal_and_public_pages(app_env):
    for page in ("ringkasan_eksekutif", "ringkasan_publik"):
        at = open_page(page, role="admin_data")
        assert "DATA CONTOH (sintetis)" in texts(at)


def test_filters_come_back_from_a_copied_link(app_env):
    at = open_page("pemantauan_jarnas", role="jarnas",
                   query={"prov": "52,35", "modus": "online_scam", "periode": "2024-01..2024-06"})
    no_exception(at)
    assert at.session_state["f_prov"] == ["52", "35"]
    assert (at.session_state["f_start"], at.session_state["f_end"]) == ("2024-01", "2024-06")
    assert at.query_params["periode"] in ("2024-01..2024-06", ["2024-01..2024-06"])


def test_bad_link_parameter_is_ignored_with_a_message(app_env):
    at = open_page("pemantauan_jarnas", role="jarnas", query={"prov": "99", "periode": "2024-09..2024-01"})
    no_exception(at)
    assert "f_prov" not in at.session_state or not at.session_state["f_prov"]
    warnings = " ".join(w.value for w in at.sidebar.warning)
    assert "'prov' tidak valid" in warnings and "'periode' tidak valid" in warnings


def test_anonymous_visitor_sees_only_the_public_page(app_env):
    at = open_page(role="publik")
    no_exception(at)
    assert at.title[0].value == "Ringkasan Publik"
    links = [e.proto.label for e in at.sidebar.get("page_link")]
    assert "Ringkasan Publik" in links
    assert "Ringkasan Eksekutif" not in links


@pytest.mark.parametrize("page", ["ringkasan_eksekutif", "peta_asal_korban", "kelola_data", "kesenjangan_sdm"])
def test_internal_page_without_login_shows_the_login(app_env, page):
    at = open_page(page, role="publik")
    no_exception(at)
    body = texts(at)
    assert "hanya untuk pengguna yang masuk" in body
    assert at.title[0].value == "Masuk"
    assert not at.metric and not at.dataframe


def test_jarnas_cannot_open_data_management(app_env):
    at = open_page("kelola_data", role="jarnas")
    assert at.title[0].value == "Masuk"


@pytest.mark.parametrize("role", ["pimpinan", "jarnas", "admin_data"])
def test_signed_in_menu_offers_the_account_and_a_clear_sign_out_not_sign_in(app_env, role):
    """Issue 25: signed in, the menu still said "Masuk" and "Keluar" hid inside it."""
    at = open_page(role=role)
    no_exception(at)
    links = [e.proto.label for e in at.sidebar.get("page_link")]
    assert "Masuk" not in links and "Akun" in links, links
    assert "Keluar" in [b.proto.label for b in at.sidebar.button]


def test_sidebar_sign_out_ends_the_session_and_shows_the_sign_in(app_env):
    at = open_page("ringkasan_eksekutif", role="pimpinan")
    next(b for b in at.sidebar.button if b.proto.label == "Keluar").click().run()
    no_exception(at)
    assert "auth_role" not in at.session_state
    assert at.title[0].value == "Masuk" and at.text_input(key="login_user")
    links = [e.proto.label for e in at.sidebar.get("page_link")]
    assert "Masuk" in links and "Ringkasan Eksekutif" not in links
    assert "Keluar" not in [b.proto.label for b in at.sidebar.button]


def test_account_page_names_the_user_and_signs_out(app_env):
    at = open_page("masuk", role="jarnas")
    assert at.title[0].value == "Akun"
    assert "Masuk sebagai jarnas" in texts(at)
