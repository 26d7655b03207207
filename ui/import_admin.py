"""Kelola Data's import tab and submissions tab: the preview states the rule (a file replaces exactly the reports it
covers), the counts per month, what happens to demo rows (kept, or replaced by the admin's choice), then imports;
the submissions tab lists who reported which month, when, from which file."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.caching import clear_caches
from data_access.importing import ImportRejected, get_has_real_admin, import_upload, preview_upload
from data_access.submissions import get_submissions
from domain.file_reading import MAX_UPLOAD_MB
from domain.formatting import fmt_date, fmt_int, fmt_month
from domain.submissions import REPORT_CELLS
from domain.validation import KINDS, problems_table
from ui.auth import current_user
from ui.frame import download_table, show_table
from ui.i18n import localise_uploader, t


def kind_label(kind: str) -> str:
    return t(f"kelola.kind.{kind}")


def show_report(problems: list) -> None:
    table = problems_table(problems).rename(columns={
        "baris": t("kelola.col.row"), "kolom": t("kelola.col.column"), "tingkat": t("kelola.col.level"),
        "masalah": t("kelola.col.problem")})
    st.dataframe(table, hide_index=True, width="stretch", key="kelola_report_table")
    download_table(table, "laporan_pemeriksaan_impor")


def _period_text(value, lang: str) -> str:
    return fmt_month(value, lang) if hasattr(value, "strftime") else str(value)


def month_table(months: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The preview's per-month counts, with localised headers."""
    return pd.DataFrame({
        t("kelola.month.col.bulan"): [_period_text(v, lang) for v in months.get("bulan", [])],
        **{t(f"kelola.month.col.{c}"): months.get(c, pd.Series(dtype="int64"))
           for c in ("ditambah", "diubah", "sama", "dihapus", "contoh_diganti")},
    })


def _imported_notes(result, lang: str) -> list[str]:
    if result.batch_id is None:
        return [t("kelola.no_change", unchanged=fmt_int(result.unchanged, lang))]
    notes = [t("kelola.imported", batch=result.batch_id, added=fmt_int(result.added, lang),
               changed=fmt_int(result.changed, lang), unchanged=fmt_int(result.unchanged, lang),
               removed=fmt_int(result.removed, lang))]
    if result.reports:
        notes.append(t("kelola.imported.reports", n=fmt_int(result.reports, lang)))
    if result.asal == "campuran":
        notes.append(t("kelola.imported.mixed"))
    return notes


def render_import(lang: str) -> None:
    kind = st.selectbox(t("kelola.kind"), list(KINDS), format_func=kind_label, key="kelola_kind")
    # A new key after each import empties the uploader (a widget's file cannot be cleared through session state).
    upload_key = f"kelola_upload_{st.session_state.get('kelola_upload_round', 0)}"
    upload = st.file_uploader(t("kelola.upload", mb=MAX_UPLOAD_MB), type=["csv", "xlsx"], key=upload_key,
                              help=t("kelola.upload.help"), max_upload_size=MAX_UPLOAD_MB)
    localise_uploader(MAX_UPLOAD_MB, ["csv", "xlsx"])
    st.caption(t("kelola.rule") if kind in REPORT_CELLS else t("kelola.rule.reference"))
    if upload is None:
        return
    raw = upload.getvalue()
    replace_demo = st.checkbox(t("kelola.replace_demo"), key="kelola_replace_demo", help=t("kelola.replace_demo.help"))
    # Checked once per file and choice, not on every rerun; the import itself checks again inside its transaction.
    wanted = (kind, upload.file_id, replace_demo)
    if st.session_state.get("kelola_plan_for") != wanted:
        st.session_state["kelola_plan"] = preview_upload(kind, raw, upload.name, replace_demo=replace_demo)
        st.session_state["kelola_plan_for"] = wanted
    plan = st.session_state["kelola_plan"]
    if not plan.ok:
        st.error(t("kelola.rejected", n=fmt_int(len(plan.errors), lang)), icon=":material/block:")
        show_report(plan.problems)
        return
    st.success(t("kelola.valid", rows=fmt_int(plan.rows, lang), added=fmt_int(plan.added, lang),
                 changed=fmt_int(plan.changed, lang), unchanged=fmt_int(plan.unchanged, lang),
                 removed=fmt_int(plan.removed, lang)))
    if len(plan.months):
        table = month_table(plan.months, lang)
        st.dataframe(table, hide_index=True, width="stretch", key="kelola_month_table")
    if plan.reports:
        st.caption(t("kelola.reports", n=fmt_int(len(plan.reports), lang)))
    if plan.warnings:
        st.warning(t("kelola.warnings", n=fmt_int(len(plan.warnings), lang)), icon="⚠️")
        show_report(plan.warnings)
    if plan.demo_replaced:
        st.warning(t("kelola.demo_replaced", n=fmt_int(plan.demo_replaced, lang)), icon="⚠️")
    elif plan.demo_kept:
        st.info(t("kelola.demo_kept", n=fmt_int(plan.demo_kept, lang)), icon="ℹ️")
    if plan.leaves_demo:
        st.warning(t("kelola.leaves_demo"), icon="⚠️")
        if not get_has_real_admin():
            st.warning(t("kelola.no_real_admin"), icon="⚠️")
    st.caption(t("kelola.preview"))
    st.dataframe(plan.validated.frame.head(20), width="stretch", key="kelola_preview_table")
    confirmed = st.checkbox(t("kelola.confirm_check"), key="kelola_confirm")
    if st.button(t("kelola.import_button"), type="primary", disabled=not confirmed, key="kelola_import"):
        try:
            result = import_upload(kind, raw, upload.name, current_user() or "?", replace_demo=replace_demo)
        except ImportRejected as exc:
            st.error(t("kelola.rejected", n=fmt_int(len(exc.problems), lang)), icon=":material/block:")
            show_report(exc.problems)
        else:
            clear_caches()
            st.session_state["kelola_notice"] = _imported_notes(result, lang)
            for key in ("kelola_confirm", "kelola_replace_demo"):
                st.session_state.pop(key, None)
            st.session_state["kelola_upload_round"] = st.session_state.get("kelola_upload_round", 0) + 1
            st.rerun()


def render_submissions(lang: str, names: dict) -> None:
    """Every submission that counts (its import not rolled back), newest first: who reported what and when."""
    st.caption(t("kelola.subs.caption"))
    subs = get_submissions()
    if subs.empty:
        st.info(t("kelola.subs.empty"), icon="ℹ️")
        return
    subs = subs.iloc[::-1].reset_index(drop=True)
    reporters = {**names["instansi"], **names["unit"]}
    table = pd.DataFrame({
        t("kelola.subs.col.waktu"): [fmt_date(w, lang) for w in subs["waktu"]],
        t("kelola.subs.col.jenis"): [kind_label(k) for k in subs["jenis"]],
        t("kelola.subs.col.pelapor"): subs["pelapor"].map(lambda p: reporters.get(p, p)),
        t("kelola.subs.col.bulan"): [fmt_month(m, lang) for m in subs["bulan"]],
        t("kelola.subs.col.baris"): subs["baris"].astype("int64"),
        t("kelola.subs.col.total"): subs["total"],
        t("kelola.subs.col.nol"): subs["nol"].map(lambda z: t("kelola.yes") if z else ""),
        t("kelola.subs.col.oleh"): subs["oleh"],
        t("kelola.subs.col.berkas"): subs["nama_file"],
        t("kelola.subs.col.batch"): subs["batch_id"].astype("int64"),
    })
    show_table(table, key="kelola_subs_table")
    download_table(table, "penyerahan_laporan")
