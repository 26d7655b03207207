"""Signing in from a link: the login keeps the link's page and filters, then opens them; a plain sign-in lands
on the role's first page; a projector link without a session still offers the sign-in."""

from __future__ import annotations

import pytest

from strings import tr
from tests.helpers import copy_demo, no_exception, open_page, texts


@pytest.fixture()
def private_db(app_env, tmp_path, monkeypatch):
    """Sign-ins write (last login, failure counts): each test gets its own copy of the demo database."""
    url = copy_demo(app_env, tmp_path / "tppo.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _query(at, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def _sign_in(at, role: str) -> None:
    at.text_input(key="login_user").input(role)
    at.text_input(key="login_password").input(f"demo-{role}")
    next(b for b in at.button if b.proto.label == tr("login.submit", "id")).click().run()
    no_exception(at)


def test_copied_filtered_link_opens_with_its_filters_after_sign_in(private_db):
    at = open_page("peta_asal_korban", role="publik", query={"modus": "online_scam", "jk": "P"})
    no_exception(at)
    assert "Silakan masuk untuk membuka halaman ini" in texts(at)
    assert _query(at, "modus") == "online_scam", "the link's filters wait in the URL"
    _sign_in(at, "jarnas")
    assert at.title[0].value == tr("nav.peta_asal_korban", "id")
    assert at.session_state["f_modus"] == ["online_scam"] and at.session_state["f_jk"] == ["P"]
    assert _query(at, "modus") == "online_scam" and _query(at, "jk") == "P"


@pytest.mark.parametrize(("role", "first"), [("jarnas", "pemantauan_jarnas"), ("pimpinan", "ringkasan_eksekutif"),
                                             ("admin_data", "ringkasan_eksekutif")])
def test_plain_sign_in_lands_on_the_roles_first_page(private_db, role, first):
    at = open_page("masuk", role="publik")
    _sign_in(at, role)
    assert at.title[0].value == tr(f"nav.{first}", "id"), "not the near-empty sign-in page"


def test_projector_link_without_a_session_offers_the_sign_in(private_db):
    at = open_page("ringkasan_eksekutif", role="publik", query={"present": "1"})
    no_exception(at)
    assert at.text_input(key="login_user"), "a sign-in form"
    assert at.sidebar.page_link, "the sidebar (a way to leave) is not hidden"
    assert not any("stSidebar" in h.proto.body and "display:none" in h.proto.body for h in at.get("html"))
    _sign_in(at, "pimpinan")
    assert at.title[0].value == tr("nav.ringkasan_eksekutif", "id")
    assert _query(at, "present") == "1", "the projector view opens after sign-in"
    assert not at.sidebar.multiselect


def test_the_root_address_opens_each_roles_first_page(app_env):
    assert open_page(role="publik").title[0].value == tr("nav.ringkasan_publik", "id")
    assert open_page(role="jarnas").title[0].value == tr("nav.pemantauan_jarnas", "id")
