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
    "publik.download_all": {"id": "Unduh semua tabel terbit (CSV)", "en": "Download all published tables (CSV)"},
    "publik.table.tahun": {"id": "per tahun", "en": "by year"},
    "publik.table.jenis_kelamin_umur": {"id": "jenis kelamin × kelompok umur", "en": "sex × age group"},
    "publik.table.modus": {"id": "per modus", "en": "by form of trafficking"},
    "publik.table.provinsi": {"id": "per provinsi asal", "en": "by province of origin"},
    "publik.table.nasional": {"id": "total nasional", "en": "national total"},
    "publik.file_demo": {
        "id": "DATA CONTOH (sintetis): berkas ini dibuat dari data uji coba, bukan data resmi.",
        "en": "DATA CONTOH (sintetis) — SAMPLE DATA (synthetic): this file was made from test data, not official data.",
    },
}
