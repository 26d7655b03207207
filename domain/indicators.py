"""The indicator catalogue: every figure the dashboard shows, declared once.

Each indicator has a key (used by `manage.py summary --json`, exports and tests), its label and definition
(string keys, Indonesian and English in strings/), unit, source (the data kind it is computed from), period
rule, the filters that apply to it, the meaning of the province filter, its typical reporting lag, and the
minimum counts for a comparison. Pages, the deck, the CLI, downloads and the public extract compute their
figures through data_access.indicators, which reads this catalogue; tests/app/test_catalogue.py walks every
page and checks that each metric shown is one of these indicators.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.comparison import MIN_COUNT
from domain.filters import Filters

# Filter names as in domain.filters.Filters.
PERIOD, PROVINCE, MODUS, SEX, AGE, AGENCY = "periode", "provinsi", "modus", "jenis_kelamin", "kelompok_umur", "instansi"
CASE_FILTERS = (PERIOD, PROVINCE, MODUS, SEX, AGE, AGENCY)
# Victims are counted once, at the entry stage (penerimaan & asesmen), which Kemensos's sentra and RPTC report
# whichever agency found or referred the victim: the agency filter has no meaning for a victim count (it chose
# 0 under BP2MI), so every victim figure ignores it and says so. It applies to reports: the handling pipeline,
# reporting completeness and late reports.
VICTIM_FILTERS = (PERIOD, PROVINCE, MODUS, SEX, AGE)
UNIT_FILTERS = (PERIOD, PROVINCE)  # capacity and staffing: no victim attributes
REPORT_FILTERS = (PERIOD, PROVINCE, AGENCY)  # reporting: who reported, not whom

# Period rules (strings "rule.period.<rule>").
FLOW = "arus"  # events within the period
STOCK_END = "stok_akhir"  # the state at the period's last month
ROLLING_12 = "jendela_12"  # the 12 months ending at the period's last month (WISN workload)
PERIOD_AVERAGE = "rata_periode"  # an average over the months of the period
RECENT_3 = "tiga_bulan_akhir"  # the period's last 3 months (action lists: rising modus)
DUE_MONTHS = "jatuh_tempo"  # the period's months whose reports were due by the as-of date (domain.submissions)

# What the province filter means (strings "rule.province.<meaning>").
ORIGIN, UNIT_LOCATION = "asal", "lokasi_unit"
REPORT_COVERAGE = "cakupan_laporan"  # the reports that cover the province (national ones, and its units')
ACTIVITY_LOCATION, STOP_LOCATION = "lokasi_kegiatan", "lokasi_pencegahan"  # prevention (issue 15)
PREVENTION_FILTERS = (PERIOD, PROVINCE)  # no victim attributes

# Typical lag, in months, before a stage is reported for most victims who enter in a month: reintegration and
# entrepreneurship support follow months of rehabilitation (an assumption documented in demo/calibration.py;
# to be replaced by the lag measured on real data).
STAGE_LAG_MONTHS = 6


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str  # string key of the label
    definition: str  # string key of the one-sentence definition
    unit: str  # string key suffix: "unit.<unit>"
    source: str  # data kind (data_status.kode)
    period_rule: str
    filters: tuple[str, ...]
    province_meaning: str | None = ORIGIN
    lag_months: int = 0
    min_count: int = MIN_COUNT
    comparable: bool = False  # compared with the same months a year earlier
    aliases: tuple[str, ...] = ()  # other label keys the same indicator is shown under

    def ignored_filters(self, filters: Filters) -> tuple[str, ...]:
        """Filters that are set but do not apply to this indicator (the page must say so)."""
        return tuple(name for name in CASE_FILTERS[1:] if getattr(filters, name) and name not in self.filters)

    def scope(self, filters: Filters) -> Filters:
        """The filters this indicator is computed with: those that do not apply are cleared, so the figure stays
        the same whatever they are set to (and the page says they are ignored)."""
        return filters.with_(**{name: () for name in CASE_FILTERS[1:] if name not in self.filters})


def _case(key: str, label: str, *, filters=VICTIM_FILTERS, lag=0, aliases=()) -> Indicator:
    return Indicator(key, label, f"ind.{key}.def", "korban", "kasus", FLOW, filters, ORIGIN, lag, comparable=True,
                     aliases=aliases)


def _unit(key: str, label: str, unit: str, rule: str, source: str = "okupansi") -> Indicator:
    return Indicator(key, label, f"ind.{key}.def", unit, source, rule, UNIT_FILTERS, UNIT_LOCATION)


CATALOGUE: dict[str, Indicator] = {i.key: i for i in (
    # Victims (Kemensos sentra & RPTC; each victim once at the entry stage)
    _case("korban_ditangani", "eks.kpi.total", aliases=("peta.total",)),
    _case("korban_anak", "eks.kpi.children"),
    _case("korban_luar_negeri", "eks.kpi.abroad"),
    # Reintegration is reported by Kemensos whatever agency referred the victim: the agency filter does not apply.
    _case("korban_reintegrasi", "eks.kpi.reintegrated", lag=STAGE_LAG_MONTHS),
    # A sex or age filter applies to the victims but has no matching population: the rate is then not shown.
    Indicator("angka_korban", "peta.rate_nasional", "ind.angka_korban.def", "per_100k_tahun", "kasus", FLOW,
              VICTIM_FILTERS, ORIGIN),
    Indicator("korban_jauh_porsi", "peta.jangkauan.share", "ind.korban_jauh_porsi.def", "persen", "kasus", FLOW,
              VICTIM_FILTERS, ORIGIN),
    Indicator("korban_jauh", "peta.jangkauan.jauh", "ind.korban_jauh.def", "korban", "kasus", FLOW,
              VICTIM_FILTERS, ORIGIN),
    Indicator("korban_tanpa_lokasi", "peta.jangkauan.tanpa_lokasi", "ind.korban_tanpa_lokasi.def", "korban",
              "kasus", FLOW, VICTIM_FILTERS, ORIGIN),
    Indicator("korban_publik", "publik.kpi_total", "ind.korban_publik.def", "korban", "kasus", FLOW, (PERIOD,),
              None),
    # Reporting (domain.submissions): the agency filter chooses the reporters (the centres are Kemensos's), the
    # province filter the units located there; agencies' reports are national, so they cover every province.
    # Victim attributes do not apply to whether a report arrived. Each agency's metric is labelled with its name.
    Indicator("kelengkapan_laporan", "rep.header", "ind.kelengkapan_laporan.def", "persen", "kasus", DUE_MONTHS,
              REPORT_FILTERS, REPORT_COVERAGE, aliases=("jar.completeness.metric",)),
    Indicator("laporan_unit", "rep.units", "ind.laporan_unit.def", "persen", "okupansi", DUE_MONTHS,
              REPORT_FILTERS, REPORT_COVERAGE),
    Indicator("laporan_terlambat", "tin.kpi.late", "ind.laporan_terlambat.def", "laporan", "kasus", DUE_MONTHS,
              REPORT_FILTERS, REPORT_COVERAGE),
    Indicator("wilayah_pantauan", "tin.kpi.watch", "ind.wilayah_pantauan.def", "provinsi", "kasus", RECENT_3,
              VICTIM_FILTERS, ORIGIN),
    # Service units (where the unit is)
    _unit("unit_layanan", "eks.kpi.units", "unit", STOCK_END, "unit_layanan"),
    Indicator("utilisasi", "eks.kpi.utilisation", "ind.utilisasi.def", "persen", "okupansi", PERIOD_AVERAGE,
              UNIT_FILTERS, UNIT_LOCATION, aliases=("kap.kpi.utilisation",)),
    _unit("kapasitas", "kap.kpi.capacity", "tempat_tidur", STOCK_END),
    _unit("rata_penghuni", "kap.kpi.avg_residents", "orang", PERIOD_AVERAGE),
    _unit("puncak_penghuni", "kap.kpi.peak_residents", "orang", FLOW),
    _unit("bulan_di_atas_kapasitas", "kap.kpi.months_over", "unit_bulan", FLOW),
    _unit("penerimaan", "kap.kpi.admissions", "orang", FLOW),
    _unit("pemulangan", "kap.kpi.discharges", "orang", FLOW),
    _unit("lama_tinggal", "kap.kpi.stay", "hari", PERIOD_AVERAGE),
    _unit("porsi_tppo", "kap.kpi.tppo_share", "persen", PERIOD_AVERAGE),
    _unit("unit_peringatan", "kap.kpi.alert_units", "unit", STOCK_END),
    # Staff (WISN: the staff snapshot of the latest quarter up to the period's end; workload of the 12 months
    # ending at the period's end)
    _unit("staf_tersedia", "sdm.kpi.current", "orang", STOCK_END, "staf"),
    _unit("staf_dibutuhkan", "sdm.kpi.required", "orang", ROLLING_12, "staf"),
    _unit("kekurangan_staf", "sdm.kpi.shortage", "orang", ROLLING_12, "staf"),
    _unit("selisih_staf_bersih", "sdm.kpi.net", "orang", ROLLING_12, "staf"),
    _unit("unit_peran_kurang", "sdm.kpi.cells", "unit_peran", ROLLING_12, "staf"),
    _unit("peksos_bersertifikat", "sdm.kpi.certified", "persen", STOCK_END, "staf"),
    # Competence (domain.competence): training of the 12 months to the period's end against the admin's targets.
    _unit("staf_terlatih_porsi", "kom.kpi.trained", "persen", ROLLING_12, "pelatihan"),
    _unit("staf_bersertifikat_porsi", "kom.kpi.certified", "persen", STOCK_END, "staf"),
    _unit("unit_peran_bawah_target", "kom.kpi.below", "unit_peran", ROLLING_12, "pelatihan"),
    # Prevention (issue 15). Activities are counted where they took place, prevented departures where they were
    # stopped, placements by the migrant workers' area of origin.
    Indicator("korban_per_10rb_pmi", "pcg.kpi.per_placed", "ind.korban_per_10rb_pmi.def", "per_10rb_pmi",
              "penempatan_pmi", FLOW, PREVENTION_FILTERS, ORIGIN),
    Indicator("kegiatan_pencegahan_100rb", "pcg.kpi.activities_rate", "ind.kegiatan_pencegahan_100rb.def",
              "per_100k", "kegiatan_pencegahan", ROLLING_12, PREVENTION_FILTERS, ACTIVITY_LOCATION),
    Indicator("kegiatan_pencegahan", "pcg.kpi.activities", "ind.kegiatan_pencegahan.def", "kegiatan",
              "kegiatan_pencegahan", ROLLING_12, PREVENTION_FILTERS, ACTIVITY_LOCATION),
    Indicator("peserta_pencegahan", "pcg.kpi.participants", "ind.peserta_pencegahan.def", "orang",
              "kegiatan_pencegahan", ROLLING_12, PREVENTION_FILTERS, ACTIVITY_LOCATION),
    Indicator("keberangkatan_dicegah", "pcg.kpi.prevented", "ind.keberangkatan_dicegah.def", "orang",
              "pencegahan_keberangkatan", FLOW, PREVENTION_FILTERS, STOP_LOCATION),
    Indicator("wilayah_prioritas_pencegahan", "pcg.kpi.priority", "ind.wilayah_prioritas_pencegahan.def",
              "kab_kota", "kegiatan_pencegahan", ROLLING_12, PREVENTION_FILTERS, ORIGIN),
)}

# The prevention figures (Pencegahan, the executive section, the slide): the period and the province only.
PREVENTION = tuple(key for key, ind in CATALOGUE.items()
                   if ind.source in ("kegiatan_pencegahan", "pencegahan_keberangkatan", "penempatan_pmi"))

# The figures of the executive page, the deck and `manage.py summary --json`, in their order.
HEADLINE = ("korban_ditangani", "korban_anak", "korban_luar_negeri", "korban_reintegrasi", "utilisasi",
            "unit_layanan", "unit_peringatan", "kekurangan_staf", "selisih_staf_bersih")


def indicator(key: str) -> Indicator:
    try:
        return CATALOGUE[key]
    except KeyError:
        raise KeyError(f"indicator '{key}' is not in the catalogue") from None


def label_keys() -> dict[str, str]:
    """Every label key (primary and aliases) → indicator key."""
    out: dict[str, str] = {}
    for ind in CATALOGUE.values():
        for label in (ind.label, *ind.aliases):
            out[label] = ind.key
    return out
