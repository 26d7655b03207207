"""`manage.py boundaries` converts a boundary file into the simplified form the maps read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.boundaries import convert
from cli.common import UserError
from tests.conftest import SHARED

GEO = SHARED / "geo"
pytestmark = pytest.mark.skipif(not GEO.is_dir(), reason="../shared/geo is not beside the checkout")


def test_converts_provinces_with_codes_checked(tmp_path: Path):
    result = convert(GEO / "provinces.geojson", "provinsi", tmp_path, "kode", "nama", 0.01)
    data = json.loads(Path(result["path"]).read_text())
    assert result["features"] == 38 and result["missing"] == []
    assert {f["properties"]["kode"] for f in data["features"]} >= {"11", "52", "96"}
    assert result["bytes"] < (GEO / "provinces.geojson").stat().st_size  # a coarser tolerance is smaller


@pytest.mark.slow
def test_regency_codes_keep_the_dotted_form(tmp_path: Path):
    result = convert(GEO / "regencies.geojson", "kabupaten_kota", tmp_path, "kode", "nama", 0.005)
    props = json.loads(Path(result["path"]).read_text())["features"][0]["properties"]
    assert props["kode"] == "11.01" and props["kode_prov"] == "11"


@pytest.mark.parametrize(
    ("kode_field", "message"),
    [("kode_bps", "Kolom 'kode_bps' tidak ada"), ("nama", "tidak berbentuk kode provinsi")],
)
def test_bad_input_is_refused_in_indonesian(tmp_path: Path, kode_field, message):
    with pytest.raises(UserError, match=message):
        convert(GEO / "provinces.geojson", "provinsi", tmp_path, kode_field, "nama", 0.01)
    assert not (tmp_path / "provinces.geojson").exists()


def test_unreadable_file(tmp_path: Path):
    bad = tmp_path / "rusak.geojson"
    bad.write_bytes(b"\x00\x01 bukan geojson")
    with pytest.raises(UserError, match="tidak dapat dibaca"):
        convert(bad, "provinsi", tmp_path / "out", "kode", "nama", 0.01)
