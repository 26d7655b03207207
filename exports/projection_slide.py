"""The projection slide of the leadership deck (issue 27): next year's victims with their intervals, the backtest
beside them, the units likely to pass 90 % and the suggested recruitment, from the same view and the same words as
the Proyeksi page and `manage.py proyeksi` (data_access.projection, exports.projection_tables)."""

from __future__ import annotations

import plotly.graph_objects as go
from pptx.util import Inches

from builders.projection_charts import make_projection_chart
from data_access.projection import KINDS, ProjectionView
from exports import projection_tables as pt
from exports.indicator_tables import latest_update
from exports.slides import FOOTER_TOP, GREY, WARN, add_slide, add_table, add_text
from domain.formatting import fmt_int, fmt_period
from strings import tr

IMAGE_KEY = "projection"


def projection_figure(view: ProjectionView | None, lang: str) -> go.Figure | None:
    """The national fan chart for the slide (rendered with the deck's other charts), None when withheld."""
    if view is None or view.national is None or view.national.withheld:
        return None
    return make_projection_chart(view.national.history, view.national.table, title=tr("proy.national.scope", lang),
                                 lang=lang)


def add_projection_slide(prs, view: ProjectionView, lang: str, names: dict, status=None, image=None) -> None:
    """image: a callable(slide, left, top) that places the rendered chart 7.2 inches wide (or its note); status: the
    data status, for the slide's own last update."""
    if view.filters is None:
        return
    updated = latest_update(status, lang, KINDS) if status is not None else "–"
    footer = tr("provenance", lang, source=tr("proy.source", lang),
                period=fmt_period(view.filters.start, view.filters.end, lang), updated=updated)
    slide = add_slide(prs, tr("proy.slide.title", lang), footer, view.demo)
    add_text(slide, tr("proy.label", lang), Inches(0.5), Inches(1.0), Inches(12.3), Inches(0.4), size=13, bold=True,
             colour=WARN, name="label_proyeksi")
    national = view.national
    left, right, width = Inches(0.4), Inches(7.8), Inches(5.2)
    if national.withheld:
        add_text(slide, pt.reason_text(national, lang), left, Inches(1.5), Inches(7.2), Inches(1.4), size=16,
                 name="alasan_nasional")
        below = Inches(3.0)
    else:
        if image is not None:
            image(slide, left, Inches(1.45))
        below = Inches(5.35)  # a 7.2-inch chart of 1200 × 640 px is 3.84 inches high
        top = Inches(1.5)
        for key, value in pt.headline(view, lang).items():
            add_text(slide, f"{tr(key, lang)}: ", right, top, Inches(3.2), Inches(0.4), size=15, colour=GREY)
            add_text(slide, value, right + Inches(3.2), top, Inches(2.0), Inches(0.4), size=15, bold=True,
                     name=f"proy:{key}")
            top += Inches(0.38)  # a 15-pt line and the box's insets
        # Four lines at 10 pt (the smallest type on a slide; 9 pt read too small projected), so the table moves down.
        add_text(slide, " ".join(filter(None, (pt.window_text(view, lang), pt.backtest_text(national, lang),
                                               pt.year_text(national, lang)))),
                 right, Inches(3.05), width, Inches(1.45), size=10, colour=GREY, name="uji_mundur")
    # Three provinces and three modus (largest first): names only, the page has the rest.
    rows = [[names.get(group, {}).get(code, code), "–" if p.withheld else fmt_int(p.total["median"], lang),
             "–" if p.withheld else pt.range_text(p.total["lo80"], p.total["hi80"], lang)]
            for group, series in (("provinsi", view.provinces), ("modus", view.modus))
            for code, p in list(series.items())[:3]]
    header = [tr("proy.col.nama", lang), tr("proy.col.median", lang), tr("proy.col.interval80", lang)]
    add_table(slide, header, rows, right, Inches(4.55), width, size=10, name="tabel_proyeksi",
              bottom=FOOTER_TOP - Inches(0.1))
    table = next(shape for shape in slide.shapes if shape.name == "tabel_proyeksi").table
    for row in table.rows:  # add_table's rows start 0.4 inch high: seven of them would run into the footer
        row.height = Inches(0.27)
    places = pt.places_summary(view, lang) if len(view.places) else tr("proy.staff.no_occupancy", lang)
    staff = pt.staff_summary(view, lang) or tr(f"proy.staff.{view.staff_reason or 'no_wisn'}", lang)
    add_text(slide, f"{places} {staff}", left, below, Inches(7.2), Inches(0.7), size=12, name="konsekuensi")
    add_text(slide, pt.method_text(lang), left, below + Inches(0.7), Inches(7.2), FOOTER_TOP - below - Inches(0.72),
             size=10, colour=GREY, name="metode")
