"""Strings of the Peta Asal Korban page: origin maps, drill-down, destinations and service coverage."""

CATALOG = {
    # Controls
    "peta.pilih_prov": {"id": "Lihat provinsi", "en": "Show province"},
    "peta.nasional": {"id": "Seluruh Indonesia", "en": "All of Indonesia"},
    "peta.kembali": {"id": "Kembali ke peta nasional", "en": "Back to the national map"},
    "peta.metrik": {"id": "Ukuran di peta", "en": "Mapped measure"},
    "peta.metrik.rate": {"id": "Per 100.000 penduduk per tahun", "en": "Per 100,000 population per year"},
    "peta.metrik.count": {"id": "Jumlah korban", "en": "Number of victims"},
    "peta.skema": {"id": "Pembagian kelas", "en": "Class breaks"},
    "peta.skema.quantiles": {"id": "Kuantil (jumlah wilayah sama per kelas)",
                             "en": "Quantiles (equal number of areas per class)"},
    "peta.skema.fisher_jenks": {"id": "Jenks (pengelompokan alami)", "en": "Jenks (natural groups)"},
    "peta.klik_hint": {"id": "Klik provinsi di peta atau pilih di atas untuk melihat kabupaten/kota.",
                       "en": "Click a province on the map or choose one above to see its regencies and cities."},
    "peta.drill_invalid": {"id": "Provinsi '{kode}' tidak dikenal; peta nasional ditampilkan.",
                           "en": "Province '{kode}' is not known; showing the national map."},
    # Origin map
    "peta.asal.title_nasional": {"id": "Asal korban per provinsi", "en": "Victims' origin by province"},
    "peta.asal.title_prov": {"id": "Asal korban di {prov} per kabupaten/kota",
                             "en": "Victims' origin in {prov} by regency/city"},
    "peta.total": {"id": "Korban ditangani", "en": "Victims handled"},
    "peta.total_help": {"id": "Dihitung sekali per korban, pada tahap penerimaan & asesmen, sesuai filter.",
                        "en": "Counted once per victim, at reception and assessment, under the filters."},
    "peta.rate_missing_population": {
        "id": "Angka per 100.000 penduduk tidak dihitung: penduduk {names} belum tersedia, sehingga korban dari sana "
              "tidak memiliki penyebut.",
        "en": "No rate per 100,000 is computed: the population of {names} is not available, so their victims have "
              "no denominator."},
    "peta.rate_no_denominator": {
        "id": "Angka per 100.000 penduduk tidak ditampilkan: dengan filter jenis kelamin atau kelompok umur penyebutnya "
              "harus penduduk kelompok yang sama, dan data itu belum dimuat.",
        "en": "No rate per 100,000 is shown: with a sex or age filter the denominator must be the population of the "
              "same group, and those figures are not loaded."},
    "peta.rate_period": {
        "id": "Angka per 100.000 penduduk per tahun: korban {period} ({months} bulan) dibagi penduduk, disetahunkan.",
        "en": "Rate per 100,000 population per year: victims of {period} ({months} months) divided by population, "
              "annualised."},
    "peta.derived_population": {
        "id": "* Penduduk turunan (dihitung dari selisih, bukan angka resmi BPS/Dukcapil); angka per 100.000 penduduk "
              "untuk wilayah ini perkiraan.",
        "en": "* Derived population (computed from a residual, not an official BPS/Dukcapil figure); the rate for "
              "this area is an estimate."},
    "peta.rate_nasional": {"id": "Per 100.000 penduduk per tahun", "en": "Per 100,000 population per year"},
    "peta.kab_rate_note": {
        "id": "Jumlah penduduk kabupaten/kota belum tersedia (belum dimuat), sehingga angka per 100.000 penduduk "
              "tidak dapat dihitung; peta dan tabel kabupaten/kota menampilkan jumlah korban.",
        "en": "Regency/city population is not available yet (not loaded), so the rate per 100,000 cannot be "
              "computed; the regency/city map and table show the number of victims.",
    },
    "peta.no_boundaries": {
        "id": "Berkas batas wilayah tidak tersedia (periksa pengaturan TPPO_GEO_DIR). Peta menampilkan titik "
              "di ibu kota provinsi sebagai pengganti.",
        "en": "Boundary files are not available (check the TPPO_GEO_DIR setting). The map shows points at "
              "province capitals instead.",
    },
    "peta.no_boundaries_kab": {
        "id": "Tanpa berkas batas wilayah, peta kabupaten/kota tidak dapat digambar; lihat tabel di samping.",
        "en": "Without boundary files the regency/city map cannot be drawn; see the table alongside.",
    },
    "peta.fallback_note": {"id": "Titik di ibu kota provinsi (batas wilayah tidak tersedia).",
                           "en": "Points at province capitals (boundaries not available)."},
    "peta.alt.nasional": {"id": "Peta: provinsi dengan korban terbanyak: {names}.",
                          "en": "Map: provinces with the most victims: {names}."},
    "peta.alt.prov": {"id": "Peta: kabupaten/kota dengan korban terbanyak di {prov}: {names}.",
                      "en": "Map: regencies/cities with the most victims in {prov}: {names}."},
    "peta.alt.none": {"id": "Peta: tidak ada korban dari {prov} untuk filter yang dipilih.",
                      "en": "Map: no victims from {prov} under the selected filters."},
    "peta.alt.unknown": {"id": " {n} korban tanpa keterangan kabupaten/kota dicatat terpisah di tabel.",
                         "en": " {n} victims without a known regency/city are listed separately in the table."},
    "peta.prov_unknown": {"id": "provinsi tidak diketahui", "en": "province unknown"},
    "peta.kab_unknown": {"id": "kab/kota tidak diketahui", "en": "regency/city unknown"},
    # Ranked table
    "peta.tabel.title": {"id": "Wilayah teratas", "en": "Top areas"},
    "peta.tabel.by_rate": {"id": "Diurutkan menurut angka per 100.000 penduduk.",
                           "en": "Ranked by the rate per 100,000 population."},
    "peta.tabel.by_count": {"id": "Diurutkan menurut jumlah korban.", "en": "Ranked by number of victims."},
    "peta.col.peringkat": {"id": "Peringkat", "en": "Rank"},
    "peta.col.wilayah": {"id": "Wilayah", "en": "Area"},
    # Headers of the narrow table beside the map (the full ones above are their help text).
    "peta.col.short.peringkat": {"id": "#", "en": "#"},
    "peta.col.short.jumlah": {"id": "Korban", "en": "Victims"},
    "peta.col.short.rate": {"id": "/100 rb", "en": "/100k"},
    "peta.col.short.share": {"id": "Porsi", "en": "Share"},
    "peta.col.kode": {"id": "Kode", "en": "Code"},
    "peta.col.jumlah": {"id": "Jumlah korban", "en": "Victims"},
    "peta.col.rate": {"id": "Per 100.000 penduduk per tahun", "en": "Per 100,000 population per year"},
    "peta.col.populasi": {"id": "Penduduk", "en": "Population"},
    "peta.col.share": {"id": "Porsi (%)", "en": "Share (%)"},
    "peta.col.asal": {"id": "Provinsi asal", "en": "Province of origin"},
    "peta.col.tujuan": {"id": "Tujuan", "en": "Destination"},
    "peta.col.provinsi": {"id": "Provinsi", "en": "Province"},
    "peta.col.jarak": {"id": "Jarak ke unit terdekat (km)", "en": "Distance to nearest unit (km)"},
    "peta.col.unit": {"id": "Unit terdekat", "en": "Nearest unit"},
    "peta.no_data": {"id": "tidak ada data", "en": "no data"},
    "peta.sumber": {"id": "Kemensos (kasus ditangani), BPS (penduduk), batas wilayah © Cahya DSN (MIT)",
                    "en": "Kemensos (cases handled), BPS (population), boundaries © Cahya DSN (MIT)"},
    # Destinations
    "peta.tujuan.title": {"id": "Ke mana korban dibawa", "en": "Where victims were taken"},
    "peta.tujuan.jenis": {"id": "Tujuan", "en": "Destination"},
    "peta.tujuan.LN": {"id": "Luar negeri", "en": "Abroad"},
    "peta.tujuan.DN": {"id": "Dalam negeri", "en": "Within Indonesia"},
    "peta.tujuan.sankey_LN": {"id": "Arus korban: provinsi asal → negara tujuan",
                              "en": "Victims: province of origin → destination country"},
    "peta.tujuan.sankey_DN": {"id": "Arus korban: provinsi asal → provinsi tujuan",
                              "en": "Victims: province of origin → destination province"},
    "peta.tujuan.other_origins": {"id": "Provinsi lain", "en": "Other provinces"},
    "peta.tujuan.other_LN": {"id": "Negara lain", "en": "Other countries"},
    "peta.tujuan.other_DN": {"id": "Provinsi tujuan lain", "en": "Other destination provinces"},
    "peta.tujuan.empty": {"id": "Tidak ada korban dengan tujuan {jenis} untuk filter yang dipilih.",
                          "en": "No victims with a destination {jenis} under the selected filters."},
    "peta.tujuan.alt": {"id": "Tujuan terbanyak: {names}.", "en": "Main destinations: {names}."},
    "peta.tujuan.tabel": {"id": "Tabel arus asal → tujuan", "en": "Origin → destination table"},
    "peta.tujuan.top_lines": {"id": "Peta menggambar {n} arus terbesar dari {total}; semuanya ada di tabel.",
                              "en": "The map draws the {n} largest of {total} flows; the table lists them all."},
    "peta.tujuan.no_point": {"id": "{n} arus tanpa koordinat tujuan hanya tampil di diagram dan tabel.",
                             "en": "{n} flows without destination coordinates appear only in the diagram and table."},
    # Coverage
    "peta.jangkauan.title": {"id": "Jangkauan unit layanan", "en": "Reach of service units"},
    "peta.jangkauan.km": {"id": "Batas jarak ke unit layanan (km)", "en": "Distance limit to a service unit (km)"},
    "peta.jangkauan.km_help": {
        "id": "Jarak garis lurus di permukaan bumi (great-circle) dari titik wakil kabupaten/kota asal ke "
              "sentra/RPTC aktif terdekat.",
        "en": "Great-circle distance from the origin regency/city's representative point to the nearest "
              "active sentra/RPTC.",
    },
    "peta.jangkauan.share": {"id": "Korban dari daerah > {km} km", "en": "Victims from areas > {km} km away"},
    "peta.jangkauan.share_help": {
        "id": "Porsi korban yang kabupaten/kota asalnya lebih jauh dari batas jarak ke unit layanan mana pun, "
              "dari korban yang asalnya diketahui.",
        "en": "Share of victims whose origin regency/city lies beyond the distance limit from every unit, among "
              "victims with a known origin.",
    },
    "peta.jangkauan.jauh": {"id": "Korban jauh dari layanan", "en": "Victims far from services"},
    "peta.jangkauan.tanpa_lokasi": {"id": "Korban tanpa kab/kota asal", "en": "Victims without origin regency/city"},
    "peta.jangkauan.tanpa_lokasi_help": {
        "id": "Asal hanya tercatat sampai provinsi, sehingga jaraknya tidak dapat dihitung; tidak dihitung "
              "dekat maupun jauh.",
        "en": "Origin recorded only to province level, so no distance can be computed; counted neither near nor far.",
    },
    "peta.jangkauan.no_boundaries": {
        "id": "Analisis jangkauan memerlukan titik kabupaten/kota dari berkas batas wilayah, yang tidak tersedia. "
              "Jarak dari ibu kota provinsi akan menyesatkan, sehingga tidak ditampilkan.",
        "en": "The reach analysis needs regency/city points from the boundary files, which are not available. "
              "Distances from province capitals would mislead, so none are shown.",
    },
    "peta.jangkauan.alt": {
        "id": "Peta: {share} korban (yang asalnya diketahui) berasal dari kabupaten/kota lebih dari {km} km dari "
              "unit layanan terdekat.",
        "en": "Map: {share} of victims (with a known origin) come from regencies/cities more than {km} km from "
              "the nearest service unit.",
    },
    "peta.jangkauan.alt_top": {"id": " Terbanyak: {names}.", "en": " Largest: {names}."},
    "peta.jangkauan.tabel": {"id": "Daerah kurang terlayani", "en": "Underserved areas"},
    "peta.jangkauan.none_far": {"id": "Tidak ada korban dari daerah lebih dari {km} km dari unit layanan.",
                                "en": "No victims come from areas more than {km} km from a service unit."},
}
