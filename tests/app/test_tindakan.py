"""Daftar Tindakan: late reports, capacity referrals and provinces to watch, in both languages, with downloads,
the filters in force at the top and the roles that may open it."""

from __future__ import annotations

import datetime as dt

import pytest

from data_access.actions import action_lists
from data_access.engine import get_engine
from data_access.indicators import connection_runner, headline_indicators
from domain.submissions import due_date
from domain.filters import Filters
from domain.formatting import fmt_dec
from tests.helpers import no_exception, open_page, texts

PAGE = "daftar_tindakan"


def frame_with(at, column: str):
    return next(e.value for e in at.dataframe if column in e.value.columns)


def lists(url: str, filters: Filters = Filters(), today: dt.date | None = None):
    with get_engine(url).connect() as conn:
        return action_lists(filters, connection_runner(conn), today)


@pytest.mark.parametrize("role", ["pimpinan", "jarnas", "admin_data"])
def test_three_lists_with_evidence_and_downloads(app_env, demo_sqlite_url, role):
    at = open_page(PAGE, role=role, state={"f_start": "2023-01", "f_end": "2025-07"})  # all data, as Filters()
    no_exception(at)
    body = texts(at)
    assert "DATA CONTOH (sintetis)" in body and "Periode:** Jan 2023 – Jul 2025" in body and "Ctrl+P" in body
    expected = lists(demo_sqlite_url)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Laporan lewat jatuh tempo"] == str(len(expected.late)) and len(expected.late) > 0
    assert shown["Provinsi dalam pantauan"] == str(expected.watch["kode_prov"].nunique())
    late = frame_with(at, "Hari lewat jatuh tempo")
    assert list(late["Hari lewat jatuh tempo"]) == list(expected.late["hari_terlambat"])
    assert late["Jatuh tempo"].iloc[0] == "10 Agu 2025" and due_date(expected.late["bulan"].iloc[0]) == dt.date(2025, 8, 10)
    assert "Dihitung per 31 Agu 2025" in body  # the demo's own date, not today (no "500 days late")
    referrals = frame_with(at, "Unit tujuan")
    assert len(referrals) == len(expected.referrals) and referrals["Jarak (km)"].notna().all()
    # Utilisation in percent with a decimal comma (issue 25: "1.139" read as one thousand one hundred thirty-nine).
    utilisation = referrals[next(c for c in referrals.columns if c.startswith("Utilisasi") and c.endswith("(%)"))]
    assert list(utilisation) == [fmt_dec(v * 100, 1, "id") + "%" for v in expected.referrals["utilisasi"]]
    assert all("," in v and "." not in v for v in utilisation)
    watch = frame_with(at, "Rasio")
    p_values = watch["p (Poisson)"].str.replace("< ", "").str.replace(",", ".").astype(float)
    assert "Nusa Tenggara Barat" in set(watch["Provinsi"]) and (p_values < 0.05).all()
    assert "Jendela: Mei–Jul 2025 dibanding Mei 2024 – Apr 2025." in body
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("Unduh CSV") == 3 and labels.count("Unduh Excel") == 3


def test_alert_count_is_the_headline_indicator(app_env, demo_sqlite_url):
    """The units needing a referral are the units on alert of the executive and capacity pages, not a second rule."""
    f = Filters(start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 1), provinsi=("31", "32", "35", "52"))
    at = open_page(PAGE, state={"f_start": "2025-01", "f_end": "2025-06", "f_prov": list(f.provinsi)})
    no_exception(at)
    with get_engine(demo_sqlite_url).connect() as conn:
        headline = headline_indicators(f, connection_runner(conn)).value("unit_peringatan")
    assert {m.label: m.value for m in at.metric}["Unit dalam peringatan"] == str(int(headline))
    assert "lokasi unit layanan" in texts(at)


def test_referrals_offer_units_with_free_places_not_on_alert(demo_sqlite_url):
    a = lists(demo_sqlite_url)
    offered = a.referrals.dropna(subset=["kode_unit_tujuan"])
    assert len(offered) and (offered["tempat_kosong_tujuan"] > 0).all()
    assert not set(offered["kode_unit_tujuan"]) & set(a.alerts["kode_unit"])
    assert (offered.groupby("kode_unit")["jarak_km"].apply(lambda d: d.is_monotonic_increasing)).all()


def test_filters_that_do_not_apply_are_named(app_env):
    at = open_page(PAGE, role="jarnas", state={"f_modus": ["online_scam"], "f_jk": ["P"]})
    no_exception(at)
    body = texts(at)
    assert "Filter modus, jenis kelamin tidak berlaku untuk angka ini." in body
    watch = frame_with(at, "Rasio") if any("Rasio" in e.value.columns for e in at.dataframe) else None
    assert watch is None or set(watch["Modus"]) <= {"Online scam (kriminalitas paksa)"}


def test_english(app_env):
    at = open_page(PAGE, role="pimpinan", state={"lang": "en"})
    no_exception(at)
    assert at.title[0].value == "Action Lists"
    body = texts(at)
    assert "Days overdue" in " ".join(" ".join(e.value.columns) for e in at.dataframe) and "Print:" in body


def test_public_visitor_is_refused(app_env):
    at = open_page(PAGE, role="publik")
    no_exception(at)
    assert not at.dataframe and not at.metric


@pytest.mark.parametrize(("lang", "percent", "mean"), [("id", "113,9%", "7,3"), ("en", "113.9%", "7.3")])
def test_tables_read_in_the_page_locale_with_units_and_fit_1366_px(app_env, lang, percent, mean):
    """Issue 25: utilisation showed as 1.139 / 0.906, a mean of 7.3 beside a count of 7 as "7,30", and at 1366 px
    the referral table hid "Tempat kosong". Numbers carry their unit in the page's locale; every column has a width
    (short header, full label as help) and the table fits the page's ~870 px."""
    import json

    at = open_page(PAGE, role="pimpinan", state={"f_start": "2023-01", "f_end": "2025-07", "lang": lang})
    no_exception(at)
    referrals = next(e for e in at.dataframe if len(e.value.columns) == 8 and "km" in str(e.value.iloc[0, 6]))
    assert percent in set(referrals.value.iloc[:, 1])
    assert all(v.endswith(" km") for v in referrals.value.iloc[:, 6])
    watch = next(e for e in at.dataframe if e is not referrals and len(e.value.columns) == 8)
    assert mean in set(watch.value.iloc[:, 4])
    assert all(v.endswith("×") for v in watch.value.iloc[:, 6])
    for table in (referrals, watch):
        config = {c: spec for c, spec in json.loads(table.proto.columns).items() if c != "_index"}
        assert set(config) == set(table.value.columns)
        assert sum(spec["width"] for spec in config.values()) <= 870, config
        assert all(len(spec["label"]) * 7 + 22 <= spec["width"] and spec["help"] == c for c, spec in config.items())
