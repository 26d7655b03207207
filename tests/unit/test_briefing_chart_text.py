"""Briefing charts read well when exported: month ticks in the language, margins that fit labels and titles."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from builders import briefing_charts as charts


def _monthly() -> pd.DataFrame:
    months = [dt.date(2023, m, 1) for m in range(1, 13)]
    return pd.DataFrame({"bulan": months * 2, "modus": ["a"] * 12 + ["b"] * 12, "jumlah": list(range(24))})


@pytest.mark.parametrize(("lang", "october", "not_shown"), [("id", "Okt 2023", "Oct"), ("en", "Oct 2023", "Okt")])
def test_trend_month_ticks_are_in_the_language(lang, october, not_shown):
    fig = charts.make_trend_lines(_monthly(), "modus", {"a": "A", "b": "B"}, title="t", lang=lang)
    ticks = list(fig.layout.xaxis.ticktext)
    assert october in ticks, ticks
    assert not any(not_shown in t for t in ticks)
    assert fig.data[0].text[9] == october, "the hover label uses the same month name"


def _figures() -> dict:
    top = pd.DataFrame({"nama": ["Nusa Tenggara Barat", "Jawa Timur"], "jumlah": [120, 80], "porsi": [0.6, 0.4]})
    capacity = pd.DataFrame({"nama": ['Sentra Terpadu "Kartini"', "RPTC Bambu Apus"], "utilisasi": [0.95, 0.7]})
    roles = pd.DataFrame({"peran": ["pekerja_sosial"], "current_staff": [10.0], "required_staff": [12.5]})
    return {
        "trends": charts.make_trend_lines(_monthly(), "modus", {"a": "A"}, title="t"),
        "top": charts.make_top_bars(top, title="t"),
        "capacity": charts.make_utilisation_bars(capacity, title="t"),
        "sdm": charts.make_wisn_role_bars(roles, {"pekerja_sosial": "Pekerja sosial"}, title="t"),
    }


@pytest.mark.parametrize("name", ["trends", "top", "capacity", "sdm"])
def test_axes_make_room_for_their_labels(name):
    """Without automargin the deck's 16 px unit names and month ticks were cut at the image edge."""
    fig = _figures()[name]
    assert fig.layout.xaxis.automargin is True and fig.layout.yaxis.automargin is True


@pytest.mark.parametrize(("months", "most"), [(12, 4), (31, 6), (60, 5), (1, 1)])
def test_month_ticks_stay_few_enough_to_read(months, most):
    """31 months at every third month gave 11 labels, which ran into each other at the deck's type size."""
    stamps = pd.date_range("2023-01-01", periods=months, freq="MS")
    ticks = charts.month_ticks(list(stamps), "id")
    assert 1 <= len(ticks["tickvals"]) <= min(most, charts.MAX_MONTH_TICKS)
    assert ticks["ticktext"][0] == "Jan 2023"


def test_wisn_role_names_are_bar_labels_and_the_legend_stays_clear_of_them():
    """Issue 25: on the deck the role names on the x axis were cut ("Pekerja so…") and the legend below ran into
    them. Names on the y axis (automargin, never cut), legend above the plot."""
    fig = _figures()["sdm"]
    assert all(bar.orientation == "h" and list(bar.y) == ["Pekerja sosial"] for bar in fig.data)
    assert fig.layout.legend.y >= 1 and fig.layout.legend.yanchor == "bottom"
