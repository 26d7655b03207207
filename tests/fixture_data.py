"""A small hand-made database for query tests, with rows that each filter must exclude.

Entry-stage (asesmen) victims, by design:
  2024-01  35.08 Lumajang   → MYS  kerja_paksa          P dewasa  SEN-01 KEMENSOS  10
  2024-02  35.08 Lumajang   → KHM  online_scam          L dewasa  SEN-01 KEMENSOS   4
  2024-02  52.03 Lombok T.  → MYS  kerja_paksa          P anak    RPTC-01 KEMENSOS  7
  2024-03  52    (NTB only) → 31   eksploitasi_seksual  P dewasa  RPTC-01 KEMENSOS  3
  2023-12  35.01 Pacitan    → SAU  kerja_paksa          P dewasa  SEN-01 KEMENSOS   5   (outside 2024)
Later stages (never counted as victims): 2024-01 Lumajang rehabilitasi_sosial 8; 2024-01 Lumajang
rehabilitasi_medis KEMENKES 6; 2024-02 Lombok Timur penjangkauan BP2MI 7.
Totals: all 29; 2024: 24; province 35 in 2024: 14; kerja_paksa 2024: 17; P 2024: 20; anak: 7.

Prevention (issue 15), each with a row outside 2024 or outside a province filter:
  activities 2024: 35.08 3 activities / 135 participants (two rows), 52 (province-wide) 1 / 30, 31.75 1 / 50;
    2023-12 35.08 4 / 200 (outside 2024).
  prevented departures 2024: 2024-01 DKI 31 50 (two agencies), 2024-02 NTB 52 5; 2023-11 DKI 99 (outside 2024).
  placements 2024: 35.08 500 (months 1 and 2), 52.03 700 (whole year), Aceh 11 50 (province only);
    2023: 35.08 1,000, 35 200 (kab/kota unknown).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, insert

from data_access import schema as s
from data_access.writes import bump_data_version
from demo.loader import load_code_lists, load_metadata

REGIONS = [
    ("11", 1, "11", "Aceh", "provinsi", 5.55, 95.32),
    ("31", 1, "31", "DKI Jakarta", "provinsi", -6.18, 106.83),
    ("35", 1, "35", "Jawa Timur", "provinsi", -7.26, 112.75),
    ("52", 1, "52", "Nusa Tenggara Barat", "provinsi", -8.58, 116.12),
    ("35.01", 2, "35", "Kabupaten Pacitan", "kabupaten", None, None),
    ("35.08", 2, "35", "Kabupaten Lumajang", "kabupaten", None, None),
    ("52.03", 2, "52", "Kabupaten Lombok Timur", "kabupaten", None, None),
    ("31.75", 2, "31", "Kota Administrasi Jakarta Timur", "kota", None, None),
]
POPULATION = [("35", 2024, 40_000_000, "uji", "resmi"), ("52", 2024, 5_000_000, "uji", "resmi")]
UNITS = [
    ("SEN-01", "Sentra Uji Jatim", "sentra", "35.08", "35", -8.13, 113.22, 50),
    ("RPTC-01", "RPTC Uji Jakarta", "rptc", "31.75", "31", -6.31, 106.90, 30),
    ("SEN-99", "Sentra Nonaktif", "sentra", "35.01", "35", -8.2, 111.1, 20),
]
CASES = [
    ("2024-01", "35.08", "LN", "MYS", "kerja_paksa", "P", "dewasa", "asesmen", "SEN-01", "KEMENSOS", 10),
    ("2024-02", "35.08", "LN", "KHM", "online_scam", "L", "dewasa", "asesmen", "SEN-01", "KEMENSOS", 4),
    ("2024-02", "52.03", "LN", "MYS", "kerja_paksa", "P", "anak", "asesmen", "RPTC-01", "KEMENSOS", 7),
    ("2024-03", "52", "DN", "31", "eksploitasi_seksual", "P", "dewasa", "asesmen", "RPTC-01", "KEMENSOS", 3),
    ("2023-12", "35.01", "LN", "SAU", "kerja_paksa", "P", "dewasa", "asesmen", "SEN-01", "KEMENSOS", 5),
    ("2024-01", "35.08", "LN", "MYS", "kerja_paksa", "P", "dewasa", "rehabilitasi_sosial", "SEN-01", "KEMENSOS", 8),
    ("2024-01", "35.08", "LN", "MYS", "kerja_paksa", "P", "dewasa", "rehabilitasi_medis", "SEN-01", "KEMENKES", 6),
    ("2024-02", "52.03", "LN", "MYS", "kerja_paksa", "P", "anak", "penjangkauan", None, "BP2MI", 7),
]
OCCUPANCY = [  # month, unit, capacity, residents, tppo residents, admissions, discharges
    ("2024-01", "SEN-01", 50, 46, 10, 12, 9), ("2024-02", "SEN-01", 50, 48, 12, 10, 8),
    ("2024-03", "SEN-01", 50, 40, 8, 6, 14), ("2024-01", "RPTC-01", 30, 10, 5, 6, 4),
    ("2024-02", "RPTC-01", 30, 12, 7, 8, 6), ("2024-03", "RPTC-01", 30, 15, 3, 5, 2),
    ("2024-01", "SEN-99", 20, 5, 0, 1, 1),  # an inactive unit: never shown
]
STAFF = [  # quarter, unit, role, filled, certified, vacancies
    ("2024-01", "SEN-01", "pekerja_sosial", 4, 2, 1), ("2024-01", "RPTC-01", "pekerja_sosial", 2, 2, 0),
    ("2024-01", "SEN-01", "psikolog", 0, 0, 1), ("2023-10", "SEN-01", "pekerja_sosial", 3, 1, 2),
    ("2024-01", "SEN-99", "pekerja_sosial", 1, 0, 0),
]

TRAINING = [  # month, unit, role, topic, persons trained
    ("2024-01", "SEN-01", "pekerja_sosial", "identifikasi_korban", 2),
    ("2024-03", "SEN-01", "pekerja_sosial", "manajemen_kasus", 1),
    ("2024-02", "RPTC-01", "pekerja_sosial", "psikososial", 3),
    ("2023-01", "SEN-01", "pekerja_sosial", "identifikasi_korban", 4),  # outside a 2024 window
    ("2024-02", "SEN-99", "pekerja_sosial", "identifikasi_korban", 5),  # an inactive unit: never shown
]
TARGETS = [("pekerja_sosial", 0.8, 1.0), ("psikolog", 0.5, None)]  # role, trained, certified
ACTIVITIES = [  # month, area, agency, kind, activities, participants
    ("2024-01", "35.08", "DINSOS", "sosialisasi", 2, 120), ("2024-03", "35.08", "BP3MI", "layanan_informasi", 1, 15),
    ("2023-12", "35.08", "BP3MI", "sosialisasi", 4, 200), ("2024-02", "52", "DISNAKER", "pelatihan_aparat_desa", 1, 30),
    ("2024-02", "31.75", "JARNAS", "sosialisasi", 1, 50),
]
PREVENTED = [  # month, province where stopped, agency, persons
    ("2024-01", "31", "IMIGRASI", 40), ("2024-01", "31", "BP3MI", 10), ("2024-02", "52", "BP3MI", 5),
    ("2023-11", "31", "IMIGRASI", 99),
]
PLACEMENTS = [  # year, month (None: whole year), area, persons
    (2024, 1, "35.08", 300), (2024, 2, "35.08", 200), (2024, None, "52.03", 700), (2024, None, "11", 50),
    (2023, None, "35.08", 1000), (2023, None, "35", 200),
]


def month(text: str) -> dt.date:
    return dt.date.fromisoformat(text + "-01")


def load_small(engine: Engine) -> None:
    now = dt.datetime(2024, 4, 2, tzinfo=dt.timezone.utc)
    with engine.begin() as conn:
        load_code_lists(conn)
        load_metadata(conn, "demo", "2023-12..2024-03", now)
        conn.execute(insert(s.Wilayah), [dict(zip(("kode", "tingkat", "kode_prov", "nama", "jenis", "lat", "lon"), r))
                                         for r in REGIONS])
        conn.execute(insert(s.Populasi), [dict(zip(("kode_wilayah", "tahun", "jumlah", "sumber", "metode"), r))
                                          for r in POPULATION])
        conn.execute(insert(s.Negara), [
            {"iso3": "MYS", "nama": "Malaysia", "nama_en": "Malaysia", "lat": 3.14, "lon": 101.69},
            {"iso3": "KHM", "nama": "Kamboja", "nama_en": "Cambodia", "lat": 11.56, "lon": 104.93},
            {"iso3": "SAU", "nama": "Arab Saudi", "nama_en": "Saudi Arabia", "lat": 24.71, "lon": 46.68},
        ])
        conn.execute(insert(s.UnitLayanan), [
            dict(zip(("kode_unit", "nama", "tipe", "kode_wilayah", "kode_prov", "lat", "lon", "kapasitas"), u),
                 aktif=u[0] != "SEN-99", melayani_tppo=True)
            for u in UNITS
        ])
        keys = ("bulan", "kode_asal", "tujuan_jenis", "kode_tujuan", "modus", "jenis_kelamin", "kelompok_umur",
                "tahap", "kode_unit", "instansi", "jumlah")
        conn.execute(insert(s.Kasus), [
            dict(zip(keys, c), bulan=month(c[0]), kode_prov_asal=c[1][:2]) for c in CASES
        ])
        conn.execute(insert(s.Okupansi), [
            dict(zip(("bulan", "kode_unit", "kapasitas", "penghuni", "penghuni_tppo", "penerimaan", "pemulangan"), o),
                 bulan=month(o[0])) for o in OCCUPANCY
        ])
        conn.execute(insert(s.Staf), [
            dict(zip(("kuartal", "kode_unit", "peran", "terisi", "bersertifikat", "lowongan"), r), kuartal=month(r[0]))
            for r in STAFF
        ])
        conn.execute(insert(s.Pelatihan), [
            dict(zip(("bulan", "kode_unit", "peran", "topik", "jumlah"), r), bulan=month(r[0])) for r in TRAINING
        ])
        conn.execute(insert(s.TargetKompetensi), [
            {"peran": p, "target_terlatih": a, "target_bersertifikat": b, "sumber": "uji", "contoh": False,
             "diubah_oleh": "uji", "diubah": now} for p, a, b in TARGETS
        ])
        conn.execute(insert(s.KegiatanPencegahan), [
            dict(zip(("bulan", "kode_wilayah", "instansi", "jenis", "kegiatan", "peserta"), a), bulan=month(a[0]),
                 kode_prov=a[1][:2]) for a in ACTIVITIES
        ])
        conn.execute(insert(s.PencegahanKeberangkatan), [
            dict(zip(("bulan", "kode_provinsi", "instansi", "jumlah"), p), bulan=month(p[0])) for p in PREVENTED
        ])
        conn.execute(insert(s.PenempatanPmi), [
            dict(zip(("tahun", "bulan", "kode_wilayah", "jumlah"), p), kode_prov=p[2][:2]) for p in PLACEMENTS
        ])
        bump_data_version(conn)
