"""The lower sections of the Peta Asal Korban page: where victims were taken, and how far they are from a unit.

Each is a fragment, so its own switch or distance input reruns only that section (issue 12)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from builders.charts import make_destination_sankey
from builders.country_shapes import country_shapes_url
from builders.maps import make_coverage_map, make_flow_map
from data_access.boundaries import get_boundaries
from data_access.cases import get_victims_by
from data_access.reference import get_countries, get_region_names, get_units
from domain import map_values as mv
from domain.filters import Filters
from domain.formatting import fmt_int, fmt_pct
from domain.geo import coverage, nearest_unit
from settings import load_settings
from ui.boundary_route import boundary_url
from ui.cached import figure, memo, show_map
from ui.charts import show_chart
from ui.frame import download_table, provenance, ranking_widths
from ui.i18n import t

KINDS = ("kasus", "populasi")
MAP_HEIGHT = 400


def top_area_columns(cols: dict[str, str]) -> dict:
    """column_config of the top-areas table beside the map: short headers, the full ones as help (at 1366 px
    "Peringkat" and "Jumlah korban" were cut to "Peringk" and "Jumlah korba"; issue 25)."""
    return ranking_widths(list(cols.values()),
                          short={header: t(f"peta.col.short.{key}") for key, header in cols.items() if key != "nama"})
MAX_FLOW_LINES = 60  # hundreds of thin lines are unreadable and cost ~600 bytes each; the table has them all


# --- destinations ----------------------------------------------------------------------------------
@st.fragment
def destinations_section(filters: Filters, drill: str | None, provinces: pd.DataFrame, lang: str) -> None:
    """Its own abroad/domestic switch reruns only this section (issue 12)."""
    st.subheader(t("peta.tujuan.title"))
    jenis = st.radio(t("peta.tujuan.jenis"), options=[mv.ABROAD, mv.DOMESTIC], key="peta_tujuan_jenis", horizontal=True,
                     format_func=lambda j: t(f"peta.tujuan.{j}"))
    dest = get_victims_by(filters, ("kode_prov_asal", "tujuan_jenis", "kode_tujuan"))
    if drill:
        dest = dest[dest["kode_prov_asal"] == drill]
    countries = get_countries()
    countries = countries.assign(nama=countries["nama_en"]) if lang == "en" else countries
    flows = memo(mv.build_flows, dest, provinces, countries, (jenis,))
    if flows.empty:
        st.info(t("peta.tujuan.empty", jenis=t(f"peta.tujuan.{jenis}").lower()), icon="ℹ️")
    else:
        by_dest = flows.groupby("tujuan_nama")["jumlah"].sum().sort_values(ascending=False, kind="mergesort").head(5)
        s1, s2 = st.columns(2)
        show_chart(figure(make_destination_sankey, flows, title=t(f"peta.tujuan.sankey_{jenis}"),
                          other_origins=t("peta.tujuan.other_origins"),
                          other_destinations=t(f"peta.tujuan.other_{jenis}"), lang=lang),
                   key="peta_sankey", width="stretch", where=s1)
        with s2:
            show_map(make_flow_map, flows.head(MAX_FLOW_LINES), tiles=load_settings().tile_url, lang=lang, key="peta_peta_arus",
                     height=460, basemap=get_boundaries("provinsi", overview=True), basemap_url=boundary_url(None),
                     countries_url=country_shapes_url())
            if len(flows) > MAX_FLOW_LINES:
                st.caption(t("peta.tujuan.top_lines", n=fmt_int(MAX_FLOW_LINES, lang), total=fmt_int(len(flows), lang)))
            missing = int(flows[["tujuan_lat", "tujuan_lon"]].isna().any(axis=1).sum())
            if missing:
                st.caption(t("peta.tujuan.no_point", n=fmt_int(missing, lang)))
        st.caption(t("peta.tujuan.alt", names=", ".join(f"{n} ({fmt_int(v, lang)})" for n, v in by_dest.items())))
        provenance(t("peta.sumber"), filters, KINDS)
        with st.expander(t("peta.tujuan.tabel")):
            flow_cols = {"asal_nama": t("peta.col.asal"), "tujuan_nama": t("peta.col.tujuan"),
                         "jumlah": t("peta.col.jumlah")}
            shown, data = memo(mv.table_frames, flows, flow_cols, lang, t("peta.no_data"))
            st.dataframe(shown, hide_index=True, key="peta_tabel_arus")
            download_table(data, f"peta_arus_{jenis}_{drill or 'nasional'}", filters, KINDS)



# --- coverage of service units ---------------------------------------------------------------------
@st.fragment
def coverage_section(filters: Filters, victims: pd.DataFrame, drill: str | None, lang: str) -> None:
    """Its own distance input reruns only this section (issue 12), not the maps and tables above."""
    st.subheader(t("peta.jangkauan.title"))
    default_km = min(max(float(load_settings().coverage_km), 10.0), 2000.0)
    st.session_state.setdefault("peta_jarak_km", default_km)
    km = st.number_input(t("peta.jangkauan.km"), min_value=10.0, max_value=2000.0, step=25.0, format="%.0f",
                         key="peta_jarak_km", help=t("peta.jangkauan.km_help"))
    kab_points = get_boundaries("kabupaten_kota")
    if kab_points is None:
        st.info(t("peta.jangkauan.no_boundaries"), icon="ℹ️")
        return
    scope = victims if drill is None else victims[victims["kode_prov_asal"] == drill]
    by_origin = scope.groupby("kode_asal", as_index=False)["jumlah"].sum().rename(columns={"kode_asal": "kode"})
    units = get_units()
    nearest = memo(nearest_unit, kab_points[["kode", "lat", "lon"]], units)
    result = memo(coverage, by_origin, nearest, km)
    km_text = fmt_int(km, lang)
    m1, m2, m3 = st.columns(3)
    m1.metric(t("peta.jangkauan.share", km=km_text), fmt_pct(result.share_jauh, 1, lang),
              help=t("peta.jangkauan.share_help"))
    m2.metric(t("peta.jangkauan.jauh"), fmt_int(result.korban_jauh, lang))
    m3.metric(t("peta.jangkauan.tanpa_lokasi"), fmt_int(result.korban_tanpa_lokasi, lang),
              help=t("peta.jangkauan.tanpa_lokasi_help"))
    under = mv.underserved_rows(result.underserved, get_region_names(), dict(zip(units["kode_unit"], units["nama"])))
    cov_map, cov_table = st.columns([3, 2])
    with cov_map:
        origins = memo(mv.coverage_origins, by_origin, kab_points, nearest)
        show_map(make_coverage_map, origins, units, km, tiles=load_settings().tile_url, lang=lang,
                 key="peta_peta_jangkauan",
                 height=MAP_HEIGHT)
        alt = t("peta.jangkauan.alt", share=fmt_pct(result.share_jauh, 1, lang), km=km_text)
        if len(under):
            alt += t("peta.jangkauan.alt_top", names=", ".join(under["nama"].head(3)))
        st.caption(alt)
        provenance(t("peta.sumber"), filters, KINDS)
    with cov_table:
        st.markdown(f"**{t('peta.jangkauan.tabel')}**")
        if under.empty:
            st.caption(t("peta.jangkauan.none_far", km=km_text))
        else:
            under_cols = {"nama": t("peta.col.wilayah"), "provinsi": t("peta.col.provinsi"),
                          "jumlah": t("peta.col.jumlah"), "jarak_km": t("peta.col.jarak"), "unit_terdekat": t("peta.col.unit")}
            shown, data = memo(mv.table_frames, under, under_cols, lang, t("peta.no_data"))
            st.dataframe(shown, hide_index=True, key="peta_tabel_jangkauan")
            download_table(data, f"peta_kurang_terlayani_{drill or 'nasional'}", filters, KINDS)
