"""Import validation per data kind: parse text cells, check codes, ranges and keys (pandera), flag implausible values.

Pure: the reference code lists come in as a ReferenceSets; every problem names its spreadsheet row (header = row 1)
and column, in Indonesian. Errors block an import; warnings (peringatan) are shown and do not.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from domain.filters import parse_month
from domain.formatting import fmt_int, fmt_month
from domain.taxonomy import (
    INSTANSI, INSTANSI_PENCEGAHAN, JENIS_KELAMIN, JENIS_PENCEGAHAN, KELOMPOK_UMUR, MODUS, PERAN_SDM, TAHAP, TIPE_UNIT,
    TOPIK_PELATIHAN,
)

if TYPE_CHECKING:  # pandera costs ~0.6 s to import; every manage.py command imports this module for the kind names
    import pandera.pandas as pa

ERROR = "galat"
WARNING = "peringatan"
EARLIEST = dt.date(2000, 1, 1)
# A month whose total is this many times the usual monthly total gets a warning (a typo, or a cumulative file).
SPIKE_FACTOR = 10.0
# Indonesia's bounding box with a margin: coordinates outside it put a unit in the sea or abroad.
LAT_RANGE = (-11.5, 6.5)
LON_RANGE = (94.0, 141.5)
# Formula-injection prefixes (OWASP); '-' is left out because "-" is a common "none" note in Indonesian tables.
_FORMULA_START = ("=", "+", "@", "\t", "\r")
# Characters a spreadsheet skips before deciding that a line is a formula (BOM, zero-width, no-break space).
_INVISIBLE = " \t\ufeff\u200b\u200c\u200d\u2060\u00a0"
# The most persons one cell of a monthly count may hold. The largest demo cell is 3 and the largest occupancy 225;
# 100,000 is far beyond any unit or month, yet keeps every sum inside a 64-bit integer (summary, publish).
MAX_COUNT = 100_000
# Indonesia has about 282 million people; a region cannot hold more.
MAX_POPULATION = 400_000_000
# A count cell this many times the largest cell stored so far gets a warning (a typo, or a cumulative figure).
CELL_SPIKE_FACTOR = 10.0
MAX_CELL_WARNINGS = 20  # a file of another granularity would otherwise list thousands of cells
# Extra columns a sender may add that restate the province the file already gives by its region code.
PROVINCE_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "kasus": ("kode_asal", ("kode_prov_asal", "prov_asal", "provinsi_asal", "kode_provinsi_asal", "provinsi",
                            "kode_provinsi", "kode_prov", "prov", "nama_provinsi")),
    "unit_layanan": ("kode_wilayah", ("kode_prov", "provinsi", "kode_provinsi", "prov", "nama_provinsi")),
}


@dataclass(frozen=True)
class Problem:
    """One finding. row is the spreadsheet row (header = 1), None for the whole file."""

    row: int | None
    column: str | None
    message: str
    level: str = ERROR

    def describe(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"Baris {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        tag = "Peringatan: " if self.level == WARNING else ""
        return f"{', '.join(where)}: {tag}{self.message}" if where else f"{tag}{self.message}"


@dataclass(frozen=True)
class Col:
    """One column of an import format."""

    name: str
    type: str  # text | code | region | int | float | month | quarter | year | bool
    required: bool = True
    codes: str | None = None  # a fixed list in FIXED_CODES or a ReferenceSets attribute
    max_len: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class KindSpec:
    kind: str
    table: str
    label: str
    columns: tuple[Col, ...]
    key: tuple[str, ...]
    measure: str | None = None  # summed per month for the spike warning
    period: str | None = None  # the month column

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def col(self, name: str) -> Col:
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class ReferenceSets:
    """Code lists from the database; mappings go from code to display name (used for name matching)."""

    regions: Mapping[str, str]
    countries: Mapping[str, str]
    units: Mapping[str, str]
    modus: frozenset[str]
    tahap: frozenset[str]
    instansi: frozenset[str]
    peran: frozenset[str]
    today: dt.date
    usual_monthly: Mapping[str, float] = field(default_factory=dict)  # kind → median monthly total in the database
    usual_cell: Mapping[str, float] = field(default_factory=dict)  # kind → largest single cell in the database

    @property
    def provinces(self) -> frozenset[str]:
        return frozenset(k for k in self.regions if "." not in k)


@dataclass
class Validated:
    kind: str
    frame: pd.DataFrame  # typed rows with derived columns; index = spreadsheet row numbers
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


FIXED_CODES: dict[str, tuple[str, ...]] = {
    "jenis_kelamin": tuple(JENIS_KELAMIN),
    "kelompok_umur": tuple(KELOMPOK_UMUR),
    "tipe_unit": tuple(TIPE_UNIT),
    "jenis_kegiatan": ("service", "support", "individual"),
    "pemicu": ("penerimaan", "pemulangan", "hari_rawat"),
    "metode": ("resmi", "turunan"),
    "topik_pelatihan": tuple(c.kode for c in TOPIK_PELATIHAN),
    "instansi_pencegahan": tuple(c.kode for c in INSTANSI_PENCEGAHAN),
    "jenis_pencegahan": tuple(c.kode for c in JENIS_PENCEGAHAN),
}
# Display names accepted in place of a code (case-insensitive), e.g. "Perempuan" for P.
_ALIASES: dict[str, dict[str, str]] = {
    "jenis_kelamin": {**{v.lower(): k for k, v in JENIS_KELAMIN.items()}, "laki laki": "L", "pria": "L",
                      "wanita": "P"},
    "kelompok_umur": {v.lower(): k for k, v in KELOMPOK_UMUR.items()},
    "tipe_unit": {v.lower(): k for k, v in TIPE_UNIT.items()},
    "modus": {c.nama.lower(): c.kode for c in MODUS},
    "tahap": {c.nama.lower(): c.kode for c in TAHAP},
    "instansi": {c.nama.lower(): c.kode for c in INSTANSI},
    "peran": {c.nama.lower(): c.kode for c in PERAN_SDM},
    "topik_pelatihan": {c.nama.lower(): c.kode for c in TOPIK_PELATIHAN},
    "instansi_pencegahan": {c.nama.lower(): c.kode for c in INSTANSI_PENCEGAHAN},
    "jenis_pencegahan": {**{c.nama.lower(): c.kode for c in JENIS_PENCEGAHAN}, "sosialisasi/edukasi": "sosialisasi",
                         "edukasi": "sosialisasi", "layanan informasi migrasi aman": "layanan_informasi"},
}

_MONTH_HELP = "bulan, TTTT-BB (mis. 2024-01)"
_QUARTER_HELP = "kuartal, TTTT-Kn (mis. 2024-Q1) atau bulan pertama kuartal (2024-01, -04, -07, -10)"
_COUNT = dict(type="int", minimum=0, maximum=MAX_COUNT)

KINDS: dict[str, KindSpec] = {
    "kasus": KindSpec(
        "kasus", "kasus", "Korban per bulan (kasus)",
        (
            Col("bulan", "month", help=_MONTH_HELP, example="2024-01"),
            Col("kode_asal", "region", help="kode wilayah asal Kemendagri (kab/kota 52.03, atau provinsi 52 bila "
                "kab/kota tidak diketahui); nama wilayah juga diterima", example="52.03"),
            Col("kode_tujuan", "code", codes="tujuan", help="negara tujuan ISO3 (MYS) atau kode provinsi tujuan "
                "dalam negeri (31)", example="MYS"),
            Col("modus", "code", codes="modus", help="kode modus", example="kerja_paksa"),
            Col("jenis_kelamin", "code", codes="jenis_kelamin", help="L atau P", example="P"),
            Col("kelompok_umur", "code", codes="kelompok_umur", help="anak (<18) atau dewasa", example="dewasa"),
            Col("tahap", "code", codes="tahap", help="tahap penanganan; korban dihitung di tahap asesmen",
                example="asesmen"),
            Col("kode_unit", "code", required=False, codes="units", max_len=12,
                help="kode sentra/RPTC; kosongkan bila tidak ditangani unit", example="SEN-01"),
            Col("instansi", "code", codes="instansi", help="instansi pelapor", example="KEMENSOS"),
            Col("jumlah", help="jumlah korban (orang), bilangan bulat ≥ 0", example="12", **_COUNT),
        ),
        key=("bulan", "kode_asal", "kode_tujuan", "modus", "jenis_kelamin", "kelompok_umur", "tahap", "kode_unit",
             "instansi"),
        measure="jumlah", period="bulan",
    ),
    "okupansi": KindSpec(
        "okupansi", "okupansi", "Okupansi bulanan sentra dan RPTC",
        (
            Col("bulan", "month", help=_MONTH_HELP, example="2024-01"),
            Col("kode_unit", "code", codes="units", max_len=12, help="kode sentra/RPTC", example="SEN-01"),
            Col("kapasitas", help="kapasitas tempat tidur", example="50", **_COUNT),
            Col("penghuni", help="rata-rata penghuni bulan itu (orang)", example="46", **_COUNT),
            Col("penghuni_tppo", help="penghuni yang korban TPPO (≤ penghuni)", example="10", **_COUNT),
            Col("penerimaan", help="penerimaan baru bulan itu (orang)", example="12", **_COUNT),
            Col("pemulangan", help="pemulangan/terminasi bulan itu (orang)", example="9", **_COUNT),
        ),
        key=("bulan", "kode_unit"), measure="penerimaan", period="bulan",
    ),
    "staf": KindSpec(
        "staf", "staf", "Formasi SDM per kuartal",
        (
            Col("kuartal", "quarter", help=_QUARTER_HELP, example="2024-Q1"),
            Col("kode_unit", "code", codes="units", max_len=12, help="kode sentra/RPTC", example="SEN-01"),
            Col("peran", "code", codes="peran", help="peran SDM", example="pekerja_sosial"),
            Col("terisi", help="formasi terisi (orang)", example="4", **_COUNT),
            Col("bersertifikat", help="yang bersertifikat kompetensi (≤ terisi)", example="2", **_COUNT),
            Col("lowongan", help="formasi kosong (orang)", example="1", **_COUNT),
        ),
        key=("kuartal", "kode_unit", "peran"),
    ),
    "unit_layanan": KindSpec(
        "unit_layanan", "unit_layanan", "Daftar sentra dan RPTC",
        (
            Col("kode_unit", "text", max_len=12, help="kode unit, unik", example="SEN-01"),
            Col("nama", "text", max_len=120, help="nama resmi unit", example="Sentra Terpadu Contoh"),
            Col("tipe", "code", codes="tipe_unit", help="sentra, sentra_terpadu atau rptc", example="sentra"),
            Col("kode_wilayah", "region", help="kode kab/kota Kemendagri lokasi unit (nama juga diterima)",
                example="35.08"),
            Col("lat", "float", minimum=LAT_RANGE[0], maximum=LAT_RANGE[1], help="lintang (derajat desimal)",
                example="-8.13"),
            Col("lon", "float", minimum=LON_RANGE[0], maximum=LON_RANGE[1], help="bujur (derajat desimal)",
                example="113.22"),
            Col("kapasitas", help="kapasitas tempat tidur", example="50", **_COUNT),
            Col("melayani_tppo", "bool", help="ya atau tidak", example="ya"),
            Col("aktif", "bool", help="ya atau tidak (tidak = unit ditutup)", example="ya"),
            Col("presisi_koordinat", "text", required=False, help="ketelitian koordinat", example="alamat"),
            Col("sasaran", "text", required=False, help="kelompok sasaran", example="korban TPPO"),
            Col("status_verifikasi", "text", required=False, help="status verifikasi data unit", example=""),
            Col("catatan", "text", required=False, help="catatan", example=""),
        ),
        key=("kode_unit",),
    ),
    "standar": KindSpec(
        "standar", "standar_beban_kerja", "Standar beban kerja WISN",
        (
            Col("peran", "code", codes="peran", help="peran SDM", example="pekerja_sosial"),
            Col("aktivitas", "text", max_len=120, help="nama kegiatan", example="Asesmen psikososial awal"),
            Col("jenis", "code", codes="jenis_kegiatan", help="service, support atau individual", example="service"),
            Col("menit_per_unit", "float", required=False, minimum=0,
                help="service: menit per kegiatan (wajib untuk service)", example="120"),
            Col("pemicu", "code", required=False, codes="pemicu",
                help="service: penerimaan, pemulangan atau hari_rawat", example="penerimaan"),
            Col("frekuensi", "float", required=False, minimum=0, help="service: kegiatan per satuan pemicu",
                example="1"),
            Col("persen_waktu", "float", required=False, minimum=0, maximum=100,
                help="support: persen waktu kerja (0–100)", example=""),
            Col("jam_per_tahun", "float", required=False, minimum=0, help="individual: jam per tahun", example=""),
            Col("staf_melakukan", "float", required=False, minimum=0, help="individual: jumlah staf yang melakukan",
                example=""),
            Col("sumber", "text", help="dasar standar (SK, pedoman, studi waktu)", example="SK Dirjen Rehsos 2025"),
        ),
        key=("peran", "aktivitas"),
    ),
    "waktu_kerja": KindSpec(
        "waktu_kerja", "waktu_kerja", "Waktu kerja tersedia WISN",
        (
            Col("peran", "code", codes="peran", help="peran SDM", example="pekerja_sosial"),
            Col("hari_kerja", "float", minimum=0, maximum=366, help="hari kerja setahun", example="261"),
            Col("libur_nasional", "float", minimum=0, maximum=366, help="hari libur nasional dan cuti bersama",
                example="17"),
            Col("cuti_tahunan", "float", minimum=0, maximum=366, help="hari cuti tahunan", example="12"),
            Col("cuti_sakit", "float", minimum=0, maximum=366, help="hari sakit", example="5"),
            Col("cuti_lain", "float", minimum=0, maximum=366, help="hari pelatihan, dinas, dll.", example="5"),
            Col("jam_per_hari", "float", minimum=0, maximum=24, help="jam kerja per hari", example="7.5"),
            Col("sumber", "text", help="dasar angka", example="PP 11/2017; kalender SKB 3 Menteri"),
        ),
        key=("peran",),
    ),
    "populasi": KindSpec(
        "populasi", "populasi", "Penduduk per wilayah",
        (
            Col("kode_wilayah", "region", help="kode wilayah Kemendagri (provinsi atau kab/kota; nama juga diterima)",
                example="52"),
            Col("tahun", "year", help="tahun data", example="2024"),
            Col("jumlah", "int", minimum=1, maximum=MAX_POPULATION, help="jumlah penduduk (orang), > 0",
                example="5646000"),
            Col("sumber", "text", help="sumber angka (BPS, Dukcapil)", example="BPS 2024"),
            Col("metode", "code", required=False, codes="metode",
                help="resmi (angka terbit) atau turunan (dihitung); kosong = resmi", example="resmi"),
        ),
        key=("kode_wilayah", "tahun"),
    ),
    "pelatihan": KindSpec(
        "pelatihan", "pelatihan", "Pelatihan SDM per bulan",
        (
            Col("bulan", "month", help=_MONTH_HELP, example="2024-01"),
            Col("kode_unit", "code", codes="units", max_len=12, help="kode sentra/RPTC tempat peserta bertugas",
                example="SEN-01"),
            Col("peran", "code", codes="peran", help="peran SDM peserta", example="pekerja_sosial"),
            Col("topik", "code", codes="topik_pelatihan", help="topik pelatihan", example="identifikasi_korban"),
            Col("jumlah", help="jumlah orang yang selesai dilatih bulan itu (orang)", example="3", **_COUNT),
        ),
        key=("bulan", "kode_unit", "peran", "topik"), measure="jumlah", period="bulan",
    ),
    # Prevention (issue 15): aggregated counts per month and area, never a row per participant or per traveller.
    "kegiatan_pencegahan": KindSpec(
        "kegiatan_pencegahan", "kegiatan_pencegahan", "Kegiatan pencegahan TPPO per bulan",
        (
            Col("bulan", "month", help=_MONTH_HELP, example="2024-01"),
            Col("kode_wilayah", "region", help="kode kab/kota Kemendagri tempat kegiatan (atau kode provinsi bila "
                "kegiatan tingkat provinsi); nama wilayah juga diterima", example="52.03"),
            Col("instansi", "code", codes="instansi_pencegahan", help="instansi penyelenggara", example="BP3MI"),
            Col("jenis", "code", codes="jenis_pencegahan", help="jenis kegiatan: sosialisasi, pelatihan_aparat_desa, "
                "layanan_informasi atau lainnya", example="sosialisasi"),
            Col("kegiatan", help="jumlah kegiatan pada bulan itu, bilangan bulat ≥ 0", example="3", **_COUNT),
            Col("peserta", help="jumlah peserta/penerima layanan (orang), bilangan bulat ≥ 0", example="150",
                **_COUNT),
        ),
        key=("bulan", "kode_wilayah", "instansi", "jenis"), measure="peserta", period="bulan",
    ),
    "pencegahan_keberangkatan": KindSpec(
        "pencegahan_keberangkatan", "pencegahan_keberangkatan", "Pencegahan keberangkatan PMI nonprosedural",
        (
            Col("bulan", "month", help=_MONTH_HELP, example="2024-01"),
            Col("kode_provinsi", "region", help="kode provinsi tempat keberangkatan dicegah (bandara, pelabuhan, "
                "pos lintas batas), bukan asal calon PMI; nama provinsi juga diterima", example="36"),
            Col("instansi", "code", codes="instansi_pencegahan", help="instansi yang mencegah", example="IMIGRASI"),
            Col("jumlah", help="jumlah calon PMI yang dicegah berangkat (orang), bilangan bulat ≥ 0", example="212",
                **_COUNT),
        ),
        key=("bulan", "kode_provinsi", "instansi"), measure="jumlah", period="bulan",
    ),
    "penempatan_pmi": KindSpec(
        "penempatan_pmi", "penempatan_pmi", "Penempatan PMI (BP2MI) per tahun atau bulan",
        (
            Col("tahun", "year", help="tahun penempatan", example="2023"),
            Col("bulan", "int", required=False, minimum=1, maximum=12,
                help="bulan 1–12; kosongkan bila angkanya untuk setahun penuh", example=""),
            Col("kode_wilayah", "region", help="kode daerah asal PMI: kab/kota bila diketahui, atau provinsi "
                "(baris provinsi = PMI yang kab/kotanya tidak diketahui); nama wilayah juga diterima", example="52"),
            Col("jumlah", help="jumlah PMI ditempatkan (orang), bilangan bulat ≥ 0", example="33949", **_COUNT),
        ),
        key=("tahun", "bulan", "kode_wilayah"),
    ),
}
KIND_ALIASES = {"unit": "unit_layanan", "standar_beban_kerja": "standar"}
NUMERIC_TYPES = frozenset({"int", "float"})


def resolve_kind(kind: str) -> KindSpec:
    name = KIND_ALIASES.get(kind.strip().lower(), kind.strip().lower())
    if name not in KINDS:
        raise ValueError(f"Jenis data '{kind}' tidak dikenal; pilih salah satu: {', '.join(KINDS)}.")
    return KINDS[name]


def numeric_columns(kind: str) -> frozenset[str]:
    return frozenset(c.name for c in resolve_kind(kind).columns if c.type in NUMERIC_TYPES)


def allowed_codes(col: Col, refs: ReferenceSets) -> list[str]:
    """The codes a column accepts, in a stable order."""
    if col.codes in FIXED_CODES:
        return list(FIXED_CODES[col.codes])
    if col.codes == "tujuan":
        return sorted(refs.countries) + sorted(refs.provinces)
    if col.codes in ("units", "countries"):
        return sorted(getattr(refs, col.codes))
    return sorted(getattr(refs, col.codes or ""))


# ---------------------------------------------------------------- cell parsers: text → value, or a message
_INT = re.compile(r"[+-]?[0-9]+(\.0+)?")
_FLOAT = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
_DOT_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(\.[0-9]{3})+")
_TRUE = {"ya", "y", "true", "benar", "1", "aktif"}
_FALSE = {"tidak", "t", "n", "no", "false", "salah", "0", "nonaktif"}


class CellError(ValueError):
    """A cell that cannot be read as its column's type; the message is for the user."""


def parse_int(text: str) -> int:
    if _DOT_GROUPED.fullmatch(text):
        whole = text.replace(".", "")
        raise CellError(f"Angka '{text}' ambigu: titik di sini tampaknya pemisah ribuan ({whole}), padahal jumlah "
                        f"orang selalu bilangan bulat. Tulis {whole} tanpa pemisah ribuan.")
    if not _INT.fullmatch(text):
        if _FLOAT.fullmatch(text):
            raise CellError(f"'{text}' bukan bilangan bulat; jumlah orang tidak boleh pecahan.")
        raise CellError(f"'{text}' bukan angka.")
    return int(float(text)) if "." in text else int(text)


def parse_float(text: str) -> float:
    if not _FLOAT.fullmatch(text):
        raise CellError(f"'{text}' bukan angka.")
    value = float(text)
    if not math.isfinite(value):
        raise CellError(f"'{text}' bukan angka.")
    return value


def parse_quarter(text: str) -> dt.date:
    """First day of the quarter: 2024-Q1, 2024Q1, Q1 2024, K1-2024, or the quarter's first month (2024-04)."""
    s = text.strip().upper().replace(" ", "")
    m = re.fullmatch(r"(\d{4})-?[QK]([1-4])", s) or re.fullmatch(r"[QK]([1-4])[-/]?(\d{4})", s)
    if m:
        year, q = (int(m.group(1)), int(m.group(2))) if len(m.group(1)) == 4 else (int(m.group(2)), int(m.group(1)))
        return dt.date(year, 3 * (q - 1) + 1, 1)
    try:
        month = parse_month(text)
    except ValueError:
        raise CellError(f"'{text}' bukan kuartal yang dikenali; tulis TTTT-Qn, mis. 2024-Q1.") from None
    if month.month not in (1, 4, 7, 10):
        raise CellError(f"'{text}' bukan awal kuartal; tulis TTTT-Qn, mis. 2024-Q1.")
    return month


def parse_bool(text: str) -> bool:
    s = text.strip().lower()
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise CellError(f"'{text}' bukan ya/tidak.")


def quarter_label(value: dt.date) -> str:
    return f"{value.year}-Q{(value.month - 1) // 3 + 1}"


_REGION_WORDS = (
    (r"\bkab\b\.?", "kabupaten "), (r"\bkota adm\b\.?", "kota administrasi "), (r"\bprov\b\.?", "provinsi "),
    (r"\bkep\b\.?", "kepulauan "),
)


def _region_key(name: str) -> str:
    s = name.lower().replace(".", ". ")
    for pattern, repl in _REGION_WORDS:
        s = re.sub(pattern, repl, s)
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _bare(key: str) -> str:
    return re.sub(r"^(kabupaten|kota administrasi|kota|provinsi) ", "", key)


@dataclass(frozen=True)
class RegionIndex:
    """Kemendagri codes and names, for matching what people type ("Kab. Lombok Timur") to a code."""

    codes: frozenset[str]
    by_name: dict[str, tuple[str, ...]]
    by_bare: dict[str, tuple[str, ...]]
    names: dict[str, str]

    @classmethod
    def build(cls, regions: Mapping[str, str]) -> RegionIndex:
        by_name: dict[str, list[str]] = {}
        by_bare: dict[str, list[str]] = {}
        for kode, nama in regions.items():
            key = _region_key(nama)
            by_name.setdefault(key, []).append(kode)
            by_bare.setdefault(_bare(key), []).append(kode)
        return cls(frozenset(regions), {k: tuple(v) for k, v in by_name.items()},
                   {k: tuple(v) for k, v in by_bare.items()}, dict(regions))

    def resolve(self, text: str) -> str:
        s = text.strip()
        if re.fullmatch(r"\d{2}(\.\d{1,2})?", s):
            # Excel turns 35.10 into 35.1; the Kemendagri format has two digits on each side.
            code = s if "." not in s else f"{s[:2]}.{s[3:].ljust(2, '0')}"
            if code in self.codes:
                return code
            raise CellError(f"Kode wilayah '{s}' tidak ada dalam daftar Kemendagri.")
        key = _region_key(s)
        for table, lookup in ((self.by_name, key), (self.by_bare, _bare(key))):
            found = table.get(lookup, ())
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                options = ", ".join(f"{c} ({self.names[c]})" for c in sorted(found))
                raise CellError(f"Nama wilayah '{s}' cocok dengan lebih dari satu wilayah: {options}; tulis kodenya.")
        close = [c for name in difflib.get_close_matches(key, list(self.by_name), n=3, cutoff=0.8)
                 for c in self.by_name[name]]
        close += [c for name in difflib.get_close_matches(_bare(key), list(self.by_bare), n=3, cutoff=0.8)
                  for c in self.by_bare[name] if c not in close]
        hint = ""
        if close:
            hint = " Mungkin maksudnya: " + ", ".join(f"{c} ({self.names[c]})" for c in close[:4]) + "?"
        raise CellError(f"Wilayah '{s}' tidak ditemukan dalam daftar Kemendagri.{hint}")


def _canonical_code(text: str, allowed: list[str], aliases: Mapping[str, str]) -> str:
    """The allowed code matching text case-insensitively (or by display name); text itself otherwise."""
    if text in allowed:
        return text
    folded = {a.lower(): a for a in allowed}
    low = text.lower()
    return folded.get(low) or folded.get(low.replace(" ", "_")) or aliases.get(low) or text


def _is_formula(text: str) -> bool:
    """A spreadsheet formula at the start of the cell or of any line in it, behind invisible characters too."""
    if text.startswith(_FORMULA_START):
        return True
    return any(line.lstrip(_INVISIBLE).startswith(_FORMULA_START[:3]) for line in re.split(r"[\r\n]+", text))


def _non_ascii_digit(text: str) -> bool:
    # int() and \d accept full-width "１２" and Arabic-Indic digits; a count typed that way is not trusted.
    return any(ch.isdigit() and not ch.isascii() for ch in text)


def _bound_message(value: object, minimum: float | None, maximum: float | None) -> str | None:
    if maximum is not None and value > maximum:
        shown = fmt_int(value) if isinstance(value, int) and len(str(value)) <= 30 else f"{str(value)[:30]}…"
        return f"Nilai {shown} terlalu besar; maksimal {_bound_text(maximum)} per sel."
    if minimum is not None and value < minimum:
        if minimum == 0:
            return f"Nilai {value if len(str(value)) <= 30 else str(value)[:30] + '…'} negatif; harus 0 atau lebih."
        return f"Nilai terlalu kecil; minimal {_bound_text(minimum)}."
    return None


def _bound_text(bound: float) -> str:
    return fmt_int(bound) if float(bound).is_integer() else f"{bound:g}"


# ---------------------------------------------------------------- validation
def _header_problems(spec: KindSpec, table: pd.DataFrame) -> list[Problem]:
    names = list(table.columns)
    problems = []
    seen = set()
    for name in names:
        if name in seen:
            problems.append(Problem(1, name, "Nama kolom muncul dua kali; hapus salah satunya."))
        seen.add(name)
    missing = [c.name for c in spec.columns if c.required and c.name not in names]
    for name in missing:
        close = difflib.get_close_matches(name, [n for n in names if n not in spec.names], n=1, cutoff=0.75)
        hint = f" Kolom '{close[0]}' mirip: periksa ejaannya." if close else ""
        problems.append(Problem(1, name, f"Kolom wajib '{name}' tidak ada.{hint}"))
    if missing:
        expected = set(spec.names)
        for i, (row_number, values) in enumerate(table.iterrows()):
            if i >= 10:
                break
            cells = {str(v).strip().lower() for v in values}
            if expected & cells and {c.name for c in spec.columns if c.required} <= cells | set(names):
                problems.append(Problem(None, None, f"Nama kolom tampaknya ada di baris {row_number}, bukan baris 1; "
                                                    "hapus baris judul/keterangan di atasnya."))
                break
        problems.append(Problem(None, None, f"Berkas ini tidak sesuai templat '{spec.kind}'. Kolom yang diharapkan: "
                                            f"{', '.join(spec.names)}. Unduh templat dari halaman Kelola Data atau "
                                            f"'manage.py template {spec.kind}'."))
    return problems


def _parse_cells(spec: KindSpec, table: pd.DataFrame, refs: ReferenceSets,
                 regions: RegionIndex) -> tuple[pd.DataFrame, list[Problem], set[tuple[int, str]]]:
    """Typed columns (None where empty or unreadable), problems, and the cells already reported.

    Each distinct cell text is parsed once: a 20,000-row case file has only a few hundred distinct values."""
    problems: list[Problem] = []
    reported: set[tuple[int, str]] = set()
    frame = pd.DataFrame(index=table.index)
    for col in spec.columns:
        source = table[col.name] if col.name in table.columns else pd.Series("", index=table.index, dtype=object)
        allowed = allowed_codes(col, refs) if col.type == "code" else []
        aliases = _ALIASES.get(col.codes or "", {})
        if col.codes == "tujuan":
            aliases = {v.lower(): k for k, v in refs.countries.items()}
        parsed: dict[object, object] = {}
        for raw in source.unique():
            parsed[raw] = _parse_cell(col, raw, allowed, aliases, regions)
        values = source.map(parsed)
        for row, outcome in values.items():
            if isinstance(outcome, CellError):
                problems.append(Problem(row, col.name, str(outcome)))
                reported.add((row, col.name))
        typed = [None if isinstance(v, CellError) else v for v in values.tolist()]
        if col.type == "int":
            frame[col.name] = pd.array(typed, dtype="Int64")
        elif col.type == "float":
            frame[col.name] = pd.array(typed, dtype="Float64")
        else:
            frame[col.name] = pd.Series(typed, index=table.index, dtype=object)
    return frame, problems, reported


_EMPTY_REQUIRED = CellError("Sel wajib diisi tetapi kosong.")


def _parse_cell(col: Col, raw: object, allowed: list[str], aliases: Mapping[str, str],
                regions: RegionIndex) -> object:
    """The typed value, None for an empty optional cell, or a CellError."""
    text = "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else str(raw).strip()
    if text.startswith("'") and text[1:2] and (text[1] in "=+-@" or text[1].isdigit()):
        text = text[1:]  # Excel's text marker, and the guard our own exports add
    if not text:
        return _EMPTY_REQUIRED if col.required else None
    if col.type != "text" and _non_ascii_digit(text):
        return CellError(f"'{text[:40]}' memuat angka selain 0–9 (mis. angka lebar penuh dari papan ketik Jepang/Cina "
                         "atau Arab); ketik ulang dengan angka biasa 0–9.")
    signed_number = col.type in NUMERIC_TYPES and text[0] == "+" and text[1:].replace(".", "", 1).isdigit()
    if _is_formula(text) and not signed_number:
        return CellError(f"Sel berisi rumus spreadsheet ('{text[:40]}'); tulis nilainya sebagai teks atau angka "
                         "biasa.")
    try:
        return _parse_one(col, text, allowed, aliases, regions)
    except CellError as exc:
        return exc


def _parse_one(col: Col, text: str, allowed: list[str], aliases: Mapping[str, str], regions: RegionIndex) -> object:
    if col.type == "int":
        value = parse_int(text)
        # Checked here, not only in the schema: a value beyond 64 bits cannot even enter the typed frame.
        message = _bound_message(value, col.minimum, col.maximum)
        if message:
            raise CellError(message)
        return value
    if col.type == "float":
        return parse_float(text)
    if col.type == "month":
        try:
            return parse_month(text)
        except ValueError as exc:
            raise CellError(str(exc)) from None
    if col.type == "quarter":
        return parse_quarter(text)
    if col.type == "year":
        if not re.fullmatch(r"\d{4}(\.0+)?", text):
            raise CellError(f"'{text}' bukan tahun (empat angka, mis. 2024).")
        return int(float(text))
    if col.type == "bool":
        return parse_bool(text)
    if col.type == "region":
        return regions.resolve(text)
    if col.type == "code":
        return _canonical_code(text, allowed, aliases)
    return text


def _check(fn: Callable[[pd.Series], pd.Series], name: str) -> pa.Check:
    import pandera.pandas as pa

    return pa.Check(fn, name=name, ignore_na=True)


def build_schema(spec: KindSpec, refs: ReferenceSets) -> pa.DataFrameSchema:
    """The pandera schema of a kind's typed rows: codes, ranges, lengths, periods, cross-column rules."""
    import pandera.pandas as pa

    columns = {}
    first_allowed = dt.date(EARLIEST.year, EARLIEST.month, 1)
    last_allowed = refs.today.replace(day=1)
    for col in spec.columns:
        checks = []
        if col.type == "code":
            allowed = frozenset(allowed_codes(col, refs))
            checks.append(_check(lambda s, a=allowed: s.isin(a), "kode"))
        if col.minimum is not None:
            checks.append(_check(lambda s, m=col.minimum: s >= m, f"minimum:{col.minimum:g}"))
        if col.maximum is not None:
            checks.append(_check(lambda s, m=col.maximum: s <= m, f"maksimum:{col.maximum:g}"))
        if col.max_len is not None:
            checks.append(_check(lambda s, n=col.max_len: s.astype(str).str.len() <= n, f"panjang:{col.max_len}"))
        if col.type in ("month", "quarter"):
            checks.append(_check(lambda s: s >= first_allowed, "sebelum_2000"))
            checks.append(_check(lambda s: s <= last_allowed, "masa_depan"))
        if col.type == "year":
            checks.append(_check(lambda s: s >= EARLIEST.year, "sebelum_2000"))
            checks.append(_check(lambda s, y=refs.today.year: s <= y, "masa_depan"))
        dtype = {"int": "Int64", "float": "Float64"}.get(col.type)
        columns[col.name] = pa.Column(dtype, checks=checks, nullable=True, coerce=False)
    return pa.DataFrameSchema(columns, checks=_row_rules(spec.kind), strict=False)


def _row_rules(kind: str) -> list[pa.Check]:
    """Rules across columns of one row; names 'aturan:<column>:<message>' carry the report text."""
    import pandera.pandas as pa

    def rule(fn: Callable[[pd.DataFrame], pd.Series], column: str, message: str) -> pa.Check:
        return pa.Check(lambda df: fn(df).fillna(True).astype(bool), name=f"aturan:{column}:{message}")

    if kind == "okupansi":
        return [rule(lambda d: d["penghuni_tppo"] <= d["penghuni"], "penghuni_tppo",
                     "Penghuni korban TPPO lebih banyak dari seluruh penghuni.")]
    if kind == "staf":
        return [rule(lambda d: d["bersertifikat"] <= d["terisi"], "bersertifikat",
                     "Staf bersertifikat lebih banyak dari formasi terisi.")]
    if kind == "waktu_kerja":
        return [rule(lambda d: d["hari_kerja"] - d["libur_nasional"] - d["cuti_tahunan"] - d["cuti_sakit"]
                     - d["cuti_lain"] > 0, "hari_kerja",
                     "Hari kerja habis oleh libur dan cuti; waktu kerja tersedia harus lebih dari 0 hari.")]
    if kind == "pencegahan_keberangkatan":
        return [rule(lambda d: d["kode_provinsi"].map(lambda c: not isinstance(c, str) or "." not in c),
                     "kode_provinsi", "Kode provinsi saja (dua angka, mis. 36); kab/kota tidak dipakai di sini.")]
    if kind == "standar":
        needs = {"service": ("menit_per_unit", "pemicu", "frekuensi"), "support": ("persen_waktu",),
                 "individual": ("jam_per_tahun", "staf_melakukan")}
        return [rule(lambda d, j=jenis, c=column: ~((d["jenis"] == j) & d[c].isna()), column,
                     f"Wajib diisi untuk kegiatan jenis {jenis}.")
                for jenis, cols in needs.items() for column in cols]
    return []


def _check_message(check: str, col: Col | None, value: object, refs: ReferenceSets) -> str:
    if check == "kode" and col is not None:
        allowed = allowed_codes(col, refs)
        text = str(value)
        close = difflib.get_close_matches(text, allowed, n=1, cutoff=0.6) or \
            difflib.get_close_matches(text.lower(), [a.lower() for a in allowed], n=1, cutoff=0.6)
        hint = f" Mungkin maksudnya '{close[0]}'?" if close else ""
        listing = ", ".join(allowed) if len(allowed) <= 12 else f"{len(allowed)} kode, lihat lembar Petunjuk"
        what = {"units": "Kode unit", "tujuan": "Kode tujuan"}.get(col.codes or "", "Kode")
        return f"{what} '{text}' tidak dikenal.{hint} Yang berlaku: {listing}."
    if check.startswith("minimum:"):
        bound = float(check.split(":")[1])
        if bound == 0:
            return f"Nilai {value} negatif; harus 0 atau lebih."
        return f"Nilai {value} terlalu kecil; minimal {bound:g}."
    if check.startswith("maksimum:"):
        return f"Nilai {value} terlalu besar; maksimal {_bound_text(float(check.split(':')[1]))}."
    if check.startswith("panjang:"):
        return f"Teks terlalu panjang ({len(str(value))} karakter); maksimal {check.split(':')[1]}."
    if check == "sebelum_2000":
        return f"Periode {_period_text(value)} sebelum tahun 2000; periksa tahunnya."
    if check == "masa_depan":
        return f"Periode {_period_text(value)} ada di masa depan; data belum mungkin ada."
    return f"Nilai '{value}' tidak valid."


def _period_text(value: object) -> str:
    return fmt_month(value) if isinstance(value, dt.date) else str(value)


def _schema_problems(spec: KindSpec, frame: pd.DataFrame, refs: ReferenceSets,
                     reported: set[tuple[int, str]]) -> list[Problem]:
    from pandera.errors import SchemaErrors

    try:
        build_schema(spec, refs).validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []
    problems = []
    for case in cases.itertuples(index=False):
        row = None if pd.isna(case.index) else int(case.index)
        check = str(case.check)
        if check.startswith("aturan:"):
            _, column, message = check.split(":", 2)
            key = (row, column)
            if key not in reported:
                reported.add(key)
                problems.append(Problem(row, column, message))
            continue
        column = None if pd.isna(case.column) else str(case.column)
        if column and (row, column) in reported:
            continue
        col = spec.col(column) if column in spec.names else None
        if check in ("column_in_dataframe", "dtype") or col is None:
            problems.append(Problem(row, column, f"Kolom tidak sesuai format ({check})."))
            continue
        reported.add((row, column))
        problems.append(Problem(row, column, _check_message(check, col, case.failure_case, refs)))
    return problems


def _duplicate_problems(spec: KindSpec, frame: pd.DataFrame) -> list[Problem]:
    keys = frame[list(spec.key)].astype(object).where(frame[list(spec.key)].notna(), "")
    dup = keys.duplicated(keep=False)
    problems = []
    if dup.any():
        for _, group in keys[dup].groupby(list(spec.key), sort=False):
            rows = list(group.index)
            problems.append(Problem(
                rows[1], None,
                f"Kunci ganda: baris {', '.join(str(r) for r in rows)} memiliki {'/'.join(spec.key)} yang sama; "
                "gabungkan atau hapus salah satunya."))
    return problems


def plausibility_warnings(spec: KindSpec, frame: pd.DataFrame, refs: ReferenceSets) -> list[Problem]:
    """Warnings that do not block: a month far above the usual total, occupancy above capacity."""
    warnings: list[Problem] = []
    usual = refs.usual_monthly.get(spec.kind)
    if spec.measure and spec.period and usual and usual > 0 and not frame.empty:
        totals = frame.groupby(spec.period)[spec.measure].sum()
        for month, total in totals.items():
            if pd.notna(total) and total > SPIKE_FACTOR * usual:
                first = int(frame.index[frame[spec.period] == month][0])
                warnings.append(Problem(first, spec.measure, (
                    f"Total {spec.measure} bulan {fmt_month(month)} = {fmt_int(total)}, sekitar "
                    f"{fmt_int(total / usual)} kali biasanya (median {fmt_int(usual)} per bulan). Periksa apakah "
                    "angkanya kumulatif atau salah ketik."), WARNING))
    largest = refs.usual_cell.get(spec.kind)
    if spec.measure and largest and not frame.empty:
        limit = CELL_SPIKE_FACTOR * max(largest, 1.0)
        high = frame[(frame[spec.measure] > limit).fillna(False)]
        for row, value in high[spec.measure].head(MAX_CELL_WARNINGS).items():
            warnings.append(Problem(int(row), spec.measure, (
                f"Nilai {fmt_int(value)} jauh di atas sel terbesar yang tersimpan selama ini ({fmt_int(largest)}). "
                "Periksa apakah angkanya kumulatif atau salah ketik."), WARNING))
        if len(high) > MAX_CELL_WARNINGS:
            warnings.append(Problem(None, spec.measure, (
                f"Ada {fmt_int(len(high))} sel seperti itu; hanya {MAX_CELL_WARNINGS} pertama yang disebut."), WARNING))
    if spec.kind == "okupansi" and not frame.empty:
        over = frame[(frame["penghuni"] > frame["kapasitas"]).fillna(False)]
        for row, r in over.iterrows():
            warnings.append(Problem(int(row), "penghuni", (
                f"Penghuni {fmt_int(r['penghuni'])} melebihi kapasitas {fmt_int(r['kapasitas'])}."), WARNING))
    return warnings


def _derive(spec: KindSpec, frame: pd.DataFrame, refs: ReferenceSets) -> pd.DataFrame:
    out = frame.copy()
    if spec.kind == "kasus":
        out["kode_prov_asal"] = out["kode_asal"].map(lambda c: c[:2] if isinstance(c, str) else None)
        out["tujuan_jenis"] = out["kode_tujuan"].map(lambda c: "LN" if c in refs.countries else "DN")
    elif spec.kind == "unit_layanan":
        out["kode_prov"] = out["kode_wilayah"].map(lambda c: c[:2] if isinstance(c, str) else None)
        for name in ("presisi_koordinat", "sasaran", "status_verifikasi", "catatan"):
            out[name] = out[name].map(lambda v: "" if v is None or v is pd.NA or v != v else v).astype(object)
    elif spec.kind in ("standar", "waktu_kerja"):
        out["contoh"] = False
    elif spec.kind in ("kegiatan_pencegahan", "penempatan_pmi"):
        out["kode_prov"] = out["kode_wilayah"].map(lambda c: c[:2] if isinstance(c, str) else None)
    elif spec.kind == "populasi":
        out["metode"] = out["metode"].map(lambda v: "resmi" if v is None or v != v else v).astype(object)
    return out


def _grain_problems(spec: KindSpec, frame: pd.DataFrame, today: dt.date) -> list[Problem]:
    """Placements: a whole-year row beside monthly rows of the same year and area would be counted twice, and a
    month of this year that has not begun cannot have placements yet."""
    if spec.kind != "penempatan_pmi" or frame.empty:
        return []
    future = (frame["tahun"] == today.year) & (frame["bulan"] > today.month)
    problems = [Problem(int(row), "bulan", f"Bulan {int(frame.at[row, 'bulan'])} tahun {today.year} ada di masa "
                                           "depan; data belum mungkin ada.")
                for row in frame.index[future.fillna(False).astype(bool)]]
    yearly = frame["bulan"].isna()
    both = set(zip(frame.loc[yearly, "tahun"], frame.loc[yearly, "kode_wilayah"])) & \
        set(zip(frame.loc[~yearly, "tahun"], frame.loc[~yearly, "kode_wilayah"]))
    for year, region in sorted(both, key=str):
        rows = [int(r) for r in frame.index[(frame["tahun"] == year) & (frame["kode_wilayah"] == region)]]
        problems.append(Problem(rows[0], "bulan", (
            f"Wilayah {region} tahun {year} punya angka setahun (bulan kosong) dan angka bulanan (baris "
            f"{', '.join(str(r) for r in rows[:8])}); angkanya akan terhitung dua kali. Pilih salah satu.")))
    return problems


def _province_column_problems(spec: KindSpec, table: pd.DataFrame, frame: pd.DataFrame, columns: list[str],
                              regions: RegionIndex) -> list[Problem]:
    """An extra province column must agree with the region code; a file that contradicts itself is refused."""
    problems: list[Problem] = []
    region_column = PROVINCE_COLUMNS.get(spec.kind, ("", ()))[0]
    for name in columns:
        for row, raw in table[name].items():
            text = str(raw if raw is not None else "").strip()
            region = frame.at[row, region_column] if row in frame.index else None
            if not text or not isinstance(region, str):
                continue
            try:
                stated = text if re.fullmatch(r"[0-9]{2}", text) else regions.resolve(text)[:2]
            except CellError:
                stated = None
            if stated != region[:2]:
                province = regions.names.get(region[:2], region[:2])
                problems.append(Problem(int(row), name, (
                    f"Provinsi '{text[:40]}' bertentangan dengan {region_column} {region} (provinsi {region[:2]} "
                    f"{province}); perbaiki salah satunya atau hapus kolom '{name}'.")))
    return problems


def validate(kind: str, table: pd.DataFrame, refs: ReferenceSets) -> Validated:
    """Check a whole file (cells as text, index = spreadsheet rows, header = row 1); nothing is skipped."""
    spec = resolve_kind(kind)
    table = table.copy()
    table.columns = [str(c).strip().lower().replace(" ", "_") for c in table.columns]
    problems = _header_problems(spec, table)
    if problems:
        return Validated(spec.kind, pd.DataFrame(), problems)
    extra = [c for c in table.columns if c not in spec.names and c]
    checked = [c for c in extra if c in PROVINCE_COLUMNS.get(spec.kind, ("", ()))[1]]
    for name in extra:
        if name not in checked:
            problems.append(Problem(1, name, "Kolom tidak dikenal; isinya diabaikan.", WARNING))
    if table.empty:
        return Validated(spec.kind, pd.DataFrame(), problems + [
            Problem(None, None, "Berkas hanya berisi baris judul; tidak ada baris data.")])
    frame, cell_problems, reported = _parse_cells(spec, table, refs, RegionIndex.build(refs.regions))
    problems += cell_problems
    problems += _schema_problems(spec, frame, refs, reported)
    problems += _duplicate_problems(spec, frame)
    problems += _grain_problems(spec, frame, refs.today)
    problems += plausibility_warnings(spec, frame, refs)
    problems += _province_column_problems(spec, table, frame, checked, RegionIndex.build(refs.regions))
    problems.sort(key=lambda p: (p.level != ERROR, p.row or 0))
    return Validated(spec.kind, _derive(spec, frame, refs), problems)


def problems_table(problems: list[Problem]) -> pd.DataFrame:
    """The report as a table: baris (spreadsheet row, empty for the whole file), kolom, tingkat, masalah."""
    return pd.DataFrame(
        [{"baris": p.row, "kolom": p.column or "", "tingkat": p.level, "masalah": p.message} for p in problems],
        columns=["baris", "kolom", "tingkat", "masalah"],
    ).astype({"baris": "Int64"})
