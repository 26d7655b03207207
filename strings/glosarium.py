"""Strings of the glossary and sources page."""

CATALOG = {
    "glo.indicators.header": {"id": "Indikator", "en": "Indicators"},
    "glo.indicators.caption": {"id": "Apa yang dihitung setiap angka di dasbor, satuannya, dan dari mana datanya.",
                               "en": "What each number on the dashboard counts, its unit, and where the data come from."},
    "glo.kinds.header": {"id": "Jenis data dan asal-usulnya", "en": "Data kinds and their provenance"},
    "glo.kinds.caption": {"id": "Asal \"DATA CONTOH\" berarti data sintetis untuk uji coba; \"impor\" berarti data "
                                "resmi yang diimpor admin data.",
                          "en": "Origin \"DATA CONTOH\" means synthetic test data; \"impor\" means official data "
                                "imported by the data admin."},
    "glo.origin.demo": {"id": "DATA CONTOH (sintetis)", "en": "DATA CONTOH (synthetic sample)"},
    "glo.origin.impor": {"id": "impor", "en": "imported"},
    "glo.key.header": {"id": "Yang perlu diingat saat membaca angka", "en": "Worth remembering when reading the numbers"},
    "glo.key.korban": {
        "id": "**Korban ditangani** menghitung korban yang menerima layanan Kemensos (diterima dan diasesmen di "
              "sentra atau RPTC), sekali per korban pada bulan penerimaan. Ini **bukan** jumlah seluruh korban TPPO di "
              "Indonesia: korban yang tidak sampai ke layanan Kemensos tidak tercatat di sini.",
        "en": "**Victims handled** counts victims who received Kemensos services (received and assessed at a "
              "centre), once per victim in the month of reception. It is **not** the number of all trafficking "
              "victims in Indonesia: victims who never reached Kemensos services are not counted here.",
    },
    "glo.key.stages": {
        "id": "**Tahap penanganan** dilaporkan oleh instansi yang menjalankannya; angka per tahap adalah korban yang "
              "mencapai tahap itu, bukan korban baru.",
        "en": "**Handling stages** are reported by the agency that runs them; the count per stage is victims who "
              "reached it, not new victims.",
    },
    "glo.key.yoy": {
        "id": "**Perubahan tahunan** hanya ditampilkan bila periode yang sama tahun sebelumnya sepenuhnya tercakup "
              "data.",
        "en": "**Year-on-year change** is shown only when the same period a year earlier is fully covered by data.",
    },
    "glo.key.rising": {
        "id": "**Modus meningkat**: {recent} bulan terakhir dibanding {baseline} bulan sebelumnya, dengan aturan "
              "\"naik\" yang sama (kedua hitungan sedikitnya {min} korban, uji dua hitungan Poisson p < {alpha}). "
              "**Modus baru**: tidak ada korban pada {baseline} bulan sebelumnya dan sedikitnya {new} korban kini.",
        "en": "**Rising form**: the last {recent} months against the {baseline} months before, by the same "
              "\"rise\" rule (both counts at least {min} victims, two-count Poisson test p < {alpha}). **New "
              "form**: no victims in the {baseline} months before and at least {new} now.",
    },
    "glo.key.completeness": {
        "id": "**Laporan belum masuk**: tidak ada penyerahan laporan bulan itu (dari impor yang tidak dibatalkan) "
              "setelah tanggal jatuh temponya, tanggal {day} bulan berikutnya. Laporan nol tetap laporan; kelengkapan "
              "tidak ditebak dari angka nol.",
        "en": "**Report not yet in**: no submission of that month's report (from an import not rolled back) after "
              "its due date, day {day} of the following month. A zero report is a report; completeness is never "
              "guessed from zero counts.",
    },
    "glo.key.population": {
        "id": "Daerah tanpa data penduduk tertulis \"tidak ada data\", bukan 0.",
        "en": "Areas without population data read \"tidak ada data\" (no data), never 0.",
    },
    "glo.col.kode": {"id": "Kode", "en": "Code"},
    "glo.col.kunci": {"id": "Kunci", "en": "Key"},
    "glo.col.aturan_periode": {"id": "Aturan periode", "en": "Period rule"},
    "glo.col.filter_berlaku": {"id": "Filter yang berlaku", "en": "Filters that apply"},
    "glo.col.arti_filter_provinsi": {"id": "Arti filter provinsi", "en": "Province filter means"},
    "glo.col.jeda_bulan": {"id": "Jeda pelaporan (bulan)", "en": "Reporting lag (months)"},
    "glo.col.dibandingkan": {"id": "Dibandingkan tahunan", "en": "Compared year on year"},
    "glo.col.minimum_pembanding": {"id": "Hitungan minimum untuk \"naik/turun\"", "en": "Minimum count for a rise/fall"},
    "glo.yes": {"id": "ya", "en": "yes"},
    "glo.no": {"id": "tidak", "en": "no"},
    "glo.col.nama": {"id": "Nama", "en": "Name"},
    "glo.col.definisi": {"id": "Definisi", "en": "Definition"},
    "glo.col.satuan": {"id": "Satuan", "en": "Unit"},
    "glo.col.sumber": {"id": "Sumber data", "en": "Data source"},
    "glo.col.instansi": {"id": "Instansi", "en": "Agency"},
    "glo.col.asal": {"id": "Asal", "en": "Origin"},
    "glo.col.periode": {"id": "Periode", "en": "Period"},
    "glo.col.diperbarui": {"id": "Pembaruan terakhir", "en": "Last updated"},
    "glo.source": {"id": "Katalog indikator dan sumber data dasbor", "en": "The dashboard's indicator and source catalogue"},
    "glo.empty": {"id": "Katalog indikator belum terisi. Hubungi admin data.",
                  "en": "The indicator catalogue is empty. Contact the data admin."},
}
