"""Publishing on Kelola Data: the banner that says when the public extract is older than the data, and the
"Terbitkan" tab (preview of the cells, difference from the release, disclosure check, confirm and publish)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from data_access.caching import clear_caches
from data_access.publication import get_latest_extract, get_province_names
from data_access.publication_source import PublishRefused, get_release_draft, get_release_drift, publish_release
from domain.disclosure import SECONDARY_MARKER, TOTAL_LABEL
from domain.formatting import fmt_date, fmt_int, fmt_period
from domain.messages import escape_markdown
from domain.publication import (
    AGE_GROUPS, REACH_TABLE, SEXES, ReleaseDraft, ReleaseDrift, compare_cells, count_changes,
    disclosure_problems, display_value, long_cells, parse_period,
)
from domain.taxonomy import MODUS, names
from ui.auth import current_user
from ui.cached import memo
from ui.i18n import current_lang, t

NOTICE_KEY = "kelola_notice"  # the page shows (and clears) these success notes at its top


def period_text(periode: str) -> str:
    """"2023-01..2025-07" as the pages write a period ("Jan 2023–Jul 2025"); as stored when it is not a period."""
    period = parse_period(periode)
    return fmt_period(*period, current_lang()) if period else (periode or "–")


def problem_sentence(problem: str, detail: str) -> str:
    """Why nothing can be published now, as one sentence (ReleaseDraft.problem)."""
    return t(f"terbit.problem.{problem}", detail=escape_markdown(detail))


def published_words(drift: ReleaseDrift) -> dict[str, str]:
    lang = current_lang()
    by = t("terbit.by", user=escape_markdown(drift.published_by)) if drift.published_by else ""
    return {"versi": str(drift.latest_version), "date": fmt_date(drift.published_at, lang), "by": by}


def drift_sentence(drift: ReleaseDrift) -> str:
    """ "Data berubah sejak rilis publik versi 3 (diterbitkan 1 Des 2026 09:00): 4 sel berbeda (...). Terbitkan
    ulang?" with the period, the demo label and the rules when they differ too."""
    lang = current_lang()
    counts = {"changed": drift.changed, "suppressed": drift.newly_suppressed, "shown": drift.newly_shown,
              "added": drift.added, "removed": drift.removed}
    kinds = ", ".join(t(f"terbit.kind.{k}", n=fmt_int(n, lang)) for k, n in counts.items() if n)
    parts = [t("terbit.banner.stale", n=fmt_int(drift.cells_differing, lang), **published_words(drift))
             + (f" ({kinds})" if kinds else "") + "."]
    if drift.period_changed:
        parts.append(t("terbit.banner.period", release=period_text(drift.release_period),
                       data=period_text(drift.data_period)))
    if drift.origin_changed:
        parts.append(t("terbit.banner.origin"))
    if drift.rules_changed:
        parts.append(t("terbit.banner.rules"))
    parts.append(t("terbit.banner.again"))
    return " ".join(parts)


def release_banner() -> None:
    """Top of Kelola Data: one sentence whenever the public extract is not what a publish now would store."""
    drift = get_release_drift()
    if drift.problem and drift.problem != "no_data":
        st.error(problem_sentence(drift.problem, drift.detail), icon=":material/block:")
    elif not drift.has_release:
        if drift.can_publish:
            st.warning(t("terbit.banner.none"), icon="⚠️")
    elif drift.problem == "no_data":
        st.warning(t("terbit.banner.no_data", **published_words(drift)), icon="⚠️")
    elif drift.is_stale:
        st.warning(drift_sentence(drift), icon="⚠️")


def labelled(cells: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Cells (tabel, baris, kolom, ...) with table, row and column names a reader knows; `columns` renames the
    remaining columns to their headers."""
    lang = current_lang()
    provinces = get_province_names()
    modus = names(MODUS, lang)
    total = t("publik.total")

    def row(tabel: str, baris: str) -> str:
        if baris == TOTAL_LABEL:
            return total
        if tabel in ("provinsi", REACH_TABLE):
            return provinces.get(baris, baris)
        if tabel == "modus":
            return modus.get(baris, baris)
        return t(f"sex.{baris}") if tabel == "jenis_kelamin_umur" and baris in SEXES else baris

    def column(kolom: str) -> str:
        return total if kolom == TOTAL_LABEL else t(f"age.{kolom}") if kolom in AGE_GROUPS else ""

    out = pd.DataFrame({
        t("terbit.col.table"): [t(f"terbit.table.{x}") for x in cells["tabel"]],
        t("terbit.col.row"): [row(a, b) for a, b in zip(cells["tabel"], cells["baris"])],
        t("terbit.col.column"): [column(k) for k in cells["kolom"]],
    })
    for name, header in columns.items():
        out[header] = cells[name].to_numpy()
    return out


def show_diff(draft: ReleaseDraft, latest) -> None:
    """Counts and the table of every cell the new version changes against the release the public sees."""
    lang = current_lang()
    if latest is None:
        st.info(t("terbit.first_release", n=fmt_int(len(draft.cells), lang)), icon="ℹ️")
        return
    info = latest.info
    # Counts in a sentence, not st.metric: a metric on any page is a catalogue indicator (tests/app/test_catalogue).
    diff = memo(compare_cells, latest.cells, draft.cells)
    if diff.empty:
        st.success(t("terbit.diff.none", versi=info.versi, n=fmt_int(len(draft.cells), lang)), icon="✅")
        return
    changes = count_changes(diff)
    st.markdown(t("terbit.diff.title", versi=info.versi, date=fmt_date(info.dibuat, lang)))
    st.markdown(t("terbit.diff.counts", n=fmt_int(changes.total, lang), cells=fmt_int(len(draft.cells), lang),
                  changed=fmt_int(changes.changed, lang), suppressed=fmt_int(changes.suppressed, lang),
                  shown=fmt_int(changes.shown, lang), added=fmt_int(changes.added, lang),
                  removed=fmt_int(changes.removed, lang)))
    shown = diff.assign(sebelum=diff["sebelum"].fillna("–"), sesudah=diff["sesudah"].fillna("–"),
                        perubahan=[t(f"terbit.change.{c}") for c in diff["perubahan"]])
    st.dataframe(labelled(shown, {"sebelum": t("terbit.col.before", versi=info.versi),
                                  "sesudah": t("terbit.col.after"), "perubahan": t("terbit.col.change")}),
                 hide_index=True, width="stretch", key="terbit_diff_table")


def check_sentence(draft: ReleaseDraft, problems: tuple[str, ...]) -> None:
    rules = draft.rules
    if problems:
        st.error(t("terbit.check.failed", detail=escape_markdown(problems[0])), icon=":material/block:")
        return
    hidden = draft.cells["teks"].isin([rules.primary_marker, SECONDARY_MARKER]).sum()
    st.success(t("terbit.check.passed", largest=rules.threshold - 1, base=rules.rounding_base,
                 hidden=fmt_int(int(hidden), current_lang())), icon="✅")


def publish_tab() -> None:
    """The "Terbitkan" tab: what a publish would store now, how it differs, the check, then confirm and publish."""
    lang = current_lang()
    st.caption(t("terbit.caption"))
    draft = get_release_draft()
    if not draft.ok:
        show = st.info if draft.problem == "no_data" else st.error
        show(problem_sentence(draft.problem, draft.detail), icon="ℹ️" if draft.problem == "no_data" else "⚠️")
        st.caption(t("terbit.static_site"))
        return
    latest = get_latest_extract()
    show_diff(draft, latest)
    with st.expander(t("terbit.preview.title", n=fmt_int(len(draft.cells), lang), period=period_text(draft.periode))):
        cells = long_cells(draft.cells)
        cells = cells.assign(nilai=[display_value(v, lang) for v in cells["nilai"]])
        st.dataframe(labelled(cells, {"nilai": t("terbit.col.value")}), hide_index=True, width="stretch",
                     key="terbit_preview_table")
    problems = disclosure_problems(draft.cells, draft.rules)
    check_sentence(draft, problems)
    versi = (latest.info.versi if latest is not None else 0) + 1
    note = st.text_input(t("terbit.note"), key="terbit_note", max_chars=200)
    sure = st.checkbox(t("terbit.confirm", versi=versi), key="terbit_confirm", disabled=bool(problems))
    if st.button(t("terbit.button", versi=versi), type="primary", disabled=bool(problems) or not sure,
                 key="terbit_publish"):
        try:
            info = publish_release(current_user() or "?", (note or "").strip(), expected_digest=draft.digest,
                                   rules=draft.rules)
        except PublishRefused as exc:
            st.error(t(f"terbit.refused.{exc.reason}"), icon=":material/block:")
        except ValueError as exc:  # nothing to publish, or the protection failed inside the transaction
            st.error(t("terbit.failed", detail=escape_markdown(str(exc))), icon=":material/block:")
        else:
            clear_caches()
            st.session_state[NOTICE_KEY] = [t("terbit.done", versi=info.versi, n=fmt_int(len(draft.cells), lang),
                                              period=period_text(info.periode))]
            for key in ("terbit_confirm", "terbit_note"):
                st.session_state.pop(key, None)
            st.rerun()
    st.caption(t("terbit.static_site"))

