"""axe-core (WCAG 2.1 A and AA) on every page in both languages: no serious or critical violation (issue 25).

One signed-in admin_data tab (it reaches every page) visits each page once per language through the sidebar, so the
check costs one page load per page; axe-core comes from the npm registry at test time (conftest.axe_script)."""

from __future__ import annotations

import json

import pytest

from tests.browser import live
from tests.browser.conftest import Tab, pages_of, title_of

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("serious", "critical")
# The map iframes' own document (folium's viewport meta, Leaflet's focus) belongs to the map builders: axe runs on the
# page, which still checks the iframe element itself (its title).
RUN = """async (tags) => {
  const r = await axe.run({exclude: [['iframe']]}, {runOnly: {type: 'tag', values: tags}, iframes: false});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').slice(0, 200))}));
}"""


def violations(tab: Tab, axe_script) -> list[dict]:
    if not tab.page.evaluate("() => typeof window.axe !== 'undefined'"):
        tab.page.add_script_tag(path=str(axe_script))
    return [v for v in tab.page.evaluate(RUN, TAGS) if v["impact"] in SERIOUS]


def test_no_serious_axe_violation_on_any_page_in_either_language(fresh_tab: Tab, axe_script):
    tab = fresh_tab
    tab.role = "admin_data"
    tab.page.set_viewport_size({"width": 1366, "height": 768})
    live.login(tab.page, tab.base_url, "admin_data")
    found: dict[str, list] = {}
    for lang in ("id", "en"):
        if lang == "en":
            tab.page.locator('[data-testid="stSidebar"] [role="radiogroup"] label', has_text="English").click()
            live.wait_title(tab.page, title_of(pages_of("admin_data")[-1], "en"))  # the switch reruns the page shown
        for page_key in pages_of("admin_data"):
            tab.open(page_key, lang=lang)
            bad = violations(tab, axe_script)
            if bad:
                found[f"{lang}/{page_key}"] = bad
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)
