"""Kesenjangan SDM page: WISN heat map, shortages, caseload, planner, standards and the admin editor."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from sqlalchemy import create_engine, delete, func, insert, select, update

from data_access.schema import Pelatihan, PeranSdm, Staf, StandarBebanKerja, TargetKompetensi, UnitLayanan
from tests.helpers import copy_demo, no_exception, open_page, texts

PAGE = "kesenjangan_sdm"
SHORTAGE_TITLE = "15 kekurangan staf terbesar"



def chart(at, title_part: str) -> dict:
    specs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    return next(s for s in specs if title_part in s["layout"]["title"]["text"])


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_page_shows_wisn_heatmap_shortages_and_example_notice(app_env):
    at = open_page(PAGE)
    no_exception(at)
    assert at.title[0].value == "Kesenjangan SDM"
    body = texts(at)
    assert "STANDAR CONTOH" in body and "DATA CONTOH (sintetis)" in body
    assert "CONTOH untuk data demo" in " ".join(" ".join(map(str, d.value.to_numpy().ravel())) for d in at.dataframe)
    heat = chart(at, "Rasio WISN")["data"][0]
    assert heat["type"] == "heatmap" and heat["zmin"] == 0 and heat["zmax"] == 2
    assert len(heat["x"]) == 6  # the six roles
    engine = create_engine(app_env)
    with engine.connect() as conn:
        units = conn.execute(select(func.count()).select_from(UnitLayanan).where(UnitLayanan.aktif.is_(True))).scalar_one()
    engine.dispose()
    assert len(heat["y"]) == units
    shortages = chart(at, SHORTAGE_TITLE)["data"][0]
    assert 0 < len(shortages["y"]) <= 15
    assert list(shortages["x"]) == sorted(shortages["x"], reverse=True)
    assert metric(at, "Peksos bersertifikat").endswith("%")
    assert "Staf dibutuhkan (WISN)" in body


def test_staff_come_from_the_quarter_at_the_period_end(app_env):
    at = open_page(PAGE, state={"f_start": "2024-01", "f_end": "2024-06"})
    no_exception(at)
    body = texts(at)
    # One WISN rule everywhere: staff of the quarter at the period's end, workload of the 12 months ending there
    # (not the 6 months selected), the same as the executive page, the deck and `summary --json`.
    assert "staf menurut Triwulan 2 2024" in body and "beban kerja Jul 2023 – Jun 2024" in body


def test_planner_never_places_more_than_n(app_env):
    at = open_page(PAGE, state={"sdm_recruit_open": True, "sdm_move_open": True})  # the tables under the plans
    at.number_input(key="sdm_plan_n").set_value(7).run()
    no_exception(at)
    recruit = next(d.value for d in at.dataframe if "Staf baru" in d.value.columns)
    assert recruit["Staf baru"].sum() == 7
    assert "**7** dari 7 staf baru" in texts(at)
    at.selectbox(key="sdm_plan_role").set_value("psikolog")
    at.number_input(key="sdm_plan_n").set_value(0).run()
    no_exception(at)
    recruit = next(d.value for d in at.dataframe if "Staf baru" in d.value.columns)
    assert recruit["Staf baru"].sum() == 0
    at.number_input(key="sdm_plan_moves").set_value(3).run()
    no_exception(at)
    moves = [d.value for d in at.dataframe if "Dari unit" in d.value.columns]
    assert not moves or len(moves[0]) <= 3


def test_caseload_judged_only_against_a_user_norm(app_env):
    at = open_page(PAGE, state={"sdm_case_open": True})
    body = texts(at)
    assert "Isi norma di atas" in body and "melampaui norma" not in body
    at.number_input(key="sdm_case_norm").set_value(2.0).run()
    no_exception(at)
    assert "melampaui norma 2,0 korban per pekerja sosial" in texts(at)
    table = next(d.value for d in at.dataframe if "Di atas norma" in d.value.columns)
    assert set(table["Di atas norma"]) <= {"Ya", "Tidak"}


DETAIL_TABLES = {"sdm_wisn_open": "Faktor penunjang (CAF)", "sdm_case_open": "Di atas norma",
                 "sdm_recruit_open": "Staf baru"}


@pytest.mark.parametrize(("key", "column"), DETAIL_TABLES.items())
def test_detail_tables_are_built_only_when_opened(app_env, key, column):
    """A rerun does not build the tables of closed expanders (issue 12); opening one shows its table and files."""
    closed = open_page(PAGE)
    no_exception(closed)
    assert not [d for d in closed.dataframe if column in d.value.columns]
    opened = open_page(PAGE, state={key: True})
    no_exception(opened)
    assert [d for d in opened.dataframe if column in d.value.columns]
    assert len(opened.get("download_button")) == len(closed.get("download_button")) + 2


def test_editor_only_for_admin_and_invalid_submit_changes_nothing(app_env):
    lead = open_page(PAGE, role="pimpinan")
    no_exception(lead)
    assert not [e for e in lead.expander if e.label == "Ubah standar (admin data)"]
    at = open_page(PAGE, role="admin_data", state={"sdm_std_edit_open": True})
    assert [e for e in at.expander if e.label == "Ubah standar (admin data)"]
    at.button(key="sdm_std_save").click().run()  # no source entered
    no_exception(at)
    errors = " ".join(e.value for e in at.error)
    assert "tidak ada yang berubah" in errors and "Sumber standar wajib diisi" in errors
    at.text_input(key="sdm_std_source").set_value("SK uji")
    at.button(key="sdm_std_save").click().run()
    assert "Tidak ada perubahan untuk disimpan." in " ".join(e.value for e in at.info)
    assert not at.error


def test_invalid_standards_in_the_database_show_a_message(demo_sqlite_url, tmp_path, monkeypatch):
    url = copy_demo(demo_sqlite_url, tmp_path / "bad.sqlite")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(update(StandarBebanKerja).where(StandarBebanKerja.jenis == "support").values(persen_waktu=100.0))
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    at = open_page(PAGE)
    no_exception(at)
    errors = " ".join(e.value for e in at.error)
    assert "tidak dapat dihitung" in errors and "harus kurang dari 100%" in errors
    assert "Standar yang dipakai" in texts(at)  # the admin can still reach the standards to fix them


def test_shortages_follow_the_data(demo_sqlite_url, tmp_path, monkeypatch):
    url = copy_demo(demo_sqlite_url, tmp_path / "staff.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    at = open_page(PAGE, state={"sdm_wisn_open": True})
    no_exception(at)
    top_before = chart(at, SHORTAGE_TITLE)["data"][0]["y"][0]
    shortage_before = metric(at, "Kekurangan staf (bruto)")
    detail = next(d.value for d in at.dataframe if "Faktor penunjang (CAF)" in d.value.columns)
    unit_name, role_name = top_before.split(" · ")
    worst = detail[(detail["Unit"] == unit_name) & (detail["Peran"] == role_name)].iloc[0]

    engine = create_engine(url)
    with engine.begin() as conn:
        code = conn.execute(select(UnitLayanan.kode_unit).where(UnitLayanan.nama == unit_name)).scalar_one()
        quarter = conn.execute(select(func.max(Staf.kuartal))).scalar_one()
        role = conn.execute(select(PeranSdm.kode).where(PeranSdm.nama == role_name)).scalar_one()
        hired = int(float(worst["Staf dibutuhkan"].replace(".", "").replace(",", "."))) + 2  # shown as "21,0"
        conn.execute(update(Staf).where(Staf.kode_unit == code, Staf.kuartal == quarter, Staf.peran == role)
                     .values(terisi=hired, bersertifikat=0))
    engine.dispose()
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's

    at = open_page(PAGE)
    no_exception(at)
    assert top_before not in chart(at, SHORTAGE_TITLE)["data"][0]["y"]
    assert metric(at, "Kekurangan staf (bruto)") != shortage_before


# ---------------------------------------------------------------- competence (issue 15 item 4)
TRAINING_CHART = {"id": "Porsi terlatih dan bersertifikat", "en": "Trained and certified share"}
UNIT_TABLE_COLUMN = {"id": "Perlu dilatih", "en": "To train"}


def unit_table(at, lang: str = "id") -> pd.DataFrame:
    return next(d.value for d in at.dataframe if UNIT_TABLE_COLUMN[lang] in d.value.columns
                and (("Kekurangan WISN (orang)" if lang == "id" else "WISN shortage (persons)") in d.value.columns))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_training_view_in_both_languages(app_env, lang):
    at = open_page(PAGE, role="pimpinan", state={"lang": lang})
    no_exception(at)
    body = texts(at)
    assert ("TARGET CONTOH" if lang == "id" else "EXAMPLE TARGETS") in body
    assert ("batas atas" if lang == "id" else "upper bound") in body
    spec = chart(at, TRAINING_CHART[lang])
    names = {trace["name"] for trace in spec["data"]}
    assert names == ({"Terlatih (12 bulan)", "Bersertifikat", "Target terlatih", "Target bersertifikat"} if lang == "id"
                     else {"Trained (12 months)", "Certified", "Training target", "Certification target"})
    bars = next(trace for trace in spec["data"] if trace["type"] == "bar")
    assert len(bars["y"]) == 6 and all(0 <= x <= 100 for x in bars["x"])
    label = "Staf terlatih (12 bulan)" if lang == "id" else "Staff trained (12 months)"
    assert metric(at, label).endswith("%")
    table = unit_table(at, lang)
    shortage = table["Kekurangan WISN (orang)" if lang == "id" else "WISN shortage (persons)"]
    numbers = [float(str(v).replace(".", "").replace(",", ".")) if lang == "id" else float(str(v).replace(",", ""))
               for v in shortage if str(v) not in ("", "None", "nan", "–")]
    assert numbers == sorted(numbers, reverse=True), "sorted by the largest WISN shortage"
    assert not [e for e in at.expander if e.label.startswith(("Ubah target", "Edit competence"))], "admin only"


def test_training_follows_the_data_and_the_target_filter(demo_sqlite_url, tmp_path, monkeypatch):
    """Training added for one unit × role raises its trained share; the toggle lists only rows below target."""
    url = copy_demo(demo_sqlite_url, tmp_path / "train.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    at = open_page(PAGE)
    no_exception(at)
    table = unit_table(at)
    at.toggle(key="kom_below_only").set_value(True).run()
    below = unit_table(at)
    assert 0 < len(below) < len(table)
    first = below.iloc[0]
    assert first["Porsi terlatih (%)"] != "100,0" and first["Perlu dilatih"] != "0"

    engine = create_engine(url)
    with engine.begin() as conn:
        code = conn.execute(select(UnitLayanan.kode_unit).where(UnitLayanan.nama == first["Unit"])).scalar_one()
        role = conn.execute(select(PeranSdm.kode).where(PeranSdm.nama == first["Peran"])).scalar_one()
        end = conn.execute(select(func.max(Pelatihan.bulan))).scalar_one()
        conn.execute(delete(Pelatihan).where(Pelatihan.kode_unit == code, Pelatihan.peran == role,
                                             Pelatihan.bulan == end))
        conn.execute(insert(Pelatihan).values(bulan=end, kode_unit=code, peran=role, topik="lainnya", jumlah=500))
    engine.dispose()
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    at = open_page(PAGE)
    no_exception(at)
    row = unit_table(at)
    row = row[(row["Unit"] == first["Unit"]) & (row["Peran"] == first["Peran"])].iloc[0]
    assert row["Porsi terlatih (%)"] == "100,0" and row["Perlu dilatih"] == "0"


def test_admin_sets_a_target_and_a_bad_one_changes_nothing(demo_sqlite_url, tmp_path, monkeypatch):
    url = copy_demo(demo_sqlite_url, tmp_path / "target.sqlite")
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_data.clear()
    from data_access.caching import clear_caches
    clear_caches()  # the shared query results are not Streamlit's
    at = open_page(PAGE, role="admin_data", state={"kom_target_edit_open": True})
    no_exception(at)
    assert [e for e in at.expander if e.label == "Ubah target kompetensi (admin data)"]
    at.button(key="kom_target_save").click().run()  # no basis entered
    assert "Dasar target wajib diisi" in " ".join(e.value for e in at.error)
    engine = create_engine(url)
    with engine.connect() as conn:
        before = conn.execute(select(TargetKompetensi.peran, TargetKompetensi.target_terlatih)).all()
    assert sorted(before) == sorted(
        (r, 0.8) for r in ("pekerja_sosial", "psikolog", "konselor", "tenaga_kesehatan", "instruktur_vokasional",
                           "pengasuh"))
    at.text_input(key="kom_target_source").set_value("Rapat Jarnas uji")
    at.button(key="kom_target_save").click().run()
    assert "Tidak ada perubahan untuk disimpan." in " ".join(e.value for e in at.info)
    with engine.connect() as conn:
        assert conn.execute(select(TargetKompetensi.peran, TargetKompetensi.target_terlatih)).all() == before
    engine.dispose()


def test_a_province_reads_the_national_wisn_table_sliced(app_env):
    """Issue 24: the page computed WISN again for every province it was opened with (a third of its run); it now
    takes the national table sliced to the province's units, the one the executive page, deck and CLI use, and its
    heat map shows the province's own units."""
    from data_access import caching
    from data_access.indicators import resolve, staffing_state

    caching.clear_caches()  # another test's page may have computed a province's own table in this process
    at = open_page(PAGE, role="pimpinan")
    for province in ("52", "53"):  # NTB and NTT: one unit and several
        at.session_state["f_prov"] = [province]
        at.run()
        no_exception(at)
        filters, _ = resolve(current_state_filters(at))
        own = staffing_state(filters).wisn
        heat = chart(at, "Rasio WISN")["data"][0]
        assert len(heat["y"]) == own["kode_unit"].nunique()
    assert not [key for key in caching._computed._values if "wisn_by_unit_role" in str(key[0])]


def current_state_filters(at):
    from domain.filters import Filters, parse_month

    state = at.session_state
    return Filters(start=parse_month(state["f_start"]), end=parse_month(state["f_end"]),
                   provinsi=tuple(state["f_prov"]))
