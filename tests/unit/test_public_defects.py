"""Issue 26, the four small defects of the public channels: who the prevention reach is credited to, what the
public "Pembaruan data" means, the English product name, (metadata.json listing every file: tests/db)."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from domain.disclosure import DisclosureRules
from domain.publication import (
    MONTHLY_COLUMNS, REACH_TABLE, ExtractInfo, PublishedExtract, build_extract, build_reach_cells,
)
from domain.taxonomy import MODUS
from strings import tr

RULES = DisclosureRules()
PROVINCES = ["11", "31", "35", "52"]
ROWS = [
    ("2024-01-01", "35", "kerja_paksa", "P", "dewasa", 40),
    ("2024-02-01", "52", "online_scam", "L", "dewasa", 30),
    ("2023-12-01", "35", "kerja_paksa", "P", "dewasa", 25),
]
PUBLISHED_AT = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.timezone.utc)


def _extract(with_reach: bool = True) -> PublishedExtract:
    cells = build_extract(pd.DataFrame(ROWS, columns=list(MONTHLY_COLUMNS)), PROVINCES, [m.kode for m in MODUS],
                          RULES)
    if with_reach:
        reach = build_reach_cells(pd.DataFrame({"kode": ["11", "35"], "peserta": [500, 400]}), PROVINCES, RULES)
        cells = pd.concat([cells, reach], ignore_index=True)
    info = ExtractInfo(3, PUBLISHED_AT, RULES.threshold, RULES.rounding_base, "demo", "2023-12..2024-03")
    return PublishedExtract(info, cells)


def _section(page: str, section_id: str) -> str:
    part = page[page.index(f'<section id="{section_id}"'):]
    return part[:part.index("</section>")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_prevention_reach_is_credited_to_the_agencies_that_report_it(lang):
    """The reach counts are BP3MI, Dinas Sosial, Disnaker and Jarnas activity reports, not Kemensos services."""
    from exports.public_site import render_page

    page = render_page(_extract(), {}, None, lang)
    reach = _section(page, "pencegahan")
    assert "Kemensos" not in reach
    assert tr("pcg.source.activities", lang) in reach
    assert "Kemensos" in _section(page, "provinsi")  # the victim tables keep their own source


def test_datapackage_names_the_reach_tables_own_source():
    from exports.open_data import datapackage, open_tables

    extract = _extract()
    package = datapackage(extract, open_tables(extract, {}))
    reach = next(r for r in package["resources"] if r["name"] == REACH_TABLE)
    assert [s["title"] for s in reach["sources"]] == [tr("pcg.source.activities")]
    provinces = next(r for r in package["resources"] if r["name"] == "provinsi")
    assert "Kemensos" in provinces["sources"][0]["title"]
    assert {s["title"] for s in package["sources"]} >= {tr("pcg.source.activities")}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_public_update_line_is_the_datas_last_month_not_the_publish_time(lang):
    """"Pembaruan data" told the publish time; the reader needs how recent the data are (the last month covered)."""
    from domain.formatting import fmt_date, fmt_month
    from exports.public_site import render_page

    page = render_page(_extract(), {}, None, lang)
    footer = page[page.index("<footer>"):]
    updated = re.search(r"(Pembaruan data|Data last updated|Data updated): ([^<]*)</p>", footer)
    assert updated, footer
    assert fmt_month(dt.date(2024, 3, 1), lang) in updated.group(2)
    assert fmt_date(PUBLISHED_AT, lang) not in updated.group(2)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_product_name_is_the_apps_on_the_site_and_in_the_package(lang):
    from exports.open_data import datapackage, open_tables

    name = tr("app.title", lang)
    assert name in tr("site.title", lang)
    assert name in tr("open.package_title", lang)
    extract = _extract()
    package = datapackage(extract, open_tables(extract, {}))
    assert tr("app.title", "id") in package["title"]
