"""An independent oracle for the generative test of issue 22 (tests/app/test_sentences.py): every headline figure and
the evidence of every generated sentence, recomputed in plain pandas from the fixture's own tables
(tests/ragged_data.py), never through the project's queries or domain functions.

The rules are written here from their definitions on the Glosarium page, not copied from the code:
  * victims are the entry stage (asesmen); the period, province of origin, modus, sex and age filters apply; the
    reporting agency does not (every victim enters at Kemensos);
  * a like window is the same months a year earlier, used only when the case data cover it; reintegration is not
    compared for a period ending less than 6 months before the case data end;
  * "naik"/"turun": both counts at least 10 and the exact two-count test (monthly rates) gives p < 0.05;
  * every other source reads its own months: a figure over the period uses the period's months the source
    covers; a figure at the period's end is taken at the source's last month when it stops inside the period;
    nothing when the source covers no month of the period;
  * a unit is on alert when its utilisation is above 90 % in each of at least 2 consecutive months ending at the
    anchor month, however early the run began; units are counted where they are (the province filter);
  * WISN: staff of the latest quarter starting on or before the anchor, workload of the 12 months ending at
    occupancy's anchor, scaled to a year per unit; gross shortage Σ max(0, need − staff), net Σ need − Σ staff;
  * prevention: the period and the province only; activities over the 12 months ending at their own anchor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd
from scipy.stats import binomtest

THRESHOLD, RUN_MONTHS = 0.9, 2
MIN_COUNT, ALPHA, LAG = 10, 0.05, 6
RECENT, BASELINE, MIN_BASELINE, MIN_NEW = 3, 12, 6, 3
MODUS_ALL = ("kerja_paksa", "eksploitasi_seksual", "online_scam", "abk", "bayi_anak", "pengantin_pesanan",
             "pengambilan_organ")
ROLES = ("pekerja_sosial", "psikolog", "konselor", "tenaga_kesehatan", "instruktur_vokasional", "pengasuh")


def shift(d: dt.date, n: int) -> dt.date:
    i = d.year * 12 + d.month - 1 + n
    return dt.date(i // 12, i % 12 + 1, 1)


def span(start: dt.date, end: dt.date) -> list[dt.date]:
    out, d = [], start
    while d <= end:
        out.append(d)
        d = shift(d, 1)
    return out


def verdict(a: int, b: int, months_a: int = 1, months_b: int = 1) -> tuple[str, float | None]:
    """The one rule for "naik/turun" (status, p-value)."""
    if min(a, b) < MIN_COUNT:
        return "sedikit", None
    p = float(binomtest(a, a + b, months_a / (months_a + months_b)).pvalue)
    if p >= ALPHA:
        return "stabil", p
    return ("naik" if a / months_a > b / months_b else "turun"), p


def distance_km(lat1, lon1, lat2, lon2) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class State:
    """A filter state as the sidebar holds it."""

    start: dt.date
    end: dt.date
    provinsi: tuple[str, ...] = ()
    modus: tuple[str, ...] = ()
    jenis_kelamin: tuple[str, ...] = ()
    kelompok_umur: tuple[str, ...] = ()
    instansi: tuple[str, ...] = ()

    @property
    def months(self) -> int:
        return len(span(self.start, self.end))


@dataclass
class Sources:
    """The months of one source behind a figure (None: no data for the period)."""

    first: dt.date | None
    last: dt.date | None
    used: tuple[dt.date, dt.date] | None
    anchor: dt.date | None = None


@dataclass
class Oracle:
    t: dict
    s: State
    lang: str = "id"  # the language the sentences are checked in
    cache: dict = field(default_factory=dict)

    # --- coverage ----------------------------------------------------------------------------------------------
    def coverage(self, kind: str) -> tuple[dt.date, dt.date] | None:
        if kind == "staf":
            q = self.t["staf"]["kuartal"]
            return (min(q), shift(max(q), 2)) if len(q) else None
        if kind == "penempatan_pmi":
            p = self.t["penempatan_pmi"]
            first_year = p[p["tahun"] == p["tahun"].min()]
            first = dt.date(int(p["tahun"].min()), int(first_year["bulan"].fillna(1).min()), 1)
            last_year = p[p["tahun"] == p["tahun"].max()]
            return first, dt.date(int(p["tahun"].max()), int(last_year["bulan"].fillna(12).max()), 1)
        months = self.t[kind]["bulan"]
        return (min(months), max(months)) if len(months) else None

    def over_period(self, kind: str) -> Sources:
        first, last = self.coverage(kind)
        start, end = max(self.s.start, first), min(self.s.end, last)
        return Sources(first, last, (start, end) if start <= end else None, end if start <= end else None)

    def at_end(self, kind: str, months: int = 1) -> Sources:
        first, last = self.coverage(kind)
        if first > self.s.end or last < self.s.start:
            return Sources(first, last, None)
        anchor = min(self.s.end, last)
        return Sources(first, last, (max(shift(anchor, -(months - 1)), first), anchor), anchor)

    # --- victims -----------------------------------------------------------------------------------------------
    def cases(self, start: dt.date | None = None, end: dt.date | None = None, stage: str = "asesmen",
              victim_filters: bool = True, agency: bool = False, provinces: tuple[str, ...] | None = None
              ) -> pd.DataFrame:
        k = self.t["kasus"]
        start, end = start or self.s.start, end or self.s.end
        rows = k[(k["tahap"] == stage) & (k["bulan"] >= start) & (k["bulan"] <= end)]
        provinces = self.s.provinsi if provinces is None else provinces
        if provinces:
            rows = rows[rows["kode_prov_asal"].isin(provinces)]
        if victim_filters:
            for column, values in (("modus", self.s.modus), ("jenis_kelamin", self.s.jenis_kelamin),
                                   ("kelompok_umur", self.s.kelompok_umur)):
                if values:
                    rows = rows[rows[column].isin(values)]
        if agency and self.s.instansi:
            rows = rows[rows["instansi"].isin(self.s.instansi)]
        return rows

    @property
    def case_window(self) -> tuple[dt.date, dt.date]:
        return self.coverage("kasus")

    def victims(self, start=None, end=None) -> dict[str, int]:
        entry = self.cases(start, end)
        return {"korban_ditangani": int(entry["jumlah"].sum()),
                "korban_anak": int(entry.loc[entry["kelompok_umur"] == "anak", "jumlah"].sum()),
                "korban_luar_negeri": int(entry.loc[entry["tujuan_jenis"] == "LN", "jumlah"].sum()),
                "korban_reintegrasi": int(self.cases(start, end, stage="reintegrasi")["jumlah"].sum())}

    def like_window(self, lag: int = 0) -> tuple[dt.date, dt.date] | None:
        first, last = self.case_window
        if lag and shift(self.s.end, lag) > last:
            return None
        start, end = shift(self.s.start, -12), shift(self.s.end, -12)
        return (start, end) if start >= first else None

    def comparison(self, key: str) -> tuple[int, int | None, str | None, float | None]:
        """(value, previous, status, p) of a victim headline."""
        now = self.victims()[key]
        like = self.like_window(LAG if key == "korban_reintegrasi" else 0)
        if like is None:
            return now, None, None, None
        before = self.victims(*like)[key]
        status, p = verdict(now, before)
        return now, before, status, p

    # --- units and occupancy ----------------------------------------------------------------------------------
    def units(self) -> pd.DataFrame:
        u = self.t["unit_layanan"]
        u = u[u["aktif"]]
        return u[u["kode_prov"].isin(self.s.provinsi)] if self.s.provinsi else u

    def occupancy(self, start: dt.date | None, end: dt.date) -> pd.DataFrame:
        o = self.t["okupansi"]
        o = o[o["kode_unit"].isin(self.units()["kode_unit"]) & (o["bulan"] <= end)]
        return o[o["bulan"] >= start] if start else o

    def utilisation(self) -> tuple[float | None, float | None]:
        """(utilisation over occupancy's months of the period, the same months a year earlier when covered)."""
        src = self.over_period("okupansi")
        if src.used is None:
            return None, None
        occ = self.occupancy(*src.used)
        now = occ["penghuni"].sum() / occ["kapasitas"].sum() if occ["kapasitas"].sum() > 0 else None
        like = (shift(src.used[0], -12), shift(src.used[1], -12))
        if now is None or like[0] < src.first:
            return now, None
        before = self.occupancy(*like)
        return now, (before["penghuni"].sum() / before["kapasitas"].sum() if before["kapasitas"].sum() > 0 else None)

    def alerts(self) -> dict:
        """Units on alert at the anchor month; units whose alert was seen to end inside the period (the month after
        the run was reported, below the threshold); units with no report for the anchor month; utilisation then."""
        src = self.at_end("okupansi")
        units = self.units()
        out = {"source": src, "ongoing": [], "ended": [], "unreported": [], "now": {}, "units": len(units)}
        if src.used is None:
            return out
        occ = self.occupancy(None, src.anchor)
        reported = set(zip(occ["kode_unit"], occ["bulan"]))
        out["unreported"] = sorted(u for u in units["kode_unit"] if (u, src.anchor) not in reported)
        for unit, rows in occ.groupby("kode_unit"):
            above = {m: p / c > THRESHOLD for m, p, c in zip(rows["bulan"], rows["penghuni"], rows["kapasitas"])
                     if c > 0}
            runs, current = [], []
            for m in span(min(rows["bulan"]), src.anchor):
                if above.get(m, False):
                    current.append(m)
                else:
                    if len(current) >= RUN_MONTHS:
                        runs.append((current[0], current[-1]))
                    current = []
            if len(current) >= RUN_MONTHS:
                runs.append((current[0], current[-1]))
            if any(end == src.anchor for _, end in runs):
                out["ongoing"].append(unit)
            elif any(self.s.start <= end < src.anchor and (unit, shift(end, 1)) in reported for _, end in runs):
                out["ended"].append(unit)
            at = rows[rows["bulan"] == src.anchor]
            if len(at):
                out["now"][unit] = float(at["penghuni"].iloc[0] / at["kapasitas"].iloc[0])
        return out

    def alert_count(self) -> int | None:
        """Units on alert among those that reported the anchor month; None without data, units or reports."""
        truth = self.alerts()
        if truth["source"].used is None or truth["units"] == 0 or len(truth["unreported"]) >= truth["units"]:
            return None
        return len(truth["ongoing"])

    def gaps(self) -> list[tuple[str, dt.date]]:
        """(unit, month) in the period's occupancy months with no report, for units that had reported by then."""
        src = self.at_end("okupansi")
        if src.used is None:
            return []
        occ = self.occupancy(None, src.anchor)
        first = occ.groupby("kode_unit")["bulan"].min()
        seen = set(zip(occ["kode_unit"], occ["bulan"]))
        start = max(self.s.start, src.first)
        return [(u, m) for u in self.units()["kode_unit"] if u in first.index
                for m in span(max(start, first[u]), src.anchor) if (u, m) not in seen]

    def capacity_figures(self) -> dict | None:
        """The Kapasitas page's ten figures over occupancy's months of the period."""
        src = self.over_period("okupansi")
        if src.used is None:
            return None
        occ = self.occupancy(*src.used)
        if occ.empty:
            return None
        monthly = occ.groupby("bulan")[["kapasitas", "penghuni"]].sum().sort_index()
        days = occ["bulan"].map(lambda m: calendar.monthrange(m.year, m.month)[1])
        stay = (occ["penghuni"] * days).sum() / occ["pemulangan"].sum() if occ["pemulangan"].sum() else None
        per_unit = occ.sort_values("bulan").groupby("kode_unit")
        # Beds: each unit's latest report; residents: each unit's average over the months it reported (a unit
        # missing a month still has its beds and its residents).
        return {"kapasitas": per_unit["kapasitas"].last().sum(), "rata_penghuni": per_unit["penghuni"].mean().sum(),
                "puncak_penghuni": monthly["penghuni"].max(),
                "utilisasi": occ["penghuni"].sum() / occ["kapasitas"].sum(),
                "bulan_di_atas_kapasitas": int((occ["penghuni"] > occ["kapasitas"]).sum()),
                "penerimaan": occ["penerimaan"].sum(), "pemulangan": occ["pemulangan"].sum(),
                "lama_tinggal": stay,
                "porsi_tppo": occ["penghuni_tppo"].sum() / occ["penghuni"].sum() if occ["penghuni"].sum() else None}

    # --- staffing (WISN) ----------------------------------------------------------------------------------------
    def wisn(self) -> pd.DataFrame | None:
        """Per unit and role: current, required, shortage (None when staff or occupancy have no data)."""
        staff_src, load_src = self.at_end("staf"), self.at_end("okupansi", 12)
        if staff_src.used is None or load_src.used is None:
            return None
        staf = self.t["staf"]
        quarter = max(q for q in staf["kuartal"] if q <= staff_src.anchor)
        staff = staf[(staf["kuartal"] == quarter) & staf["kode_unit"].isin(self.units()["kode_unit"])]
        occ = self.occupancy(*load_src.used)
        if occ.empty or staff.empty:
            return None
        days = occ["bulan"].map(lambda m: calendar.monthrange(m.year, m.month)[1])
        occ = occ.assign(hari_rawat=occ["penghuni"] * days)
        drivers = occ.groupby("kode_unit")[["penerimaan", "pemulangan", "hari_rawat"]].sum()
        drivers = drivers.mul(12 / occ.groupby("kode_unit")["bulan"].nunique(), axis=0)
        std, wt = self.t["standar_beban_kerja"], self.t["waktu_kerja"].set_index("peran")
        rows = []
        for r in staff.itertuples():
            if r.kode_unit not in drivers.index or r.peran not in wt.index:
                continue
            w = wt.loc[r.peran]
            awt = (w.hari_kerja - w.libur_nasional - w.cuti_tahunan - w.cuti_sakit - w.cuti_lain) * w.jam_per_hari
            mine = std[std["peran"] == r.peran]
            service = sum(drivers.at[r.kode_unit, a.pemicu] * a.frekuensi / (awt * 60 / a.menit_per_unit)
                          for a in mine[mine["jenis"] == "service"].itertuples())
            caf = 1 / (1 - mine.loc[mine["jenis"] == "support", "persen_waktu"].sum() / 100)
            ind = mine[mine["jenis"] == "individual"]
            iaf = float((ind["jam_per_tahun"] * ind["staf_melakukan"]).sum()) / awt
            need = service * caf + iaf
            rows.append((r.kode_unit, r.peran, float(r.terisi), need, max(0.0, need - r.terisi)))
        out = pd.DataFrame(rows, columns=["kode_unit", "peran", "tersedia", "dibutuhkan", "kurang"])
        out.attrs["quarter"] = quarter
        out.attrs["workload"] = (max(load_src.used[0], min(occ["bulan"])), load_src.used[1])
        return out if len(out) else None

    # --- rising modus -------------------------------------------------------------------------------------------
    def rising(self, provinces: tuple[str, ...] | None = None) -> dict:
        """Status per modus (new / naik / -) by the rule, with the evidence; 'judged' False when history is short."""
        end = self.s.end
        recent = span(shift(end, -(RECENT - 1)), end)
        first = self.case_window[0]
        baseline = [m for m in span(shift(recent[0], -BASELINE), shift(recent[0], -1)) if m >= first]
        entry = self.cases(start=first, end=end, provinces=provinces)
        out = {"judged": len(baseline) >= MIN_BASELINE, "baseline_months": len(baseline), "modus": {}}
        for modus in MODUS_ALL:
            rows = entry[entry["modus"] == modus]
            now = int(rows.loc[rows["bulan"] >= recent[0], "jumlah"].sum())
            before = int(rows.loc[rows["bulan"].isin(baseline), "jumlah"].sum())
            status = "-"
            if out["judged"]:
                if before == 0 and now >= MIN_NEW:
                    status = "baru"
                elif verdict(now, before, len(recent), len(baseline))[0] == "naik":
                    status = "naik"
            out["modus"][modus] = {"recent": now, "baseline": before, "status": status,
                                   "ratio": (now / len(recent)) / (before / len(baseline)) if before else math.inf}
        return out

    # --- prevention ----------------------------------------------------------------------------------------------
    def per_placed(self) -> float | None:
        """Victims per 10,000 placed over the provinces shown that have placements, in the placement year: the
        latest year whose placements end by the period's end (a whole year first), victims of its covered months."""
        p = self.t["penempatan_pmi"]
        last = {int(y): int(rows["bulan"].fillna(12).max()) for y, rows in p.groupby("tahun")}
        done = {y: m for y, m in last.items() if dt.date(y, m, 1) <= self.s.end}
        whole = [y for y, m in done.items() if m == 12]
        if not (whole or done):
            return None
        year = max(whole or done)
        placed = p[p["tahun"] == year].groupby("kode_prov")["jumlah"].sum()
        shown = self.s.provinsi or tuple(self.t["wilayah"].query("tingkat == 1")["kode"])
        placed = placed[placed.index.isin(shown) & (placed > 0)]
        if placed.empty:
            return None
        victims = self.cases(dt.date(year, 1, 1), dt.date(year, done[year], 1), victim_filters=False,
                             provinces=tuple(placed.index))
        return victims["jumlah"].sum() / placed.sum() * 10_000

    def prevention(self) -> dict:
        act = self.at_end("kegiatan_pencegahan", 12)
        dep = self.over_period("pencegahan_keberangkatan")
        out: dict = {"activities_source": act, "departures_source": dep, "prevented": None, "activities": None,
                     "gap": None}
        prov = self.s.provinsi
        if dep.used is not None:
            d = self.t["pencegahan_keberangkatan"]
            d = d[(d["bulan"] >= dep.used[0]) & (d["bulan"] <= dep.used[1])]
            out["prevented"] = int(d[d["kode_provinsi"].isin(prov)]["jumlah"].sum() if prov else d["jumlah"].sum())
        if act.used is not None:
            end = act.anchor
            start = max(shift(end, -11), self.case_window[0], self.coverage("kegiatan_pencegahan")[0])
            a = self.t["kegiatan_pencegahan"]
            a = a[(a["bulan"] >= start) & (a["bulan"] <= end)]
            a = a[a["kode_prov"].isin(prov)] if prov else a
            out["activities"] = int(a["kegiatan"].sum())
            out["window"] = (start, end)
            kab = self.t["wilayah"]
            kab = kab[(kab["tingkat"] == 2) & (kab["kode_prov"].isin(prov) if prov else True)]
            victims = self.cases(start, end, victim_filters=False)
            by_kab = victims.groupby("kode_asal")["jumlah"].sum()
            done = a.groupby("kode_wilayah")["kegiatan"].sum()
            out["gap"] = sorted(k for k in kab["kode"] if by_kab.get(k, 0) > 0 and done.get(k, 0) == 0)
        return out

    # --- reporting (issue 23) ----------------------------------------------------------------------------------
    # Read from the Glosarium's rule: a month's report is due on the 10th of the next month (WIB); a zero report is
    # a report; a reporter is expected from its first report, one that never reported for the last month due only;
    # demo data are judged at the end of their monthly data plus one cycle, real data today.
    MONTHLY_KINDS = ("kasus", "okupansi", "pelatihan", "kegiatan_pencegahan", "pencegahan_keberangkatan")
    AGENCIES = ("BP2MI", "JARNAS", "KEMENKES", "KEMENSOS")

    @staticmethod
    def due(month: dt.date) -> dt.date:
        nxt = shift(month, 1)
        return dt.date(nxt.year, nxt.month, 10)

    def as_of(self) -> dt.date:
        """The fixture holds only demo data: the last day of the month after its newest monthly data."""
        last = max(self.coverage(k)[1] for k in self.MONTHLY_KINDS)
        after = shift(last, 1)
        return dt.date(after.year, after.month, calendar.monthrange(after.year, after.month)[1])

    def last_due(self) -> dt.date:
        month = shift(dt.date(self.as_of().year, self.as_of().month, 1), -1)
        while not self.due(month) < self.as_of():
            month = shift(month, -1)
        return month

    def reports(self, kind: str) -> pd.DataFrame:
        """Every report of the kind due in the state's window, from the reporters in scope: pelapor, bulan,
        status (tepat_waktu / terlambat / belum), nol."""
        if kind == "kasus":
            reporters = [a for a in self.AGENCIES if not self.s.instansi or a in self.s.instansi]
        else:
            units = self.t["unit_layanan"].query("aktif")
            if self.s.instansi and "KEMENSOS" not in self.s.instansi:
                units = units.iloc[0:0]
            elif self.s.provinsi:
                units = units[units["kode_prov"].isin(self.s.provinsi)]
            reporters = list(units["kode_unit"])
        subs = self.t["penyerahan"]
        subs = subs[subs["jenis"] == kind]
        last = self.last_due()
        rows = []
        for reporter in reporters:
            mine = subs[subs["pelapor"] == reporter]
            first = min(mine["bulan"]) if len(mine) else last
            for month in span(first, last):
                if not self.s.start <= month <= self.s.end:
                    continue
                got = mine[mine["bulan"] == month].sort_values("waktu")
                if got.empty:
                    rows.append((reporter, month, "belum", False))
                    continue
                arrived = got["waktu"].iloc[0].astimezone(dt.timezone(dt.timedelta(hours=7))).date()
                rows.append((reporter, month, "tepat_waktu" if arrived <= self.due(month) else "terlambat",
                             bool(got["nol"].iloc[0])))
        return pd.DataFrame(rows, columns=["pelapor", "bulan", "status", "nol"])

    def freshness(self, kind: str) -> tuple[dt.date, dt.date, int] | None:
        """(last covered month, last month of the newest period due, cycles behind) of a kind with a cycle."""
        cycle = {"staf": 3, "penempatan_pmi": 12}.get(kind, 1 if kind in self.MONTHLY_KINDS else None)
        if cycle is None:
            return None
        expected = self.last_due()
        while expected.month % cycle:
            expected = shift(expected, -1)
        last = self.coverage(kind)[1]
        months = len(span(last, expected)) - 1 if last < expected else 0
        return last, expected, -(-months // cycle)
