"""Calibration targets of the demo data set, each with its public source (see README, "Data contoh").

Targets are inputs to the generator, not results: the generator reproduces them exactly and the tests
check the generated tables against them. Everything not listed here is a documented assumption.
"""

from __future__ import annotations

import datetime as dt

SEED = 20230101
PERIOD_START = dt.date(2023, 1, 1)
PERIOD_END = dt.date(2025, 7, 1)

# Kemensos: 4,320 victims handled 2023-2025 by 31 sentra and 2 RPTC (mission brief); 1,359 in 2023
# (Dirjen Rehsos, 21 Dec 2023). The 2024 / 2025 split is an assumption (a gentle rise, online scams).
VICTIMS_TOTAL = 4320
VICTIMS_BY_YEAR = {2023: 1359, 2024: 1840, 2025: 1121}
SENTRA_COUNT = 31
RPTC_COUNT = 2

# 2023 month profile: slow first half, the Satgas TPPO surge from June 2023 (196 handled by 21 Jun,
# 618 by 20 Jul per Kemensos), then a plateau. Weights, apportioned exactly to the yearly total.
MONTH_WEIGHTS = {
    2023: (28, 30, 32, 34, 38, 60, 420, 180, 150, 130, 130, 127),
    2024: (140, 138, 145, 150, 152, 150, 155, 158, 160, 162, 160, 170),
    2025: (150, 152, 158, 160, 165, 168, 168),
}

# Origin provinces 2023, exact (Dirjen Rehsos Dec 2023): Jatim 206, NTB 188, Sumut 187, NTT 173, Jabar 136.
ORIGIN_2023_EXACT = {"35": 206, "52": 188, "12": 187, "53": 173, "32": 136}
# The other 469 victims of 2023 spread by these weights (assumption: migrant-worker provinces and
# transit provinces higher; a long tail; a few provinces with none).
ORIGIN_2023_REST_WEIGHTS = {
    "11": 60, "21": 40, "33": 45, "18": 30, "73": 25, "61": 25, "36": 20, "51": 12, "16": 15, "15": 12,
    "14": 15, "76": 8, "13": 10, "65": 10, "64": 8, "71": 12, "31": 15, "34": 5, "63": 5, "72": 5,
    "74": 5, "75": 4, "81": 5, "17": 6, "19": 4, "62": 5, "82": 3, "91": 3, "92": 2, "94": 2,
}
# 2024-2025 weights: Kemensos Jan-25 Apr 2024 by origin (Stafsus Mensos, Jun 2024), with a floor of 1
# for the provinces the source lists, and the 2023 top five kept visible.
ORIGIN_LATER_WEIGHTS = {
    "52": 85, "35": 73, "11": 45, "32": 34, "21": 32, "12": 30, "33": 26, "14": 10, "73": 8, "16": 8,
    "15": 8, "18": 8, "53": 20, "13": 5, "31": 3, "61": 4, "17": 2, "64": 1, "34": 1, "74": 1, "76": 1,
    "63": 1, "72": 1, "36": 4, "51": 2, "65": 2, "71": 2,
}
# Kab/kota of origin 2023, exact (Kemensos): Lombok Timur 82, Lumajang 62, Lombok Tengah 62,
# Deli Serdang 46, Timor Tengah Utara 45. Matched by name against the Kemendagri list.
HOTSPOTS_2023 = {
    ("52", "Kabupaten Lombok Timur"): 82,
    ("35", "Kabupaten Lumajang"): 62,
    ("52", "Kabupaten Lombok Tengah"): 62,
    ("12", "Kabupaten Deli Serdang"): 46,
    ("53", "Kabupaten Timor Tengah Utara"): 45,
}
UNKNOWN_KAB_SHARE = 0.05  # assumption: origin known only to province level

# 465 of the 1,359 victims of 2023 received kewirausahaan support (Dirjen Rehsos, Dec 2023).
KEWIRAUSAHAAN_2023 = 465

# Modus mix by year (assumption shaped by notes.md: labour dominant, online scams rising,
# organ removal rare; a late-2025 rise in baby/child cases to exercise the "rising modus" flag).
MODUS_SHARE = {
    2023: {"kerja_paksa": .52, "eksploitasi_seksual": .20, "online_scam": .12, "abk": .06,
           "bayi_anak": .05, "pengantin_pesanan": .04, "pengambilan_organ": .01},
    2024: {"kerja_paksa": .46, "eksploitasi_seksual": .18, "online_scam": .21, "abk": .06,
           "bayi_anak": .05, "pengantin_pesanan": .035, "pengambilan_organ": .005},
    2025: {"kerja_paksa": .40, "eksploitasi_seksual": .16, "online_scam": .28, "abk": .05,
           "bayi_anak": .07, "pengantin_pesanan": .035, "pengambilan_organ": .005},
}

# Destinations by modus (ISO3, or a province kode for domestic cases). Malaysia dominant; Mekong scam
# compounds for online scams; the Middle East for domestic work (destinations.csv, notes.md).
DESTINATION_SHARE = {
    "kerja_paksa": {"MYS": .55, "SAU": .10, "ARE": .04, "OMN": .03, "SYR": .02, "IRQ": .02, "SGP": .03,
                    "TUR": .01, "62": .08, "65": .05, "21": .04, "64": .03},
    "eksploitasi_seksual": {"31": .22, "21": .15, "51": .08, "94": .06, "MYS": .25, "SGP": .05,
                            "ARE": .04, "JPN": .03, "35": .12},
    "online_scam": {"KHM": .50, "MMR": .22, "PHL": .10, "LAO": .06, "THA": .05, "VNM": .03, "ARE": .02,
                    "ZAF": .01, "MYS": .01},
    "abk": {"TWN": .30, "KOR": .15, "ZAF": .05, "PHL": .05, "MYS": .10, "ITA": .05, "81": .15, "94": .15},
    "bayi_anak": {"31": .30, "35": .20, "32": .20, "51": .10, "MYS": .15, "SGP": .05},
    "pengantin_pesanan": {"CHN": .85, "TWN": .10, "MYS": .05},
    "pengambilan_organ": {"KHM": .90, "31": .10},
}
FEMALE_SHARE = {"kerja_paksa": .60, "eksploitasi_seksual": .95, "online_scam": .35, "abk": .02,
                "bayi_anak": .50, "pengantin_pesanan": 1.0, "pengambilan_organ": .20}
CHILD_SHARE = {"kerja_paksa": .05, "eksploitasi_seksual": .25, "online_scam": .03, "abk": .08,
               "bayi_anak": 1.0, "pengantin_pesanan": .15, "pengambilan_organ": .0}

# Share of victims reaching each stage after assessment (assumption), and the reporting agency.
STAGE_PROBABILITY = {"rehabilitasi_medis": .72, "rehabilitasi_sosial": .93, "pemulangan": .85,
                     "reintegrasi": .75, "kewirausahaan": .45}
RECENT_COHORT_DAMPING = {"pemulangan": .5, "reintegrasi": .3, "kewirausahaan": .2}  # last 3 months
STAGE_AGENCY = {"asesmen": "KEMENSOS", "rehabilitasi_medis": "KEMENKES", "rehabilitasi_sosial": "KEMENSOS",
                "pemulangan": "KEMENSOS", "reintegrasi": "KEMENSOS", "kewirausahaan": "KEMENSOS"}

# Units: the candidate list has 34 sentra for 31 slots; the three least verified are left out.
# Pangurangi's capacity of 44 is public (antaranews); the others are assumptions.
KNOWN_CAPACITY = {"Pangurangi": 44}
# Units that receive trafficking victims most (notes.md: Mulya Jaya, Efata, RPTC; Paramita in NTB).
TPPO_FOCUS_UNITS = ("Mulya Jaya", "Efata", "Paramita", "Bambu Apus", "Tanjungpinang", "Handayani",
                    "Bahagia", "Darussa'adah")

# WISN working time is planned for the current year; its holidays come from the official calendar.
PLANNING_YEAR = 2026

# Staff training (issue 15: the Jarnas offer to train staff). No public figures exist; every number is an
# assumption chosen so the page shows units on, near and far below target.
# - Training records start in TRAINING_START (the programme begins in 2024) and run to PERIOD_END.
# - Each unit × role gets a yearly reach: persons trained per year as a share of its filled posts, drawn
#   uniformly from TRAINING_REACH; monthly counts are Poisson with that yearly rate / 12 (so a person-training
#   count, not distinct persons: someone trained twice counts twice, as real aggregated records would).
# - Topics split by TRAINING_TOPIC_SHARE per role (victim identification and case management first for social
#   workers; psychosocial support for psychologists and counsellors).
# - Targets per role (TRAINING_TARGET, CERTIFIED_TARGET) are examples an admin replaces: 80 % of filled posts
#   trained within 12 months for every role; every social worker certified (UU 14/2019 requires a certificate
#   of competence for pekerja sosial); no certificate target for roles without one.
# - The training stream uses its own random generator (TRAINING_SEED), so adding it changed no other demo table.
TRAINING_START = dt.date(2024, 1, 1)
TRAINING_SEED = (SEED, 15)
TRAINING_REACH = (0.1, 1.0)
TRAINING_TOPIC_SHARE = {
    "pekerja_sosial": {"identifikasi_korban": .30, "manajemen_kasus": .30, "psikososial": .15,
                       "hukum_restitusi": .15, "reintegrasi": .10},
    "psikolog": {"psikososial": .60, "identifikasi_korban": .25, "manajemen_kasus": .15},
    "konselor": {"psikososial": .55, "identifikasi_korban": .25, "reintegrasi": .20},
    "tenaga_kesehatan": {"identifikasi_korban": .50, "psikososial": .30, "lainnya": .20},
    "instruktur_vokasional": {"reintegrasi": .70, "identifikasi_korban": .20, "lainnya": .10},
    "pengasuh": {"psikososial": .50, "identifikasi_korban": .30, "lainnya": .20},
}
TRAINING_TARGET = 0.8
CERTIFIED_TARGET = {"pekerja_sosial": 1.0}
TARGET_SOURCE = "CONTOH untuk data demo, bukan target resmi: admin data menetapkan target (Kesenjangan SDM)"

DEMO_NOTICE = "DATA CONTOH (sintetis)"

# ---------------------------------------------------------------- prevention (issue 15)
# A stream of its own: prevention rows are drawn from this seed, so adding them left every earlier demo table
# exactly as it was.
PREVENTION_SEED = (SEED, 15)

# Migrant-worker placements (BP2MI), origin_provinces.csv: 274,965 in 2023; the top ten and bottom three
# provinces exact (databoks/BP2MI).
PLACEMENTS_2023_TOTAL = 274_965
PLACEMENTS_2023_EXACT = {"35": 68069, "33": 59009, "32": 52961, "52": 33949, "18": 21539, "12": 10550, "51": 9359,
                         "36": 3183, "16": 2088, "73": 2076, "82": 12, "92": 15, "75": 20}
# The other 12,135 placements of 2023 spread over the remaining provinces by these weights (assumption: NTT,
# Kalimantan Barat, Kepulauan Riau, DKI and Aceh send more; every other province weight 1). With 25 provinces
# each lands between the bottom three (≤ 20) and rank ten (2,076), as the ranking requires (tested).
PLACEMENTS_2023_REST_WEIGHTS = {"53": 4, "61": 3, "21": 3, "31": 3, "11": 2, "14": 2, "13": 2, "34": 2, "71": 2}
# 2024 (prevention.csv, Wamen P2MI 31 Dec 2024): the top five exact. The national total is not stated; it is
# derived from Jawa Timur's stated share (79,001 = 26.76 %), and the other four shares agree within 0.1 %.
PLACEMENTS_2024_EXACT = {"35": 79001, "33": 66297, "32": 61236, "52": 30342, "18": 25016}
PLACEMENTS_2024_TOTAL = round(79001 / 0.2676)
# BP3MI NTB reports 21,252 placements from NTB in 2024, BP2MI 30,342: the demo keeps the national (BP2MI) figure.
# The other provinces of 2024 keep their 2023 proportions (assumption). 2025 (January–July, the demo period):
# each province's 2024 figure spread evenly over the months (assumption: flat).
PLACEMENTS_MONTHLY_FROM = 2025  # years before: one whole-year row per area; from this year on: monthly rows
# Placements by kab/kota: a province's placements spread over its kab/kota in proportion to (victims 2023-2025 + 1)
# times a gamma(2) draw (assumption: trafficking follows migration, unevenly); this share stays at province level
# (kab/kota not recorded), as BP2MI publishes some placements by province only.
PLACEMENTS_UNKNOWN_KAB_SHARE = 0.10

# Prevented non-procedural departures (prevention.csv). The province is where the departure was stopped (airport,
# port, border post), not the origin: Soekarno-Hatta airport is in Banten.
PREVENTED_2024_NATIONAL = 4191  # BP2MI, 31 Dec 2024: the demo's 2024 rows add up to exactly this
PREVENTED_EXACT = {  # (province, month) → count, Banten from the Imigrasi Soekarno-Hatta and BP3MI Banten reports
    ("36", dt.date(2023, 1, 1)): 212, ("36", dt.date(2023, 2, 1)): 415, ("36", dt.date(2023, 3, 1)): 530,
    ("36", dt.date(2023, 4, 1)): 307, ("36", dt.date(2024, 1, 1)): 330, ("36", dt.date(2024, 2, 1)): 254,
}
# Soekarno-Hatta: 2,486 prevented from 1 Jan to 15 Jun 2023, so 1,022 in May and the first half of June: the demo
# puts 681 (1,022 / 1.5) in each of May and June 2023 (assumption). Every other Banten month (July 2023 onwards,
# March 2024 onwards) repeats the mean of January and February 2024, 292 (assumption: the post-surge level).
PREVENTED_BANTEN_MAY_JUNE_2023 = 681
PREVENTED_BANTEN_USUAL = 292
PREVENTED_NTB_2024 = 233  # BP3MI NTB, all agencies, 2024; spread evenly over the months
# The rest of the 2024 national figure (4,191 − Banten − NTB = 454) at other exit points, by these weights
# (assumption: Batam/Tanjungpinang ports, Nunukan, Entikong, Juanda, Kualanamu, Bali, Makassar). 2023 and 2025
# repeat each province's 2024 monthly level (assumption), NTB included.
PREVENTED_OTHER_WEIGHTS = {"21": 150, "65": 100, "61": 60, "35": 50, "12": 40, "51": 30, "73": 24}
# Banten 2023 rows are Imigrasi's (the source is Kanim Soekarno-Hatta); all other rows BP3MI's.

# Prevention activities: no public monthly series exists, so everything here is an assumption, shaped to
# exercise the Pencegahan page. Activities per province and year: a floor plus one per 150 placements in 2024
# (sending areas get more outreach); spread over kab/kota in proportion to the square root of their placement
# share, then drawn month by month (Poisson).
ACTIVITIES_FLOOR_PER_PROVINCE = 20
PLACEMENTS_PER_ACTIVITY = 150
ACTIVITY_KIND_SHARE = {"sosialisasi": .50, "pelatihan_aparat_desa": .15, "layanan_informasi": .30, "lainnya": .05}
PARTICIPANTS_PER_ACTIVITY = {"sosialisasi": 60, "pelatihan_aparat_desa": 25, "layanan_informasi": 15,
                             "lainnya": 30}  # drawn ±40 %
ACTIVITY_AGENCIES = {"sosialisasi": ("BP3MI", "DISNAKER", "DINSOS", "JARNAS"),
                     "pelatihan_aparat_desa": ("DINSOS", "PEMDES", "BP3MI"),
                     "layanan_informasi": ("BP3MI", "DISNAKER"), "lainnya": ("LAINNYA",)}
# A victims' hot spot with no prevention activity in the last 12 months of the demo period (synthetic scenario,
# so the priority list has its first case): Timor Tengah Utara, from August 2024.
NO_PREVENTION_SINCE = {("53", "Kabupaten Timor Tengah Utara"): dt.date(2024, 8, 1)}
