"""Data management for admin_data: validated import, submissions, templates, audit trail, rollback, publishing,
accounts."""

from __future__ import annotations

import streamlit as st

from data_access.caching import clear_caches
from data_access.importing import RollbackRefused, get_batches, get_export, get_reference_sets, rollback_upload
from data_access.publication_source import get_release_drift
from data_access.reference import get_code_names, get_data_status
from domain.formatting import fmt_date, fmt_int
from domain.statements import rollback_public_note
from domain.validation import KINDS
from exports.templates import XLSX_MIME, export_bytes, file_name, make_template
from ui.accounts_admin import render_accounts_admin
from ui.auth import current_user
from ui.frame import download_button, download_table, page_header, show_table
from ui.i18n import current_lang, t
from ui.import_admin import kind_label, render_import, render_submissions
from ui.publish_admin import publish_tab, release_banner

page_header("nav.kelola_data", "purpose.kelola_data", kinds=())
lang = current_lang()
kinds = list(KINDS)


for note in st.session_state.pop("kelola_notice", []):
    st.success(note)
release_banner()  # says when the public extract is older than the data

status = get_data_status()
st.subheader(t("kelola.status.title"))
st.caption(t("kelola.status.caption"))
st.dataframe(status.assign(
    asal=status["asal"].map(lambda a: t(f"kelola.asal.{a}") if a in ("demo", "impor", "campuran") else a),
    diperbarui=status["diperbarui"].map(lambda d: fmt_date(d, lang) if d is not None else "–"),
)[["nama", "asal", "periode", "diperbarui"]].rename(columns={
    "nama": t("kelola.col.kind"), "asal": t("kelola.col.origin"), "periode": t("kelola.col.period"),
    "diperbarui": t("kelola.col.updated")}), hide_index=True, width="stretch", key="kelola_status_table")

tab_import, tab_submissions, tab_templates, tab_history, tab_publish, tab_accounts = st.tabs(
    [t("kelola.tab.import"), t("kelola.tab.submissions"), t("kelola.tab.templates"), t("kelola.tab.history"),
     t("terbit.tab"), t("akun.tab")])

with tab_import:
    render_import(lang)

with tab_submissions:
    render_submissions(lang, get_code_names(lang))

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
                public = rollback_public_note(chosen, undone.public_version, get_release_drift(), lang)
                notes += [public.text] if public else []
                st.session_state["kelola_notice"] = notes
                st.session_state.pop("kelola_rollback_confirm", None)
                st.rerun()

with tab_publish:
    publish_tab()

with tab_accounts:
    render_accounts_admin()
