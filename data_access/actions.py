"""The three action lists (domain.actions) for one filter state: reports past their due date (from the
submissions, data_access.submissions), referrals for units in alert, and provinces to watch. Runs through a runner like data_access.indicators, so the page caches and tests run on
one open connection. No SQL here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from data_access.capacity import query_occupancy
from data_access.cases import query_victims_by
from data_access.indicators import AlertState, Runner, alert_state, cached_runner, connection_runner, resolve, unit_scope
from data_access.reference import query_code_names, query_units
from data_access.submissions import ReportingView, reporting_view, today_wib
from domain import actions
from domain.filters import Filters
from domain.periods import Window

@dataclass
class ActionLists:
    filters: Filters | None  # clamped to the data; None when the period has no data
    data: Window | None
    reporting: ReportingView | None  # submissions: the reports past their due date, and the as-of date
    alerts: pd.DataFrame  # ongoing capacity alerts at the anchor month (AlertState.ongoing)
    referrals: pd.DataFrame
    watch: pd.DataFrame
    recent: Window | None = None  # the windows of the rising rule
    baseline: Window | None = None
    alert_state: AlertState | None = None  # the alert rule's evidence (anchor month, occupancy's coverage)
    overdue: pd.DataFrame | None = None  # ReportingView.overdue(), computed once with the lists (and cached with them)

    @property
    def late(self) -> pd.DataFrame:
        """Reports past their due date and not yet in (ReportingView.overdue)."""
        if self.overdue is not None:
            return self.overdue
        return self.reporting.overdue() if self.reporting else pd.DataFrame()

    @property
    def reference(self) -> dt.date | None:
        """The date days overdue are counted to: today for real data, the demo's own date for demo data."""
        return self.reporting.as_of if self.reporting else None


def action_lists(filters: Filters, run: Runner | None = None, today: dt.date | None = None) -> ActionLists:
    """The action lists for the filters; today (WIB) by default is the day real reports are counted to.

    Overdue reports follow the period (its months), the agency filter (the reporters) and the province filter
    (units located there; agencies' reports are national). Referrals follow the period's end and the province
    filter (where the unit in alert is); the units offered are searched nationwide. Provinces to watch follow
    every case filter, with the history before the period's start, like the Jarnas page.
    """
    run = run or cached_runner()
    clamped, data = resolve(filters, run)
    empty = pd.DataFrame()
    if clamped is None or data is None:
        return ActionLists(None, data, None, empty, empty, empty)
    end = clamped.end
    provinces = list(clamped.provinsi) or sorted(run(query_code_names, "id")["provinsi"])
    reporting = reporting_view(clamped, today or today_wib(), run)

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
    return ActionLists(clamped, data, reporting, state.ongoing, referrals, watch, recent, baseline, state,
                       reporting.overdue())


def query_action_lists(conn, filters: Filters, today: dt.date) -> ActionLists:
    return action_lists(filters, connection_runner(conn), today)


def _shared_action_lists(filters: Filters, today: dt.date) -> ActionLists:
    return action_lists(filters, cached_runner(), today)


def get_action_lists(filters: Filters) -> ActionLists:
    """action_lists for the page, cached as one entry per filter state and data version. Its queries go through
    the shared cache one by one, so what does not depend on the province (the reporting of each kind, the
    national occupancy history) is computed once for every province (issue 24)."""
    from data_access.caching import compute_cached

    return compute_cached(_shared_action_lists, filters, today_wib())
