"""Strings of the Proyeksi Tahun Depan page, its deck slide and `manage.py proyeksi` (issue 27)."""

CATALOG = {
    "nav.proyeksi": {"id": "Proyeksi Tahun Depan", "en": "Next Year's Projection"},
    "purpose.proyeksi": {
        "id": "Perkiraan korban, tempat dan staf 12 bulan ke depan untuk siklus anggaran, dengan ketidakpastiannya.",
        "en": "Expected victims, places and staff over the next 12 months for the budget cycle, with their "
              "uncertainty."},
    "proy.label": {
        "id": "Proyeksi, bukan target: perkiraan dari pola data masa lalu, bukan sasaran kinerja atau kuota.",
        "en": "Proyeksi, bukan target (a projection, not a target): an estimate from past patterns in the data, "
              "not a performance goal or a quota."},
    "proy.slide.title": {"id": "Proyeksi 12 bulan ke depan (proyeksi, bukan target)",
                         "en": "Projection for the next 12 months (proyeksi, bukan target)"},
    "proy.method": {
        "id": "Metode: model linear tergeneralisasi (GLM) binomial negatif dari statsmodels, dengan tren (diredam "
              "{damping} per bulan ke depan) dan musim tahunan bila setiap uji punya ≥ 2 tahun data, dipasang pada "
              "bulan-bulan terakhir; interval prediksi 80 % dan 95 % dari {draws} simulasi model (ketidakpastian "
              "koefisien dan sebaran hitungan), berupa bilangan bulat tidak negatif.",
        "en": "Method: a negative-binomial generalised linear model (GLM) from statsmodels, with trend (damped by "
              "{damping} per month ahead) and a yearly season when every test has ≥ 2 years of data, fitted on the "
              "most recent months; 80 % and 95 % prediction intervals from {draws} simulations of the model "
              "(coefficient uncertainty and count noise), whole non-negative numbers."},
    "proy.variant.musiman": {"id": "tren dan musim tahunan, 36 bulan terakhir",
                             "en": "trend and yearly season, last 36 months"},
    "proy.variant.lokal": {"id": "tren, 12 bulan terakhir", "en": "trend, last 12 months"},
    "proy.window": {"id": "Proyeksi untuk {period}, dari data korban sampai {origin}.",
                    "en": "Projection for {period}, from victim data up to {origin}."},
    "proy.backtest": {
        "id": "Uji mundur (satu langkah ke depan, 12 bulan terakhir; tiap bulan diramal hanya dari data sebelumnya): "
              "galat absolut rata-rata {mae} per bulan (ramalan naif \"sama dengan bulan lalu\": {naive}); {inside80} "
              "dari 12 bulan di dalam interval 80 %, {inside95} di dalam interval 95 %.",
        "en": "Backtest (one step ahead, last 12 months; each month forecast only from the data before it): mean "
              "absolute error {mae} per month (naive forecast \"same as last month\": {naive}); {inside80} of 12 "
              "months inside the 80 % interval, {inside95} inside the 95 % interval."},
    "proy.reason.short": {
        "id": "Proyeksi tidak ditampilkan: deret baru {months} bulan, perlu minimal {min} bulan.",
        "en": "No projection: the series has only {months} months, at least {min} are needed."},
    "proy.reason.flat": {
        "id": "Proyeksi tidak ditampilkan: jumlah per bulan sama ({value}) selama {months} bulan terakhir, tidak "
              "ada pola untuk diproyeksikan.",
        "en": "No projection: the monthly count stayed the same ({value}) for the last {months} months; there is no "
              "pattern to project."},
    "proy.reason.small": {
        "id": "Proyeksi tidak ditampilkan: rata-rata {mean} per bulan dalam 12 bulan terakhir, di bawah {min}; "
              "intervalnya akan lebih banyak derau daripada informasi.",
        "en": "No projection: {mean} a month on average over the last 12 months, below {min}; its interval would "
              "be mostly noise."},
    "proy.reason.fit": {"id": "Proyeksi tidak ditampilkan: model tidak dapat dipasang pada data ini.",
                        "en": "No projection: the model cannot be fitted to these data."},
    "proy.reason.poor": {
        "id": "Proyeksi tidak ditampilkan: uji mundur buruk ({inside80} dari 12 bulan di dalam interval 80 %, "
              "minimal {min_inside80}; galat rata-rata {relative} dari jumlah bulanan, maksimal {max_relative}).",
        "en": "No projection: the backtest is poor ({inside80} of 12 months inside the 80 % interval, at least "
              "{min_inside80}; mean error {relative} of the monthly count, at most {max_relative})."},
    "proy.reason.year": {
        "id": "Proyeksi tidak ditampilkan: uji tahunan meleset. Untuk {period}, model yang hanya memakai data "
              "sebelumnya memproyeksikan {median} (interval 95 % {lo95}–{hi95}); kenyataannya {actual}.",
        "en": "No projection: the year-ahead check missed. For {period}, the model using only the data before it "
              "projected {median} (95 % interval {lo95}–{hi95}); the actual count was {actual}."},
    "proy.year": {
        "id": "Uji tahunan: untuk {period}, model yang hanya memakai data sebelumnya memproyeksikan {median} "
              "(interval 80 % {lo80}–{hi80}); kenyataannya {actual}.",
        "en": "Year-ahead check: for {period}, the model using only the data before it projected {median} "
              "(80 % interval {lo80}–{hi80}); the actual count was {actual}."},
    "proy.reason.no_stay": {"id": "tanpa lama tinggal (tidak ada pemulangan dalam 12 bulan terakhir)",
                            "en": "no length of stay (no discharges in the last 12 months)"},
    "proy.reason.no_beds": {"id": "tanpa kapasitas pada bulan terakhir", "en": "no capacity in the last month"},
    "proy.staff.no_occupancy": {
        "id": "Tidak ada data okupansi untuk periode ini; proyeksi tempat dan staf tidak dapat dihitung.",
        "en": "No occupancy data for this period; places and staff cannot be projected."},
    "proy.staff.no_wisn": {
        "id": "WISN tidak dapat dihitung untuk periode ini (tidak ada data staf, atau standar beban kerja tidak "
              "dapat dipakai); proyeksi kebutuhan staf tidak ditampilkan.",
        "en": "WISN cannot be computed for this period (no staff data, or workload standards that cannot be "
              "used); no staff projection is shown."},
    "proy.national.title": {"id": "Korban ditangani: proyeksi nasional", "en": "Victims handled: national projection"},
    "proy.national.scope": {"id": "Korban ditangani (filter yang berlaku)", "en": "Victims handled (filters in force)"},
    "proy.kpi.total": {"id": "Proyeksi 12 bulan (median)", "en": "12-month projection (median)"},
    "proy.kpi.range80": {"id": "Interval 80 %", "en": "80 % interval"},
    "proy.kpi.range95": {"id": "Interval 95 %", "en": "95 % interval"},
    "proy.kpi.last12": {"id": "12 bulan terakhir (aktual)", "en": "Last 12 months (actual)"},
    "proy.range": {"id": "{lo}–{hi}", "en": "{lo}–{hi}"},
    "proy.chart.actual": {"id": "Aktual", "en": "Actual"},
    "proy.chart.median": {"id": "Proyeksi (median)", "en": "Projection (median)"},
    "proy.chart.band80": {"id": "Interval 80 %", "en": "80 % interval"},
    "proy.chart.band95": {"id": "Interval 95 %", "en": "95 % interval"},
    "proy.chart.y": {"id": "Korban per bulan", "en": "Victims per month"},
    "proy.chart.x": {"id": "Bulan", "en": "Month"},
    "proy.series.title": {"id": "Provinsi asal terbesar dan modus", "en": "Largest origin provinces and modus"},
    "proy.series.caption": {
        "id": "Provinsi: {n} provinsi asal dengan korban terbanyak dalam 12 bulan terakhir. Setiap deret diuji dan "
              "ditahan sendiri-sendiri; jumlah provinsi dan modus tidak harus sama dengan angka nasional.",
        "en": "Provinces: the {n} origin provinces with the most victims in the last 12 months. Each series is "
              "tested and withheld on its own; provinces and modus need not add up to the national figure."},
    "proy.col.kelompok": {"id": "Kelompok", "en": "Group"},
    "proy.col.nama": {"id": "Nama", "en": "Name"},
    "proy.col.aktual_12": {"id": "12 bulan terakhir", "en": "Last 12 months"},
    "proy.col.median": {"id": "Proyeksi 12 bulan (median)", "en": "12-month projection (median)"},
    "proy.col.interval80": {"id": "Interval 80 %", "en": "80 % interval"},
    "proy.col.interval95": {"id": "Interval 95 %", "en": "95 % interval"},
    "proy.col.mae": {"id": "Galat uji mundur (per bulan)", "en": "Backtest error (per month)"},
    "proy.col.inside80": {"id": "Bulan dalam interval 80 %", "en": "Months inside 80 %"},
    "proy.col.model": {"id": "Model / alasan ditahan", "en": "Model / reason withheld"},
    "proy.group.provinsi": {"id": "Provinsi asal", "en": "Origin province"},
    "proy.group.modus": {"id": "Modus", "en": "Modus"},
    "proy.places.title": {"id": "Tempat: okupansi sentra dan RPTC tahun depan",
                          "en": "Places: occupancy of sentra and RPTC next year"},
    "proy.places.caption": {
        "id": "Penerimaan tiap unit diproyeksikan dengan model yang sama; penghuni = penerimaan per hari × lama "
              "tinggal rata-rata 12 bulan terakhir (hukum Little, dikalibrasi ke rata-rata penghuni unit itu dalam 12 bulan "
              "terakhir), dibagi kapasitas bulan terakhir. Bulan yang "
              "\"kemungkinan melewati 90 %\": lebih dari separuh simulasi melewatinya. Data okupansi sampai {origin}.",
        "en": "Each unit's admissions are projected with the same model; residents = admissions per day × the "
              "average length of stay of the last 12 months (Little's law, calibrated to the unit's average residents of the "
              "last 12 months), divided by the latest capacity. Months "
              "\"likely to pass 90 %\": more than half of the simulations pass it. Occupancy data up to {origin}."},
    "proy.places.summary": {
        "id": "{n} dari {m} unit kemungkinan melewati 90 % kapasitas paling sedikit satu bulan dalam 12 bulan ke depan.",
        "en": "{n} of {m} units are likely to pass 90 % of capacity in at least one of the next 12 months."},
    "proy.places.withheld": {"id": "{n} unit tanpa proyeksi (alasan di tabel).",
                             "en": "{n} units without a projection (reason in the table)."},
    "proy.pcol.nama": {"id": "Unit", "en": "Unit"},
    "proy.pcol.kapasitas": {"id": "Kapasitas", "en": "Capacity"},
    "proy.pcol.lama_tinggal_hari": {"id": "Lama tinggal (hari)", "en": "Length of stay (days)"},
    "proy.pcol.utilisasi_terakhir": {"id": "Utilisasi bulan terakhir", "en": "Utilisation, latest month"},
    "proy.pcol.utilisasi_puncak_proyeksi": {"id": "Utilisasi puncak proyeksi (median)",
                                            "en": "Projected peak utilisation (median)"},
    "proy.pcol.bulan_lewat_90": {"id": "Bulan kemungkinan > 90 %", "en": "Months likely > 90 %"},
    "proy.pcol.alasan": {"id": "Alasan tanpa proyeksi", "en": "Reason without projection"},
    "proy.staff.title": {"id": "Staf: kebutuhan WISN tahun depan dan rekrutmen",
                         "en": "Staff: WISN need next year and recruitment"},
    "proy.staff.caption": {
        "id": "Beban kerja tahun depan = penerimaan, pemulangan (dianggap sama dengan penerimaan) dan hari rawat "
              "proyeksi (median) per unit; unit tanpa proyeksi memakai beban 12 bulan terakhirnya. Staf tersedia: "
              "{quarter}. Rekrut = kekurangan bruto tahun depan dibulatkan ke atas, ditempatkan oleh "
              "perencana alokasi (rasio WISN terendah lebih dulu).",
        "en": "Next year's workload = projected (median) admissions, discharges (taken equal to admissions) and "
              "resident-days per unit; units without a projection keep their last 12 months' workload. Staff "
              "available: {quarter}. Recruit = next year's gross shortage rounded up, placed by the "
              "allocation planner (lowest WISN ratio first)."},
    "proy.staff.summary": {
        "id": "Kebutuhan staf tahun depan {next} (sekarang {now}); saran rekrutmen {recruit} orang.",
        "en": "Staff needed next year {next} (now {now}); suggested recruitment {recruit} people."},
    "proy.scol.peran": {"id": "Peran", "en": "Role"},
    "proy.scol.staf_sekarang": {"id": "Staf tersedia", "en": "Staff available"},
    "proy.scol.dibutuhkan_sekarang": {"id": "Dibutuhkan sekarang", "en": "Needed now"},
    "proy.scol.dibutuhkan_proyeksi": {"id": "Dibutuhkan tahun depan", "en": "Needed next year"},
    "proy.scol.kekurangan_proyeksi": {"id": "Kekurangan bruto tahun depan", "en": "Gross shortage next year"},
    "proy.scol.rekrut": {"id": "Saran rekrut", "en": "Suggested recruits"},
    "proy.rcol.nama": {"id": "Unit", "en": "Unit"},
    "proy.rcol.rasio_sebelum": {"id": "Rasio WISN tahun depan tanpa rekrut", "en": "WISN ratio next year, no recruits"},
    "proy.rcol.rasio_sesudah": {"id": "Rasio sesudah rekrut", "en": "Ratio after recruits"},
    "proy.recruit.table": {"id": "Penempatan rekrut per unit", "en": "Recruits per unit"},
    "proy.none": {"id": "Tidak ada proyeksi yang dapat ditampilkan untuk filter ini.",
                  "en": "No projection can be shown for these filters."},
    "proy.withheld_count": {"id": "{n} dari {m} deret korban ditahan (alasan di tabel).",
                            "en": "{n} of {m} victim series withheld (reason in the table)."},
    "proy.source": {"id": "Kemensos dan Jarnas Anti TPPO (kasus), okupansi sentra dan RPTC, staf; proyeksi statsmodels",
                    "en": "Kemensos and Jarnas Anti TPPO (cases), occupancy of sentra and RPTC, staff; statsmodels "
                          "projection"},
}
