"""Strings of the executive summary, its key messages and the slide deck (Indonesian and English)."""

CATALOG = {
    # Headline figures
    "eks.kpi.total": {"id": "Korban ditangani", "en": "Victims handled"},
    "eks.kpi.children": {"id": "Korban anak", "en": "Child victims"},
    "eks.kpi.abroad": {"id": "Tujuan luar negeri", "en": "Taken abroad"},
    "eks.kpi.reintegrated": {"id": "Reintegrasi", "en": "Reintegrated"},
    "eks.kpi.utilisation": {"id": "Utilisasi sentra & RPTC", "en": "Centre utilisation"},
    "eks.kpi.units": {"id": "Unit layanan aktif", "en": "Active service units"},
    "eks.kpi.help.total": {
        "id": "Korban yang diterima dan diasesmen di sentra/RPTC Kemensos, dihitung sekali. Bukan seluruh korban "
              "TPPO di Indonesia.",
        "en": "Victims received and assessed at Kemensos centres, counted once. Not all trafficking victims in "
              "Indonesia.",
    },
    "eks.kpi.help.reintegrated": {
        "id": "Korban yang mencapai tahap reintegrasi sosial; filter instansi tidak berlaku (tahap ini dilaporkan "
              "Kemensos).",
        "en": "Victims who reached social reintegration; the agency filter does not apply (Kemensos reports "
              "this stage).",
    },
    "eks.kpi.help.utilisation": {"id": "Rata-rata penghuni dibagi kapasitas, semua unit dan bulan pada periode.",
                                 "en": "Average residents divided by capacity, all units and months of the period."},
    "eks.pp": {"id": "poin persen", "en": "percentage points"},
    "eks.no_data": {"id": "tidak ada data", "en": "no data"},
    "eks.comparison": {"id": "Perubahan dibanding periode yang sama tahun sebelumnya ({period}).",
                       "en": "Change against the same period a year earlier ({period})."},
    "eks.no_comparison": {
        "id": "Perubahan dibanding tahun sebelumnya tidak ditampilkan: data baru tersedia mulai {first}, sehingga "
              "periode yang sama tahun lalu tidak lengkap. Pilih periode yang dimulai paling awal {earliest}.",
        "en": "No change against a year earlier is shown: data start in {first}, so the same period a year "
              "earlier is incomplete. Choose a period starting {earliest} or later.",
    },
    # Sections
    "eks.messages.header": {"id": "Pesan kunci", "en": "Key messages"},
    "eks.messages.none": {"id": "Belum ada pesan kunci untuk filter ini.", "en": "No key messages for these filters."},
    "eks.messages.note": {"id": "Kalimat disusun otomatis dari data dengan filter yang berlaku.",
                          "en": "Sentences are written automatically from the data under the filters in force."},
    "eks.map.header": {"id": "Peta nasional: asal korban", "en": "National map: victims' origins"},
    "eks.map.missing": {"id": "Batas wilayah tidak tersedia, sehingga peta tidak dapat digambar. Tabel di bawah "
                              "tetap memuat angkanya.",
                        "en": "Boundaries are not available, so the map cannot be drawn. The table below still "
                              "holds the figures."},
    "eks.origins.header": {"id": "Provinsi asal terbanyak", "en": "Top provinces of origin"},
    "eks.destinations.header": {"id": "Tujuan terbanyak", "en": "Top destinations"},
    "eks.alerts.header": {"id": "Peringatan kapasitas dan SDM", "en": "Capacity and staffing alerts"},
    "eks.alerts.capacity": {"id": "Unit di atas {threshold} kapasitas ≥ {months} bulan berturut-turut",
                            "en": "Units above {threshold} of capacity for ≥ {months} consecutive months"},
    "eks.alerts.capacity.none": {"id": "Tidak ada unit yang terisi di atas {threshold} kapasitas selama {months} "
                                       "bulan berturut-turut pada akhir periode.",
                                 "en": "No unit above {threshold} of capacity for {months} consecutive months at "
                                       "the end of the period."},
    "eks.alerts.unavailable": {"id": "Perhitungan ini belum tersedia.", "en": "This calculation is not available yet."},
    "eks.alerts.sdm": {"id": "Kekurangan staf menurut WISN (per peran)", "en": "Staff shortage by WISN (per role)"},
    "eks.alerts.sdm.none": {"id": "Menurut WISN tidak ada peran yang kekurangan staf.",
                            "en": "By WISN no role is short of staff."},
    "eks.table.data": {"id": "Data di balik grafik", "en": "Data behind the chart"},
    "eks.source.kasus": {"id": "Kemensos (sentra & RPTC)", "en": "Kemensos (centres)"},
    "eks.source.okupansi": {"id": "Kemensos, okupansi bulanan sentra & RPTC", "en": "Kemensos, monthly occupancy"},
    "eks.source.sdm": {"id": "Kemensos (formasi SDM), standar beban kerja WISN", "en": "Kemensos staffing, WISN"},
    # Presentation mode and deck
    "eks.present.on": {"id": "Mode presentasi", "en": "Presentation mode"},
    "eks.present.off": {"id": "Keluar dari mode presentasi", "en": "Leave presentation mode"},
    "eks.deck.header": {"id": "Bahan paparan", "en": "Slide deck"},
    "eks.deck.build": {"id": "Siapkan paparan (PPTX)", "en": "Prepare slide deck (PPTX)"},
    "eks.deck.building": {"id": "Menyusun paparan… (sekitar 10–20 detik)", "en": "Building the deck… (about 10–20 s)"},
    "eks.deck.download": {"id": "Unduh paparan (PPTX)", "en": "Download slide deck (PPTX)"},
    "eks.deck.hint": {"id": "Paparan memakai filter yang berlaku, dalam bahasa {language}; teks dan tabel dapat diedit.",
                      "en": "The deck uses the filters in force, in {language}; text and tables are editable."},
    "eks.deck.pdf": {"id": "Siapkan PDF paparan ini", "en": "Prepare a PDF of this deck"},
    "eks.deck.pdf_building": {"id": "Mengubah paparan menjadi PDF… (sekitar 10–30 detik)",
                              "en": "Converting the deck to PDF… (about 10–30 s)"},
    "eks.deck.pdf_download": {"id": "Unduh paparan (PDF)", "en": "Download slide deck (PDF)"},
    "eks.deck.pdf_failed": {"id": "PDF tidak dapat dibuat; paparan PPTX tetap dapat diunduh. ({detail})",
                            "en": "The PDF could not be made; the PPTX deck can still be downloaded. ({detail})"},
    "eks.deck.failed": {"id": "Paparan tidak dapat disusun. Coba lagi atau hubungi admin data. ({detail})",
                        "en": "The deck could not be built. Try again or contact the data admin. ({detail})"},
    "eks.col.nama": {"id": "Nama", "en": "Name"},
    # Key messages: written from the data by domain/messages.py
    "eks.msg.top_origin": {"id": "{name} menyumbang {share} korban yang ditangani pada {period}.",
                           "en": "{name} accounted for {share} of the victims handled in {period}."},
    "eks.msg.change_naik": {
        "id": "{name} naik {change} pada {period} dibanding {previous_period} ({total} dibanding {previous}); "
              "kenaikan ini di luar variasi kebetulan.",
        "en": "{name} rose by {change} in {period} against {previous_period} ({total} against {previous}); "
              "the rise is beyond chance variation.",
    },
    "eks.msg.change_turun": {
        "id": "{name} turun {change} pada {period} dibanding {previous_period} ({total} dibanding {previous}); "
              "penurunan ini di luar variasi kebetulan.",
        "en": "{name} fell by {change} in {period} against {previous_period} ({total} against {previous}); "
              "the fall is beyond chance variation.",
    },
    "eks.msg.change_stabil": {
        "id": "{name} relatif stabil: {total} pada {period} dibanding {previous} pada {previous_period}; "
              "selisihnya masih dalam variasi kebetulan.",
        "en": "{name}: broadly stable, {total} in {period} against {previous} in {previous_period}; the "
              "difference is within chance variation.",
    },
    "eks.msg.rising_modus": {
        "id": "{name} meningkat: {count} korban dalam {recent} bulan terakhir ({window}), rata-rata {recent_mean} "
              "per bulan, dibanding {base_count} korban dalam {baseline} bulan sebelumnya ({baseline_window}), "
              "rata-rata {baseline_mean} per bulan; kenaikan ini di luar variasi kebetulan.",
        "en": "{name} is rising: {count} victims in the last {recent} months ({window}), {recent_mean} a month on "
              "average, against {base_count} victims in the {baseline} months before ({baseline_window}), "
              "{baseline_mean} a month; the rise is beyond chance variation.",
    },
    "eks.msg.new_modus": {
        "id": "Modus baru muncul: {name}, {count} korban dalam {recent} bulan terakhir ({window}), tidak ada dalam "
              "{baseline} bulan sebelumnya.",
        "en": "A new form appears: {name}, {count} victims in the last {recent} months ({window}), none in the "
              "{baseline} months before.",
    },
    "eks.msg.top_modus": {"id": "{name} adalah modus terbanyak: {count} korban ({share}).",
                          "en": "{name} is the most common form: {count} victims ({share})."},
    "eks.msg.children": {"id": "Anak-anak mencakup {share} korban yang ditangani ({count} orang).",
                         "en": "Children make up {share} of the victims handled ({count} persons)."},
    "eks.msg.top_destination": {"id": "{name} adalah tujuan terbanyak ({share} korban).",
                                "en": "{name} is the most frequent destination ({share} of victims)."},
    "eks.msg.capacity": {
        "id": "{count} unit layanan terisi di atas {threshold} kapasitas selama sedikitnya {months} bulan "
              "berturut-turut hingga {end}; tertinggi pada {end}: {name} ({util}).",
        "en": "Service units above {threshold} of capacity for at least {months} consecutive months up to {end}: "
              "{count}; highest in {end}: {name} ({util}).",
    },
    "eks.msg.staffing": {
        "id": "Menurut perhitungan WISN (staf {quarter}, beban kerja {window}), kekurangan staf bruto (jumlah "
              "kekurangan tiap unit dan peran) mencapai {shortage} orang di {units} unit; kekurangan terbesar pada "
              "peran {role}.",
        "en": "By WISN (staff of {quarter}, workload of {window}), the gross staff shortage (the sum of each unit's "
              "and role's shortage) is {shortage}; units short of staff: {units}; the largest gap is in the {role} "
              "role.",
    },
    # Slide deck
    "deck.title": {"id": "Sinergi Penanganan Korban TPPO", "en": "Synergy in Handling Trafficking Victims"},
    "deck.subtitle": {"id": "Bahan paparan pimpinan · {period}", "en": "Leadership briefing · {period}"},
    "deck.filters": {"id": "Filter: {filters}", "en": "Filters: {filters}"},
    "deck.filters.none": {"id": "tanpa filter tambahan", "en": "no further filters"},
    "deck.headlines": {"id": "Angka utama", "en": "Headline figures"},
    "deck.change": {"id": "Perubahan", "en": "Change"},
    "deck.indicator": {"id": "Indikator", "en": "Indicator"},
    "deck.value": {"id": "Nilai", "en": "Value"},
    "deck.map": {"id": "Asal korban menurut provinsi", "en": "Victims' origins by province"},
    "deck.trends": {"id": "Tren bulanan menurut modus", "en": "Monthly trends by form of trafficking"},
    "deck.capacity": {"id": "Kapasitas sentra dan RPTC", "en": "Centre capacity"},
    # The bars are the period's average; the table beside them the highest month of each alert: said on the axis.
    "deck.capacity.x": {"id": "Utilisasi rata-rata selama periode", "en": "Average utilisation over the period"},
    "deck.sdm": {"id": "Kesenjangan SDM (WISN)", "en": "Staffing gaps (WISN)"},
    "deck.messages": {"id": "Pesan kunci", "en": "Key messages"},
    "deck.note": {"id": "Catatan data", "en": "Data note"},
    "deck.no_image": {"id": "Grafik tidak dapat dibuat ({detail}); angka tersedia di tabel dasbor.",
                      "en": "The chart could not be drawn ({detail}); the figures are in the dashboard tables."},
    "deck.note.period": {"id": "Periode: {period}", "en": "Period: {period}"},
    "deck.note.updated": {"id": "Pembaruan data terakhir: {updated}", "en": "Data last updated: {updated}"},
    "deck.note.sources": {"id": "Sumber: {sources}", "en": "Sources: {sources}"},
    "deck.note.definition": {
        "id": "Korban ditangani = korban yang diterima dan diasesmen di sentra/RPTC Kemensos, dihitung sekali; "
              "bukan seluruh korban TPPO di Indonesia.",
        "en": "Victims handled = victims received and assessed at Kemensos centres, counted once; not all "
              "trafficking victims in Indonesia.",
    },
    "deck.note.comparison_off": {"id": "Perubahan tahunan tidak ditampilkan: data tahun sebelumnya tidak lengkap.",
                                 "en": "No year-on-year change: the year-earlier data are incomplete."},
    "deck.note.generated": {"id": "Disusun otomatis oleh Dasbor Sinergi Anti-TPPO pada {when}.",
                            "en": "Generated by the Anti-Trafficking Synergy Dashboard on {when}."},
    "deck.capacity.table": {"id": "Unit dengan utilisasi di atas {threshold} (≥ {months} bulan berturut-turut)",
                            "en": "Units above {threshold} utilisation (≥ {months} consecutive months)"},
    "deck.col.unit": {"id": "Unit", "en": "Unit"},
    "deck.col.from": {"id": "Mulai", "en": "From"},
    "deck.col.to": {"id": "Sampai", "en": "To"},
    "deck.col.months": {"id": "Bulan", "en": "Months"},
    "deck.col.max": {"id": "Utilisasi maks.", "en": "Max. utilisation"},
    "deck.col.role": {"id": "Peran", "en": "Role"},
    "deck.col.modus": {"id": "Modus", "en": "Form"},
    "deck.col.victims": {"id": "Korban", "en": "Victims"},
    "deck.trends.few": {"id": "Periode ini hanya {n} bulan: garis tren perlu sedikitnya {min} bulan, jadi korban per "
                              "modus ditampilkan sebagai tabel.",
                        "en": "This period has only {n} months: a trend line needs at least {min} months, so victims "
                              "per form are shown as a table."},
    "deck.col.current": {"id": "Staf tersedia", "en": "Current staff"},
    "deck.col.required": {"id": "Staf dibutuhkan", "en": "Staff needed"},
    "deck.col.gap": {"id": "Kekurangan", "en": "Shortage"},
    "deck.col.ratio": {"id": "Rasio WISN", "en": "WISN ratio"},
    # Headers of the executive WISN table in half a laptop page (the full ones above are their help text).
    "deck.col.short.role": {"id": "Peran", "en": "Role"},
    "deck.col.short.current": {"id": "Staf", "en": "Staff"},
    "deck.col.short.required": {"id": "Butuh", "en": "Needed"},
    "deck.col.short.gap": {"id": "Kurang", "en": "Short"},
    "deck.col.short.net": {"id": "Bersih", "en": "Net"},
    "deck.col.short.ratio": {"id": "Rasio", "en": "Ratio"},
    "deck.soffice_missing": {
        "id": "LibreOffice (soffice) tidak ditemukan, sehingga PDF tidak dapat dibuat. Pasang paket libreoffice "
              "atau jalankan tanpa --pdf.",
        "en": "LibreOffice (soffice) was not found, so no PDF can be made. Install libreoffice or run without --pdf.",
    },
}
