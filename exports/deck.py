"""The leadership slide deck (python-pptx): headline figures, map, trends, capacity, SDM gaps, key messages
and a data note. Charts are PNG images (kaleido); every text is a real, editable text box or table.

No Streamlit runtime needed: the figures come from data_access.briefing.collect_briefing through a
connection runner, the same queries and domain functions as the executive page and ``manage.py summary``.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import math
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.util import Inches

from data_access.briefing import (
    ALERT_MIN_MONTHS,
    ALERT_THRESHOLD,
    Briefing,
    Runner,
    collect_briefing,
    connection_runner,
    map_values,
    province_boundaries,
)
from builders import briefing_charts as charts
from builders.figure_text import scale_text
from domain import trends
from domain.comparison import ALPHA, MIN_COUNT
from domain.filters import Filters
from domain.indicators import CATALOGUE, STAGE_LAG_MONTHS
from domain.formatting import fmt_date, fmt_dec, fmt_int, fmt_month, fmt_pct, fmt_period
from domain.messages import format_headline
from exports.indicator_tables import (comparison_notes, describe_filters, latest_update, rising_rule, staffing_note,
                                      staffing_window, unit_scope_note)
from exports.slides import FOOTER_TOP, GREY, WARN, add_bullets, add_slide, add_table, add_text
from strings import catalog, tr

log = logging.getLogger(__name__)

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
IMAGE_W, IMAGE_H = 1200, 640  # layout pixels; exported at scale 2 for a sharp projector image
# Where each chart sits on its slide, and how wide.
IMAGE_WIDTHS = {"map": Inches(8.2), "trends": Inches(8.6), "capacity": Inches(7.2), "sdm": Inches(7.2),
                "projection": Inches(7.2)}
DECK_FONT_PX = 16  # the charts' text size in their IMAGE_W-pixel layout (ticks, legend, axis titles)
MIN_CHART_PT = 10.0  # the smallest chart text as printed on a slide: legible on a projected 13.3-inch slide
# A 16 px text in a 1200 px layout placed 7.2 inches wide prints at 6.9 pt (the deck's charts read at 6-7 pt);
# every chart's text is enlarged so the narrowest placement prints it at MIN_CHART_PT.
# (Rounded up to hundredths: figure_text rounds sizes to 0.1 px.)
DECK_TEXT_SCALE = math.ceil(100 * MIN_CHART_PT / (DECK_FONT_PX * min(w.inches for w in IMAGE_WIDTHS.values()) * 72
                                                  / IMAGE_W)) / 100
# Indonesia spans ~46° of longitude: 46/360 × 512 × 2^zoom ≈ 1,050 px at zoom 4.0, the image's width.
MAP_ZOOM = 4.0
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


class PdfConversionError(RuntimeError):
    """LibreOffice is missing or failed; the message is Indonesian and shown to the user as is."""


# --- figures ----------------------------------------------------------------------------------------


def briefing_figures(b: Briefing, projection=None) -> dict[str, go.Figure]:
    """The deck's charts, built with the same builders as the pages (projection: a ProjectionView, whose national
    chart is rendered in the same kaleido batch)."""
    lang = b.lang
    figs: dict[str, go.Figure] = {}
    boundaries = province_boundaries()
    if boundaries is not None:
        from builders.charts import make_static_choropleth

        figs["map"] = make_static_choropleth(boundaries, map_values(b), "count", title=tr("deck.map", lang),
                                             zoom=MAP_ZOOM, lang=lang)
    flagged = tuple(trends.flagged(b.rising)["kategori"]) if len(b.rising) else ()
    period = trend_period(b)
    if period_months(b) >= MIN_TREND_MONTHS:  # fewer months: the slide shows a table instead
        figs["trends"] = charts.make_trend_lines(period, "modus", b.names.get("modus", {}), title=tr("deck.trends", lang),
                                                 y_title=tr("jar.trend.y", lang), highlight=flagged, lang=lang,
                                                 empty_message=tr("empty.no_data", lang))
    if b.capacity is not None:
        figs["capacity"] = charts.make_utilisation_bars(
            b.capacity, title=tr("deck.capacity", lang), x_title=tr("deck.capacity.x", lang),
            threshold=ALERT_THRESHOLD, lang=lang, empty_message=tr("empty.no_data", lang))
    roles = role_table(b)
    if roles is not None:
        figs["sdm"] = charts.make_wisn_role_bars(
            roles, b.names.get("peran", {}), title=tr("deck.sdm", lang), current_label=tr("deck.col.current", lang),
            required_label=tr("deck.col.required", lang), lang=lang, empty_message=tr("empty.no_data", lang))
    if projection is not None:
        from exports.projection_slide import IMAGE_KEY, projection_figure

        chart = projection_figure(projection, lang)
        if chart is not None:
            figs[IMAGE_KEY] = chart
    for fig in figs.values():
        fig.update_layout(font=dict(size=DECK_FONT_PX), title=None)  # the slide title says it
    return {key: scale_text(fig, DECK_TEXT_SCALE) for key, fig in figs.items()}


# Fewer months than this draw no trend: a one-month period gave a near-empty chart slide; a table says it (issue 25).
MIN_TREND_MONTHS = 3


def trend_period(b: Briefing) -> pd.DataFrame:
    """The monthly victims per modus (bulan, modus, jumlah) of the briefing's period."""
    period = b.monthly
    if b.start is not None and len(period):
        months = pd.to_datetime(period["bulan"]).dt.date
        period = period[months >= b.start]
    return period


def period_months(b: Briefing) -> int:
    period = trend_period(b)
    return int(period["bulan"].nunique()) if len(period) else 0


def _trend_table(slide, b: Briefing, lang: str) -> None:
    """Victims per modus in a period too short for a trend line: a table, largest first."""
    period = trend_period(b)
    totals = period.groupby("modus")["jumlah"].sum().sort_values(ascending=False, kind="mergesort").head(10)
    modus = b.names.get("modus", {})
    months = period["bulan"].nunique() if len(period) else 0
    add_text(slide, tr("deck.trends.few", lang, n=months, min=MIN_TREND_MONTHS), Inches(0.6), Inches(1.2),
             Inches(8.0), Inches(0.8), size=14, colour=GREY, name="tren_pendek")
    rows = [[modus.get(k, k), fmt_int(v, lang)] for k, v in totals.items()] or [[tr("empty.no_data", lang), "–"]]
    add_table(slide, [tr("deck.col.modus", lang), tr("deck.col.victims", lang)], rows, Inches(0.6), Inches(2.1),
              Inches(8.0), size=16, name="tabel_tren", bottom=FOOTER_TOP - Inches(0.2))


def role_table(b: Briefing) -> pd.DataFrame | None:
    """WISN per role (domain.sdm.role_totals) or None when SDM figures are not available."""
    if b.wisn is None:
        return None
    try:
        from domain.sdm import role_totals
    except ImportError:
        return None
    return role_totals(b.wisn)


def render_png(figs: dict[str, go.Figure]) -> tuple[dict[str, bytes], str | None]:
    """PNG bytes per figure in one kaleido call (about 3 s, not 3 s per figure); (images, error) where
    error names why images are missing (the deck is still built, with a note instead of a picture)."""
    if not figs:
        return {}, None
    from exports.images import render_png as render  # one batch, a browser kept open, images reused

    try:
        return render(figs, IMAGE_W, IMAGE_H, scale=2), None
    except Exception as exc:  # noqa: BLE001 — a missing browser must not stop the deck
        log.exception("chart export failed")
        return {}, type(exc).__name__


# --- the deck ---------------------------------------------------------------------------------------


def _image(slide, images: dict[str, bytes], key: str, error: str | None, lang: str, left, top, width):
    if key in images:
        return slide.shapes.add_picture(io.BytesIO(images[key]), left, top, width=width)
    return add_text(slide, tr("deck.no_image", lang, detail=error or "–"), left, top, width, Inches(1), size=14,
                 colour=GREY)


def _figure(slide, b: Briefing, key: str, lang: str, left, top) -> None:
    """One catalogue indicator as "label: value" in a box named kpi:<label key> (read back by tests)."""
    fig = b.indicators.figures.get(key) if b.indicators else None
    label = CATALOGUE[key].label
    value = fmt_int(fig.value, lang, tr("eks.no_data", lang)) if fig is not None else tr("eks.no_data", lang)
    add_text(slide, f"{tr(label, lang)}: ", left, top, Inches(3.4), Inches(0.6), size=20, bold=True,
          name=f"label:{label}")
    add_text(slide, value, left + Inches(3.4), top, Inches(1.8), Inches(0.6), size=20, bold=True, name=f"kpi:{label}")


def _latest_update(b: Briefing, kinds: tuple[str, ...] = ()) -> str:
    return latest_update(b.data_status, b.lang, kinds)


def build_deck_from(b: Briefing, now: dt.datetime | None = None, charts_as_images: bool = True,
                    prevention=None, projection=None) -> bytes:
    """The .pptx bytes for a collected briefing (see build_deck); prevention: a PreventionView for its slide,
    projection: a data_access.projection.ProjectionView for its slide."""
    lang = b.lang
    demo = b.is_demo
    period = fmt_period(b.start, b.end, lang)
    # Each slide names its own source, the months it reads and the last update of its own data kinds:
    # capacity and staffing do not come from the case table, and occupancy may stop before the cases do.
    footer = tr("provenance", lang, source=tr("eks.source.kasus", lang), period=period,
                updated=_latest_update(b, ("kasus",)))
    # The capacity slide's chart averages occupancy's own months of the period; without any, the period asked.
    beds = b.indicators.figures["utilisasi"].source if b.indicators else None
    capacity_period = fmt_period(beds.used.start, beds.used.end, lang) if beds is not None and beds.has_data else period
    footer_capacity = tr("provenance", lang, source=tr("eks.source.okupansi", lang), period=capacity_period,
                         updated=_latest_update(b, ("okupansi", "unit_layanan")))
    footer_sdm = tr("provenance", lang, source=tr("eks.source.sdm", lang),
                    period=staffing_window(b, lang) if b.wisn is not None else period,
                    updated=_latest_update(b, ("staf", "okupansi", "standar_beban_kerja")))
    footer_mixed = tr("provenance", lang, source=tr("deck.source.all", lang), period=period,
                      updated=_latest_update(b, ("kasus", "okupansi", "staf")))
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    images, error = render_png(briefing_figures(b, projection)) if charts_as_images else ({}, "–")

    # 1. Title
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    add_text(slide, tr("deck.title", lang), Inches(0.8), Inches(1.6), Inches(11.7), Inches(1.3), size=40, bold=True,
          name="judul")
    add_text(slide, tr("deck.subtitle", lang, period=period), Inches(0.8), Inches(3.0), Inches(11.7), Inches(0.7),
          size=26, colour=GREY, name="subjudul")
    add_text(slide, tr("deck.filters", lang, filters=describe_filters(b.filters, b.names, lang)), Inches(0.8),
          Inches(3.9), Inches(11.7), Inches(0.8), size=16, colour=GREY, name="filter")
    if demo:
        add_text(slide, tr("demo.notice", lang), Inches(0.8), Inches(5.2), Inches(11.7), Inches(1.0), size=16,
              bold=True, colour=WARN, name="data_contoh")

    # 2. Headline figures: big numbers in editable boxes, and the same in a table
    slide = add_slide(prs, tr("deck.headlines", lang), footer_mixed, demo)
    for i, h in enumerate(b.headlines):
        value, change = format_headline(h, lang)
        col, row = i % 3, i // 3
        left, top = Inches(0.5 + col * 4.2), Inches(1.3 + row * 2.0)
        add_text(slide, tr(h.key, lang), left, top, Inches(4.0), Inches(0.5), size=16, colour=GREY,
              name=f"label:{h.key}")
        add_text(slide, value, left, top + Inches(0.45), Inches(4.0), Inches(0.9), size=40, bold=True,
              name=f"kpi:{h.key}")
        if change:
            add_text(slide, f"{tr('deck.change', lang)}: {change}", left, top + Inches(1.3), Inches(4.0), Inches(0.4),
                  size=14, colour=GREY, name=f"change:{h.key}")
    beside = (*b.scope_notes, *b.freshness_notes, *b.coverage_notes, *b.unit_notes)
    note = "\n".join([*(comparison_notes(b, lang) or [tr("deck.note.comparison_off", lang)]), *(n.text for n in beside)])
    add_text(slide, note, Inches(0.5), Inches(5.4), Inches(12.3), Inches(1.4), size=13, colour=GREY, name="perbandingan")

    # 3. Map, with the top origins beside it
    slide = add_slide(prs, tr("deck.map", lang), footer, demo)
    _image(slide, images, "map", error, lang, Inches(0.4), Inches(1.2), IMAGE_WIDTHS["map"])
    from data_access.briefing import top_origins

    top = top_origins(b, 8)
    add_table(slide, [tr("eks.col.nama", lang), tr("deck.value", lang)],
           [[r.nama, f"{fmt_int(r.jumlah, lang)} ({fmt_pct(r.porsi, lang=lang)})"] for r in top.itertuples()],
           Inches(8.8), Inches(1.3), Inches(4.1), size=12, name="tabel_asal")

    # 4. Trends
    slide = add_slide(prs, tr("deck.trends", lang), footer, demo)
    if period_months(b) >= MIN_TREND_MONTHS:
        _image(slide, images, "trends", error, lang, Inches(0.4), Inches(1.1), IMAGE_WIDTHS["trends"])
    else:
        _trend_table(slide, b, lang)
    flags = trends.flagged(b.rising) if len(b.rising) else pd.DataFrame()
    modus = b.names.get("modus", {})
    lines = [tr("deck.rising.line", lang, name=modus.get(r.kategori, r.kategori),
                status=tr("jar.status." + r.status, lang), count=fmt_int(r.jumlah_terkini, lang),
                recent=trends.RECENT_MONTHS, mean=fmt_dec(r.rata_terkini, 1, lang), ratio=fmt_dec(r.rasio, 1, lang),
                base=fmt_dec(r.rata_dasar, 1, lang)) for r in flags.itertuples()]
    add_text(slide, tr("jar.rising.header", lang), Inches(9.2), Inches(1.3), Inches(3.8), Inches(0.5), size=18, bold=True)
    add_bullets(slide, lines or [tr("jar.rising.none", lang)], Inches(9.2), Inches(1.9), Inches(3.8), Inches(3.5),
             size=15, name="modus_naik")
    add_text(slide, rising_rule(lang),
          Inches(9.2), Inches(5.2), Inches(3.8), Inches(1.5), size=11, colour=GREY)

    # 5. Capacity
    slide = add_slide(prs, tr("deck.capacity", lang), footer_capacity, demo)
    _image(slide, images, "capacity", error, lang, Inches(0.4), Inches(1.1), IMAGE_WIDTHS["capacity"])
    threshold = fmt_pct(ALERT_THRESHOLD, digits=0, lang=lang)
    _figure(slide, b, "unit_peringatan", lang, Inches(7.8), Inches(1.0))
    add_text(slide, tr("deck.capacity.table", lang, threshold=threshold, months=ALERT_MIN_MONTHS), Inches(7.8),
          Inches(1.6), Inches(5.2), Inches(0.5), size=14, bold=True)
    # The alert sentences of the page (on alert / none / ended / no unit / no occupancy), then the units on alert.
    notes = "\n".join(n.text for n in b.alert_notes) or tr("eks.alerts.unavailable", lang)
    add_text(slide, notes, Inches(7.8), Inches(2.1), Inches(5.2), Inches(0.9), size=12, name="catatan_peringatan")
    end = Inches(3.1)
    if b.alerts is not None and len(b.alerts):
        units = b.names.get("unit", {})
        anchor = b.alert_state.anchor
        rows = [[units.get(r.kode_unit, r.kode_unit), fmt_month(_d(r.mulai), lang), str(int(r.jumlah_bulan)),
                 fmt_pct(r.utilisasi_akhir, digits=0, lang=lang)] for r in b.alerts.head(6).itertuples()]
        end = add_table(slide, [tr("deck.col.unit", lang), tr("deck.col.from", lang), tr("deck.col.months", lang),
                                tr("deck.col.now", lang, month=fmt_month(anchor, lang))], rows, Inches(7.8),
                        Inches(3.1), Inches(5.2), size=11, name="tabel_kapasitas", bottom=Inches(5.8))
    note_top = max(Inches(5.6), end + Inches(0.1))
    add_text(slide, unit_scope_note(b.filters, lang), Inches(7.8), note_top, Inches(5.2), FOOTER_TOP - note_top,
          size=11, colour=GREY, name="cakupan_kapasitas")

    # 6. SDM gaps
    slide = add_slide(prs, tr("deck.sdm", lang), footer_sdm, demo)
    _image(slide, images, "sdm", error, lang, Inches(0.4), Inches(1.1), IMAGE_WIDTHS["sdm"])
    _figure(slide, b, "kekurangan_staf", lang, Inches(7.8), Inches(1.0))
    roles = role_table(b)
    end = Inches(5.3)
    if roles is None:  # say why, as the page does: no unit there, no staff or occupancy data, or unusable standards
        reasons = [n.text for n in b.staffing_reasons]
        add_text(slide, "\n".join(reasons) or tr("eks.alerts.unavailable", lang), Inches(7.8), Inches(1.7),
                 Inches(5.2), Inches(1.2), size=14, name="sdm_tanpa_angka")
    else:
        names = b.names.get("peran", {})
        rows = [[names.get(r.peran, r.peran), fmt_dec(r.current_staff, 0, lang), fmt_dec(r.required_staff, 1, lang),
                 fmt_dec(r.kekurangan, 1, lang), fmt_dec(r.selisih_bersih, 1, lang), fmt_dec(r.wisn_ratio, 2, lang)]
                for r in roles.itertuples()]
        end = add_table(slide, [tr("deck.col.role", lang), tr("deck.col.current", lang), tr("deck.col.required", lang),
                             tr("deck.col.gap", lang), tr("deck.col.net", lang), tr("deck.col.ratio", lang)], rows,
                        Inches(7.8), Inches(1.7), Inches(5.2), size=10, name="tabel_sdm", bottom=Inches(5.0))
    note_top = max(Inches(5.0), end + Inches(0.1))
    gap = (b.staffing_gap.text + " ") if b.staffing_gap else ""
    rule = staffing_note(b, lang)
    add_text(slide, gap + (rule.text + " " if rule else "") + unit_scope_note(b.filters, lang), Inches(7.8), note_top,
          Inches(5.2), FOOTER_TOP - note_top, size=10, colour=GREY, name="aturan_sdm")

    if prevention is not None:  # 6b. Prevention (issue 15)
        from exports.prevention_slide import add_prevention_slide

        add_prevention_slide(prs, prevention, lang, demo, b.names, b.data_status)

    if projection is not None:  # 6c. Next year's projection (issue 27)
        from exports.projection_slide import IMAGE_KEY, add_projection_slide

        add_projection_slide(prs, projection, lang, b.names, b.data_status, image=lambda slide, left, top: _image(
            slide, images, IMAGE_KEY, error, lang, left, top, IMAGE_WIDTHS["projection"]))

    # 7. Key messages
    slide = add_slide(prs, tr("deck.messages", lang), footer_mixed, demo)
    add_bullets(slide, [m.text for m in b.messages] or [tr("eks.messages.none", lang)], Inches(0.6), Inches(1.3),
             Inches(12.1), Inches(5.4), size=24, name="pesan_kunci")

    # 8. Data note
    slide = add_slide(prs, tr("deck.note", lang), footer_mixed, demo)
    status = b.data_status
    def source_name(r) -> str:  # the English deck names the kinds in English (sumber_data holds Indonesian)
        key = f"source.name.{r.kode}"
        return tr(key, lang) if lang != "id" and key in catalog() else r.nama

    def origin(asal: str) -> str:  # a mixed kind says it still holds DATA CONTOH months (named above)
        return "DATA CONTOH" if asal == "demo" else tr(f"kelola.asal.{asal}", lang) if asal == "campuran" else asal

    sources = "; ".join(f"{source_name(r)} ({r.instansi}, {origin(r.asal)})"
                        for r in status.itertuples()) if len(status) else "–"
    when = fmt_date(now or dt.datetime.now(dt.timezone.utc), lang)
    note = [tr("deck.note.period", lang, period=period),
            tr("deck.note.updated", lang, updated=_latest_update(b)),
            *(n.text for n in (*b.freshness_notes, *b.coverage_notes)), *b.mixed_notes,
            tr("deck.note.sources", lang, sources=sources),
            tr("deck.note.definition", lang),
            tr("deck.filters", lang, filters=describe_filters(b.filters, b.names, lang))]
    note.extend(comparison_notes(b, lang) if b.comparable else [tr("deck.note.comparison_off", lang)])
    note.append(tr("rule.comparison", lang, min=MIN_COUNT, alpha=fmt_dec(ALPHA, 2, lang), lag=STAGE_LAG_MONTHS))
    if demo:
        note.append(tr("demo.notice", lang))
    note.append(tr("deck.note.generated", lang, when=when))
    add_bullets(slide, note, Inches(0.6), Inches(1.2), Inches(12.1), Inches(5.6), size=15, name="catatan_data")

    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _d(value) -> dt.date:
    return value if isinstance(value, dt.date) else pd.Timestamp(value).date()


def build_deck(filters: Filters, lang: str = "id", *, url: str | None = None, run: Runner | None = None,
               now: dt.datetime | None = None, charts_as_images: bool = True) -> bytes:
    """The leadership deck (.pptx bytes) for the filters: 10 slides, Indonesian by default.

    run: a query runner (data_access.briefing); by default a fresh connection to url (or the configured
    database), so this works from the CLI, tests and a Streamlit page alike. charts_as_images=False
    leaves the charts out (a note instead): the text and tables only, in well under a second.
    """
    from data_access.prevention import prevention_view
    from data_access.projection import projection_view

    if run is not None:
        return build_deck_from(collect_briefing(filters, lang, run), now, charts_as_images,
                               prevention_view(filters, run), projection_view(filters, run))
    from data_access.engine import connect

    with connect(url) as conn:
        briefing = collect_briefing(filters, lang, connection_runner(conn))
        prevention = prevention_view(filters, connection_runner(conn))
        projection = projection_view(filters, connection_runner(conn))
    return build_deck_from(briefing, now, charts_as_images, prevention, projection)


def convert_to_pdf(pptx: Path, pdf: Path, timeout: float = 240) -> Path:
    """PDF of a deck through LibreOffice headless; raises PdfConversionError with an Indonesian message."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PdfConversionError(tr("deck.soffice_missing", "id"))
    pptx, pdf = Path(pptx).resolve(), Path(pdf).resolve()
    with tempfile.TemporaryDirectory(prefix="tppo-soffice-") as tmp:
        # A private profile: two conversions at once (or a desktop LibreOffice) would block on one lock.
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", tmp,
               str(pptx)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  env={**os.environ, "HOME": tmp})
        except subprocess.TimeoutExpired as exc:
            raise PdfConversionError(f"LibreOffice tidak selesai dalam {int(timeout)} detik.") from exc
        produced = Path(tmp) / (pptx.stem + ".pdf")
        if done.returncode != 0 or not produced.exists():
            detail = (done.stderr or done.stdout or "").strip().splitlines()[-1:] or ["tanpa keterangan"]
            raise PdfConversionError(f"LibreOffice gagal mengubah paparan menjadi PDF: {detail[0]}")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), pdf)
    return pdf


def deck_pdf(pptx_bytes: bytes, timeout: float = 240) -> bytes:
    """The PDF of a deck given as bytes (the page's download), through convert_to_pdf in a private folder."""
    with tempfile.TemporaryDirectory(prefix="tppo-deck-") as tmp:
        source = Path(tmp, "paparan.pptx")
        source.write_bytes(pptx_bytes)
        return convert_to_pdf(source, Path(tmp, "paparan.pdf"), timeout).read_bytes()


def headline_texts(pptx_bytes: bytes) -> dict[str, str]:
    """Read a deck back: {headline key: the big number's text} from the shapes named "kpi:<key>"."""
    prs = Presentation(io.BytesIO(pptx_bytes))
    out = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.name.startswith("kpi:") and shape.has_text_frame:
                out[shape.name[4:]] = shape.text_frame.text
    return out


