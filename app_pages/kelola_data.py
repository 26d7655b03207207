"""Data management for admin_data: templates, validated import, audit trail, rollback."""

from __future__ import annotations

import streamlit as st

from data_access.caching import clear_caches
from data_access.importing import (
    ImportRejected, RollbackRefused, get_batches, get_export, get_has_real_admin, get_reference_sets, import_upload,
    preview_upload, rollback_upload,
)
from data_access.reference import get_data_status
from domain.file_reading import MAX_UPLOAD_MB
from domain.formatting import fmt_date, fmt_int
from domain.validation import KINDS, problems_table
from exports.templates import XLSX_MIME, export_bytes, file_name, make_template
from ui.auth import current_user
from ui.frame import download_button, download_table, page_header, show_table
from ui.i18n import current_lang, localise_uploader, t

page_header("nav.kelola_data", "purpose.kelola_data", kinds=())
lang = current_lang()
kinds = list(KINDS)


def kind_label(kind: str) -> str:
    return t(f"kelola.kind.{kind}")


def show_report(problems: list) -> None:
    table = problems_table(problems).rename(columns={
        "baris": t("kelola.col.row"), "kolom": t("kelola.col.column"), "tingkat": t("kelola.col.level"),
        "masalah": t("kelola.col.problem")})
    st.dataframe(table, hide_index=True, width="stretch", key="kelola_report_table")
    download_table(table, "laporan_pemeriksaan_impor")


for note in st.session_state.pop("kelola_notice", []):
    st.success(note)

status = get_data_status()
st.subheader(t("kelola.status.title"))
st.caption(t("kelola.status.caption"))
st.dataframe(status.assign(
    asal=status["asal"].map(lambda a: t(f"kelola.asal.{a}") if a in ("demo", "impor") else a),
    diperbarui=status["diperbarui"].map(lambda d: fmt_date(d, lang) if d is not None else "–"),
)[["nama", "asal", "periode", "diperbarui"]].rename(columns={
    "nama": t("kelola.col.kind"), "asal": t("kelola.col.origin"), "periode": t("kelola.col.period"),
    "diperbarui": t("kelola.col.updated")}), hide_index=True, width="stretch", key="kelola_status_table")

tab_import, tab_templates, tab_history = st.tabs(
    [t("kelola.tab.import"), t("kelola.tab.templates"), t("kelola.tab.history")])

with tab_import:
    kind = st.selectbox(t("kelola.kind"), kinds, format_func=kind_label, key="kelola_kind")
    # A new key after each import empties the uploader (a widget's file cannot be cleared through session state).
    upload_key = f"kelola_upload_{st.session_state.get('kelola_upload_round', 0)}"
    upload = st.file_uploader(t("kelola.upload", mb=MAX_UPLOAD_MB), type=["csv", "xlsx"], key=upload_key,
                              help=t("kelola.upload.help"), max_upload_size=MAX_UPLOAD_MB)
    localise_uploader(MAX_UPLOAD_MB, ["csv", "xlsx"])
    if upload is not None:
        raw = upload.getvalue()
        # Checked once per file, not on every rerun; the import itself checks again inside its transaction.
        if st.session_state.get("kelola_plan_for") != (kind, upload.file_id):
            st.session_state["kelola_plan"] = preview_upload(kind, raw, upload.name)
            st.session_state["kelola_plan_for"] = (kind, upload.file_id)
        plan = st.session_state["kelola_plan"]
        if not plan.ok:
            st.error(t("kelola.rejected", n=fmt_int(len(plan.errors), lang)), icon=":material/block:")
            show_report(plan.problems)
        else:
            st.success(t("kelola.valid", rows=fmt_int(plan.rows, lang), added=fmt_int(plan.added, lang),
                         changed=fmt_int(plan.changed, lang), unchanged=fmt_int(plan.unchanged, lang)))
            if plan.warnings:
                st.warning(t("kelola.warnings", n=fmt_int(len(plan.warnings), lang)), icon="⚠️")
                show_report(plan.warnings)
            if plan.leaves_demo:
                st.warning(t("kelola.leaves_demo", n=fmt_int(plan.demo_replaced, lang)), icon="⚠️")
                if not get_has_real_admin():
                    st.warning(t("kelola.no_real_admin"), icon="⚠️")
            st.caption(t("kelola.preview"))
            st.dataframe(plan.validated.frame.head(20), width="stretch", key="kelola_preview_table")
            confirmed = st.checkbox(t("kelola.confirm_check"), key="kelola_confirm")
            if st.button(t("kelola.import_button"), type="primary", disabled=not confirmed, key="kelola_import"):
                try:
                    result = import_upload(kind, raw, upload.name, current_user() or "?")
                except ImportRejected as exc:
                    st.error(t("kelola.rejected", n=fmt_int(len(exc.problems), lang)), icon=":material/block:")
                    show_report(exc.problems)
                else:
                    clear_caches()
                    st.session_state["kelola_notice"] = [t(
                        "kelola.imported", batch=result.batch_id, added=fmt_int(result.added, lang),
                        changed=fmt_int(result.changed, lang), unchanged=fmt_int(result.unchanged, lang))
                        if result.batch_id is not None else
                        t("kelola.no_change", unchanged=fmt_int(result.unchanged, lang))]
                    st.session_state.pop("kelola_confirm", None)
                    st.session_state["kelola_upload_round"] = st.session_state.get("kelola_upload_round", 0) + 1
                    st.rerun()

with tab_templates:
    st.caption(t("kelola.template.caption"))
    tpl_kind = st.selectbox(t("kelola.kind"), kinds, format_func=kind_label, key="kelola_tpl_kind")
    fmt = st.radio(t("kelola.format"), ["xlsx", "csv"], horizontal=True, key="kelola_tpl_fmt")
    mime = XLSX_MIME if fmt == "xlsx" else "text/csv"
    c1, c2 = st.columns(2)
    # Deferred: files are built only when a button is pressed (the export of every case row takes seconds).
    download_button(t("kelola.template.download"), lambda: make_template(tpl_kind, fmt, get_reference_sets()),
                    file_name=file_name(tpl_kind, "templat", fmt), mime=mime, key="kelola_dl_template", where=c1)
    download_button(t("kelola.export.download"), lambda: export_bytes(get_export(tpl_kind), fmt),
                    file_name=file_name(tpl_kind, "ekspor", fmt), mime=mime, key="kelola_dl_export", where=c2)

with tab_history:
    batches = get_batches()
    if batches.empty:
        st.info(t("kelola.history.empty"), icon="ℹ️")
    else:
        shown = batches.assign(waktu=batches["waktu"].map(lambda d: fmt_date(d, lang)),
                               sha256=batches["sha256"].str[:12])
        show_table(shown, hide_index=True, width="stretch", key="kelola_batches_table")
        download_table(batches, "riwayat_impor")
    st.subheader(t("kelola.rollback.title"))
    st.caption(t("kelola.rollback.caption"))
    active = batches[(batches["status"] == "aktif") & (batches["jenis"] != "demo")]
    if active.empty:
        st.info(t("kelola.rollback.none"), icon="ℹ️")
    else:
        labels = {int(r.id): t("kelola.batch.label", id=r.id, jenis=r.jenis, file=r.nama_file,
                               when=fmt_date(r.waktu, lang)) for r in active.itertuples()}
        chosen = st.selectbox(t("kelola.rollback.select"), list(labels), format_func=labels.get,
                              key="kelola_rollback_batch")
        sure = st.checkbox(t("kelola.rollback.confirm", batch=chosen), key="kelola_rollback_confirm")
        if st.button(t("kelola.rollback.button"), disabled=not sure, key="kelola_rollback"):
            try:
                undone = rollback_upload(chosen, current_user() or "?")
            except RollbackRefused as exc:
                st.error(str(exc), icon=":material/block:")
            else:
                clear_caches()
                notes = [t("kelola.rollback.done", batch=chosen, n=fmt_int(undone.restored, lang))]
                if undone.demo_restored:
                    notes.append(t("kelola.rollback.demo"))
                st.session_state["kelola_notice"] = notes
                st.session_state.pop("kelola_rollback_confirm", None)
                st.rerun()
