"""The static public site written by `manage.py publish --out DIR`: plain files any web server or object store
can serve to thousands of visitors, built from the published extract only.

One folder: index.html (Indonesian), en/index.html (English), embed/<chart>.html (and en/embed/) for an iframe, the
open-data CSVs, datapackage.json, the static API under api/v1/ with api.md and DCAT/CKAN metadata
(exports.open_data), assets/ (plotly.min.js copied from the plotly package, charts.js, site.css). The tables and
the pre-rendered SVG map need no JavaScript; charts are drawn by the local plotly.js. Nothing is fetched from
the internet, and every number is a published cell, so disclosure control is exactly the extract's.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd

from builders.public_charts import make_protected_bars, make_protected_heatmap, make_protected_lines
from builders.public_map import make_protected_svg
from domain.disclosure import TOTAL_LABEL
from domain.formatting import fmt_date, fmt_dec, fmt_month, fmt_period
from domain.publication import (
    AGE_GROUPS, DESTINATION_MIN_TOTAL, DESTINATION_TABLE, REACH_TABLE, ROW_SEPARATOR, SEX_AGE_YEAR, SEXES,
    PublishedExtract, display_value, map_values, months_covered, national_total, parse_period, published_rate,
    series_long, sex_age_year_long, year_label,
)
from domain.taxonomy import MODUS, names
from exports.open_data import destination_names, open_tables, write_package
from strings import tr

HERE = Path(__file__).resolve().parent
ASSETS = HERE / "site_assets"
TEMPLATES = HERE / "templates"
LANGS = {"id": "", "en": "en/"}  # language -> sub-folder of its index.html


def plotly_js() -> Path:
    """The plotly.js bundled in the plotly Python package (the same version the figures are made for)."""
    import plotly

    path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"plotly.min.js tidak ada di paket plotly ({path})")
    return path


def _chart(table: pd.DataFrame, labels: Mapping[str, str], orientation: str, lang: str) -> str:
    body = table.drop(index=TOTAL_LABEL, errors="ignore").iloc[:, 0]
    data = pd.DataFrame({"label": [labels.get(str(code), str(code)) for code in body.index],
                         "nilai": [None if isinstance(v, str) else v for v in body],
                         "teks": [display_value(v, lang) for v in body]})
    fig = make_protected_bars(data, value_title=tr("publik.col.jumlah", lang), orientation=orientation,
                              separators=",." if lang == "id" else ".,")
    # Streamlit widens the margins for long tick labels itself; a bare page needs plotly's automargin.
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    # "</" cannot end the JSON's <script> block early: plotly.io.to_json leaves it, so escape it here.
    return fig.to_json().replace("</", "<\\/")


def _rows(table: pd.DataFrame, labels: Mapping[str, str], lang: str, columns: list[str] | None = None) -> list[dict]:
    total = tr("publik.total", lang)
    cols = columns or list(table.columns)
    return [{"kode": str(code), "label": total if code == TOTAL_LABEL else labels.get(str(code), str(code)),
             "total": code == TOTAL_LABEL, "cells": [display_value(line[c], lang) for c in cols]}
            for code, line in table.iterrows()]


def source_line(extract: PublishedExtract, source_key: str, lang: str) -> str:
    """The provenance line under a table: its own source (the reach table is not Kemensos'), the period, and how
    recent the data are (the release's last month; the publish time is in the version line)."""
    info = extract.info
    period = parse_period(info.periode)
    return tr("provenance", lang, source=tr(source_key, lang, versi=info.versi),
              period=fmt_period(*period, lang) if period else "–",
              updated=tr("publik.updated", lang, last=fmt_month(period[1], lang)) if period else "–")


API_VERSION = "v1"  # the stable path of the static API: api/v1/<table>.json|csv (docs: api.md)


def _words(extract: PublishedExtract) -> dict:
    rules = extract.info.rules
    return {"marker": rules.primary_marker, "largest": rules.threshold - 1, "base": rules.rounding_base,
            "threshold": rules.threshold}


def _series_data(extract: PublishedExtract, tabel: str, labels: Mapping[str, str], lang: str,
                 order: list[str] | None = None) -> pd.DataFrame:
    """A series table as chart input: label, kolom (year as published, partial year marked), nilai, teks."""
    series = series_long(extract, tabel, order)
    return pd.DataFrame({
        "label": [labels.get(k, k) for k in series["kode"]],
        "kolom": [year_label(y, extract.info.periode, lang) for y in series["tahun"]],
        "nilai": pd.Series([None if isinstance(v, str) else v for v in series["nilai"]], dtype=object),
        "teks": [display_value(v, lang) for v in series["nilai"]],
    })


def _figure_json(fig) -> str:
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    return fig.to_json().replace("</", "<\\/")


def _province_series_rows(extract: PublishedExtract, province_names: Mapping[str, str],
                          population: pd.DataFrame | None, lang: str) -> tuple[list[str], list[dict]]:
    """Header and rows of the province x year table: for each year the published count and, beside it, the rate
    per 100,000 population per year (from that published count; "–" where hidden or unknown)."""
    info = extract.info
    series = series_long(extract, "provinsi_tahun")
    years = sorted(set(series["tahun"]))
    pop = ({str(k): v for k, v in zip(population["kode"], population["populasi"])} if population is not None
           else {})
    header = [tr("publik.col.provinsi", lang)]
    for year in years:
        header += [year_label(year, info.periode, lang), tr("publik.col.rate_year", lang,
                                                            year=year_label(year, info.periode, lang))]
    rows = []
    for kode, part in series.groupby("kode", sort=False):
        cells = []
        for year, value in zip(part["tahun"], part["nilai"]):
            rate = published_rate(value, pop.get(kode), months_covered(info.periode, int(year)))
            cells += [display_value(value, lang), fmt_dec(rate, 2, lang)]
        rows.append({"kode": kode, "label": province_names.get(kode, kode), "total": False, "cells": cells})
    return header, rows


def _population_note(population: pd.DataFrame | None, lang: str) -> str:
    if population is None or population["populasi"].isna().all():
        return tr("publik.rate.no_population", lang)
    years = sorted({str(int(y)) for y in population["populasi_tahun"].dropna()})
    sources = sorted({str(s) for s in population["populasi_sumber"].dropna() if str(s)})
    return tr("publik.rate.population", lang, years=", ".join(years) or "–", sources="; ".join(sources) or "–")


def page_sections(extract: PublishedExtract, province_names: Mapping[str, str],
                  boundaries: gpd.GeoDataFrame | None, lang: str,
                  population: pd.DataFrame | None = None) -> list[dict]:
    """Every chart or table of the page, each with what travels with it (issue 26): its data (CSV and the JSON of
    the static API), definition, source and period, its anchor, and an embeddable page when it has a picture."""
    info, rules = extract.info, extract.info.rules
    jumlah = tr("publik.col.jumlah", lang)
    victims = source_line(extract, "publik.source", lang)
    sections = []

    def add(section: dict, table: str, definition: str, source: str = victims) -> None:
        section.update({"table": table, "file": f"{table}.csv", "api": f"api/{API_VERSION}/{table}.json",
                        "definition": definition, "source": source})
        if section.get("chart") or section.get("svg"):
            section["embed"] = f"embed/{section['id']}.html"
        sections.append(section)

    definition = tr("publik.def.korban", lang)
    years = extract.table("tahun")
    year_names = {str(y): year_label(y, info.periode, lang) for y in years.index}
    add({"id": "tahun", "title": tr("publik.by_year", lang), "chart": _chart(years, year_names, "v", lang),
         "header": [tr("publik.col.tahun", lang), jumlah], "rows": _rows(years, year_names, lang)},
        "tahun", definition + " " + tr("publik.def.partial_year", lang))

    sex_age = extract.table("jenis_kelamin_umur", SEXES)
    add({"id": "jenis-kelamin-umur", "title": tr("publik.by_sex_age", lang),
         "header": [tr("publik.col.jenis_kelamin", lang), *(tr(f"age.{a}", lang) for a in AGE_GROUPS),
                    tr("publik.total", lang)],
         "rows": _rows(sex_age, {s: tr(f"sex.{s}", lang) for s in SEXES}, lang, [*AGE_GROUPS, TOTAL_LABEL])},
        "jenis_kelamin_umur", definition + " " + tr("publik.def.sex_age", lang))

    modus_names = names(MODUS, lang)
    modus = extract.table("modus", list(modus_names))
    add({"id": "modus", "title": tr("publik.by_modus", lang), "chart": _chart(modus, modus_names, "h", lang),
         "header": [tr("publik.col.modus", lang), jumlah], "rows": _rows(modus, modus_names, lang)},
        "modus", definition)

    provinces = extract.table("provinsi")
    province = {"id": "provinsi", "title": tr("publik.by_province", lang),
                "header": [tr("publik.col.provinsi", lang), jumlah], "rows": _rows(provinces, province_names, lang)}
    if boundaries is None:
        province["map_missing"] = tr("publik.map_missing", lang)
    else:
        values = map_values(provinces)
        shown = {r.kode: display_value(r.teks if r.teks is not None else r.nilai, lang) for r in values.itertuples()}
        labels = {"title": tr("publik.map.title", lang), "small": tr("publik.map.small", lang),
                  "hidden": tr("publik.map.hidden", lang), "no_data": tr("publik.map.no_data", lang)}
        province["svg"], classes = make_protected_svg(boundaries, values, rules, labels=labels, display=shown,
                                                      lang=lang)
        province["legend"] = classes.legend
        province["map_note"] = tr("publik.map.note", lang, base=rules.rounding_base)
    add(province, "provinsi", definition + " " + tr("publik.def.origin", lang))

    if not series_long(extract, "provinsi_tahun").empty:  # releases before issue 26 have no series
        header, rows = _province_series_rows(extract, province_names, population, lang)
        add({"id": "provinsi-tahun", "title": tr("publik.by_province_year", lang),
             "note": _population_note(population, lang),
             "chart": _figure_json(make_protected_heatmap(
                 _series_data(extract, "provinsi_tahun", province_names, lang), value_title=jumlah,
                 separators=",." if lang == "id" else ".,")),
             "header": header, "rows": rows},
            "provinsi_tahun", " ".join([definition, tr("publik.def.origin", lang), tr("publik.def.partial_year", lang),
                                        tr("publik.def.rate", lang)]))
        modus_order = list(modus_names)
        modus_years = extract.table("modus_tahun", modus_order).drop(columns=TOTAL_LABEL, errors="ignore")
        add({"id": "modus-tahun", "title": tr("publik.by_modus_year", lang),
             "chart": _figure_json(make_protected_lines(
                 _series_data(extract, "modus_tahun", modus_names, lang, modus_order), value_title=jumlah,
                 separators=",." if lang == "id" else ".,")),
             "header": [tr("publik.col.modus", lang),
                        *(year_label(y, info.periode, lang) for y in modus_years.columns)],
             "rows": _rows(modus_years, modus_names, lang)},
            "modus_tahun", definition + " " + tr("publik.def.partial_year", lang))

    destinations = destination_names(extract, province_names, lang)
    if destinations:  # issue 26: releases before the destination table have none
        order = list(destinations)
        # With its whole-period column: no other table shows a destination's total (modus_tahun's is the modus table).
        destination_years = extract.table(DESTINATION_TABLE, order)
        add({"id": "tujuan-tahun", "title": tr("publik.by_destination_year", lang),
             "chart": _figure_json(make_protected_heatmap(
                 _series_data(extract, DESTINATION_TABLE, destinations, lang, order), value_title=jumlah,
                 separators=",." if lang == "id" else ".,")),
             "header": [tr("publik.col.tujuan", lang),
                        *(tr("publik.total", lang) if y == TOTAL_LABEL else year_label(y, info.periode, lang)
                          for y in destination_years.columns)],
             "rows": _rows(destination_years, destinations, lang)},
            DESTINATION_TABLE, " ".join([definition, tr("publik.def.partial_year", lang),
                                         tr("publik.def.destination", lang, min_total=DESTINATION_MIN_TOTAL)]))

    sex_age_years = sex_age_year_long(extract)
    if not sex_age_years.empty:  # one line per sex and age group (margins in the table only)
        sex_names = {**{s: tr(f"sex.{s}", lang) for s in SEXES}, TOTAL_LABEL: tr("publik.total", lang)}
        age_names = {**{a: tr(f"age.{a}", lang) for a in AGE_GROUPS}, TOTAL_LABEL: tr("publik.total", lang)}
        years = sorted(set(sex_age_years["tahun"]))
        labels = [f"{sex_names[s]} · {age_names[a]}" for s, a in zip(sex_age_years["jenis_kelamin"],
                                                                      sex_age_years["kelompok_umur"])]
        inner = [TOTAL_LABEL not in (s, a) for s, a in zip(sex_age_years["jenis_kelamin"],
                                                           sex_age_years["kelompok_umur"])]
        data = pd.DataFrame({
            "label": labels, "kolom": [year_label(y, info.periode, lang) for y in sex_age_years["tahun"]],
            "nilai": pd.Series([None if isinstance(v, str) else v for v in sex_age_years["nilai"]], dtype=object),
            "teks": [display_value(v, lang) for v in sex_age_years["nilai"]]})
        rows = [{"kode": f"{s}{ROW_SEPARATOR}{a}", "label": label, "total": TOTAL_LABEL in (s, a),
                 "cells": [display_value(v, lang) for v in part["nilai"]]}
                for (s, a, label), part in sex_age_years.assign(label=labels).groupby(
                    ["jenis_kelamin", "kelompok_umur", "label"], sort=False)]
        add({"id": "jenis-kelamin-umur-tahun", "title": tr("publik.by_sex_age_year", lang),
             "chart": _figure_json(make_protected_lines(data[inner], value_title=jumlah,
                                                        separators=",." if lang == "id" else ".,")),
             "header": [tr("publik.col.jenis_kelamin", lang), *(year_label(y, info.periode, lang) for y in years)],
             "rows": rows},
            SEX_AGE_YEAR, " ".join([definition, tr("publik.def.sex_age", lang), tr("publik.def.partial_year", lang)]))

    if REACH_TABLE in set(extract.cells["tabel"]):  # as on the Ringkasan Publik page (issue 15)
        reach = extract.table(REACH_TABLE)
        add({"id": "pencegahan", "title": tr("publik.reach.header", lang),
             "header": [tr("publik.col.provinsi", lang), tr("publik.reach.col", lang)],
             "rows": _rows(reach, province_names, lang)},
            REACH_TABLE, tr("publik.reach.note", lang), source_line(extract, "pcg.source.activities", lang))
    return sections


def _texts(extract: PublishedExtract, lang: str) -> dict:
    info = extract.info
    period = parse_period(info.periode)
    period_text = fmt_period(*period, lang) if period else "–"
    words = _words(extract)
    return {
        "title": tr("site.title", lang),
        "purpose": tr("publik.purpose", lang, **words),
        "demo": tr("demo.notice", lang),
        "version": tr("publik.version", lang, versi=info.versi, date=fmt_date(info.dibuat, lang), period=period_text),
        "kpi_label": tr("publik.kpi_total", lang),
        "kpi_help": tr("publik.kpi_help", lang),
        "caveats_title": tr("publik.caveats_title", lang),
        "source_line": source_line(extract, "publik.source", lang),
        "download": tr("site.download", lang),
        "download_csv": tr("site.download_csv", lang),
        "api_json": tr("site.api_json", lang),
        "permalink": tr("site.permalink", lang),
        "embed": tr("site.embed", lang),
        "definition": tr("site.definition", lang),
        "open_data_title": tr("site.open_data_title", lang),
        "open_data_text": tr("site.open_data_text", lang, marker=info.rules.primary_marker),
        "datapackage": tr("site.datapackage", lang),
        "api_doc": tr("site.api_doc", lang),
        "dcat": tr("site.dcat", lang),
        "licence": tr("site.licence", lang),
        "full_page": tr("site.full_page", lang),
    }


def _environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))


def render_page(extract: PublishedExtract, province_names: Mapping[str, str],
                boundaries: gpd.GeoDataFrame | None, lang: str, population: pd.DataFrame | None = None) -> str:
    """One language's index.html as text."""
    root = "../" if LANGS[lang] else ""
    other = "en" if lang == "id" else "id"
    files = [{"path": table.path, "title": tr(f"open.title.{table.name}", lang)}
             for table in open_tables(extract, province_names, population)]
    return _environment().get_template("public_site.html.j2").render(
        lang=lang, root=root, t=_texts(extract, lang), demo=extract.info.is_demo,
        total=display_value(national_total(extract), lang),
        caveats=[tr(f"publik.caveat_{k}", lang, **_words(extract)) for k in ("scope", "rounding", "small", "hidden",
                                                                             "zero")],
        sections=page_sections(extract, province_names, boundaries, lang, population), files=files,
        other={"lang": other, "label": tr("site.other_language", lang), "href": f"{root}{LANGS[other]}index.html"},
    )


def render_embeds(extract: PublishedExtract, province_names: Mapping[str, str],
                  boundaries: gpd.GeoDataFrame | None, lang: str,
                  population: pd.DataFrame | None = None) -> dict[str, str]:
    """embed/<chart>.html of one language: the chart (or map) alone with its table, definition, source, period,
    demo notice and a link to the full page; only this folder's scripts, for an <iframe> on another site."""
    root = "../../" if LANGS[lang] else "../"
    template = _environment().get_template("embed.html.j2")
    texts = _texts(extract, lang)
    return {section["embed"]: template.render(lang=lang, root=root, t=texts, demo=extract.info.is_demo, s=section,
                                              page=f"{root}{LANGS[lang]}index.html#{section['id']}")
            for section in page_sections(extract, province_names, boundaries, lang, population)
            if section.get("embed")}


def build_site(extract: PublishedExtract, province_names: Mapping[str, str],
               boundaries: gpd.GeoDataFrame | None, out_dir: Path, population: pd.DataFrame | None = None,
               base_url: str | None = None) -> list[Path]:
    """Write the whole site into out_dir (which must exist). Returns the paths written."""
    written = write_package(extract, province_names, out_dir, population, base_url)
    assets = out_dir / "assets"
    assets.mkdir(exist_ok=True)
    for source in (plotly_js(), ASSETS / "charts.js", ASSETS / "site.css"):
        written.append(Path(shutil.copyfile(source, assets / source.name)))
    for lang, folder in LANGS.items():
        target = out_dir / folder / "index.html"
        target.parent.mkdir(exist_ok=True)
        target.write_text(render_page(extract, province_names, boundaries, lang, population), encoding="utf-8")
        written.append(target)
        for path, text in render_embeds(extract, province_names, boundaries, lang, population).items():
            target = out_dir / folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(target)
    return written
