"""The next release, built without writing and compared with the published one (domain.publication, issue 23):
compare_cells, count_changes, cells_digest, disclosure_problems, data_period, build_release_cells, release_drift."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain.disclosure import SECONDARY_MARKER, DisclosureRules
from domain.publication import (
    CELL_COLUMNS,
    DIFF_COLUMNS,
    MONTHLY_COLUMNS,
    REACH_TABLE,
    CellChanges,
    ExtractInfo,
    NothingToPublish,
    PublishedExtract,
    ReleaseDraft,
    build_extract,
    build_reach_cells,
    build_release_cells,
    cells_digest,
    compare_cells,
    count_changes,
    data_period,
    disclosure_problems,
    release_drift,
)

RULES = DisclosureRules()
X = SECONDARY_MARKER
PROVINCES = ["11", "31", "35", "52"]
MODUS_CODES = ["kerja_paksa", "online_scam", "eksploitasi_seksual"]
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


def cells(*rows: tuple) -> pd.DataFrame:
    """(tabel, baris, kolom, teks) -> CELL_COLUMNS, nilai the number of a numeric text, None for a marker."""
    frame = pd.DataFrame([(a, b, c, t) for a, b, c, t in rows], columns=["tabel", "baris", "kolom", "teks"])
    nilai = [None if t in (X,) or t.startswith("<") else int(t.replace(".", "")) for t in frame["teks"]]
    frame.insert(3, "nilai", pd.Series(nilai, dtype=object))
    return frame[list(CELL_COLUMNS)]


def key(tabel: str, baris: str, kolom: str = "jumlah") -> tuple[str, str, str]:
    return tabel, baris, kolom


BASE = cells(("nasional", "Total", "jumlah", "1.235"), ("provinsi", "35", "jumlah", "20"),
             ("provinsi", "52", "jumlah", "<10"), ("provinsi", "11", "jumlah", "x"),
             ("provinsi", "Total", "jumlah", "1.235"))


def replaced(frame: pd.DataFrame, at: tuple[str, str, str], teks: str | None) -> pd.DataFrame:
    """frame with one cell's text changed (None: the cell removed)."""
    mask = (frame["tabel"] == at[0]) & (frame["baris"] == at[1]) & (frame["kolom"] == at[2])
    rows = [tuple(r) for r in frame[["tabel", "baris", "kolom", "teks"]].itertuples(index=False)]
    rows = [r if not m else (*r[:3], teks) for r, m in zip(rows, mask)]
    return cells(*[r for r in rows if r[3] is not None])


# --------------------------------------------------------------------------- compare_cells
@pytest.mark.parametrize(("after", "expected"), [
    pytest.param(BASE, [], id="equal"),
    pytest.param(replaced(BASE, key("provinsi", "35"), "25"), [("provinsi", "35", "jumlah", "20", "25", "changed")],
                 id="number changed"),
    pytest.param(replaced(BASE, key("provinsi", "35"), "<10"),
                 [("provinsi", "35", "jumlah", "20", "<10", "suppressed")], id="shown to primary"),
    pytest.param(replaced(BASE, key("provinsi", "35"), X), [("provinsi", "35", "jumlah", "20", X, "suppressed")],
                 id="shown to secondary"),
    pytest.param(replaced(BASE, key("provinsi", "52"), "15"), [("provinsi", "52", "jumlah", "<10", "15", "shown")],
                 id="primary to shown"),
    pytest.param(replaced(BASE, key("provinsi", "11"), "0"), [("provinsi", "11", "jumlah", X, "0", "shown")],
                 id="secondary to zero is shown"),
    pytest.param(replaced(BASE, key("provinsi", "52"), X), [("provinsi", "52", "jumlah", "<10", X, "changed")],
                 id="one marker to the other"),
    pytest.param(replaced(BASE, key("provinsi", "52"), "<5"), [("provinsi", "52", "jumlah", "<10", "<5", "changed")],
                 id="a marker under other rules"),
    pytest.param(pd.concat([BASE, cells(("provinsi", "31", "jumlah", "0"))], ignore_index=True),
                 [("provinsi", "31", "jumlah", None, "0", "added")], id="new cell"),
    pytest.param(replaced(BASE, key("provinsi", "52"), None), [("provinsi", "52", "jumlah", "<10", None, "removed")],
                 id="cell gone"),
])
def test_compare_cells(after, expected):
    diff = compare_cells(BASE, after)
    assert list(diff.columns) == list(DIFF_COLUMNS)
    assert [tuple(r) for r in diff.itertuples(index=False)] == expected


def test_compare_cells_without_a_release_adds_every_cell_in_table_order():
    reach = cells((REACH_TABLE, "35", "jumlah", "300"))
    diff = compare_cells(None, pd.concat([reach, BASE], ignore_index=True))
    assert set(diff["perubahan"]) == {"added"} and diff["sebelum"].isna().all()
    # nasional first, the published tables in their order, the prevention table last; rows sorted within.
    assert [tuple(r) for r in diff[["tabel", "baris"]].itertuples(index=False)] == [
        ("nasional", "Total"), ("provinsi", "11"), ("provinsi", "35"), ("provinsi", "52"), ("provinsi", "Total"),
        (REACH_TABLE, "35")]


def test_compare_cells_several_changes_are_counted_by_kind():
    after = replaced(replaced(replaced(BASE, key("provinsi", "35"), "<10"), key("provinsi", "52"), "15"),
                     key("nasional", "Total"), "1.240")
    after = pd.concat([after, cells(("provinsi", "31", "jumlah", "0"))], ignore_index=True)
    changes = count_changes(compare_cells(BASE, after))
    assert changes == CellChanges(changed=1, suppressed=1, shown=1, added=1, removed=0)
    assert changes.total == 4
    assert count_changes(compare_cells(BASE, BASE)) == CellChanges() and CellChanges().total == 0


# --------------------------------------------------------------------------- digest and disclosure check
def test_cells_digest_ignores_row_order_and_sees_every_text():
    assert cells_digest(BASE) == cells_digest(BASE.iloc[::-1].reset_index(drop=True))
    assert cells_digest(BASE) != cells_digest(replaced(BASE, key("provinsi", "35"), "25"))
    assert cells_digest(BASE) != cells_digest(replaced(BASE, key("provinsi", "52"), X))
    assert len(cells_digest(BASE)) == 64


@pytest.mark.parametrize(("frame", "fails"), [
    pytest.param(BASE, False, id="markers zero and rounded numbers"),
    pytest.param(replaced(BASE, key("provinsi", "35"), "7"), True, id="a count from 1 to 9"),
    pytest.param(replaced(BASE, key("provinsi", "35"), "1"), True, id="a count of one"),
    pytest.param(replaced(BASE, key("provinsi", "35"), "12"), True, id="not a multiple of five"),
    pytest.param(pd.concat([BASE, BASE.iloc[:1]], ignore_index=True), True, id="a duplicate cell"),
])
def test_disclosure_problems(frame, fails):
    problems = disclosure_problems(frame, RULES)
    assert bool(problems) == fails
    assert all(isinstance(p, str) and p for p in problems)


def test_disclosure_problems_sees_a_number_behind_a_marker():
    frame = BASE.copy()
    frame.loc[frame["teks"] == "<10", "nilai"] = 5
    assert disclosure_problems(frame, RULES)


# --------------------------------------------------------------------------- building the next version
def monthly(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(MONTHLY_COLUMNS))


ROWS = [
    ("2024-01-01", "35", "kerja_paksa", "P", "dewasa", 10),
    ("2024-02-01", "35", "online_scam", "L", "dewasa", 4),
    ("2024-02-01", "52", "kerja_paksa", "P", "anak", 7),
    ("2024-03-01", "52", "eksploitasi_seksual", "P", "dewasa", 3),
    ("2023-12-01", "35", "kerja_paksa", "P", "dewasa", 5),
]


@pytest.mark.parametrize(("rows", "expected"), [
    pytest.param(ROWS, (dt.date(2023, 12, 1), dt.date(2024, 3, 1)), id="fixture"),
    pytest.param([*ROWS, ("2024-06-01", "35", "kerja_paksa", "P", "dewasa", 0)],
                 (dt.date(2023, 12, 1), dt.date(2024, 3, 1)), id="a month of zeros is not data"),
    pytest.param([("2025-07-01", "11", "kerja_paksa", "L", "anak", 1)], (dt.date(2025, 7, 1), dt.date(2025, 7, 1)),
                 id="one month"),
])
def test_data_period(rows, expected):
    assert data_period(monthly(rows)) == expected


@pytest.mark.parametrize("rows", [[], [("2024-01-01", "35", "kerja_paksa", "P", "dewasa", 0)]],
                         ids=["no rows", "only zeros"])
def test_data_period_without_victims_is_nothing_to_publish(rows):
    with pytest.raises(NothingToPublish):
        data_period(monthly(rows))
    assert issubclass(NothingToPublish, ValueError)  # the CLI's "Tidak ada yang diterbitkan" catch


def test_build_release_cells_adds_the_reach_table_only_when_there_is_reach():
    victims = build_release_cells(monthly(ROWS), PROVINCES, MODUS_CODES, pd.DataFrame(columns=["kode", "peserta"]),
                                  RULES)
    assert REACH_TABLE not in set(victims["tabel"])
    assert cells_digest(victims) == cells_digest(build_extract(monthly(ROWS), PROVINCES, MODUS_CODES, RULES))
    reach = pd.DataFrame({"kode": ["35", "31"], "peserta": [135, 50]})
    both = build_release_cells(monthly(ROWS), PROVINCES, MODUS_CODES, reach, RULES)
    assert set(both["tabel"]) == set(victims["tabel"]) | {REACH_TABLE}
    expected = pd.concat([victims, build_reach_cells(reach, PROVINCES, RULES)], ignore_index=True)
    assert cells_digest(both) == cells_digest(expected)
    assert both.loc[both["tabel"] == REACH_TABLE].set_index("baris")["teks"].to_dict() == {
        "11": "0", "31": "50", "35": "135", "52": "0", "Total": "185"}


def test_a_refused_draft_has_no_cells_and_names_a_known_problem():
    draft = ReleaseDraft.refused("no_data", "tidak ada korban", RULES)
    assert not draft.ok and draft.cells.empty and draft.digest == ""
    assert list(draft.cells.columns) == list(CELL_COLUMNS)
    with pytest.raises(ValueError):
        ReleaseDraft.refused("kosong", "?")


# --------------------------------------------------------------------------- release_drift
def extract(frame: pd.DataFrame, periode: str = "2023-12..2024-03", asal: str = "demo",
            rules: DisclosureRules = RULES, versi: int = 3) -> PublishedExtract:
    return PublishedExtract(ExtractInfo(versi, NOW, rules.threshold, rules.rounding_base, asal, periode), frame)


def draft(frame: pd.DataFrame, periode: str = "2023-12..2024-03", asal: str = "demo",
          rules: DisclosureRules = RULES) -> ReleaseDraft:
    return ReleaseDraft(frame, periode, asal, rules)


SHOWN_AGAIN = replaced(BASE, key("provinsi", "52"), "15")


@pytest.mark.parametrize(("latest", "fresh", "expected"), [
    pytest.param(None, draft(BASE),
                 dict(has_release=False, is_stale=False, can_publish=True, cells_differing=5, added=5),
                 id="no release yet"),
    pytest.param(None, ReleaseDraft.refused("no_data", "x", RULES),
                 dict(has_release=False, is_stale=False, can_publish=False, cells_differing=0),
                 id="no release and no data"),
    pytest.param(extract(BASE), draft(BASE), dict(has_release=True, is_stale=False, cells_differing=0,
                                                   period_changed=False), id="current"),
    pytest.param(extract(BASE), draft(SHOWN_AGAIN),
                 dict(is_stale=True, cells_differing=1, newly_shown=1, changed=0, newly_suppressed=0),
                 id="a cell shown"),
    pytest.param(extract(BASE), draft(replaced(BASE, key("provinsi", "35"), X)),
                 dict(is_stale=True, cells_differing=1, newly_suppressed=1), id="a cell suppressed"),
    pytest.param(extract(BASE), draft(BASE, periode="2023-12..2024-04"),
                 dict(is_stale=True, cells_differing=0, period_changed=True, data_period="2023-12..2024-04"),
                 id="the period only"),
    pytest.param(extract(BASE), draft(BASE, asal="impor"), dict(is_stale=True, origin_changed=True),
                 id="demo label no longer true"),
    pytest.param(extract(BASE), draft(BASE, rules=DisclosureRules(5, 5)), dict(is_stale=True, rules_changed=True),
                 id="other rules in force"),
    pytest.param(extract(BASE), ReleaseDraft.refused("no_data", "x", RULES),
                 dict(is_stale=True, can_publish=False, cells_differing=0, problem="no_data"),
                 id="data emptied under a release"),
    pytest.param(extract(BASE), ReleaseDraft.refused("unsafe", "tidak dapat dilindungi", RULES),
                 dict(is_stale=False, can_publish=False, problem="unsafe", detail="tidak dapat dilindungi"),
                 id="cannot be protected"),
])
def test_release_drift(latest, fresh, expected):
    drift = release_drift(latest, fresh, "rina" if latest is not None else None)
    for name, value in expected.items():
        assert getattr(drift, name) == value, name


def test_release_drift_names_the_release():
    drift = release_drift(extract(BASE, versi=7), draft(SHOWN_AGAIN), "rina")
    assert (drift.latest_version, drift.published_at, drift.published_by) == (7, NOW, "rina")
    assert drift.release_period == "2023-12..2024-03"
    assert release_drift(None, draft(BASE), "rina").published_by is None
