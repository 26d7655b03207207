"""Strings of the public summary page, its downloads and `manage.py publish`."""

CATALOG = {
    "publik.purpose": {
        "id": "Angka nasional korban TPPO yang ditangani, dilindungi agar tidak ada korban yang dapat dikenali: "
              "jumlah 1–{largest} tampil sebagai \"{marker}\", angka lain dibulatkan ke kelipatan {base}.",
        "en": "National figures on trafficking victims receiving services, protected so that no victim can be "
              "identified: counts of 1–{largest} show as \"{marker}\", other numbers are rounded to multiples "
              "of {base}.",
    },
    "publik.version": {
        "id": "Terbitan versi {versi} · diterbitkan {date} · periode data {period}",
        "en": "Release version {versi} · published {date} · data period {period}",
    },
    "publik.empty": {
        "id": "Belum ada angka yang diterbitkan. Admin data menerbitkannya dengan perintah `manage.py publish`.",
        "en": "No figures have been published yet. The data admin publishes them with `manage.py publish`.",
    },
    "publik.kpi_total": {"id": "Korban ditangani (seluruh periode)", "en": "Victims receiving services (whole period)"},
    "publik.kpi_help": {
        "id": "Korban yang diterima dan diasesmen di sentra atau RPTC Kemensos, dihitung sekali.",
        "en": "Victims received and assessed at a Kemensos sentra or RPTC, counted once.",
    },
    "publik.caveats_title": {"id": "Cara membaca angka ini", "en": "How to read these figures"},
    "publik.caveat_scope": {
        "id": "Angka ini menghitung korban yang menerima layanan Kemensos (sentra dan RPTC), bukan jumlah seluruh "
              "korban perdagangan orang di Indonesia. Banyak korban tidak pernah tercatat.",
        "en": "These figures count victims who received Kemensos services (sentra and RPTC), not the number of "
              "all trafficking victims in Indonesia. Many victims are never recorded.",
    },
    "publik.caveat_rounding": {
        "id": "Setiap angka dibulatkan ke kelipatan {base} secara terpisah, jadi bagian-bagiannya bisa tidak "
              "persis sama dengan totalnya.",
        "en": "Each number is rounded to a multiple of {base} on its own, so the parts may not add up exactly "
              "to the total.",
    },
    "publik.caveat_small": {
        "id": "\"{marker}\" berarti antara 1 dan {largest} korban. Angka sekecil ini tidak ditampilkan agar "
              "korban tidak dapat dikenali.",
        "en": "\"{marker}\" means between 1 and {largest} victims. Such small numbers are not shown so that no "
              "victim can be identified.",
    },
    "publik.caveat_hidden": {
        "id": "\"x\" berarti angka disembunyikan (paling sedikit {threshold}) supaya angka kecil di sel lain "
              "tidak dapat dihitung dari total.",
        "en": "\"x\" means the number is hidden (at least {threshold}) so that a small number elsewhere cannot "
              "be worked out from the totals.",
    },
    "publik.caveat_zero": {"id": "0 berarti tidak ada korban yang tercatat.", "en": "0 means no victim was recorded."},
    "publik.by_year": {"id": "Korban ditangani per tahun", "en": "Victims receiving services by year"},
    "publik.by_sex_age": {"id": "Menurut jenis kelamin dan kelompok umur", "en": "By sex and age group"},
    "publik.by_modus": {"id": "Menurut modus", "en": "By form of trafficking"},
    "publik.by_province": {"id": "Menurut provinsi asal", "en": "By province of origin"},
    "publik.data_table": {"id": "Tabel data", "en": "Data table"},
    "publik.col.tahun": {"id": "Tahun", "en": "Year"},
    "publik.col.modus": {"id": "Modus", "en": "Form of trafficking"},
    "publik.col.kode_provinsi": {"id": "Kode provinsi", "en": "Province code"},
    "publik.col.provinsi": {"id": "Provinsi", "en": "Province"},
    "publik.col.jenis_kelamin": {"id": "Jenis kelamin", "en": "Sex"},
    "publik.col.jumlah": {"id": "Korban ditangani", "en": "Victims receiving services"},
    "publik.col.tabel": {"id": "Tabel", "en": "Table"},
    "publik.col.baris": {"id": "Baris", "en": "Row"},
    "publik.col.kolom": {"id": "Kolom", "en": "Column"},
    "publik.col.nilai": {"id": "Nilai terbit", "en": "Published value"},
    "publik.total": {"id": "Total", "en": "Total"},
    "publik.map_missing": {
        "id": "Peta tidak dapat ditampilkan karena berkas batas wilayah tidak tersedia; angkanya ada di tabel.",
        "en": "The map cannot be shown because the boundary files are missing; the figures are in the table.",
    },
    "publik.map.title": {"id": "Korban ditangani menurut provinsi asal", "en": "Victims by province of origin"},
    "publik.map.region": {"id": "Provinsi", "en": "Province"},
    "publik.map.small": {"id": "{marker}: 1 sampai {largest} korban", "en": "{marker}: 1 to {largest} victims"},
    "publik.map.hidden": {"id": "x: disembunyikan (melindungi sel lain)", "en": "x: hidden (protects another cell)"},
    "publik.map.no_data": {"id": "tidak ada data", "en": "no data"},
    "publik.map.note": {"id": "Angka dibulatkan ke kelipatan {base}.", "en": "Numbers rounded to multiples of {base}."},
    "publik.source": {
        "id": "Kemensos (sentra dan RPTC), terbitan terlindungi versi {versi}",
        "en": "Kemensos (sentra and RPTC), protected release version {versi}",
    },
    # "Pembaruan data" on public channels: how recent the data are (the release's last month), not when it was
    # published (that is in the version line).
    "publik.updated": {"id": "data s.d. {last}", "en": "data to {last}"},
    "publik.download_all": {"id": "Unduh paket data terbuka (ZIP: CSV + datapackage.json)",
                            "en": "Download the open-data package (ZIP: CSV + datapackage.json)"},
    "publik.table.tahun": {"id": "per tahun", "en": "by year"},
    "publik.table.jenis_kelamin_umur": {"id": "jenis kelamin × kelompok umur", "en": "sex × age group"},
    "publik.table.modus": {"id": "per modus", "en": "by form of trafficking"},
    "publik.table.provinsi": {"id": "per provinsi asal", "en": "by province of origin"},
    "publik.table.nasional": {"id": "total nasional", "en": "national total"},
    "publik.file_demo": {
        "id": "DATA CONTOH (sintetis): berkas ini dibuat dari data uji coba, bukan data resmi.",
        "en": "DATA CONTOH (sintetis) — SAMPLE DATA (synthetic): this file was made from test data, not official data.",
    },
    # Open-data package (manage.py publish --out): CSV headers (id) and schema titles (en).
    "open.col.wilayah": {"id": "Wilayah", "en": "Area"},
    "open.col.tahun": {"id": "Tahun", "en": "Year"},
    "open.col.periode": {"id": "Periode", "en": "Period"},
    "open.col.bulan_awal": {"id": "Bulan awal", "en": "First month"},
    "open.col.bulan_akhir": {"id": "Bulan akhir", "en": "Last month"},
    "open.col.sebagian_tahun": {"id": "Sebagian tahun", "en": "Part of the year only"},
    "open.col.kode_jenis_kelamin": {"id": "Kode jenis kelamin", "en": "Sex code"},
    "open.col.jenis_kelamin": {"id": "Jenis kelamin", "en": "Sex"},
    "open.col.umur_anak": {"id": "Anak (<18)", "en": "Child (<18)"},
    "open.col.umur_dewasa": {"id": "Dewasa", "en": "Adult"},
    "open.col.umur_total": {"id": "Semua umur", "en": "All ages"},
    "open.col.kode_kelompok_umur": {"id": "Kode kelompok umur", "en": "Age group code"},
    "open.col.kelompok_umur": {"id": "Kelompok umur", "en": "Age group"},
    "open.col.kode_modus": {"id": "Kode modus", "en": "Form code"},
    "open.col.modus": {"id": "Modus", "en": "Form of trafficking"},
    "open.col.kode_provinsi": {"id": "Kode provinsi", "en": "Province code"},
    "open.col.provinsi": {"id": "Provinsi", "en": "Province"},
    "open.col.kode_tujuan": {"id": "Kode tujuan", "en": "Destination code"},
    "open.col.tujuan": {"id": "Tujuan", "en": "Destination"},
    "open.col.jumlah": {"id": "Korban ditangani", "en": "Victims receiving services"},
    "open.col.keterangan": {"id": "Keterangan", "en": "Note"},
    "open.col.peserta": {"id": "Peserta kegiatan pencegahan", "en": "Prevention participants"},
    "open.col.penduduk": {"id": "Penduduk", "en": "Population"},
    "open.col.tahun_penduduk": {"id": "Tahun penduduk", "en": "Population year"},
    "open.col.sumber_penduduk": {"id": "Sumber penduduk", "en": "Population source"},
    "open.col.angka_100rb": {"id": "Per 100.000 penduduk per tahun", "en": "Per 100,000 population per year"},
    "open.desc.tahun_seri": {"id": "Tahun penerimaan korban.", "en": "Year the victim was received."},
    "open.desc.penduduk": {"id": "Penduduk provinsi (orang) yang dipakai sebagai penyebut angka per 100.000.",
                           "en": "Population of the province (persons) used as the denominator of the rate."},
    "open.desc.tahun_penduduk": {"id": "Tahun angka penduduk; tahun yang sama dipakai untuk setiap tahun data.",
                                 "en": "Year of the population figure; the same figure is used for every data year."},
    "open.desc.sumber_penduduk": {"id": "Sumber angka penduduk.", "en": "Source of the population figure."},
    "open.desc.angka_100rb": {
        "id": "Korban ditangani per 100.000 penduduk per tahun, dihitung dari angka terbit (yang sudah dibulatkan); "
              "tahun yang hanya tercakup sebagian disetahunkan (x 12 / jumlah bulan). Kosong bila angka "
              "disembunyikan atau penduduk tidak diketahui.",
        "en": "Victims receiving services per 100,000 population per year, computed from the published (rounded) "
              "count; a year covered only in part is annualised (x 12 / months). Empty when the count is hidden or "
              "the population unknown."},
    "open.desc.wilayah": {"id": "Wilayah yang dicakup (nasional).", "en": "Area covered (national)."},
    "open.desc.tahun": {"id": "Tahun penerimaan korban; \"Total\" untuk seluruh periode.",
                        "en": "Year the victim was received; \"Total\" for the whole period."},
    "open.desc.periode": {"id": "Tahun dengan bulan yang dicakup bila hanya sebagian, mis. \"2025 (Jan–Jul)\".",
                          "en": "The year, with its months when the data covers only part of it."},
    "open.desc.bulan_awal": {"id": "Bulan pertama yang dicakup baris ini (YYYY-MM).",
                             "en": "First month covered by this row (YYYY-MM)."},
    "open.desc.bulan_akhir": {"id": "Bulan terakhir yang dicakup baris ini (YYYY-MM).",
                              "en": "Last month covered by this row (YYYY-MM)."},
    "open.desc.sebagian_tahun": {"id": "\"ya\" bila data hanya mencakup sebagian tahun ini: jangan dibandingkan "
                                       "langsung dengan tahun penuh.",
                                 "en": "\"ya\" (yes) when the data covers only part of this year: do not compare it "
                                       "directly with a whole year."},
    "open.desc.kode_jenis_kelamin": {"id": "L = laki-laki, P = perempuan, Total = keduanya.",
                                     "en": "L = male, P = female, Total = both."},
    "open.desc.jenis_kelamin": {"id": "Nama jenis kelamin.", "en": "Sex (label)."},
    "open.desc.kode_kelompok_umur": {"id": "anak = di bawah 18 tahun, dewasa = 18 tahun ke atas, Total = keduanya.",
                                     "en": "anak = under 18, dewasa = 18 and over, Total = both."},
    "open.desc.kelompok_umur": {"id": "Nama kelompok umur.", "en": "Age group (label)."},
    "open.desc.kode_modus": {"id": "Kode modus perdagangan orang.", "en": "Code of the form of trafficking."},
    "open.desc.modus": {"id": "Nama modus.", "en": "Form of trafficking (label)."},
    "open.desc.kode_provinsi": {"id": "Kode provinsi asal korban (Kemendagri).",
                                "en": "Code of the victim's province of origin (Kemendagri)."},
    "open.desc.provinsi": {"id": "Nama provinsi asal korban.", "en": "Province of origin (label)."},
    "open.desc.kode_tujuan": {"id": "Kode ISO 3166 alfa-3 negara tujuan; LAIN = negara lain, DN = dalam negeri "
                                    "(di Indonesia), TD = tidak diketahui, Total = semua tujuan.",
                              "en": "ISO 3166 alpha-3 code of the destination country; LAIN = other countries, DN = "
                                    "within Indonesia, TD = unknown, Total = every destination."},
    "open.desc.tujuan": {"id": "Nama tujuan.", "en": "Destination (label)."},
    "open.desc.jumlah": {"id": "Jumlah korban ditangani (orang), dibulatkan; \"<10\" = 1 sampai 9 korban, "
                                "\"x\" = disembunyikan untuk melindungi sel lain.",
                         "en": "Victims receiving services (persons), rounded; \"<10\" = 1 to 9 victims, "
                               "\"x\" = hidden to protect another cell."},
    "open.desc.umur": {"id": "Korban ditangani (orang), kelompok umur {age}; \"<10\" dan \"x\" seperti di atas.",
                       "en": "Victims receiving services (persons), age group {age}; \"<10\" and \"x\" as above."},
    "open.desc.kode_provinsi_kegiatan": {"id": "Kode provinsi tempat kegiatan pencegahan (Kemendagri).",
                                         "en": "Code of the province where the prevention activity took place "
                                               "(Kemendagri)."},
    "open.desc.provinsi_kegiatan": {"id": "Nama provinsi tempat kegiatan pencegahan.",
                                    "en": "Province where the prevention activity took place (label)."},
    "open.desc.peserta": {"id": "Peserta kegiatan pencegahan TPPO (orang; seseorang dapat terhitung lebih dari "
                                "sekali), dibulatkan; \"<10\" dan \"x\" seperti pada angka korban.",
                          "en": "Participants in anti-trafficking prevention activities (persons; one person may be "
                                "counted more than once), rounded; \"<10\" and \"x\" as for the victim figures."},
    "open.desc.keterangan": {"id": "Penanda data contoh (sintetis).", "en": "Marks sample (synthetic) data."},
    "open.demo_value": {"id": "DATA CONTOH (sintetis)", "en": "DATA CONTOH (sintetis)"},
    "open.total_period": {"id": "{first} s.d. {last}", "en": "{first} to {last}"},
    "open.package_title": {"id": "Ringkasan Publik Dasbor Sinergi Anti-TPPO: korban TPPO yang ditangani Kemensos",
                           "en": "Anti-Trafficking Synergy Dashboard public summary: trafficking victims served by "
                                 "Kemensos"},
    "open.title.nasional": {"id": "Total nasional korban ditangani", "en": "National total of victims served"},
    "open.title.tahun": {"id": "Korban ditangani per tahun penerimaan", "en": "Victims served by year received"},
    "open.title.jenis_kelamin_umur": {"id": "Korban ditangani menurut jenis kelamin dan kelompok umur",
                                      "en": "Victims served by sex and age group"},
    "open.title.modus": {"id": "Korban ditangani menurut modus", "en": "Victims served by form of trafficking"},
    "open.title.provinsi": {"id": "Korban ditangani menurut provinsi asal",
                            "en": "Victims served by province of origin"},
    "open.title.provinsi_tahun": {"id": "Korban ditangani menurut provinsi asal dan tahun, dengan angka per 100.000 "
                                        "penduduk",
                                  "en": "Victims served by province of origin and year, with the rate per 100,000 "
                                        "population"},
    "open.title.modus_tahun": {"id": "Korban ditangani menurut modus dan tahun",
                               "en": "Victims served by form of trafficking and year"},
    "open.title.jenis_kelamin_umur_tahun": {"id": "Korban ditangani menurut jenis kelamin, kelompok umur dan tahun",
                                            "en": "Victims served by sex, age group and year"},
    "open.title.tujuan_tahun": {"id": "Korban ditangani menurut negara tujuan dan tahun",
                                "en": "Victims served by destination country and year"},
    "open.title.pencegahan_provinsi": {"id": "Peserta kegiatan pencegahan TPPO menurut provinsi",
                                       "en": "Prevention activity participants by province"},
    # Static public site (exports/public_site.py).
    "site.title": {"id": "Ringkasan Publik · Dasbor Sinergi Anti-TPPO",
                   "en": "Public Summary · Anti-Trafficking Synergy Dashboard"},
    "site.other_language": {"id": "English", "en": "Bahasa Indonesia"},
    "site.download": {"id": "Unduh", "en": "Download"},
    "site.open_data_title": {"id": "Data terbuka", "en": "Open data"},
    "site.open_data_text": {
        "id": "Semua tabel di halaman ini sebagai CSV (baris pertama judul kolom, nama di samping kode, periode "
              "dalam kolom), dijelaskan oleh datapackage.json (Frictionless Data) untuk portal seperti Satu Data "
              "Indonesia. \"{marker}\" dan \"x\" adalah nilai yang disembunyikan, bukan angka.",
        "en": "Every table on this page as CSV (column names on the first line, names beside codes, the period in "
              "columns), described by datapackage.json (Frictionless Data) for portals such as Satu Data "
              "Indonesia. \"{marker}\" and \"x\" are hidden values, not numbers.",
    },
    "site.datapackage": {"id": "deskripsi paket data (Frictionless)", "en": "data package descriptor (Frictionless)"},
    "site.licence": {"id": "Lisensi: Creative Commons Atribusi 4.0 (CC BY 4.0).",
                     "en": "Licence: Creative Commons Attribution 4.0 (CC BY 4.0)."},
    # Issue 26: series, rates, and what travels with every chart (definition, source, data, permalink, embed).
    "publik.by_province_year": {"id": "Menurut provinsi asal dan tahun, dengan angka per 100.000 penduduk",
                                "en": "By province of origin and year, with the rate per 100,000 population"},
    "publik.by_sex_age_year": {"id": "Menurut jenis kelamin, kelompok umur dan tahun",
                               "en": "By sex, age group and year"},
    "publik.by_modus_year": {"id": "Menurut modus dan tahun", "en": "By form of trafficking and year"},
    "publik.by_destination_year": {"id": "Menurut negara tujuan dan tahun", "en": "By destination country and year"},
    "publik.col.tujuan": {"id": "Tujuan", "en": "Destination"},
    "publik.dest.LAIN": {"id": "Negara lain", "en": "Other countries"},
    "publik.dest.DN": {"id": "Dalam negeri (Indonesia)", "en": "Within Indonesia"},
    "publik.dest.TD": {"id": "Tidak diketahui", "en": "Unknown"},
    "publik.col.rate_year": {"id": "{year} per 100rb", "en": "{year} per 100k"},
    "publik.rate.population": {
        "id": "Angka per 100.000 penduduk per tahun dihitung dari angka terbit (dibulatkan) dan penduduk tahun {years} "
              "(sumber: {sources}) untuk setiap tahun data; tahun sebagian disetahunkan.",
        "en": "Rates per 100,000 population per year are computed from the published (rounded) count and the {years} "
              "population (source: {sources}) for every data year; a partial year is annualised."},
    "publik.rate.no_population": {"id": "Angka penduduk tidak tersedia: angka per 100.000 penduduk tidak dihitung.",
                                  "en": "Population figures are not available: no rate per 100,000 is computed."},
    "publik.def.korban": {
        "id": "Korban ditangani: korban TPPO yang diterima dan diasesmen di sentra atau RPTC Kemensos, dihitung sekali "
              "menurut bulan penerimaan.",
        "en": "Victims receiving services: trafficking victims received and assessed at a Kemensos sentra or RPTC, "
              "counted once, by the month they were received."},
    "publik.def.partial_year": {"id": "Tahun yang hanya tercakup sebagian ditandai dengan bulannya, mis. "
                                      "\"2025 (Jan–Jul)\": jangan dibandingkan langsung dengan tahun penuh.",
                                "en": "A year covered only in part is marked with its months, e.g. \"2025 (Jan–Jul)\": "
                                      "do not compare it directly with a whole year."},
    "publik.def.sex_age": {"id": "Anak: di bawah 18 tahun saat diterima.",
                           "en": "Child: under 18 when received."},
    "publik.def.origin": {"id": "Provinsi asal: provinsi tempat tinggal korban sebelum kejadian (kode Kemendagri).",
                          "en": "Province of origin: where the victim lived before the case (Kemendagri code)."},
    "publik.def.destination": {
        "id": "Tujuan: negara tempat korban dibawa; korban yang dibawa di dalam Indonesia dihitung sebagai \"Dalam "
              "negeri\". Negara dengan kurang dari {min_total} korban selama periode terbitan pertama digabung "
              "menjadi \"Negara lain\", dan daftar negara itu tetap sama pada terbitan berikutnya.",
        "en": "Destination: the country the victim was taken to; victims trafficked within Indonesia count as "
              "\"Within Indonesia\". Countries with fewer than {min_total} victims over the first release's period "
              "are grouped as \"Other countries\", and that list stays the same in later releases."},
    "publik.def.rate": {"id": "Angka per 100.000 penduduk per tahun = angka terbit / penduduk x 100.000 x 12 / bulan "
                              "yang dicakup; kosong (–) bila angka disembunyikan.",
                        "en": "Rate per 100,000 population per year = published count / population x 100,000 x 12 / "
                              "months covered; blank (–) when the count is hidden."},
    "site.download_csv": {"id": "Unduh data (CSV)", "en": "Download data (CSV)"},
    "site.api_json": {"id": "JSON (API)", "en": "JSON (API)"},
    "site.permalink": {"id": "Tautan ke bagian ini", "en": "Link to this section"},
    "site.embed": {"id": "Sematkan (halaman untuk iframe)", "en": "Embed (page for an iframe)"},
    "site.definition": {"id": "Definisi", "en": "Definition"},
    "site.full_page": {"id": "Buka halaman lengkap", "en": "Open the full page"},
    "site.api_doc": {"id": "API statis: berkas JSON dan CSV per tabel di api/v1/, cara memakainya",
                     "en": "Static API: JSON and CSV files per table under api/v1/, how to use them"},
    "site.dcat": {"id": "metadata untuk dipanen portal data terbuka (DCAT, CKAN seperti Satu Data Indonesia)",
                  "en": "metadata for open-data portals to harvest (DCAT, CKAN such as Satu Data Indonesia)"},
    "publik.static_link": {"id": "Buka situs publik (versi statis untuk umum)",
                           "en": "Open the public site (static version for everyone)"},
}
