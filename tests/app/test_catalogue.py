"""Every figure shown as a metric on any page is an indicator of the catalogue (domain/indicators.py), in both
languages: a new metric that bypasses the catalogue fails here."""

from __future__ import annotations

import re

import pytest

from domain.indicators import CATALOGUE, label_keys
from domain.taxonomy import INSTANSI
from strings import catalog
from tests.helpers import no_exception, open_page

PAGES = ["ringkasan_eksekutif", "peta_asal_korban", "kapasitas_sentra", "kesenjangan_sdm", "pemantauan_jarnas",
         "daftar_tindakan", "pencegahan", "ringkasan_publik", "glosarium", "kelola_data"]


def label_patterns(lang: str) -> dict[str, re.Pattern]:
    """Indicator key → a pattern of its label text(s); {agency} stands for an agency name, {km} for a number."""
    agencies = "|".join(re.escape(c.nama if lang == "id" else c.nama_en) for c in INSTANSI) + "|" + "|".join(
        re.escape(c.nama) for c in INSTANSI)
    out: dict[str, list[str]] = {}
    for label, key in label_keys().items():
        text = catalog()[label][lang]
        pattern = re.escape(text).replace(re.escape("{agency}"), f"(?:{agencies})").replace(re.escape("{km}"),
                                                                                            r"[\d.,]+")
        assert "\\{" not in pattern, f"unhandled placeholder in {label}"
        out.setdefault(key, []).append(pattern)
    return {key: re.compile("^(?:" + "|".join(p) + ")$") for key, p in out.items()}


def unknown_metrics(at, lang: str) -> list[str]:
    patterns = label_patterns(lang)
    return [m.label for m in at.metric if not any(p.match(m.label) for p in patterns.values())]


@pytest.mark.parametrize("page", PAGES)
def test_every_metric_is_a_catalogue_indicator(app_env, page):
    at = open_page(page)
    no_exception(at)
    assert not unknown_metrics(at, "id")


@pytest.mark.parametrize("page", ["ringkasan_eksekutif", "kapasitas_sentra", "kesenjangan_sdm", "daftar_tindakan"])
def test_every_metric_is_a_catalogue_indicator_in_english(app_env, page):
    at = open_page(page, state={"lang": "en"})
    no_exception(at)
    assert at.metric, "the page shows metrics"
    assert not unknown_metrics(at, "en")


def test_the_check_catches_a_metric_outside_the_catalogue():
    class Metric:
        def __init__(self, label):
            self.label = label

    class Run:
        metric = [Metric("Korban ditangani"), Metric("Korban hilang")]

    assert unknown_metrics(Run(), "id") == ["Korban hilang"]


def test_catalogue_entries_are_complete():
    strings = catalog()
    for ind in CATALOGUE.values():
        assert ind.label in strings and ind.definition in strings and f"unit.{ind.unit}" in strings, ind.key
        assert f"rule.period.{ind.period_rule}" in strings, ind.key
        assert ind.filters[0] == "periode", "every figure has a period"
