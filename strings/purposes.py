"""One-line purposes shown under each page title."""

CATALOG = {
    "purpose.ringkasan_eksekutif": {"id": "Angka utama, peta, peringatan, dan pesan kunci untuk rapat pimpinan.",
                                    "en": "Headline figures, map, alerts and key messages for leadership meetings."},
    "purpose.peta_asal_korban": {"id": "Dari mana korban berasal, ke mana mereka dibawa, dan daerah yang jauh dari layanan.",
                                 "en": "Where victims come from, where they were taken, and areas far from services."},
    "purpose.kapasitas_sentra": {"id": "Kapasitas, okupansi, dan tekanan layanan di 31 sentra dan 2 RPTC.",
                                 "en": "Capacity, occupancy and service pressure in 31 sentra and 2 RPTC."},
    "purpose.kesenjangan_sdm": {"id": "Kebutuhan staf menurut metode WISN (WHO) dibanding staf tersedia, per unit dan peran.",
                                "en": "Staff needed by WHO's WISN method against staff available, per unit and role."},
    "purpose.pemantauan_jarnas": {"id": "Tren, modus baru, alur penanganan, dan kelengkapan laporan antarinstansi.",
                                  "en": "Trends, new forms, the handling pipeline, and cross-agency reporting completeness."},
    "purpose.ringkasan_publik": {"id": "Angka nasional yang dilindungi: tidak ada angka 1–9, dibulatkan ke kelipatan 5.",
                                 "en": "Protected national figures: no count from 1 to 9, rounded to multiples of 5."},
    "purpose.kelola_data": {"id": "Templat, impor tervalidasi, jejak audit, dan pembatalan impor.",
                            "en": "Templates, validated import, audit trail and import rollback."},
    "purpose.glosarium": {"id": "Apa yang dihitung setiap angka, dari siapa, dan untuk periode apa.",
                          "en": "What each number counts, from whom, and for which period."},
}
