"""Strings of the Kesenjangan SDM page (WISN gaps, caseload, allocation planner, standards editor)."""

CATALOG = {
    "sdm.source": {"id": "Kemensos (Biro SDM: formasi per kuartal; Ditjen Rehsos: okupansi); standar beban kerja WISN "
                         "(lihat tabel standar di bawah)",
                   "en": "Kemensos (HR bureau: posts per quarter; Rehsos: occupancy); WISN workload standards (see the "
                         "standards table below)"},
    "sdm.no_data": {"id": "tidak ada data", "en": "no data"},
    "sdm.yes": {"id": "Ya", "en": "Yes"},
    "sdm.no": {"id": "Tidak", "en": "No"},
    "sdm.example_notice": {
        "id": "STANDAR CONTOH: standar beban kerja dan waktu kerja yang dipakai di halaman ini masih contoh untuk data "
              "demo, bukan standar resmi. Kebutuhan staf di bawah hanya ilustrasi sampai admin data menggantinya "
              "dengan standar yang disahkan.",
        "en": "EXAMPLE STANDARDS: the workload standards and working time used on this page are examples for the demo "
              "data, not official standards. Staffing need below is illustrative until the data admin replaces them "
              "with approved standards.",
    },
    "sdm.invalid": {"id": "Kebutuhan staf tidak dapat dihitung karena standar beban kerja belum lengkap atau tidak "
                          "valid. Admin data dapat memperbaikinya di bagian standar di bawah:",
                    "en": "Staffing need cannot be computed because the workload standards are incomplete or invalid. "
                          "The data admin can fix them in the standards section below:"},
    "sdm.no_pairs": {"id": "Tidak ada unit dengan data staf, okupansi, dan waktu kerja sekaligus untuk filter ini.",
                     "en": "No unit has staffing, occupancy and working-time data together for these filters."},
    "sdm.window": {"id": "Beban kerja: 12 bulan terakhir dalam periode terpilih ({period}), disetahunkan bila kurang "
                         "dari 12 bulan. Staf tersedia: formasi terisi triwulan {q} {year}.",
                   "en": "Workload: the last 12 months of the selected period ({period}), annualised when shorter. "
                         "Staff available: filled posts in Q{q} {year}."},
    "sdm.kpi.current": {"id": "Staf tersedia", "en": "Staff available"},
    "sdm.kpi.required": {"id": "Staf dibutuhkan (WISN)", "en": "Staff needed (WISN)"},
    "sdm.kpi.shortage": {"id": "Kekurangan staf (bruto)", "en": "Staff shortage (gross)"},
    "sdm.kpi.cells": {"id": "Unit-peran kurang staf", "en": "Unit-roles short"},
    "sdm.kpi.cells_value": {"id": "{n}/{m}", "en": "{n}/{m}"},
    "sdm.help.cells": {"id": "Pasangan unit dan peran dengan rasio WISN di bawah 1, dari semua pasangan yang dihitung.",
                       "en": "Unit-role pairs with a WISN ratio below 1, out of all pairs computed."},
    "sdm.kpi.certified": {"id": "Peksos bersertifikat", "en": "Certified soc. workers"},
    "sdm.help.required": {"id": "Jumlah staf yang dibutuhkan untuk beban kerja setahun menurut metode WISN (WHO).",
                          "en": "Staff needed for a year's workload by WHO's WISN method."},
    "sdm.help.shortage": {"id": "Dijumlahkan per unit dan peran: kelebihan staf di satu unit tidak menutup "
                                "kekurangan di unit lain.",
                          "en": "Summed per unit and role: a surplus in one unit does not cover a shortage in "
                                "another."},
    "sdm.help.certified": {"id": "Porsi pekerja sosial yang memiliki sertifikat kompetensi (wajib menurut UU 14/2019).",
                           "en": "Share of social workers holding a competence certificate (required by Law 14/2019)."},
    "sdm.heat.title": {"id": "Rasio WISN per unit dan peran", "en": "WISN ratio per unit and role"},
    "sdm.heat.caption": {"id": "Rasio = staf tersedia ÷ staf dibutuhkan. Merah: kekurangan (di bawah 1), putih: "
                               "seimbang (1), biru: kelebihan. Unit dengan rasio terendah di atas; abu-abu: tidak ada "
                               "beban kerja tercatat.",
                         "en": "Ratio = staff available ÷ staff needed. Red: shortage (below 1), white: balanced (1), "
                               "blue: surplus. Units with the lowest ratio on top; grey: no workload recorded."},
    "sdm.heat.chart": {"id": "Rasio WISN (staf tersedia ÷ dibutuhkan)", "en": "WISN ratio (staff available ÷ needed)"},
    "sdm.heat.ratio": {"id": "Rasio WISN", "en": "WISN ratio"},
    "sdm.heat.balanced": {"id": "seimbang", "en": "balanced"},
    "sdm.heat.current": {"id": "Staf tersedia", "en": "Staff available"},
    "sdm.heat.required": {"id": "Staf dibutuhkan", "en": "Staff needed"},
    "sdm.heat.none": {"id": "tidak ada beban kerja tercatat", "en": "no workload recorded"},
    "sdm.heat.table": {"id": "Tabel WISN per unit dan peran", "en": "WISN table per unit and role"},
    "sdm.short.title": {"id": "Kekurangan terbesar", "en": "Largest shortages"},
    "sdm.short.none": {"id": "Tidak ada unit dan peran yang kekurangan staf menurut standar ini.",
                       "en": "No unit and role is short of staff under these standards."},
    "sdm.short.chart": {"id": "15 kekurangan staf terbesar (unit · peran)",
                        "en": "15 largest staff shortages (unit · role)"},
    "sdm.short.x": {"id": "Kekurangan staf (orang)", "en": "Staff shortage (persons)"},
    "sdm.short.text": {"id": "{n} (rasio {r})", "en": "{n} (ratio {r})"},
    "sdm.short.table": {"id": "Tabel kekurangan terbesar", "en": "Table of largest shortages"},
    "sdm.case.title": {"id": "Beban kasus pekerja sosial", "en": "Social worker caseload"},
    "sdm.case.norm": {"id": "Norma beban kasus (korban per pekerja sosial), diisi pengguna",
                      "en": "Caseload norm (victims per social worker), entered by you"},
    "sdm.case.norm_placeholder": {"id": "kosong = tanpa penilaian", "en": "empty = no judgement"},
    "sdm.case.norm_help": {"id": "Belum ada norma resmi beban kasus pekerja sosial untuk korban TPPO. Angka yang Anda "
                                 "isi hanya dipakai untuk tampilan ini dan tidak disimpan.",
                           "en": "There is no official caseload norm for social workers with trafficking victims. The "
                                 "number you enter is used for this view only and is not saved."},
    "sdm.case.no_norm": {"id": "Korban TPPO dalam layanan (rata-rata 3 bulan terakhir) per pekerja sosial. Isi norma "
                               "di atas untuk menandai unit yang melampauinya.",
                         "en": "Trafficking victims in care (average of the last 3 months) per social worker. Enter a "
                               "norm above to flag units exceeding it."},
    "sdm.case.judged": {"id": "{n} dari {m} unit melampaui norma {norm} korban per pekerja sosial yang Anda isi "
                              "(ditandai merah; termasuk unit yang melayani korban tanpa pekerja sosial).",
                        "en": "{n} of {m} units exceed the norm of {norm} victims per social worker you entered "
                              "(red; including units caring for victims without any social worker)."},
    "sdm.case.chart": {"id": "Korban TPPO dalam layanan per pekerja sosial",
                       "en": "Trafficking victims in care per social worker"},
    "sdm.case.x": {"id": "Korban per pekerja sosial", "en": "Victims per social worker"},
    "sdm.case.norm_line": {"id": "norma (isian pengguna)", "en": "norm (user-entered)"},
    "sdm.case.table": {"id": "Tabel beban kasus", "en": "Caseload table"},
    "sdm.plan.title": {"id": "Perencana alokasi staf", "en": "Staff allocation planner"},
    "sdm.plan.caption": {"id": "Simulasi: staf baru atau pindahan diberikan satu per satu ke unit dengan rasio WISN "
                               "terendah. Pertimbangkan jarak, status kepegawaian, dan sertifikasi sebelum memutuskan.",
                         "en": "Simulation: new or transferred staff go one at a time to the unit with the lowest WISN "
                               "ratio. Consider distance, employment status and certification before deciding."},
    "sdm.plan.role": {"id": "Peran", "en": "Role"},
    "sdm.plan.recruit_tab": {"id": "Rekrut staf baru", "en": "Recruit new staff"},
    "sdm.plan.move_tab": {"id": "Pindahkan staf antar-unit", "en": "Move staff between units"},
    "sdm.plan.n": {"id": "Jumlah staf baru (0–500)", "en": "Number of new staff (0–500)"},
    "sdm.plan.recruit_result": {
        "id": "**{placed}** dari {n} staf baru ditempatkan di **{units}** unit; rasio WISN terendah naik dari "
              "{before} menjadi **{after}**.",
        "en": "**{placed}** of {n} new staff placed in **{units}** units; the lowest WISN ratio rises from {before} "
              "to **{after}**."},
    "sdm.plan.recruit_chart": {"id": "Rasio WISN {role} sebelum dan sesudah rekrutmen (unit penerima)",
                               "en": "WISN ratio of {role} before and after recruitment (receiving units)"},
    "sdm.plan.before": {"id": "Sebelum", "en": "Before"},
    "sdm.plan.after": {"id": "Sesudah", "en": "After"},
    "sdm.plan.table": {"id": "Tabel rencana per unit", "en": "Plan table per unit"},
    "sdm.plan.moves": {"id": "Jumlah perpindahan paling banyak (0–500)", "en": "Maximum number of moves (0–500)"},
    "sdm.plan.move_result": {
        "id": "**{moves}** perpindahan melibatkan **{units}** unit; rasio WISN terendah dari {before} menjadi "
              "**{after}**. Unit pemberi tetap pada rasio 1 atau lebih.",
        "en": "**{moves}** moves involve **{units}** units; the lowest WISN ratio goes from {before} to **{after}**. "
              "Donor units stay at a ratio of 1 or more."},
    "sdm.plan.move_chart": {"id": "Rasio WISN {role} sebelum dan sesudah perpindahan",
                            "en": "WISN ratio of {role} before and after the moves"},
    "sdm.plan.no_moves": {"id": "Tidak ada perpindahan yang membantu: tidak ada unit dengan kelebihan staf yang dapat "
                                "memberi tanpa turun di bawah rasio 1.",
                          "en": "No helpful move: no unit has surplus staff it can give without falling below a "
                                "ratio of 1."},
    "sdm.std.title": {"id": "Standar yang dipakai", "en": "Standards in use"},
    "sdm.std.caption": {"id": "Standar beban kerja per peran dan waktu kerja tersedia, masing-masing dengan sumbernya. "
                              "Pemicu: penerimaan = korban diterima, pemulangan = korban dipulangkan, hari_rawat = "
                              "penghuni × hari; frekuensi = kegiatan per pemicu.",
                        "en": "Workload standards per role and available working time, each with its source. Driver: "
                              "penerimaan = admissions, pemulangan = discharges, hari_rawat = resident-days; frequency "
                              "= activities per driver unit."},
    "sdm.std.example": {"id": "CONTOH", "en": "EXAMPLE"},
    "sdm.std.approved": {"id": "disahkan", "en": "approved"},
    "sdm.std.col.peran": {"id": "Peran", "en": "Role"},
    "sdm.std.col.aktivitas": {"id": "Kegiatan", "en": "Activity"},
    "sdm.std.col.jenis": {"id": "Jenis", "en": "Kind"},
    "sdm.std.col.menit_per_unit": {"id": "Menit per kegiatan", "en": "Minutes per activity"},
    "sdm.std.col.pemicu": {"id": "Pemicu", "en": "Driver"},
    "sdm.std.col.frekuensi": {"id": "Frekuensi per pemicu", "en": "Frequency per driver"},
    "sdm.std.col.persen_waktu": {"id": "Persen waktu (penunjang)", "en": "Percent of time (support)"},
    "sdm.std.col.jam_per_tahun": {"id": "Jam per tahun (tambahan)", "en": "Hours per year (individual)"},
    "sdm.std.col.staf_melakukan": {"id": "Staf yang melakukan", "en": "Staff doing it"},
    "sdm.std.col.sumber": {"id": "Sumber", "en": "Source"},
    "sdm.std.col.contoh": {"id": "Status", "en": "Status"},
    "sdm.std.col.hari_kerja": {"id": "Hari kerja", "en": "Working days"},
    "sdm.std.col.libur_nasional": {"id": "Libur nasional", "en": "Public holidays"},
    "sdm.std.col.cuti_tahunan": {"id": "Cuti tahunan", "en": "Annual leave"},
    "sdm.std.col.cuti_sakit": {"id": "Cuti sakit", "en": "Sick leave"},
    "sdm.std.col.cuti_lain": {"id": "Cuti lain (pelatihan, dinas)", "en": "Other leave (training, travel)"},
    "sdm.std.col.jam_per_hari": {"id": "Jam kerja per hari", "en": "Hours per day"},
    "sdm.edit.title": {"id": "Ubah standar (admin data)", "en": "Edit standards (data admin)"},
    "sdm.edit.help": {"id": "Ubah, tambah, atau hapus baris, isi sumber, lalu simpan. Semua perubahan diperiksa dan "
                            "disimpan sekaligus; bila ada yang tidak valid tidak ada yang berubah. Baris yang diubah "
                            "tercatat dengan nama Anda dan waktunya, dan tidak lagi berstatus contoh.",
                      "en": "Change, add or delete rows, enter the source, then save. All changes are checked and "
                            "saved "
                            "together; if anything is invalid nothing changes. Changed rows are recorded with your "
                            "name and the time, and are no longer marked as examples."},
    "sdm.edit.source": {"id": "Sumber standar (wajib)", "en": "Source of the standards (required)"},
    "sdm.edit.source_hint": {"id": "mis. Keputusan Dirjen Rehsos No. .../2026 tanggal ...",
                             "en": "e.g. Decree of the Director-General No. .../2026 dated ..."},
    "sdm.edit.save": {"id": "Simpan standar", "en": "Save standards"},
    "sdm.edit.saved": {"id": "Standar tersimpan: {added} ditambah, {changed} diubah, {deleted} dihapus, {time} waktu "
                             "kerja diubah. Kebutuhan staf dihitung ulang.",
                       "en": "Standards saved: {added} added, {changed} changed, {deleted} deleted, {time} "
                             "working-time "
                             "rows changed. Staffing need was recomputed."},
    "sdm.edit.unchanged": {"id": "Tidak ada perubahan untuk disimpan.", "en": "There are no changes to save."},
    "sdm.edit.failed": {"id": "Standar tidak disimpan; tidak ada yang berubah:",
                        "en": "Standards not saved; nothing changed:"},
    "sdm.col.kode_unit": {"id": "Unit", "en": "Unit"},
    "sdm.col.peran": {"id": "Peran", "en": "Role"},
    "sdm.col.awt_hours": {"id": "Waktu kerja tersedia (jam/tahun)", "en": "Available working time (h/year)"},
    "sdm.col.service_staff": {"id": "Staf untuk pelayanan", "en": "Staff for services"},
    "sdm.col.caf": {"id": "Faktor penunjang (CAF)", "en": "Category allowance factor (CAF)"},
    "sdm.col.iaf": {"id": "Faktor tambahan (IAF)", "en": "Individual allowance factor (IAF)"},
    "sdm.col.required_staff": {"id": "Staf dibutuhkan", "en": "Staff needed"},
    "sdm.col.current_staff": {"id": "Staf tersedia", "en": "Staff available"},
    "sdm.col.wisn_ratio": {"id": "Rasio WISN", "en": "WISN ratio"},
    "sdm.col.shortage": {"id": "Selisih (tersedia − dibutuhkan)", "en": "Difference (available − needed)"},
    "sdm.col.kekurangan": {"id": "Kekurangan staf (bruto)", "en": "Staff shortage (gross)"},
    "sdm.col.selisih_bersih": {"id": "Selisih bersih (dibutuhkan − tersedia)",
                               "en": "Net difference (needed − available)"},
    "sdm.col.unit_kurang": {"id": "Unit dengan rasio < 1", "en": "Units with ratio < 1"},
    "sdm.col.korban_dalam_layanan": {"id": "Korban TPPO dalam layanan (rata-rata 3 bulan)",
                                     "en": "Trafficking victims in care (3-month average)"},
    "sdm.col.pekerja_sosial": {"id": "Pekerja sosial", "en": "Social workers"},
    "sdm.col.beban_kasus": {"id": "Korban per pekerja sosial", "en": "Victims per social worker"},
    "sdm.col.norma": {"id": "Norma (isian pengguna)", "en": "Norm (user-entered)"},
    "sdm.col.di_atas_norma": {"id": "Di atas norma", "en": "Above norm"},
    "sdm.col.ratio_before": {"id": "Rasio sebelum", "en": "Ratio before"},
    "sdm.col.added": {"id": "Staf baru", "en": "New staff"},
    "sdm.col.after_staff": {"id": "Staf sesudah", "en": "Staff after"},
    "sdm.col.ratio_after": {"id": "Rasio sesudah", "en": "Ratio after"},
    "sdm.col.moved_in": {"id": "Staf masuk", "en": "Staff in"},
    "sdm.col.moved_out": {"id": "Staf keluar", "en": "Staff out"},
    "sdm.col.step": {"id": "Langkah", "en": "Step"},
    "sdm.col.from_unit": {"id": "Dari unit", "en": "From unit"},
    "sdm.col.to_unit": {"id": "Ke unit", "en": "To unit"},
}
