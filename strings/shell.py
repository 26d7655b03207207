"""Strings of the app frame: navigation, sidebar filters, notices, login, downloads."""

CATALOG = {
    "app.title": {"id": "Dasbor Sinergi Anti-TPPO", "en": "Anti-Trafficking Synergy Dashboard"},
    "app.subtitle": {"id": "Kemensos · Kemenkes · BP2MI · Jarnas Anti TPPO",
                     "en": "Kemensos · Kemenkes · BP2MI · Jarnas Anti TPPO"},
    "nav.ringkasan_eksekutif": {"id": "Ringkasan Eksekutif", "en": "Executive Summary"},
    "nav.peta_asal_korban": {"id": "Peta Asal Korban", "en": "Victim Origins Map"},
    "nav.kapasitas_sentra": {"id": "Kapasitas Sentra", "en": "Centre Capacity"},
    "nav.kesenjangan_sdm": {"id": "Kesenjangan SDM", "en": "Staffing Gaps"},
    "nav.pemantauan_jarnas": {"id": "Pemantauan Jarnas", "en": "Jarnas Monitoring"},
    "nav.ringkasan_publik": {"id": "Ringkasan Publik", "en": "Public Summary"},
    "nav.kelola_data": {"id": "Kelola Data", "en": "Data Management"},
    "nav.glosarium": {"id": "Glosarium & Sumber", "en": "Glossary & Sources"},
    "nav.masuk": {"id": "Masuk", "en": "Sign in"},
    "nav.akun": {"id": "Akun", "en": "Account"},
    "demo.mixed": {"id": "Data {kind} bercampur: {demo} dari {reports} laporan (pelapor × bulan) masih data contoh "
                         "(sintetis), pada bulan {months}; sisanya data nyata.",
                   "en": "The {kind} data are mixed: {demo} of {reports} reports (reporter × month) are still sample "
                         "(synthetic) data, in {months}; the rest are real."},
    "demo.notice": {
        "id": "DATA CONTOH (sintetis): angka di halaman ini dihasilkan untuk uji coba dan dikalibrasi ke angka "
              "publik; bukan data resmi.",
        "en": "DATA CONTOH (sintetis) — SAMPLE DATA (synthetic): figures on this page are generated for testing "
              "and calibrated to public figures; they are not official data.",
    },
    "demo.badge": {"id": "DATA CONTOH (sintetis)", "en": "DATA CONTOH (sintetis) · sample data"},
    "status.imported": {"id": "Data impor", "en": "Imported data"},
    "status.updated": {"id": "Diperbarui {when}", "en": "Updated {when}"},
    "filters.header": {"id": "Filter", "en": "Filters"},
    "filters.period": {"id": "Periode", "en": "Period"},
    "filters.preset": {"id": "Pilihan periode", "en": "Period preset"},
    "filters.preset.help": {"id": "Pilihan dihitung dari bulan terakhir yang ada datanya, bukan dari tanggal hari ini.",
                            "en": "Presets count from the last month with data, not from today's date."},
    "filters.preset.12_bulan": {"id": "12 bulan terakhir", "en": "Last 12 months"},
    # The data's last year up to its last month (2025 while the data end in Jul 2025), not the calendar year.
    "filters.preset.tahun_berjalan": {"id": "Tahun terakhir data (s.d. bulan terakhir)",
                                      "en": "Latest data year to date"},
    "filters.preset.tahun_lalu": {"id": "Tahun lalu", "en": "Last year"},
    "filters.preset.semua": {"id": "Seluruh data", "en": "All data"},
    "filters.preset.atur_sendiri": {"id": "Atur sendiri (bulan di bawah)", "en": "Custom (months below)"},
    "filters.from": {"id": "Dari", "en": "From"},
    "filters.to": {"id": "Sampai", "en": "To"},
    "filters.province": {"id": "Provinsi asal", "en": "Province of origin"},
    "filters.modus": {"id": "Modus", "en": "Form of trafficking"},
    "filters.sex": {"id": "Jenis kelamin", "en": "Sex"},
    "filters.age": {"id": "Kelompok umur", "en": "Age group"},
    "filters.agency": {"id": "Instansi pelapor", "en": "Reporting agency"},
    "filters.all": {"id": "Semua", "en": "All"},
    "filters.reset": {"id": "Atur ulang filter", "en": "Reset filters"},
    "filters.bad_link": {"id": "Parameter tautan '{name}' tidak valid dan diabaikan.",
                         "en": "Link parameter '{name}' is invalid and was ignored."},
    "filters.link_hint": {"id": "Tautan halaman ini menyimpan filter: salin dari bilah alamat.",
                          "en": "This page's link keeps the filters: copy it from the address bar."},
    "lang.label": {"id": "Bahasa", "en": "Language"},
    "sex.L": {"id": "Laki-laki", "en": "Male"},
    "sex.P": {"id": "Perempuan", "en": "Female"},
    "age.anak": {"id": "Anak (<18)", "en": "Child (<18)"},
    "age.dewasa": {"id": "Dewasa", "en": "Adult"},
    "empty.no_data": {"id": "Tidak ada data untuk filter yang dipilih. Ubah periode atau filter lain.",
                      "en": "No data for the selected filters. Change the period or another filter."},
    "error.database": {"id": "Basis data tidak dapat dibuka. Hubungi admin data. ({detail})",
                       "en": "The database cannot be opened. Contact the data admin. ({detail})"},
    "error.db_unavailable": {
        "id": "Basis data sedang tidak dapat dihubungi. Halaman akan tampil lagi begitu koneksi pulih; muat ulang "
              "halaman sebentar lagi. Bila berlanjut, hubungi admin data.",
        "en": "The database cannot be reached right now. The page will show again once the connection is back; "
              "reload in a moment. If this persists, contact the data admin.",
    },
    "error.reference": {"id": "Data referensi tidak ditemukan: {detail}", "en": "Reference data not found: {detail}"},
    "download.csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "download.xlsx": {"id": "Unduh Excel", "en": "Download Excel"},
    "provenance": {"id": "Sumber: {source} · Periode: {period} · Pembaruan data: {updated}",
                   "en": "Source: {source} · Period: {period} · Data updated: {updated}"},
    "login.title": {"id": "Masuk", "en": "Sign in"},
    "login.username": {"id": "Nama pengguna", "en": "Username"},
    "login.password": {"id": "Kata sandi", "en": "Password"},
    "login.submit": {"id": "Masuk", "en": "Sign in"},
    "login.failed": {"id": "Gagal masuk: nama pengguna atau kata sandi salah, atau akun sementara dikunci setelah "
                           "terlalu banyak percobaan (coba lagi setelah 15 menit).",
                     "en": "Sign-in failed: wrong username or password, or the account is locked for a while after "
                           "too many attempts (try again after 15 minutes)."},
    "login.revoked": {"id": "Sesi diakhiri: Anda keluar di tab lain, atau akun Anda dinonaktifkan, dikunci atau "
                            "dihapus.",
                      "en": "The session has ended: you signed out in another tab, or your account was deactivated, "
                            "locked or deleted."},
    "login.oidc": {"id": "Masuk dengan akun instansi", "en": "Sign in with your agency account"},
    "login.as": {"id": "Masuk sebagai {user} ({role})", "en": "Signed in as {user} ({role})"},
    "login.logout": {"id": "Keluar", "en": "Sign out"},
    "login.expired": {"id": "Sesi berakhir; silakan masuk lagi.", "en": "Session expired; please sign in again."},
    "login.required": {"id": "Silakan masuk untuk membuka halaman ini; halaman ini hanya untuk pengguna yang masuk. "
                             "Setelah masuk, halaman ini terbuka dengan filter dari tautannya.",
                       "en": "Please sign in to open this page; it is for signed-in users only. After signing in, "
                             "the page opens with the filters of its link."},
    "login.demo_accounts": {
        "id": "Akun demo (hanya selama data contoh dimuat): pimpinan / jarnas / admin_data, kata sandi "
              "'demo-' + nama peran (mis. demo-pimpinan).",
        "en": "Demo accounts (only while sample data is loaded): pimpinan / jarnas / admin_data, password "
              "'demo-' + role name (e.g. demo-pimpinan).",
    },
    "role.publik": {"id": "publik", "en": "public"},
    "role.pimpinan": {"id": "pimpinan", "en": "leadership"},
    "role.jarnas": {"id": "jarnas", "en": "jarnas"},
    "role.admin_data": {"id": "admin data", "en": "data admin"},
}
