"""Public summary: protected national figures that can never expose a victim.

Reads only the published extract (data_access.publication): never the case table, so an anonymous visitor
can only ever see numbers that went through disclosure control.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from builders.public_charts import make_protected_bars
from builders.public_map import make_protected_map
from data_access.publication import (
    get_latest_extract, get_place_names, get_province_boundaries, get_province_names, get_province_population,
)
from domain.disclosure import TOTAL_LABEL
from domain.formatting import fmt_date, fmt_period
from domain.publication import (
    AGE_GROUPS, REACH_TABLE, SEXES, display_table, display_value, map_values, national_total, parse_period,
    with_names, year_label,
)
from domain.taxonomy import MODUS, names
from exports.open_data import open_tables, package_zip
from exports.public_site import source_line
from exports.tables import to_csv_bytes, to_xlsx_bytes
from settings import load_settings
from ui.boundary_route import boundary_url
from ui.cached import figure, show_map
from ui.charts import show_chart
from ui.frame import CSV_MIME, XLSX_MIME, download_button, empty_state
from ui.i18n import current_lang, t

lang = current_lang()
st.title(t("nav.ringkasan_publik"))
extract = get_latest_extract()
if extract is None:
    empty_state("publik.empty")
info, rules = extract.info, extract.info.rules
words = {"marker": rules.primary_marker, "largest": rules.threshold - 1, "base": rules.rounding_base,
         "threshold": rules.threshold}
st.caption(t("publik.purpose", **words))
if info.is_demo:
    st.warning(t("demo.notice"), icon="⚠️")
period = parse_period(info.periode)
version = t("publik.version", versi=info.versi, date=fmt_date(info.dibuat, lang),
            period=fmt_period(*period, lang) if period else "–")
st.caption(version)
# The internet-facing copy of these figures is the static site written by `manage.py publish --out`.
site_url = load_settings().public_site_url
if site_url and site_url.startswith(("https://", "http://")):
    st.link_button(t("publik.static_link"), site_url, key="publik_situs_statis", icon=":material/public:")
notes = tuple(([t("demo.notice")] if info.is_demo else []) + [version] + [
    t(f"publik.caveat_{k}", **words) for k in ("scope", "rounding", "small", "hidden")])

province_names = get_province_names()
# Downloads are the open-data files of the static site (exports.open_data), the same bytes everywhere.
population = get_province_population()
open_data = {table.name: table for table in open_tables(extract, get_place_names(), population)}

st.metric(t("publik.kpi_total"), display_value(national_total(extract), lang), help=t("publik.kpi_help"))
with st.expander(t("publik.caveats_title"), expanded=True):
    for key in ("scope", "rounding", "small", "hidden", "zero"):
        st.markdown("- " + t(f"publik.caveat_{key}", **words))


def show_table(shown: pd.DataFrame, name: str, first_column: str, table: str) -> None:
    """The table as displayed text; its downloads are the open-data file of the same published table (header
    first, names beside codes, numbers as numbers, period columns), CSV as on the static site, XLSX with notes."""
    frame = display_table(shown, lang).rename_axis(first_column).reset_index()
    st.dataframe(frame, hide_index=True, width="stretch", key=f"publik_tbl_{name}")
    data = open_data[table].frame
    c1, c2 = st.columns(2)
    download_button(t("download.csv"), lambda: to_csv_bytes(data), file_name=f"{name}.csv", mime=CSV_MIME,
                    key=f"publik_csv_{name}", where=c1)
    download_button(t("download.xlsx"), lambda: to_xlsx_bytes(data, name, notes), file_name=f"{name}.xlsx",
                    mime=XLSX_MIME, key=f"publik_xlsx_{name}", where=c2)


def source_caption(source_key: str = "publik.source") -> None:
    # The same line as the static site's (its source, period, and the data's last month, not the publish time).
    st.caption(source_line(extract, source_key, lang))


def bars(table: pd.DataFrame, labels: dict[str, str], orientation: str) -> None:
    body = table.drop(index=TOTAL_LABEL, errors="ignore").iloc[:, 0]
    data = pd.DataFrame({"label": [labels.get(code, code) for code in body.index],
                         "nilai": [None if isinstance(v, str) else v for v in body],
                         "teks": [display_value(v, lang) for v in body]})
    fig = figure(make_protected_bars, data, value_title=t("publik.col.jumlah"), orientation=orientation,
                              separators=",." if lang == "id" else ".,")
    show_chart(fig, key=f"publik_chart_{orientation}")
    source_caption()


total = t("publik.total")
jumlah = {"jumlah": t("publik.col.jumlah")}
st.subheader(t("publik.by_year"))
# A year the data covers only in part reads "2025 (Jan–Jul)" (issue 11), in the chart and the table alike.
year_names = {str(y): year_label(y, info.periode, lang) for y in extract.table("tahun").index}
years = with_names(extract.table("tahun"), year_names, total, jumlah)
bars(extract.table("tahun"), year_names, "v")
with st.expander(t("publik.data_table")):
    show_table(years, "korban_per_tahun", t("publik.col.tahun"), "tahun")

st.subheader(t("publik.by_sex_age"))
sex_age = with_names(extract.table("jenis_kelamin_umur", SEXES), {s: t(f"sex.{s}") for s in SEXES}, total,
                     {a: t(f"age.{a}") for a in AGE_GROUPS})
show_table(sex_age[[t(f"age.{a}") for a in AGE_GROUPS] + [total]], "korban_jenis_kelamin_umur",
           t("publik.col.jenis_kelamin"), "jenis_kelamin_umur")

st.subheader(t("publik.by_modus"))
modus_names = names(MODUS, lang)
modus = with_names(extract.table("modus", list(modus_names)), modus_names, total, jumlah)
bars(extract.table("modus", list(modus_names)), modus_names, "h")
with st.expander(t("publik.data_table")):
    show_table(modus, "korban_per_modus", t("publik.col.modus"), "modus")

st.subheader(t("publik.by_province"))
provinces = extract.table("provinsi")
boundaries = get_province_boundaries()
if boundaries is None:
    st.info(t("publik.map_missing"), icon="ℹ️")
else:
    values = map_values(provinces)
    shown = {r.kode: display_value(r.teks if r.teks is not None else r.nilai, lang) for r in values.itertuples()}
    labels = {"title": t("publik.map.title"), "region": t("publik.map.region"), "value": t("publik.col.jumlah"),
              "small": t("publik.map.small"), "hidden": t("publik.map.hidden"),
              "no_data": t("publik.map.no_data"), "note": t("publik.map.note")}
    show_map(make_protected_map, boundaries, values, rules, labels=labels, display=shown, lang=lang,
             geometry_url=boundary_url(None),
             key="publik_peta", height=480)
    source_caption()
with st.expander(t("publik.data_table"), expanded=boundaries is None):
    show_table(with_names(provinces, province_names, total, jumlah), "korban_per_provinsi", t("publik.col.provinsi"),
               "provinsi")

if REACH_TABLE in set(extract.cells["tabel"]):  # extracts published before issue 15 have no prevention table
    st.subheader(t("publik.reach.header"))
    st.caption(t("publik.reach.note"))
    reach = with_names(extract.table(REACH_TABLE), province_names, total, {"jumlah": t("publik.reach.col")})
    st.dataframe(display_table(reach, lang).rename_axis(t("publik.col.provinsi")).reset_index(), hide_index=True,
                 width="stretch", key="publik_tbl_pencegahan")
    source_caption("pcg.source.activities")

download_button(t("publik.download_all"), lambda: package_zip(extract, province_names, population),
                file_name=f"ringkasan_publik_v{info.versi}.zip", mime="application/zip", key="publik_zip_semua",
                type="primary")
