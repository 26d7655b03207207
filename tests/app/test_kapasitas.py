"""Kapasitas Sentra page: KPIs computed from the data, alerts, ranking, trend, map; follows data changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import streamlit as st
from sqlalchemy import create_engine, func, select, update

from data_access.schema import Okupansi, UnitLayanan
from tests.helpers import copy_demo, no_exception, open_page, texts

PAGE = "kapasitas_sentra"



def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def alert_table(at):
    return next(d.value for d in at.dataframe if "Masih berlangsung" in d.value.columns)


def charts(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def test_page_shows_kpis_alerts_ranking_trend_and_map(app_env):
    at = open_page(PAGE)
    no_exception(at)
    assert at.title[0].value == "Kapasitas Sentra"
    body = texts(at)
    assert "DATA CONTOH (sintetis)" in body
    engine = create_engine(app_env)
    with engine.connect() as conn:
        units = conn.execute(select(func.count()).select_from(UnitLayanan).where(UnitLayanan.aktif.is_(True))).scalar_one()
        latest = conn.execute(select(func.max(Okupansi.bulan))).scalar_one()
        beds = conn.execute(select(func.sum(Okupansi.kapasitas)).where(Okupansi.bulan == latest)).scalar_one()
    engine.dispose()
    assert f"Nasional: {units} unit layanan" in body
    assert metric(at, "Kapasitas (tempat tidur)") == f"{beds:,}".replace(",", ".")
    for label in ("Rata-rata penghuni", "Puncak penghuni", "Utilisasi rata-rata", "Bulan di atas kapasitas",
                  "Penerimaan", "Pemulangan", "Lama tinggal (hari)", "Porsi korban TPPO"):
        assert metric(at, label) not in ("", "–")
    assert metric(at, "Utilisasi rata-rata").endswith("%")
    # the demo has units above 90% for months on end
    table = alert_table(at)
    assert len(table) > 0 and (table["Jumlah bulan"] >= 2).all()
    specs = charts(at)
    ranking = next(s for s in specs if "Tekanan layanan per unit" in s["layout"]["title"]["text"])
    assert len(ranking["data"][0]["y"]) == units
    maps = at.get("component_instance")
    assert maps and "L.circleMarker" in json.loads(maps[0].proto.json_args)["script"]


def test_trend_follows_the_selected_unit(app_env):
    at = open_page(PAGE)
    ranking = next(s for s in charts(at) if "Tekanan layanan per unit" in s["layout"]["title"]["text"])

    def trend_title() -> str:
        return next(s for s in charts(at) if len(s["data"]) == 4)["layout"]["title"]["text"]

    assert trend_title() == ranking["data"][0]["y"][0]  # the unit under the most pressure comes first
    at.selectbox(key="kap_trend_unit").set_value("RPTC-01").run()
    no_exception(at)
    assert trend_title() == "RPTC Bambu Apus"


def test_province_filter_applies_to_unit_location(app_env):
    engine = create_engine(app_env)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(UnitLayanan)
                         .where(UnitLayanan.kode_prov == "31", UnitLayanan.aktif.is_(True))).scalar_one()
    engine.dispose()
    assert n > 0
    at = open_page(PAGE, state={"f_prov": ["31"]})
    no_exception(at)
    assert f"Unit di provinsi terpilih: {n} unit layanan" in texts(at)
    ranking = next(s for s in charts(at) if "Tekanan layanan per unit" in s["layout"]["title"]["text"])
    assert len(ranking["data"][0]["y"]) == n


def test_english(app_env):
    at = open_page(PAGE, state={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == "Centre Capacity"
    assert "National:" in texts(at)


def test_jarnas_may_open_the_page(app_env):
    at = open_page(PAGE, role="jarnas")
    no_exception(at)
    assert at.title[0].value == "Kapasitas Sentra"


def test_alerts_follow_the_data(demo_sqlite_url, tmp_path, monkeypatch):
    url = copy_demo(demo_sqlite_url, tmp_path / "alerts.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    at = open_page(PAGE)
    no_exception(at)
    before = alert_table(at)
    ongoing_before = metric(at, "Unit dalam peringatan")
    ranking = next(s for s in charts(at) if "Tekanan layanan per unit" in s["layout"]["title"]["text"])
    calm = ranking["data"][0]["y"][-1]  # the unit under the least pressure
    assert calm not in set(before["Unit"])

    engine = create_engine(url)
    with engine.begin() as conn:
        code = conn.execute(select(UnitLayanan.kode_unit).where(UnitLayanan.nama == calm)).scalar_one()
        latest = conn.execute(select(func.max(Okupansi.bulan))).scalar_one()
        last_three = [latest, (latest - dt.timedelta(days=1)).replace(day=1)]
        last_three.append((last_three[-1] - dt.timedelta(days=1)).replace(day=1))
        conn.execute(update(Okupansi).where(Okupansi.kode_unit == code, Okupansi.bulan.in_(last_three))
                     .values(penghuni=Okupansi.kapasitas + 5))
    engine.dispose()
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's

    at = open_page(PAGE)
    no_exception(at)
    after = alert_table(at)
    row = after[after["Unit"] == calm]
    assert len(row) == 1 and row["Jumlah bulan"].item() == 3 and row["Masih berlangsung"].item() == "Ya"
    assert int(metric(at, "Unit dalam peringatan")) == int(ongoing_before) + 1


@pytest.mark.parametrize("role", ["publik"])
def test_anonymous_gets_the_login(app_env, role):
    at = open_page(PAGE, role=role)
    no_exception(at)
    assert at.title[0].value == "Masuk" and not at.metric
