"""The projection's words, figures and tables as the page, the deck slide and `manage.py proyeksi` show them: one
formatting, so the three agree (data_access.projection computes; this only formats)."""

from __future__ import annotations

import math

import pandas as pd

from data_access.projection import ProjectionView
from domain import projection as proj
from domain.formatting import fmt_dec, fmt_int, fmt_month, fmt_pct, fmt_period
from strings import tr


def reason_text(p: proj.Projection, lang: str) -> str | None:
    """Why a projection is withheld, as one sentence; None when it is shown."""
    if not p.withheld:
        return None
    v = p.reason_values
    if p.reason == "short":
        return tr("proy.reason.short", lang, months=fmt_int(v["months"], lang), min=fmt_int(v["min"], lang))
    if p.reason == "flat":
        return tr("proy.reason.flat", lang, value=fmt_int(v["value"], lang), months=fmt_int(v["months"], lang))
    if p.reason == "small":
        return tr("proy.reason.small", lang, mean=fmt_dec(v["mean"], 1, lang), min=fmt_dec(v["min"], 0, lang))
    if p.reason == "poor":
        return tr("proy.reason.poor", lang, inside80=fmt_int(round(v["inside80"] * 12), lang),
                  min_inside80=fmt_int(math.ceil(v["min_inside80"] * 12), lang),
                  relative=fmt_pct(v["relative_mae"], 0, lang), max_relative=fmt_pct(v["max_relative"], 0, lang))
    if p.reason == "year":
        return tr("proy.reason.year", lang, period=_year_period(p, lang), median=fmt_int(v["median"], lang),
                  lo95=fmt_int(v["lo95"], lang), hi95=fmt_int(v["hi95"], lang), actual=fmt_int(v["actual"], lang))
    return tr("proy.reason.fit", lang)


def _year_period(p: proj.Projection, lang: str) -> str:
    months = list(p.history["bulan"].tail(proj.BACKTEST_MONTHS))
    return fmt_period(months[0], months[-1], lang)


def year_text(p: proj.Projection, lang: str) -> str | None:
    """The year-ahead check beside a projection that is shown."""
    b = p.backtest
    if b is None or p.withheld or not b.year_projected:
        return None
    y = b.year_projected
    return tr("proy.year", lang, period=_year_period(p, lang), median=fmt_int(y["median"], lang),
              lo80=fmt_int(y["lo80"], lang), hi80=fmt_int(y["hi80"], lang), actual=fmt_int(b.year_actual, lang))


def method_text(lang: str) -> str:
    return tr("proy.method", lang, draws=fmt_int(proj.DRAWS, lang), damping=fmt_dec(proj.DAMPING, 1, lang))


def model_text(p: proj.Projection, lang: str) -> str:
    """The variant used, or the reason the projection is withheld."""
    return reason_text(p, lang) or tr(f"proy.variant.{p.spec.name}", lang)


def backtest_text(p: proj.Projection, lang: str) -> str | None:
    b = p.backtest
    if b is None or p.withheld:
        return None
    return tr("proy.backtest", lang, mae=fmt_dec(b.mae, 1, lang), naive=fmt_dec(b.naive_mae, 1, lang),
              inside80=fmt_int(round(b.inside80 * b.months), lang),
              inside95=fmt_int(round(b.inside95 * b.months), lang))


def range_text(lo: float, hi: float, lang: str) -> str:
    return tr("proy.range", lang, lo=fmt_int(lo, lang), hi=fmt_int(hi, lang))


def window_text(view: ProjectionView, lang: str) -> str | None:
    p = view.national
    if p is None or p.withheld:
        return None
    months = list(p.table["bulan"])
    return tr("proy.window", lang, period=fmt_period(months[0], months[-1], lang), origin=fmt_month(view.origin, lang))


def last12(p: proj.Projection) -> float:
    return float(p.history["jumlah"].tail(12).sum())


def headline(view: ProjectionView, lang: str) -> dict[str, str]:
    """The national figures by string key (the page's metrics and the slide's boxes); {} when withheld."""
    p = view.national
    if p is None or p.withheld:
        return {}
    t = p.total
    return {"proy.kpi.total": fmt_int(t["median"], lang),
            "proy.kpi.range80": range_text(t["lo80"], t["hi80"], lang),
            "proy.kpi.range95": range_text(t["lo95"], t["hi95"], lang),
            "proy.kpi.last12": fmt_int(last12(p), lang)}


def series_table(view: ProjectionView, names: dict, lang: str) -> pd.DataFrame:
    """One row per province and modus projected: group, name, last 12 months, 12-month median, intervals, backtest
    error, months inside the 80 % interval, the variant or the reason withheld (visible column names)."""
    rows = []
    for group, series, codes in (("provinsi", view.provinces, names.get("provinsi", {})),
                                 ("modus", view.modus, names.get("modus", {}))):
        for code, p in series.items():
            shown = not p.withheld
            rows.append({
                "kelompok": tr(f"proy.group.{group}", lang), "nama": codes.get(code, code),
                "aktual_12": fmt_int(last12(p), lang),
                "median": fmt_int(p.total["median"], lang) if shown else "–",
                "interval80": range_text(p.total["lo80"], p.total["hi80"], lang) if shown else "–",
                "interval95": range_text(p.total["lo95"], p.total["hi95"], lang) if shown else "–",
                "mae": fmt_dec(p.backtest.mae, 1, lang) if p.backtest else "–",
                "inside80": (f"{fmt_int(round(p.backtest.inside80 * p.backtest.months), lang)}/"
                             f"{fmt_int(p.backtest.months, lang)}") if p.backtest else "–",
                "model": model_text(p, lang),
            })
    table = pd.DataFrame(rows, columns=["kelompok", "nama", "aktual_12", "median", "interval80", "interval95", "mae",
                                        "inside80", "model"])
    return table.rename(columns={c: tr(f"proy.col.{c}", lang) for c in table.columns})


def months_text(months: list, lang: str) -> str:
    """"Agu 2025 – Jul 2026" for consecutive months, else each month; "–" for none."""
    if not months:
        return "–"
    periods = [pd.Period(pd.Timestamp(m), freq="M") for m in months]
    if len(months) > 1 and all(b.ordinal - a.ordinal == 1 for a, b in zip(periods, periods[1:])):
        return fmt_period(months[0], months[-1], lang)
    return ", ".join(fmt_month(m, lang) for m in months)


def places_table(view: ProjectionView, unit_names: dict, lang: str) -> pd.DataFrame:
    p = view.places
    reasons = [None if r is None else tr(f"proy.reason.{r}", lang) if r in ("no_stay", "no_beds")
               else reason_text(view.units[u], lang) for u, r in zip(p["kode_unit"], p["alasan"])]
    table = pd.DataFrame({
        "nama": [unit_names.get(u, u) for u in p["kode_unit"]],
        "kapasitas": [fmt_int(v, lang) for v in p["kapasitas"]],
        "lama_tinggal_hari": [fmt_dec(v, 0, lang) for v in p["lama_tinggal_hari"]],
        "utilisasi_terakhir": [fmt_pct(v, 0, lang) for v in p["utilisasi_terakhir"]],
        "utilisasi_puncak_proyeksi": [fmt_pct(v, 0, lang) for v in p["utilisasi_puncak_proyeksi"]],
        "bulan_lewat_90": [months_text(months, lang) for months in p["bulan_lewat_90"]],
        "alasan": [r or "" for r in reasons],
    })
    return table.rename(columns={c: tr(f"proy.pcol.{c}", lang) for c in table.columns})


def places_summary(view: ProjectionView, lang: str) -> str:
    p = view.places
    projected = p[p["alasan"].isna()]
    passing = int((projected["bulan_lewat_90"].map(len) > 0).sum())
    text = tr("proy.places.summary", lang, n=fmt_int(passing, lang), m=fmt_int(len(projected), lang))
    withheld = len(p) - len(projected)
    return text + (" " + tr("proy.places.withheld", lang, n=fmt_int(withheld, lang)) if withheld else "")


def staff_table(view: ProjectionView, role_names: dict, lang: str) -> pd.DataFrame:
    s = view.staff_roles
    table = pd.DataFrame({
        "peran": [role_names.get(r, r) for r in s["peran"]],
        **{c: [fmt_dec(v, 1, lang) for v in s[c]] for c in ("staf_sekarang", "dibutuhkan_sekarang",
                                                            "dibutuhkan_proyeksi", "kekurangan_proyeksi")},
        "rekrut": [fmt_int(v, lang) for v in s["rekrut"]],
    })
    return table.rename(columns={c: tr(f"proy.scol.{c}", lang) for c in table.columns})


def recruit_table(view: ProjectionView, role_names: dict, unit_names: dict, lang: str) -> pd.DataFrame:
    r = view.recruits
    table = pd.DataFrame({
        "peran": [role_names.get(v, v) for v in r["peran"]],
        "nama": [unit_names.get(v, v) for v in r["kode_unit"]],
        "rekrut": [fmt_int(v, lang) for v in r["rekrut"]],
        "rasio_sebelum": [fmt_dec(v, 2, lang) for v in r["rasio_sebelum"]],
        "rasio_sesudah": [fmt_dec(v, 2, lang) for v in r["rasio_sesudah"]],
    })
    names = {"peran": tr("proy.scol.peran", lang), "nama": tr("proy.rcol.nama", lang),
             "rekrut": tr("proy.scol.rekrut", lang), "rasio_sebelum": tr("proy.rcol.rasio_sebelum", lang),
             "rasio_sesudah": tr("proy.rcol.rasio_sesudah", lang)}
    return table.rename(columns=names)


def staff_summary(view: ProjectionView, lang: str) -> str | None:
    s = view.staff_roles
    if s.empty:
        return None
    return tr("proy.staff.summary", lang, next=fmt_int(s["dibutuhkan_proyeksi"].sum(), lang),
              now=fmt_int(s["dibutuhkan_sekarang"].sum(), lang), recruit=fmt_int(s["rekrut"].sum(), lang))


# --- JSON for `manage.py proyeksi --json` ------------------------------------------------------------------


def _month(value) -> str | None:
    return None if value is None else f"{pd.Timestamp(value):%Y-%m}"


def series_json(p: proj.Projection) -> dict:
    out: dict = {"status": "ditahan" if p.withheld else "proyeksi", "bulan_terakhir": _month(p.origin),
                 "aktual_12_bulan": last12(p)}
    if p.withheld:
        out.update(alasan_kode=p.reason, alasan=reason_text(p, "id"))
    if p.spec is not None:
        out["model"] = {"varian": p.spec.name, "jendela_bulan": p.spec.window, "harmonik": p.spec.harmonics}
    if p.backtest is not None:
        b = p.backtest
        out["uji_mundur"] = {"jenis": "satu langkah, origin bergulir", "bulan": b.months, "mae": b.mae,
                             "mae_naif": b.naive_mae, "porsi_dalam_80": b.inside80, "porsi_dalam_95": b.inside95}
        if b.year_projected:
            out["uji_tahunan"] = {"aktual": b.year_actual, "proyeksi": b.year_projected,
                                  "dalam_80": b.year_inside80, "dalam_95": b.year_inside95}
    if not p.withheld:
        out["total_12_bulan"] = p.total
        out["per_bulan"] = [{"bulan": _month(r.bulan), "median": r.median, "rata": r.rata, "lo80": r.lo80,
                             "hi80": r.hi80, "lo95": r.lo95, "hi95": r.hi95} for r in p.table.itertuples()]
    return out


def projection_json(view: ProjectionView, demo: bool) -> dict:
    """Every figure of the projection, keyed in Indonesian as `manage.py summary --json` is."""
    def clean(value):
        return None if isinstance(value, float) and math.isnan(value) else value

    places = [{"kode_unit": r.kode_unit, "kapasitas": clean(r.kapasitas),
               "lama_tinggal_hari": clean(r.lama_tinggal_hari),
               "utilisasi_terakhir": clean(r.utilisasi_terakhir),
               "utilisasi_puncak_proyeksi": clean(r.utilisasi_puncak_proyeksi),
               "bulan_lewat_90": [_month(m) for m in r.bulan_lewat_90], "kalibrasi": clean(r.kalibrasi),
               "alasan_kode": r.alasan}
              for r in view.places.itertuples()]
    return {
        "label": tr("proy.label", "id"), "data_contoh": demo, "metode": method_text("id"),
        "bulan_asal": _month(view.origin), "bulan_asal_okupansi": _month(view.unit_origin),
        "nasional": series_json(view.national) if view.national is not None else None,
        "provinsi": {code: series_json(p) for code, p in view.provinces.items()},
        "modus": {code: series_json(p) for code, p in view.modus.items()},
        "tempat": places,
        "staf": {"kuartal": _month(view.staff_quarter), "alasan_kode": view.staff_reason,
                 "peran": [{k: clean(v) for k, v in row.items()} for row in view.staff_roles.to_dict("records")],
                 "rekrut": view.recruits.to_dict("records")},
    }
