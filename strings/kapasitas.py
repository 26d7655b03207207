"""Strings of the Kapasitas Sentra page (service capacity, pressure, alerts, map)."""

CATALOG = {
    "kap.scope.national": {"id": "Nasional", "en": "National"},
    "kap.scope.selected": {"id": "Unit di provinsi terpilih", "en": "Units in the selected provinces"},
    "kap.source": {"id": "Kemensos (Ditjen Rehabilitasi Sosial), okupansi bulanan sentra dan RPTC",
                   "en": "Kemensos (Directorate-General of Social Rehabilitation), monthly occupancy of sentra "
                         "and RPTC"},
    "kap.no_data": {"id": "tidak ada data", "en": "no data"},
    "kap.yes": {"id": "Ya", "en": "Yes"},
    "kap.no": {"id": "Tidak", "en": "No"},
    "kap.kpi.header": {"id": "{scope}: {n} unit layanan", "en": "{scope}: {n} service units"},
    "kap.kpi.header.one": {"id": "{scope}: {n} unit layanan", "en": "{scope}: {n} service unit"},
    "kap.kpi.capacity": {"id": "Kapasitas (tempat tidur)", "en": "Capacity (beds)"},
    "kap.kpi.avg_residents": {"id": "Rata-rata penghuni", "en": "Average residents"},
    "kap.kpi.peak_residents": {"id": "Puncak penghuni", "en": "Peak residents"},
    "kap.kpi.utilisation": {"id": "Utilisasi rata-rata", "en": "Average utilisation"},
    "kap.kpi.months_over": {"id": "Bulan di atas kapasitas", "en": "Months over capacity"},
    "kap.kpi.admissions": {"id": "Penerimaan", "en": "Admissions"},
    "kap.kpi.discharges": {"id": "Pemulangan", "en": "Discharges"},
    "kap.kpi.stay": {"id": "Lama tinggal (hari)", "en": "Length of stay (days)"},
    "kap.kpi.tppo_share": {"id": "Porsi korban TPPO", "en": "TPPO victim share"},
    "kap.kpi.unreported": {"id": "{n} unit belum lapor", "en": "not reported: {n}"},
    "kap.kpi.alert_units": {"id": "Unit dalam peringatan", "en": "Units on alert"},
    "kap.help.capacity": {"id": "Jumlah tempat tidur pada bulan terakhir periode.",
                          "en": "Beds in the last month of the period."},
    "kap.help.peak": {"id": "Jumlah rata-rata penghuni tertinggi dalam satu bulan pada periode ini.",
                      "en": "The highest monthly average number of residents in the period."},
    "kap.help.utilisation": {"id": "Rata-rata penghuni dibagi kapasitas (penghuni-bulan per tempat tidur-bulan).",
                             "en": "Average residents divided by capacity (resident-months per bed-month)."},
    "kap.help.months_over": {"id": "Unit-bulan: jumlah bulan, dijumlahkan atas semua unit, ketika penghuni melebihi "
                                   "kapasitas.",
                             "en": "Unit-months: months, summed over all units, in which residents exceeded capacity."},
    "kap.help.stay": {"id": "Rata-rata lama tinggal, perkiraan: hari rawat (penghuni × hari dalam bulan) dibagi "
                            "jumlah pemulangan (hukum Little). Tidak ada data bila tidak ada pemulangan.",
                      "en": "Average length of stay, estimated: resident-days (residents × days in month) divided by "
                            "discharges (Little's law). No data when nobody was discharged."},
    "kap.help.tppo_share": {"id": "Porsi penghuni yang merupakan korban TPPO: penghuni korban TPPO dibagi seluruh "
                                  "penghuni, dijumlahkan per bulan.",
                            "en": "Share of residents who are TPPO victims: resident TPPO victims divided by all "
                                  "residents, summed over months."},
    "kap.help.alert_units": {"id": "Unit dalam peringatan pada {month}: utilisasinya di atas 90% paling sedikit dua "
                                   "bulan berturut-turut hingga bulan itu, walaupun rangkaiannya dimulai sebelum "
                                   "periode.",
                             "en": "Units on alert in {month}: above 90% utilisation for at least two consecutive "
                                   "months up to that month, even when the run began before the period."},
    "kap.alerts.title": {"id": "Peringatan: unit di atas 90% kapasitas", "en": "Alerts: units above 90% of capacity"},
    "kap.alerts.rule": {"id": "Setiap rangkaian paling sedikit 2 bulan berturut-turut dengan utilisasi di atas 90% "
                              "(tepat 90% tidak termasuk; bulan yang tidak dilaporkan memutus rangkaian).",
                        "en": "Every run of at least 2 consecutive months with utilisation above 90% (exactly 90% "
                              "does not count; an unreported month breaks a run)."},
    "kap.alerts.none": {"id": "Tidak ada unit di atas 90% kapasitas selama dua bulan berturut-turut pada periode ini.",
                        "en": "No unit was above 90% of capacity for two consecutive months in this period."},
    "kap.alerts.ongoing": {"id": "{n} peringatan masih berlangsung pada bulan terakhir data.",
                           "en": "{n} alerts are still ongoing in the latest month of data."},
    "kap.rank.title": {"id": "Unit menurut tekanan layanan", "en": "Units by service pressure"},
    "kap.rank.caption": {"id": "Tekanan = rata-rata dari utilisasi rata-rata dan utilisasi puncak: unit yang penuh "
                                "sepanjang waktu dan unit yang meluap saat puncak sama-sama berada di atas. 100% ≈ "
                                "penuh. Jingga: utilisasi rata-rata di atas 90%.",
                         "en": "Pressure = mean of average and peak utilisation: units full all the time and units "
                               "overflowing at peaks both rank high. 100% ≈ full. Orange: average utilisation above "
                               "90%."},
    "kap.rank.chart": {"id": "Tekanan layanan per unit ({scope})", "en": "Service pressure per unit ({scope})"},
    "kap.rank.x": {"id": "Tekanan (utilisasi, %)", "en": "Pressure (utilisation, %)"},
    "kap.rank.full": {"id": "penuh", "en": "full"},
    "kap.rank.table": {"id": "Tabel semua unit", "en": "Table of all units"},
    "kap.trend.title": {"id": "Tren per unit", "en": "Trend per unit"},
    "kap.trend.select": {"id": "Pilih unit (urut menurut tekanan)", "en": "Choose a unit (ordered by pressure)"},
    "kap.trend.penghuni": {"id": "Rata-rata penghuni", "en": "Average residents"},
    "kap.trend.penghuni_tppo": {"id": "Penghuni korban TPPO", "en": "Resident TPPO victims"},
    "kap.trend.kapasitas": {"id": "Kapasitas", "en": "Capacity"},
    "kap.trend.ambang": {"id": "Ambang 90% kapasitas", "en": "90% of capacity"},
    "kap.trend.bulan": {"id": "Bulan", "en": "Month"},
    "kap.trend.orang": {"id": "Orang", "en": "Persons"},
    "kap.trend.table": {"id": "Data tren unit ini", "en": "Trend data of this unit"},
    "kap.map.title": {"id": "Peta unit layanan", "en": "Map of service units"},
    "kap.map.caption": {"id": "Luas lingkaran sebanding dengan kapasitas; warna menurut utilisasi rata-rata pada "
                              "periode ini. Klik lingkaran untuk rincian.",
                        "en": "Circle area is proportional to capacity; colour by average utilisation in the period. "
                              "Click a circle for details."},
    "kap.col.kode_unit": {"id": "Kode unit", "en": "Unit code"},
    "kap.col.nama": {"id": "Unit", "en": "Unit"},
    "kap.col.tipe": {"id": "Tipe", "en": "Type"},
    "kap.col.kapasitas": {"id": "Kapasitas", "en": "Capacity"},
    "kap.col.rata_penghuni": {"id": "Rata-rata penghuni", "en": "Average residents"},
    "kap.col.puncak_penghuni": {"id": "Puncak penghuni", "en": "Peak residents"},
    "kap.col.penghuni": {"id": "Penghuni (rata-rata bulan)", "en": "Residents (monthly average)"},
    "kap.col.penghuni_tppo": {"id": "Penghuni korban TPPO", "en": "Resident TPPO victims"},
    "kap.col.utilisasi": {"id": "Utilisasi (rasio)", "en": "Utilisation (ratio)"},
    "kap.col.utilisasi_puncak": {"id": "Utilisasi puncak (rasio)", "en": "Peak utilisation (ratio)"},
    "kap.col.bulan_di_atas_kapasitas": {"id": "Bulan di atas kapasitas", "en": "Months over capacity"},
    "kap.col.penerimaan": {"id": "Penerimaan", "en": "Admissions"},
    "kap.col.pemulangan": {"id": "Pemulangan", "en": "Discharges"},
    "kap.col.lama_tinggal_hari": {"id": "Rata-rata lama tinggal (hari)", "en": "Average length of stay (days)"},
    "kap.col.porsi_tppo": {"id": "Porsi korban TPPO (rasio)", "en": "TPPO victim share (ratio)"},
    "kap.col.tekanan": {"id": "Tekanan (rasio)", "en": "Pressure (ratio)"},
    "kap.col.bulan": {"id": "Bulan", "en": "Month"},
    "kap.col.mulai": {"id": "Mulai", "en": "From"},
    "kap.col.akhir": {"id": "Sampai", "en": "To"},
    "kap.col.jumlah_bulan": {"id": "Jumlah bulan", "en": "Months"},
    "kap.col.utilisasi_maks": {"id": "Utilisasi tertinggi", "en": "Highest utilisation"},
    "kap.col.berlangsung": {"id": "Masih berlangsung", "en": "Ongoing"},
}
