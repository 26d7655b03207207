"""Strings of the action-list page (Daftar Tindakan): late reports, capacity referrals, provinces to watch."""

CATALOG = {
    "nav.daftar_tindakan": {"id": "Daftar Tindakan", "en": "Action Lists"},
    "purpose.daftar_tindakan": {
        "id": "Tiga daftar untuk ditindaklanjuti: laporan terlambat, rujukan kapasitas, dan wilayah pantauan.",
        "en": "Three lists to act on: late reports, capacity referrals and provinces to watch."},
    "tin.context": {"id": "**Periode:** {period} · **Filter:** {filters} · **Dihitung per:** {reference}",
                    "en": "**Period:** {period} · **Filters:** {filters} · **Counted to:** {reference}"},
    "tin.print_hint": {
        "id": "Cetak: tekan Ctrl+P (⌘P di Mac); menu samping dan tombol unduh tidak ikut tercetak.",
        "en": "Print: press Ctrl+P (⌘P on a Mac); the sidebar and download buttons are left out of the print."},
    "tin.no_reference": {"id": "tanggal pembaruan tidak diketahui", "en": "update date unknown"},
    # Headline counts (indicators laporan_terlambat, wilayah_pantauan; unit_peringatan as on Kapasitas Sentra)
    "tin.kpi.late": {"id": "Laporan lewat jatuh tempo", "en": "Reports overdue"},
    "tin.kpi.watch": {"id": "Provinsi dalam pantauan", "en": "Provinces to watch"},
    "tin.help.late": {"id": "Laporan bulanan (data kasus instansi, okupansi unit) yang lewat jatuh tempo dan belum masuk.",
                      "en": "Monthly reports (agencies' case data, units' occupancy) past their due date and not yet in."},
    "tin.help.watch": {"id": "Provinsi dengan paling sedikit satu modus baru atau meningkat.",
                       "en": "Provinces with at least one new or rising form."},
    "ind.laporan_terlambat.def": {
        "id": "Laporan bulanan bulan-bulan periode (data kasus tiap instansi, okupansi tiap sentra dan RPTC) yang "
              "belum masuk setelah tanggal jatuh temponya, dihitung per tanggal acuan: hari ini untuk data nyata, "
              "tanggal acuan sendiri untuk data contoh.",
        "en": "Monthly reports of the period's months (each agency's case data, each centre's occupancy) not yet in "
              "after their due date, counted to the as-of date: today for real data, the demo's own date for demo "
              "data."},
    "ind.wilayah_pantauan.def": {
        "id": "Provinsi asal dengan paling sedikit satu modus baru atau meningkat: 3 bulan terakhir periode dibanding "
              "12 bulan sebelumnya, aturan yang sama dengan Pemantauan Jarnas.",
        "en": "Provinces of origin with at least one new or rising form: the period's last 3 months against the "
              "12 months before, the same rule as Jarnas Monitoring."},
    "unit.laporan": {"id": "laporan", "en": "reports"},
    "unit.provinsi": {"id": "provinsi", "en": "provinces"},
    "rule.period.tiga_bulan_akhir": {"id": "3 bulan terakhir periode (dibanding 12 bulan sebelumnya bila ada)",
                                     "en": "the period's last 3 months (against the 12 before, where used)"},
    # Late reports
    "tin.late.header": {"id": "Laporan lewat jatuh tempo", "en": "Reports overdue"},
    "tin.late.none": {"id": "Tidak ada laporan yang lewat jatuh tempo.", "en": "No report is past its due date."},
    # Capacity referrals
    "tin.ref.header": {"id": "Rujukan kapasitas", "en": "Capacity referrals"},
    "tin.ref.rule": {
        "id": "Unit dalam peringatan (di atas 90% paling sedikit 2 bulan berturut-turut dan masih berlangsung pada "
              "{month}) dengan {k} unit terdekat yang punya tempat kosong pada {month} (kapasitas − penghuni > 0) dan "
              "tidak sedang dalam peringatan. Jarak garis lurus di permukaan bumi, bukan jarak tempuh; unit tujuan "
              "dicari di seluruh Indonesia. Tempat kosong negatif: penghuni melebihi kapasitas.",
        "en": "Units on alert (above 90% for at least 2 months in a row, still so in {month}) with the {k} nearest "
              "units that have free places in {month} (capacity − residents > 0) and are not on alert themselves. "
              "Straight-line distance over the earth's surface, not travel distance; units offered are searched "
              "across Indonesia. Negative free places: more residents than beds."},
    "tin.ref.none": {"id": "Tidak ada unit dalam peringatan.", "en": "No unit is on alert."},
    "tin.ref.no_candidate": {"id": "tidak ada unit dengan tempat kosong", "en": "no unit with free places"},
    "tin.ref.col.unit": {"id": "Unit dalam peringatan", "en": "Unit on alert"},
    "tin.ref.col.utilisasi": {"id": "Utilisasi {month} (%)", "en": "Utilisation {month} (%)"},
    "tin.ref.col.tempat_kosong": {"id": "Tempat kosong", "en": "Free places"},
    "tin.ref.col.peringkat": {"id": "Urutan", "en": "Rank"},
    "tin.ref.col.tujuan": {"id": "Unit tujuan", "en": "Unit to refer to"},
    "tin.ref.col.provinsi_tujuan": {"id": "Provinsi tujuan", "en": "Province"},
    "tin.ref.col.jarak_km": {"id": "Jarak (km)", "en": "Distance (km)"},
    "tin.ref.col.tempat_kosong_tujuan": {"id": "Tempat kosong tujuan", "en": "Free places there"},
    # Provinces to watch
    "tin.watch.header": {"id": "Wilayah pantauan", "en": "Provinces to watch"},
    "tin.watch.none": {"id": "Tidak ada provinsi dengan modus baru atau meningkat menurut aturan di bawah.",
                       "en": "No province has a new or rising form under the rule below."},
    "tin.watch.many": {
        "id": "Aturan diuji untuk setiap provinsi dan modus ({tests} uji): pada p < 0,05 beberapa tanda bisa muncul "
              "karena kebetulan, jadi periksa buktinya sebelum bertindak.",
        "en": "The rule is tested for every province and form ({tests} tests): at p < 0.05 a few flags can arise by "
              "chance, so check the evidence before acting."},
    # Short headers on screen (the full ones above are their help text and the download's headers).
    "tin.ref.short.unit": {"id": "Unit", "en": "Unit"},
    "tin.ref.short.utilisasi": {"id": "Utilisasi", "en": "Utilisation"},
    "tin.ref.short.tempat_kosong": {"id": "Kosong", "en": "Free"},
    "tin.ref.short.peringkat": {"id": "Urutan", "en": "Rank"},
    "tin.ref.short.tujuan": {"id": "Unit tujuan", "en": "Refer to"},
    "tin.ref.short.provinsi_tujuan": {"id": "Provinsi", "en": "Province"},
    "tin.ref.short.jarak_km": {"id": "Jarak", "en": "Distance"},
    "tin.ref.short.tempat_kosong_tujuan": {"id": "Kosong di tujuan", "en": "Free there"},
    "tin.watch.short.provinsi": {"id": "Provinsi", "en": "Province"},
    "tin.watch.short.modus": {"id": "Modus", "en": "Form"},
    "tin.watch.short.status": {"id": "Status", "en": "Status"},
    "tin.watch.short.jumlah_terkini": {"id": "Korban", "en": "Victims"},
    "tin.watch.short.rata_terkini": {"id": "Per bulan kini", "en": "Per month now"},
    "tin.watch.short.rata_dasar": {"id": "Per bulan dulu", "en": "Per month before"},
    "tin.watch.short.rasio": {"id": "Rasio", "en": "Ratio"},
    "tin.watch.short.p_nilai": {"id": "p", "en": "p"},
    "tin.watch.col.provinsi": {"id": "Provinsi", "en": "Province"},
    "tin.watch.col.modus": {"id": "Modus", "en": "Form"},
    "tin.watch.col.status": {"id": "Status", "en": "Status"},
    "tin.watch.col.jumlah_terkini": {"id": "Korban {recent}", "en": "Victims {recent}"},
    "tin.watch.col.rata_terkini": {"id": "Rata-rata/bulan {recent}", "en": "Mean/month {recent}"},
    "tin.watch.col.rata_dasar": {"id": "Rata-rata/bulan {baseline}", "en": "Mean/month {baseline}"},
    "tin.watch.col.rasio": {"id": "Rasio", "en": "Ratio"},
    "tin.watch.col.p_nilai": {"id": "p (Poisson)", "en": "p (Poisson)"},
}
