"""No stale content after a filter change (issue 12): with figures and maps cached per input, changing a filter must
still change every map, every chart and the data tables on the page, and going back must show the first content."""

from __future__ import annotations

import json

import pytest

from tests.helpers import no_exception, open_page
from ui.cached import strip_ids


def _content(at) -> dict[str, list[str]]:
    maps = []
    for el in at.get("component_instance"):
        args = json.loads(el.proto.json_args)
        maps.append(strip_ids(args["script"]))
    charts = [el.proto.spec for el in at.get("plotly_chart")]
    tables = [df.value.to_csv() for df in at.dataframe]
    return {"maps": maps, "charts": charts, "tables": tables}


# page → the tables (by position) that hold case figures under the filters
PAGES = {
    "peta_asal_korban": {"min_maps": 3, "min_charts": 1, "tables": (0, 1)},
    "ringkasan_eksekutif": {"min_maps": 1, "min_charts": 2, "tables": None},
}


@pytest.mark.parametrize("page", PAGES)
def test_a_filter_change_changes_every_map_chart_and_table(app_env, page):
    spec = PAGES[page]
    at = open_page(page)
    no_exception(at)
    before = _content(at)
    assert len(before["maps"]) >= spec["min_maps"] and len(before["charts"]) >= spec["min_charts"]
    at.run()  # a warm rerun (everything from the caches) shows the same content
    assert _content(at) == before

    at.multiselect(key="w_modus").set_value(["online_scam"]).run()
    no_exception(at)
    after = _content(at)
    assert len(after["maps"]) == len(before["maps"]) and len(after["charts"]) == len(before["charts"])
    for i, (old, new) in enumerate(zip(before["maps"], after["maps"])):
        assert old != new, f"map {i} did not change with the filter"
    for i, (old, new) in enumerate(zip(before["charts"], after["charts"])):
        assert old != new, f"chart {i} did not change with the filter"
    tables = spec["tables"] if spec["tables"] is not None else range(len(before["tables"]))
    changed = [i for i in tables if i < len(after["tables"]) and before["tables"][i] != after["tables"][i]]
    assert changed, "no table changed with the filter"
    if spec["tables"] is not None:
        assert changed == list(spec["tables"])

    at.multiselect(key="w_modus").set_value([]).run()
    assert _content(at) == before  # back to the first state: the first content, not the filtered one
