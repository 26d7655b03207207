"""The prevention slide of the leadership deck: the priority areas, prevented departures and the reach gap, from
the same view as the Pencegahan page (data_access.prevention.prevention_view)."""

from __future__ import annotations

import pandas as pd
from pptx.util import Inches

from data_access.prevention import PreventionView
from domain.comparison import ALPHA, MIN_COUNT
from domain.formatting import fmt_dec, fmt_int, fmt_period
from domain.prevention import PRIORITY_COLUMNS
from domain.statements import Statement, statement
from exports.indicator_tables import latest_update
from exports.slides import FOOTER_TOP, GREY, add_slide, add_table, add_text
from strings import tr

TOP_ROWS = 8  # a 7.5-inch slide holds eight table rows at 12 pt with the title and the footer


def priority_rule(view: PreventionView, lang: str) -> str:
    """The priority rule with its windows and test thresholds, as the page and the slide state it; without any
    month of data before the window, group 2 (a rise) cannot be judged and the rule says so."""
    window = fmt_period(view.window.start, view.window.end, lang)
    if view.previous is None:
        return tr("pcg.rule.no_previous", lang, window=window)
    return tr("pcg.rule", lang, window=window, previous=fmt_period(view.previous.start, view.previous.end, lang),
              min=MIN_COUNT, alpha=fmt_dec(ALPHA, 2, lang))


def scope_note(view: PreventionView, lang: str) -> Statement | None:
    """"Filter … tidak berlaku": prevention figures read the period and the province only."""
    from domain.indicators import CATALOGUE, PREVENTION
    from domain.statements import ignored_note

    if view.requested is None:
        return None
    return ignored_note([CATALOGUE[key] for key in PREVENTION], view.requested, lang)


def exec_summary(view: PreventionView, lang: str, top: int = 3) -> list[Statement]:
    """Prevented departures in the period and the kab/kota with victims but no prevention in the 12-month window,
    as statements with their evidence; a source with no data for the period gives its coverage note instead."""
    out = view.notes(lang)
    if view.prevented is not None:
        used = view.departures_source.used
        out.append(statement("pcg.exec.prevented", lang, {"prevented": view.prevented, "window": (used.start, used.end)},
                             prevented=fmt_int(view.prevented, lang), period=fmt_period(used.start, used.end, lang)))
    gap = view.gap
    if gap is not None:
        names = ", ".join(gap["nama"].head(top)) if len(gap) else ""
        out.append(statement("pcg.exec.gap", lang, {"areas": list(gap["kode"]), "shown": list(gap["kode"].head(top)),
                                                    "window": (view.window.start, view.window.end)},
                             gap=fmt_int(len(gap), lang), window=fmt_period(view.window.start, view.window.end, lang),
                             top=tr("pcg.exec.top", lang, names=names) if names else ""))
    return out


KINDS = ("kasus", "kegiatan_pencegahan", "pencegahan_keberangkatan", "penempatan_pmi")


def add_prevention_slide(prs, view: PreventionView, lang: str, demo: bool, names: dict, status=None) -> None:
    """status: data_access.reference data status, for the slide's own last update (its four data kinds)."""
    if view.filters is None:
        return
    period = fmt_period(view.filters.start, view.filters.end, lang)
    updated = latest_update(status, lang, KINDS) if status is not None else "–"
    footer = tr("provenance", lang, source=tr("pcg.source.risk", lang) + "; " + tr("pcg.source.activities", lang),
                period=period, updated=updated)
    slide = add_slide(prs, tr("pcg.deck.title", lang), footer, demo)
    provinces = names.get("provinsi", {})
    priority = view.priority if view.priority is not None else pd.DataFrame(columns=PRIORITY_COLUMNS)
    rows = [[str(r.urutan), r.nama, provinces.get(r.kode_prov, r.kode_prov), fmt_int(r.korban_12, lang),
             fmt_int(r.selisih, lang, "–"), fmt_int(r.kegiatan_12, lang), tr(f"pcg.priority.group.{r.kelompok}", lang)]
            for r in priority.head(TOP_ROWS).itertuples()]
    windows = dict(window=fmt_period(view.window.start, view.window.end, lang),
                   previous=fmt_period(view.previous.start, view.previous.end, lang) if view.previous else "–")
    header = [tr(f"pcg.pcol.{c}", lang, **windows) for c in ("urutan", "nama", "provinsi", "korban_12", "selisih",
                                                   "kegiatan_12", "kelompok")]
    # Long kab/kota and group names wrap: the type shrinks until the table ends above the footer.
    add_table(slide, header, rows, Inches(0.4), Inches(1.2), Inches(8.6), size=12, name="tabel_prioritas",
              bottom=FOOTER_TOP - Inches(0.1))
    add_text(slide, " ".join(s.text for s in exec_summary(view, lang)), Inches(9.3), Inches(1.2), Inches(3.7),
             Inches(2.4), size=14, name="ringkasan_pencegahan")
    no_data = tr("eks.no_data", lang)
    per_placed = fmt_dec(view.victims_per_placed, 1, lang, no_data)
    placed = (f"{tr('pcg.kpi.per_placed', lang)} ({view.placement_year}): {per_placed}" if view.placement_year
              else f"{tr('pcg.kpi.per_placed', lang)}: {tr('pcg.no_year', lang)}")
    add_text(slide, f"{placed}\n"
                 f"{tr('pcg.kpi.activities', lang)}: {fmt_int(view.activities, lang, no_data)}",
          Inches(9.3), Inches(3.7), Inches(3.7), Inches(1.05), size=14, name="angka_pencegahan")
    ignored = scope_note(view, lang)
    rule = priority_rule(view, lang) if view.priority is not None else tr("pcg.priority.no_activities", lang)
    # The rule at 10 pt (9 pt read too small projected) takes the room up to the footer.
    add_text(slide, (ignored.text + " " if ignored else "") + rule, Inches(9.3), Inches(4.75),
             Inches(3.7), FOOTER_TOP - Inches(4.8), size=10, colour=GREY, name="aturan_prioritas")
