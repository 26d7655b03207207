"""The three action lists (domain.actions) for one filter state: late reports, referrals for units in alert,
and provinces to watch. Runs through a runner like data_access.indicators, so the page caches and tests run on
one open connection. No SQL here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data_access.capacity import query_occupancy
from data_access.cases import query_stage_counts, query_victims_by
from data_access.indicators import AlertState, Runner, alert_state, cached_runner, connection_runner, resolve, unit_scope
from data_access.reference import query_code_names, query_data_status, query_units
from domain import actions
from domain import completeness as comp
from domain.filters import Filters
from domain.periods import Window, add_months
from domain.taxonomy import INSTANSI

# The case data's last update is read in Indonesia's western time zone, where the reports are due.
REPORT_TIMEZONE = "Asia/Jakarta"


@dataclass
class ActionLists:
    filters: Filters | None  # clamped to the data; None when the period has no data
    data: Window | None
    reference: dt.date | None  # the date days overdue are counted to (the case data's last update)
    late: pd.DataFrame
    alerts: pd.DataFrame  # ongoing capacity alerts at the anchor month (AlertState.ongoing)
    referrals: pd.DataFrame
    watch: pd.DataFrame
    recent: Window | None = None  # the windows of the rising rule
    baseline: Window | None = None
    alert_state: AlertState | None = None  # the alert rule's evidence (anchor month, occupancy's coverage)


def last_case_update(run: Runner) -> dt.date | None:
    """The day the case data were last updated (data_status.diperbarui of kind "kasus"), in WIB."""
    status = run(query_data_status)
    stamp = status.loc[status["kode"] == "kasus", "diperbarui"]
    if stamp.empty or pd.isna(stamp.iloc[0]):
        return None
    ts = pd.Timestamp(stamp.iloc[0])
    # SQLite hands back the stored UTC time without its zone, PostgreSQL with it: the same day on both.
    ts = ts.tz_localize("UTC") if ts.tzinfo is None else ts
    return ts.tz_convert(REPORT_TIMEZONE).date()


def action_lists(filters: Filters, run: Runner | None = None, reference: dt.date | None = None) -> ActionLists:
    """The action lists for the filters; reference defaults to the case data's last update.

    Late reports follow the period's end, the province filter (victims' origin) and the agency filter (which
    agencies are listed; the others still count as "something to report"). Referrals follow the period's end
    and the province filter (where the unit in alert is); the units offered are searched nationwide. Provinces
    to watch follow every case filter, with the history before the period's start, like the Jarnas page.
    """
    run = run or cached_runner()
    clamped, data = resolve(filters, run)
    reference = reference or last_case_update(run)
    empty = pd.DataFrame()
    if clamped is None or data is None:
        return ActionLists(None, data, reference, empty, empty, empty, empty)
    end = clamped.end
    provinces = list(clamped.provinsi) or sorted(run(query_code_names, "id")["provinsi"])

    # --- late reports (the completeness rule of the Jarnas page, then the due date) ---
    window_start = add_months(end, -(comp.RECENT_MONTHS + comp.BASELINE_MONTHS - 1))
    scope = Filters(start=window_start, end=end, provinsi=clamped.provinsi)
    reports = run(query_stage_counts, scope, ("instansi", "kode_prov_asal", "bulan"))
    status = comp.reporting_status(reports.rename(columns={"kode_prov_asal": "kode_prov"}), end=end,
                                   agencies=[c.kode for c in INSTANSI], provinces=provinces)
    late = actions.late_reports(status, reference) if reference else pd.DataFrame(columns=actions.LATE_COLUMNS)
    if clamped.instansi:
        late = late[late["instansi"].isin(clamped.instansi)].reset_index(drop=True)

    # --- referrals: units on alert at the anchor month (the period's end, or occupancy's last month) ---
    state = alert_state(unit_scope(clamped), run)
    referrals = pd.DataFrame(columns=actions.REFERRAL_COLUMNS)
    if state.source.has_data:
        places = actions.free_places(run(query_occupancy, Filters(start=state.anchor, end=state.anchor)), state.anchor)
        referrals = actions.referrals(state.ongoing_units, places, run(query_units))

    # --- provinces to watch ---
    history = run(query_victims_by, clamped.with_(start=None), ("bulan", "kode_prov_asal", "modus"))
    modus = list(run(query_code_names, "id")["modus"])
    watch = actions.provinces_to_watch(history.rename(columns={"kode_prov_asal": "kode_prov"}), end=end,
                                       first_month=data.start, provinces=provinces, categories=modus)
    recent, baseline = actions.watch_windows(end, data.start)
    return ActionLists(clamped, data, reference, late, state.ongoing, referrals, watch, recent, baseline, state)


def query_action_lists(conn, filters: Filters) -> ActionLists:
    return action_lists(filters, connection_runner(conn))


def get_action_lists(filters: Filters) -> ActionLists:
    """action_lists for the page, cached as one entry per filter state and data version (the rising rule over
    every province takes most of a second on two cores)."""
    from data_access.caching import run_cached

    return run_cached(query_action_lists, filters)
