"""The static public site written by `manage.py publish --out DIR`: plain files any web server or object store
can serve to thousands of visitors, built from the published extract only.

One folder: index.html (Indonesian), en/index.html (English), the open-data CSVs and datapackage.json
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

from builders.public_charts import make_protected_bars
from builders.public_map import make_protected_svg
from domain.disclosure import TOTAL_LABEL
from domain.formatting import fmt_date, fmt_month, fmt_period
from domain.publication import (
    AGE_GROUPS, REACH_TABLE, SEXES, PublishedExtract, display_value, map_values, national_total, parse_period, year_label,
)
from domain.taxonomy import MODUS, names
from exports.open_data import open_tables, write_package
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


def render_page(extract: PublishedExtract, province_names: Mapping[str, str],
                boundaries: gpd.GeoDataFrame | None, lang: str) -> str:
    """One language's index.html as text."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    info, rules = extract.info, extract.info.rules
    words = {"marker": rules.primary_marker, "largest": rules.threshold - 1, "base": rules.rounding_base,
             "threshold": rules.threshold}
    period = parse_period(info.periode)
    period_text = fmt_period(*period, lang) if period else "–"
    root = "../" if LANGS[lang] else ""
    other = "en" if lang == "id" else "id"
    jumlah = tr("publik.col.jumlah", lang)
    t = {
        "title": tr("site.title", lang),
        "purpose": tr("publik.purpose", lang, **words),
        "demo": tr("demo.notice", lang),
        "version": tr("publik.version", lang, versi=info.versi, date=fmt_date(info.dibuat, lang), period=period_text),
        "kpi_label": tr("publik.kpi_total", lang),
        "kpi_help": tr("publik.kpi_help", lang),
        "caveats_title": tr("publik.caveats_title", lang),
        "source_line": source_line(extract, "publik.source", lang),
        "download": tr("site.download", lang),
        "open_data_title": tr("site.open_data_title", lang),
        "open_data_text": tr("site.open_data_text", lang, marker=rules.primary_marker),
        "datapackage": tr("site.datapackage", lang),
        "licence": tr("site.licence", lang),
    }
    sections = []

    years = extract.table("tahun")
    year_names = {str(y): year_label(y, info.periode, lang) for y in years.index}
    sections.append({"id": "tahun", "title": tr("publik.by_year", lang), "chart": _chart(years, year_names, "v", lang),
                     "header": [tr("publik.col.tahun", lang), jumlah], "rows": _rows(years, year_names, lang),
                     "file": "tahun.csv"})

    sex_age = extract.table("jenis_kelamin_umur", SEXES)
    sections.append({"id": "jenis-kelamin-umur", "title": tr("publik.by_sex_age", lang),
                     "header": [tr("publik.col.jenis_kelamin", lang), *(tr(f"age.{a}", lang) for a in AGE_GROUPS),
                                tr("publik.total", lang)],
                     "rows": _rows(sex_age, {s: tr(f"sex.{s}", lang) for s in SEXES}, lang,
                                   [*AGE_GROUPS, TOTAL_LABEL]),
                     "file": "jenis_kelamin_umur.csv"})

    modus_names = names(MODUS, lang)
    modus = extract.table("modus", list(modus_names))
    sections.append({"id": "modus", "title": tr("publik.by_modus", lang),
                     "chart": _chart(modus, modus_names, "h", lang),
                     "header": [tr("publik.col.modus", lang), jumlah], "rows": _rows(modus, modus_names, lang),
                     "file": "modus.csv"})

    provinces = extract.table("provinsi")
    province = {"id": "provinsi", "title": tr("publik.by_province", lang),
                "header": [tr("publik.col.provinsi", lang), jumlah],
                "rows": _rows(provinces, province_names, lang), "file": "provinsi.csv"}
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
    sections.append(province)
    if REACH_TABLE in set(extract.cells["tabel"]):  # as on the Ringkasan Publik page (issue 15)
        reach = extract.table(REACH_TABLE)
        sections.append({"id": "pencegahan", "title": tr("publik.reach.header", lang),
                         "note": tr("publik.reach.note", lang),
                         "header": [tr("publik.col.provinsi", lang), tr("publik.reach.col", lang)],
                         "rows": _rows(reach, province_names, lang), "file": f"{REACH_TABLE}.csv",
                         "source": source_line(extract, "pcg.source.activities", lang)})

    files = [{"path": table.path, "title": tr(f"open.title.{table.name}", lang)}
             for table in open_tables(extract, province_names)]
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("public_site.html.j2").render(
        lang=lang, root=root, t=t, demo=info.is_demo, total=display_value(national_total(extract), lang),
        caveats=[tr(f"publik.caveat_{k}", lang, **words) for k in ("scope", "rounding", "small", "hidden", "zero")],
        sections=sections, files=files,
        other={"lang": other, "label": tr("site.other_language", lang), "href": f"{root}{LANGS[other]}index.html"},
    )


def build_site(extract: PublishedExtract, province_names: Mapping[str, str],
               boundaries: gpd.GeoDataFrame | None, out_dir: Path) -> list[Path]:
    """Write the whole site into out_dir (which must exist). Returns the paths written."""
    written = write_package(extract, province_names, out_dir)
    assets = out_dir / "assets"
    assets.mkdir(exist_ok=True)
    for source in (plotly_js(), ASSETS / "charts.js", ASSETS / "site.css"):
        written.append(Path(shutil.copyfile(source, assets / source.name)))
    for lang, folder in LANGS.items():
        target = out_dir / folder / "index.html"
        target.parent.mkdir(exist_ok=True)
        target.write_text(render_page(extract, province_names, boundaries, lang), encoding="utf-8")
        written.append(target)
    return written

