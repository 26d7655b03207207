"""Maps of victim origins (province, kab/kota) and destinations, with coverage of service units."""

from __future__ import annotations

import streamlit as st

from builders.maps import make_choropleth_map, make_point_map
from data_access.boundaries import get_boundaries
from data_access.cases import get_victims_by
from data_access.reference import get_regions
from domain import map_values as mv
from domain.formatting import fmt_int, fmt_period
from domain.indicators import CATALOGUE
from domain.statements import ignored_note
from domain.periods import months_between
from domain.rates import population_matches
from settings import load_settings
from ui.boundary_route import boundary_url
from ui.cached import memo, show_map
from ui.filters import current_filters, get_drill, set_drill
from ui.frame import download_table, empty_state, page_header, provenance, say
from ui.i18n import current_lang, t
from ui.peta_sections import KINDS, MAP_HEIGHT, coverage_section, destinations_section, top_area_columns

TOP_N = 10

page_header("nav.peta_asal_korban", "purpose.peta_asal_korban", kinds=KINDS)
filters, lang = current_filters(), current_lang()
months = months_between(filters.start, filters.end) if filters.start and filters.end else 12
say(ignored_note([CATALOGUE["korban_ditangani"]], filters, lang, "scope.ignored_victims"))
victims = get_victims_by(filters, ("kode_prov_asal", "kode_asal"))
if victims.empty:
    empty_state()

provinces = get_regions(1)
prov_names = dict(zip(provinces["kode"], provinces["nama"]))
drill = get_drill()
if drill and drill not in prov_names:
    st.warning(t("peta.drill_invalid", kode=drill))
    set_drill(None)
    drill = None


def on_choose() -> None:
    set_drill(st.session_state.get("peta_pilih_prov") or None)


def on_map_click() -> None:
    props = ((st.session_state.get("peta_peta_prov") or {}).get("last_active_drawing") or {}).get("properties") or {}
    if props.get("kode") in prov_names:
        set_drill(props["kode"])


# --- controls --------------------------------------------------------------------------------------
st.session_state["peta_pilih_prov"] = drill or ""
st.session_state.setdefault("peta_metrik", "rate")
c1, c2, c3 = st.columns([3, 3, 3], vertical_alignment="bottom")
c1.selectbox(t("peta.pilih_prov"), options=["", *prov_names], key="peta_pilih_prov", on_change=on_choose,
             format_func=lambda k: prov_names.get(k, t("peta.nasional")))
if drill:
    c1.button(t("peta.kembali"), key="peta_kembali", on_click=set_drill, args=(None,), icon=":material/arrow_back:")
scheme = c3.selectbox(t("peta.skema"), options=["quantiles", "fisher_jenks"], key="peta_skema",
                      format_func=lambda s: t(f"peta.skema.{s}"))

# --- origin map and ranked table -----------------------------------------------------------------
if drill is None:
    values = memo(mv.area_values, mv.victims_by_province(victims), provinces, unknown_nama=t("peta.prov_unknown"),
                  months=months, population_matches=population_matches(filters))
    boundaries = get_boundaries("provinsi", overview=True)
    st.subheader(t("peta.asal.title_nasional"))
else:
    values = mv.area_values(mv.victims_in_province(victims, drill), get_regions(2, drill), unknown_kode=drill,
                            months=months, population_matches=population_matches(filters),
                            unknown_nama=t("peta.kab_unknown"))
    kab = get_boundaries("kabupaten_kota")
    boundaries = None if kab is None else kab[kab["kode_prov"] == drill]
    st.subheader(t("peta.asal.title_prov", prov=prov_names[drill]))
known = values[values["diketahui"]]
has_rate = bool(known["rate"].notna().any())
if has_rate:
    c2.radio(t("peta.metrik"), options=["rate", "count"], key="peta_metrik", horizontal=True,
             format_func=lambda m: t(f"peta.metrik.{m}"))
metric = st.session_state["peta_metrik"] if has_rate else "count"

k1, k2 = st.columns(2)
total = int(values["jumlah"].sum())
k1.metric(t("peta.total"), fmt_int(total, lang), help=t("peta.total_help"))
if has_rate and drill is None:
    rate, missing = mv.scope_rate(known, filters.provinsi, total, months)
    k2.metric(t("peta.rate_nasional"), mv.fmt_rate(rate, lang, t("peta.no_data")), help=t("ind.angka_korban.def"))
    if missing:
        st.caption(t("peta.rate_missing_population", names=", ".join(missing)))
elif not population_matches(filters):
    st.caption(t("peta.rate_no_denominator"))
if has_rate:
    st.caption(t("peta.rate_period", period=fmt_period(filters.start, filters.end, lang), months=months))

map_col, table_col = st.columns([3, 2])
with map_col:
    if boundaries is not None and len(boundaries):
        tiles = load_settings().tile_url
        if drill is None:
            show_map(make_choropleth_map, boundaries, known, metric, scheme=scheme, tiles=tiles, lang=lang,
                     geometry_url=boundary_url(None), key="peta_peta_prov",
                     height=MAP_HEIGHT, returned_objects=["last_active_drawing"], on_change=on_map_click)
            st.caption(t("peta.klik_hint"))
        else:
            show_map(make_choropleth_map, boundaries, known, metric, scheme=scheme, tiles=tiles, zoom_to_data=True, lang=lang,
                     geometry_url=boundary_url(drill),
                     key="peta_peta_kab", height=MAP_HEIGHT, returned_objects=[])
    elif drill is None:
        st.info(t("peta.no_boundaries"), icon="ℹ️")
        show_map(make_point_map, mv.fallback_points(values, provinces), metric, scheme=scheme,
                 note=t("peta.fallback_note"), lang=lang, key="peta_peta_titik", height=MAP_HEIGHT)
    else:
        st.info(t("peta.no_boundaries_kab"), icon="ℹ️")
    top = mv.top_areas(values)
    where = prov_names.get(drill, "")
    names = ", ".join(f"{nama} ({fmt_int(n, lang)})" for nama, n in top)
    alt = t("peta.alt.prov" if drill else "peta.alt.nasional", n=len(top), prov=where, names=names) if top \
        else t("peta.alt.none", prov=where or t("peta.nasional"))
    unknown = int(values.loc[~values["diketahui"], "jumlah"].sum())
    st.caption(alt + (t("peta.alt.unknown", n=fmt_int(unknown, lang)) if unknown and drill else ""))
    provenance(t("peta.sumber"), filters, KINDS)
with table_col:
    st.markdown(f"**{t('peta.tabel.title')}**")
    st.caption(t("peta.tabel.by_rate" if metric == "rate" else "peta.tabel.by_count"))
    ranked = memo(mv.ranked_areas, values, TOP_N, by="rate" if metric == "rate" else "jumlah")
    derived = ranked["kode"].isin(set(provinces.loc[provinces["populasi_metode"] == "turunan", "kode"]))
    ranked = ranked.assign(nama=ranked["nama"].where(~derived, ranked["nama"] + " *"))
    cols = {"peringkat": t("peta.col.peringkat"), "nama": t("peta.col.wilayah"), "jumlah": t("peta.col.jumlah"),
            "rate": t("peta.col.rate"), "share": t("peta.col.share")}
    if not has_rate:
        # No population for these areas (kab/kota in the demo): say why once, not "tidak ada data" on every row.
        # Under a sex or age filter the reason (no matching denominator) is stated above the map.
        del cols["rate"]
        if population_matches(filters):
            st.caption(t("peta.kab_rate_note"))
    shown, data = memo(mv.table_frames, ranked, cols, lang, t("peta.no_data"))
    # Fixed narrow widths for the numbers: at 1366 px the column beside the map is ~380 px, and the rate and
    # share must stay in view (a long name is cut instead; its full text shows on hover).
    st.dataframe(shown, hide_index=True, key="peta_tabel_asal", column_config=top_area_columns(cols))
    if derived.any():
        st.caption(t("peta.derived_population"))
    download_table(data, f"peta_asal_{drill or 'nasional'}", filters, KINDS)


destinations_section(filters, drill, provinces, lang)
coverage_section(filters, victims, drill, lang)
