"""Strings of the indicator catalogue (domain/indicators.py): definitions, units, period rules, comparison
verdicts and the notes a figure carries when a filter does not apply to it."""

CATALOG = {
    # Definitions (one sentence each; the Glosarium lists them)
    "ind.korban_ditangani.def": {
        "id": "Korban TPPO yang diterima dan diasesmen di sentra/RPTC Kemensos pada periode, dihitung sekali per "
              "korban. Bukan seluruh korban TPPO di Indonesia.",
        "en": "Trafficking victims received and assessed at Kemensos centres in the period, each counted once. "
              "Not all trafficking victims in Indonesia."},
    "ind.korban_anak.def": {"id": "Korban ditangani yang berusia di bawah 18 tahun.",
                            "en": "Victims handled who are under 18."},
    "ind.korban_luar_negeri.def": {"id": "Korban ditangani yang tujuan eksploitasinya di luar negeri.",
                                   "en": "Victims handled whose place of exploitation was abroad."},
    "ind.korban_reintegrasi.def": {
        "id": "Korban (masuk pada periode) yang sudah mencapai tahap reintegrasi sosial. Tahap ini baru tercapai "
              "beberapa bulan setelah korban masuk, sehingga bulan-bulan terakhir belum lengkap. Filter instansi "
              "tidak berlaku (tahap ini dilaporkan Kemensos).",
        "en": "Victims (entering in the period) who have reached social reintegration. This stage comes months "
              "after entry, so the latest months are still incomplete. The agency filter does not apply."},
    "ind.angka_korban.def": {
        "id": "Korban ditangani per 100.000 penduduk per tahun: jumlah korban dibagi penduduk, dikali 100.000, "
              "disetahunkan atas jumlah bulan pada periode. Dengan filter jenis kelamin atau kelompok umur tidak "
              "ada penyebut yang sesuai, sehingga angka ini tidak ditampilkan.",
        "en": "Victims handled per 100,000 population per year: victims divided by population, times 100,000, "
              "annualised over the months of the period. With a sex or age filter there is no matching "
              "denominator, so the rate is not shown."},
    "ind.korban_jauh_porsi.def": {"id": "Porsi korban yang daerah asalnya lebih jauh dari jarak layanan dari unit "
                                        "terdekat (jarak garis lurus).",
                                  "en": "Share of victims whose home area is farther than the service distance "
                                        "from the nearest unit (great-circle distance)."},
    "ind.korban_jauh.def": {"id": "Jumlah korban yang daerah asalnya lebih jauh dari jarak layanan.",
                            "en": "Victims whose home area is beyond the service distance."},
    "ind.korban_tanpa_lokasi.def": {"id": "Korban yang kab/kota asalnya tidak tercatat (hanya provinsi).",
                                    "en": "Victims whose home regency/city is not recorded (province only)."},
    "ind.korban_publik.def": {
        "id": "Korban ditangani menurut ekstrak publik: angka 1–9 disembunyikan (\"<10\") dan angka dibulatkan "
              "ke kelipatan 5.",
        "en": "Victims handled in the public extract: counts 1–9 are hidden (\"<10\") and counts are rounded to "
              "a multiple of 5."},
    "ind.kelengkapan_laporan.def": {
        "id": "Laporan data kasus bulanan instansi yang diterima dibagi laporan yang jatuh tempo (tanggal batas di "
              "Pemantauan Jarnas), dihitung dari catatan penyerahan: laporan nol tetap laporan.",
        "en": "Monthly case-data reports of the agencies received, divided by the reports due (the due day is on "
              "Jarnas Monitoring), read from the submission records: a zero report is a report."},
    "ind.unit_layanan.def": {"id": "Sentra dan RPTC aktif; dengan filter provinsi: unit yang berlokasi di provinsi "
                                   "itu.",
                             "en": "Active sentra and RPTC; with a province filter: units located there."},
    "ind.utilisasi.def": {"id": "Rata-rata penghuni dibagi kapasitas (penghuni-bulan per tempat tidur-bulan) atas "
                                "semua unit dan bulan pada periode.",
                          "en": "Average residents divided by capacity (resident-months per bed-month) over all "
                                "units and months of the period."},
    "ind.kapasitas.def": {"id": "Tempat tidur pada bulan terakhir periode.",
                          "en": "Beds in the period's last month."},
    "ind.rata_penghuni.def": {"id": "Rata-rata penghuni per bulan pada periode.",
                              "en": "Average residents per month in the period."},
    "ind.puncak_penghuni.def": {"id": "Penghuni tertinggi dalam satu bulan pada periode.",
                                "en": "The highest monthly residents in the period."},
    "ind.bulan_di_atas_kapasitas.def": {"id": "Unit-bulan ketika penghuni melebihi kapasitas.",
                                        "en": "Unit-months with more residents than beds."},
    "ind.penerimaan.def": {"id": "Penghuni baru yang diterima pada periode.",
                           "en": "New residents admitted in the period."},
    "ind.pemulangan.def": {"id": "Penghuni yang dipulangkan pada periode.",
                           "en": "Residents discharged in the period."},
    "ind.lama_tinggal.def": {"id": "Perkiraan rata-rata lama tinggal: hari rawat dibagi pemulangan.",
                             "en": "Estimated average length of stay: resident-days divided by discharges."},
    "ind.porsi_tppo.def": {"id": "Porsi penghuni yang merupakan korban TPPO.",
                           "en": "Share of residents who are trafficking victims."},
    "ind.unit_peringatan.def": {
        "id": "Unit yang terisi di atas 90% kapasitas selama sedikitnya 2 bulan berturut-turut dan masih berlangsung "
              "pada bulan terakhir periode. Peringatan yang sudah berakhir dicantumkan terpisah.",
        "en": "Units above 90% of capacity for at least 2 consecutive months, still ongoing in the period's last "
              "month. Alerts that ended earlier are listed separately."},
    "ind.staf_tersedia.def": {"id": "Staf yang menduduki formasi pada kuartal terakhir yang dimulai sebelum atau "
                                    "pada akhir periode.",
                              "en": "Staff in post in the latest quarter starting on or before the period's end."},
    "ind.staf_dibutuhkan.def": {"id": "Staf yang dibutuhkan menurut WISN untuk beban kerja 12 bulan yang berakhir "
                                      "pada akhir periode.",
                                "en": "Staff needed by WISN for the workload of the 12 months ending at the "
                                      "period's end."},
    "ind.kekurangan_staf.def": {
        "id": "Σ per unit dan peran dari max(0, dibutuhkan − tersedia) menurut WISN: staf pada kuartal terakhir "
              "yang dimulai sebelum atau pada akhir periode, beban kerja 12 bulan yang berakhir pada akhir periode.",
        "en": "Σ over units and roles of max(0, needed − available) by WISN: staff of the latest quarter starting "
              "on or before the period's end, workload of the 12 months ending at the period's end."},
    "ind.unit_peran_kurang.def": {"id": "Pasangan unit dan peran dengan rasio WISN di bawah 1.",
                                  "en": "Unit-role pairs with a WISN ratio below 1."},
    "ind.peksos_bersertifikat.def": {"id": "Porsi pekerja sosial yang bersertifikat kompetensi.",
                                     "en": "Share of social workers with a competence certificate."},
    # Prevention (issue 15)
    "ind.korban_per_10rb_pmi.def": {
        "id": "Korban ditangani menurut daerah asal pada satu tahun dibagi PMI yang ditempatkan dari daerah itu pada "
              "tahun yang sama (BP2MI), dikali 10.000; untuk beberapa daerah, hanya daerah yang memiliki data "
              "penempatan. Menunjukkan risiko per calon pekerja migran, bukan per penduduk. Filter modus, jenis "
              "kelamin, kelompok umur dan instansi tidak berlaku (penempatan tidak memiliki rincian itu).",
        "en": "Victims handled by area of origin in a year divided by the migrant workers placed from that area in "
              "the same year (BP2MI), times 10,000; over several areas, only those with placement data. Risk per "
              "migrant worker, not per inhabitant. The form, sex, age and agency filters do not apply (placements "
              "have no such breakdown)."},
    "ind.kegiatan_pencegahan_100rb.def": {
        "id": "Kegiatan pencegahan (sosialisasi, pelatihan aparat desa, layanan informasi migrasi aman, lainnya) "
              "pada 12 bulan yang berakhir pada akhir periode, per 100.000 penduduk daerah tempat kegiatan.",
        "en": "Prevention activities (awareness, village-official training, safe-migration information, other) in "
              "the 12 months ending at the period's end, per 100,000 population of the area where they took "
              "place."},
    "ind.kegiatan_pencegahan.def": {
        "id": "Jumlah kegiatan pencegahan TPPO yang dilaporkan pada 12 bulan yang berakhir pada akhir periode.",
        "en": "Prevention activities reported in the 12 months ending at the period's end."},
    "ind.peserta_pencegahan.def": {
        "id": "Peserta atau penerima layanan kegiatan pencegahan pada 12 bulan yang berakhir pada akhir periode "
              "(orang dapat terhitung lebih dari sekali).",
        "en": "Participants in or users of prevention activities in the 12 months ending at the period's end "
              "(a person may be counted more than once)."},
    "ind.keberangkatan_dicegah.def": {
        "id": "Calon PMI nonprosedural yang dicegah berangkat pada periode, menurut provinsi tempat pencegahan "
              "(bandara, pelabuhan, pos lintas batas), bukan provinsi asal mereka.",
        "en": "Would-be migrant workers stopped from departing irregularly in the period, by the province where "
              "they were stopped (airport, port, border post), not their home province."},
    "ind.wilayah_prioritas_pencegahan.def": {
        "id": "Kab/kota dengan korban dalam 12 bulan terakhir tetapi tanpa kegiatan pencegahan pada 12 bulan itu "
              "(kelompok 1 daftar wilayah prioritas pencegahan).",
        "en": "Regencies/cities with victims in the last 12 months but no prevention activity in those months "
              "(group 1 of the prevention priority list)."},
    # Names used inside sentences
    "ind.korban_ditangani.msg": {"id": "Korban yang ditangani", "en": "Victims handled"},
    "ind.korban_anak.msg": {"id": "Korban anak", "en": "Child victims"},
    "ind.korban_luar_negeri.msg": {"id": "Korban dengan tujuan luar negeri", "en": "Victims taken abroad"},
    "ind.korban_reintegrasi.msg": {"id": "Korban yang direintegrasikan", "en": "Victims reintegrated"},
    # Units, period rules, province meaning
    "unit.korban": {"id": "korban", "en": "victims"},
    "unit.per_100k_tahun": {"id": "per 100.000 penduduk per tahun", "en": "per 100,000 population per year"},
    "unit.persen": {"id": "persen", "en": "percent"},
    "unit.unit": {"id": "unit", "en": "units"},
    "unit.orang": {"id": "orang", "en": "persons"},
    "unit.tempat_tidur": {"id": "tempat tidur", "en": "beds"},
    "unit.unit_bulan": {"id": "unit-bulan", "en": "unit-months"},
    "unit.hari": {"id": "hari", "en": "days"},
    "unit.unit_peran": {"id": "pasangan unit-peran", "en": "unit-role pairs"},
    "unit.per_10rb_pmi": {"id": "per 10.000 PMI ditempatkan", "en": "per 10,000 migrant workers placed"},
    "unit.per_100k": {"id": "per 100.000 penduduk", "en": "per 100,000 population"},
    "unit.kegiatan": {"id": "kegiatan", "en": "activities"},
    "unit.kab_kota": {"id": "kab/kota", "en": "regencies/cities"},
    "rule.period.arus": {"id": "kejadian di dalam periode", "en": "events within the period"},
    "rule.period.stok_akhir": {"id": "keadaan pada bulan terakhir periode", "en": "state in the period's last month"},
    "rule.period.jendela_12": {"id": "12 bulan yang berakhir pada akhir periode",
                               "en": "the 12 months ending at the period's end"},
    "rule.period.rata_periode": {"id": "rata-rata atas bulan-bulan periode", "en": "average over the period's months"},
    "rule.province.asal": {"id": "provinsi asal korban", "en": "victims' province of origin"},
    "rule.province.lokasi_unit": {"id": "lokasi unit layanan", "en": "where the service unit is"},
    "rule.province.lokasi_kegiatan": {"id": "lokasi kegiatan pencegahan", "en": "where the prevention activity was"},
    "rule.province.lokasi_pencegahan": {"id": "provinsi tempat keberangkatan dicegah",
                                        "en": "province where the departure was stopped"},
    "rule.comparison": {
        "id": "Satu aturan untuk setiap \"naik\", \"turun\" dan \"meningkat\" di dasbor: dua hitungan korban "
              "dibandingkan dengan uji binomial eksak untuk dua hitungan Poisson (laju bulanan, sehingga jendela "
              "yang panjangnya berbeda dapat dibandingkan), dan disebut naik atau turun hanya bila kedua hitungan "
              "sedikitnya {min} dan p < {alpha}; selain itu \"relatif stabil\", atau tidak dinilai bila angkanya "
              "terlalu kecil. Aturan ini dipakai untuk perubahan dibanding bulan yang sama setahun sebelumnya (hanya "
              "bila data mencakup keduanya), untuk modus yang meningkat (3 bulan terakhir dibanding 12 bulan "
              "sebelumnya) dan untuk wilayah prioritas pencegahan. Indikator yang baru lengkap beberapa bulan "
              "kemudian (reintegrasi) tidak dibandingkan untuk periode yang berakhir kurang dari {lag} bulan "
              "sebelum akhir data.",
        "en": "One rule for every \"rise\", \"fall\" and \"rising\" on the dashboard: two victim counts are "
              "compared with the exact binomial test for two Poisson counts (monthly rates, so windows of different "
              "lengths compare), and called a rise or fall only when both counts are at least {min} and p < "
              "{alpha}; otherwise \"broadly stable\", or not judged when the counts are too small. The rule serves "
              "the change against the same months a year earlier (only when the data cover both), rising forms "
              "(the last 3 months against the 12 before) and the prevention priority areas. Indicators that fill "
              "in months later (reintegration) are not compared for periods ending less than {lag} months before "
              "the end of the data."},
    # Comparison verdicts and reasons
    "cmp.short.naik": {"id": "naik", "en": "up"},
    "cmp.short.turun": {"id": "turun", "en": "down"},
    "cmp.short.stabil": {"id": "relatif stabil", "en": "broadly stable"},
    "cmp.short.sedikit": {"id": "angka terlalu kecil", "en": "too few to compare"},
    "cmp.reason.not_covered": {
        "id": "Tidak ada perbandingan: data tidak mencakup bulan yang sama setahun sebelumnya.",
        "en": "No comparison: the data do not cover the same months a year earlier."},
    "cmp.reason.lag": {
        "id": "{name} tidak dibandingkan: tahap ini baru tercapai beberapa bulan setelah korban masuk, sehingga "
              "periode yang berakhir kurang dari {lag} bulan sebelum akhir data ({last}) belum lengkap.",
        "en": "{name} is not compared: this stage comes months after entry, so periods ending less than {lag} "
              "months before the end of the data ({last}) are incomplete."},
    "quarter": {"id": "Triwulan {n} {year}", "en": "Q{n} {year}"},
    # Filters that do not apply
    "scope.unit_note": {
        "id": "Angka kapasitas dan SDM mengikuti periode dan lokasi unit layanan{province}. {ignored}",
        "en": "Capacity and staffing figures follow the period and where the service unit is{province}. {ignored}"},
    "scope.province": {"id": " (filter provinsi = provinsi lokasi unit)", "en": " (province filter = unit location)"},
    "scope.ignored": {"id": "Filter {names} tidak berlaku untuk angka ini.",
                      "en": "The {names} filter does not apply to these figures."},
    "scope.period_clamped": {
        "id": "Periode disesuaikan dengan data yang tersedia: {period} (data tersedia {first} sampai {last}).",
        "en": "Period adjusted to the data available: {period} (data from {first} to {last})."},
    "scope.no_data_period": {
        "id": "Tidak ada data pada periode yang diminta; data tersedia {first} sampai {last}.",
        "en": "No data in the period asked for; data run from {first} to {last}."},
    # Headline table and download notes
    "col.indicator": {"id": "Indikator", "en": "Indicator"},
    "col.key": {"id": "Kunci", "en": "Key"},
    "col.unit": {"id": "Satuan", "en": "Unit"},
    "col.period": {"id": "Periode", "en": "Period"},
    "col.value": {"id": "Nilai", "en": "Value"},
    "col.previous_period": {"id": "Periode pembanding", "en": "Comparison period"},
    "col.previous_value": {"id": "Nilai pembanding", "en": "Comparison value"},
    "col.change": {"id": "Perubahan (proporsi)", "en": "Change (fraction)"},
    "col.verdict": {"id": "Penilaian", "en": "Verdict"},
    "export.source": {"id": "Sumber: {source}", "en": "Source: {source}"},
    "export.updated": {"id": "Pembaruan terakhir: {updated}", "en": "Last updated: {updated}"},
    "sdm.rule": {
        "id": "WISN: staf menurut {quarter}, kuartal terakhir yang ada datanya hingga {end}; beban kerja {window} "
              "({n} bulan okupansi{scaled}).",
        "en": "WISN: staff as of {quarter}, the latest quarter with data up to {end}; workload of {window} ({n} "
              "months of occupancy{scaled})."},
    "sdm.rule.scaled": {"id": ", disetahunkan", "en": ", scaled to a year"},
    "eks.alerts.ended": {"id": "{n} unit lain sempat dalam peringatan pada periode ini, tetapi sudah berakhir "
                                "sebelum bulan terakhir (lihat halaman Kapasitas Sentra).",
                         "en": "{n} other units were on alert earlier in the period, but their alert ended before "
                               "the last month (see the Capacity page)."},
    "deck.source.all": {"id": "Kemensos: data kasus, okupansi dan SDM sentra & RPTC",
                        "en": "Kemensos: case, occupancy and staffing data of the centres"},
    "deck.rising.line": {"id": "{name}: {status} · {count} korban dalam {recent} bulan ({mean}/bulan; {ratio}× "
                                "rata-rata {base}/bulan)",
                         "en": "{name}: {status} · {count} victims in {recent} months ({mean}/month; {ratio}× "
                               "the average {base}/month)"},
    "eks.like_window": {"id": "Bandingkan {period} dengan {previous}", "en": "Compare {period} with {previous}"},
    "eks.units_scope": {"id": "Utilisasi dan unit layanan:", "en": "Utilisation and service units:"},
}
