"""st.metric arrows on the pages: the direction in the metric proto follows the sign of the change shown."""

from __future__ import annotations

from streamlit.proto.Metric_pb2 import Metric as MetricProto

from tests.helpers import no_exception, open_page
from ui.frame import delta_arrow

EXPECTED = {"up": MetricProto.MetricDirection.UP, "down": MetricProto.MetricDirection.DOWN,
            "off": MetricProto.MetricDirection.NONE}


def test_executive_metrics_point_the_way_their_change_goes(app_env):
    """Every headline with a change: the arrow (metric proto direction) matches the sign shown."""
    at = open_page("ringkasan_eksekutif", role="pimpinan", state={"f_start": "2025-01", "f_end": "2025-07"})
    no_exception(at)
    with_change = [m for m in at.metric if m.proto.delta and m.proto.delta[0] in "+-−±"]  # not "31 sentra · 2 RPTC"
    assert with_change, "the period has a year before it, so changes are shown"
    signs = {delta_arrow(m.proto.delta) for m in with_change}
    assert "down" in signs, "this period must include a fall, or the test could not fail"
    for m in with_change:
        # An arrow claims a move: a change within chance ("relatif stabil") has none (issue 22).
        expected = "off" if "relatif stabil" in m.proto.delta else delta_arrow(m.proto.delta)
        assert m.proto.direction == EXPECTED[expected], (m.label, m.proto.delta)
        assert m.proto.color == MetricProto.MetricColor.GRAY, (m.label, "no good/bad colour for a count")
    assert any("relatif stabil" in m.proto.delta for m in with_change), "the test covers a stable change"
