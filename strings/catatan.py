"""Strings of the generated notes (domain.statements): each data kind's coverage, capacity alerts, the staffing
shortage's arithmetic, and provinces without a service unit."""

CATALOG = {
    # Data kinds, as named inside a sentence
    "kind.kasus": {"id": "kasus", "en": "case"},
    "kind.okupansi": {"id": "okupansi", "en": "occupancy"},
    "kind.staf": {"id": "formasi SDM", "en": "staffing"},
    "kind.pelatihan": {"id": "pelatihan", "en": "training"},
    "kind.kegiatan_pencegahan": {"id": "kegiatan pencegahan", "en": "prevention activity"},
    "kind.pencegahan_keberangkatan": {"id": "pencegahan keberangkatan", "en": "prevented-departure"},
    "kind.penempatan_pmi": {"id": "penempatan PMI", "en": "placement"},
    # Data kinds as sources (the English deck; the Indonesian names are those in sumber_data)
    "source.name.kasus": {"id": "Jumlah korban per bulan, asal, tujuan, modus, tahap",
                          "en": "Victims per month, origin, destination, form, stage"},
    "source.name.okupansi": {"id": "Okupansi bulanan sentra dan RPTC", "en": "Monthly occupancy of the centres"},
    "source.name.staf": {"id": "Formasi SDM per kuartal, unit dan peran", "en": "Staff posts per quarter, unit and role"},
    "source.name.unit_layanan": {"id": "Daftar sentra dan RPTC", "en": "List of centres"},
    "source.name.standar_beban_kerja": {"id": "Standar beban kerja WISN", "en": "WISN workload standards"},
    "source.name.populasi": {"id": "Penduduk per provinsi", "en": "Population by province"},
    "source.name.pelatihan": {"id": "Pelatihan SDM per bulan, unit, peran dan topik",
                              "en": "Staff training per month, unit, role and topic"},
    "source.name.kegiatan_pencegahan": {"id": "Kegiatan pencegahan TPPO", "en": "Anti-trafficking prevention activities"},
    "source.name.pencegahan_keberangkatan": {"id": "Pencegahan keberangkatan PMI nonprosedural",
                                             "en": "Prevented irregular migrant-worker departures"},
    "source.name.penempatan_pmi": {"id": "Penempatan PMI menurut daerah asal",
                                   "en": "Migrant-worker placements by area of origin"},
    # Coverage of a figure's own data kind (domain.coverage)
    "cov.until": {"id": "Data {kind} hanya tersedia s.d. {last}: angka dari data {kind} berhenti pada {last}, "
                        "bukan pada akhir periode ({end}).",
                  "en": "The {kind} data run only to {last}: figures from the {kind} data end in {last}, not at the "
                        "period's end ({end})."},
    "cov.from": {"id": "Data {kind} baru tersedia mulai {first}: angka dari data {kind} dimulai pada {first}, bukan "
                       "pada awal periode ({start}).",
                 "en": "The {kind} data start only in {first}: figures from the {kind} data begin in {first}, not at "
                       "the period's start ({start})."},
    "cov.outside": {"id": "Tidak ada data {kind} untuk {period}; data {kind} tersedia {data}.",
                    "en": "There are no {kind} data for {period}; the {kind} data cover {data}."},
    "cov.none": {"id": "Belum ada data {kind}.", "en": "No {kind} data yet."},
    "cov.short": {"id": "Angka {months} bulan dari data {kind} hanya mencakup {used} ({n} bulan), bulan-bulan yang ada "
                        "datanya.",
                  "en": "The {months}-month figures from the {kind} data cover only {used} ({n} months), the months "
                        "with data."},
    "cmp.utilisation": {
        "id": "Perubahan utilisasi membandingkan bulan yang ada data okupansinya, {used}, dengan {like}.",
        "en": "The utilisation's change compares the months with occupancy data, {used}, with {like}."},
    "cov.gaps": {
        "id": "{n} laporan okupansi bulanan tidak ada pada periode ini ({items}); jumlah penghuni bulan-bulan itu tidak "
              "mencakup unit tersebut, sedangkan tempat tidur dihitung dari laporan terakhir setiap unit.",
        "en": "Monthly occupancy reports missing in the period: {n} ({items}); those months' residents leave the unit "
              "out, while beds are counted from each unit's latest report."},
    "cov.gap_item": {"id": "{name} {month}", "en": "{name} {month}"},
    "cov.gap_more": {"id": "dan {n} lainnya", "en": "and {n} more"},
    # Capacity alerts, judged on the whole series up to the anchor month
    "alert.ongoing": {
        "id": "{count} unit dalam peringatan pada {month}: terisi di atas {threshold} kapasitas selama sedikitnya "
              "{months} bulan berturut-turut hingga bulan itu.",
        "en": "Units on alert in {month}: {count} (above {threshold} of capacity for at least {months} "
              "consecutive months up to that month)."},
    "alert.none": {
        "id": "Tidak ada unit yang terisi di atas {threshold} kapasitas selama {months} bulan berturut-turut hingga "
              "{month}.",
        "en": "No unit was above {threshold} of capacity for {months} consecutive months up to {month}."},
    "alert.none_reported": {
        "id": "Tidak ada unit yang melaporkan {month} terisi di atas {threshold} kapasitas selama {months} bulan "
              "berturut-turut hingga bulan itu.",
        "en": "No unit that reported {month} was above {threshold} of capacity for {months} consecutive months up "
              "to that month."},
    "alert.unreported": {
        "id": "{n} unit belum melaporkan okupansi {month}, sehingga peringatannya tidak dapat dinilai: {names}.",
        "en": "Units without an occupancy report for {month}, whose alert cannot be judged: {n} ({names})."},
    "alert.no_units": {"id": "Tidak ada sentra atau RPTC di provinsi yang dipilih, sehingga tidak ada peringatan "
                             "kapasitas untuk dinilai.",
                       "en": "There is no centre in the provinces chosen, so there is no capacity alert to judge."},
    "deck.col.now": {"id": "Utilisasi {month}", "en": "Utilisation {month}"},
    "alert.ended": {
        "id": "{n} unit lain sempat dalam peringatan pada periode ini, tetapi peringatannya sudah berakhir sebelum "
              "{month}.",
        "en": "Other units whose alert ended in the period before {month}: {n}."},
    # Staffing: gross shortage and net difference
    "sdm.gap": {
        "id": "Kekurangan bruto {gross} orang adalah jumlah kekurangan tiap unit dan peran: kelebihan staf di satu "
              "unit tidak menutup kekurangan di unit lain. Selisih bersih = dibutuhkan {required} − tersedia "
              "{current} = {net} orang.",
        "en": "The gross shortage of {gross} is the sum of each unit's and role's shortage: a surplus in one unit "
              "does not cover a shortage in another. Net difference = needed {required} − available {current} = "
              "{net}."},
    "sdm.kpi.net": {"id": "Selisih bersih (dibutuhkan − tersedia)", "en": "Net difference (needed − available)"},
    "ind.selisih_staf_bersih.def": {
        "id": "Σ staf dibutuhkan − Σ staf tersedia menurut WISN atas semua unit dan peran; negatif bila staf secara "
              "keseluruhan lebih banyak dari kebutuhan. Berbeda dari kekurangan bruto, yang tidak mengimbangkan "
              "kelebihan satu unit dengan kekurangan unit lain.",
        "en": "Σ staff needed − Σ staff available by WISN over all units and roles; negative when there are more "
              "staff than needed overall. Unlike the gross shortage, a surplus in one unit offsets a shortage in "
              "another."},
    "deck.col.net": {"id": "Selisih bersih", "en": "Net difference"},
    # Provinces without a unit
    "unit.none_in": {
        "id": "Tidak ada sentra atau RPTC di {province}. Korban asal {province} pada {period} dilayani oleh: "
              "{units}.",
        "en": "There is no centre in {province}. Victims from {province} in {period} were served by: {units}."},
    "unit.none_in.no_victims": {
        "id": "Tidak ada sentra atau RPTC di {province}, dan tidak ada korban asal {province} pada {period}.",
        "en": "There is no centre in {province}, and no victims from {province} in {period}."},
    "unit.served_item": {"id": "{name} ({count} korban, {km} km dari ibu kota provinsi)",
                         "en": "{name} ({count} victims, {km} km from the provincial capital)"},
    "unit.served_more": {"id": "dan {n} unit lain", "en": "and {n} other units"},
    "unit.served_unrecorded": {"id": "{n} korban tanpa unit tercatat", "en": "{n} victims with no unit recorded"},
    # Filters that do not apply to victim counts (the agency filter)
    "scope.ignored_victims": {
        "id": "Filter {names} tidak berlaku untuk angka korban: setiap korban dihitung sekali, pada tahap penerimaan "
              "dan asesmen di sentra/RPTC Kemensos, siapa pun instansi yang menemukan atau merujuknya. Filter instansi "
              "berlaku untuk alur penanganan bila dipilih di Pemantauan Jarnas, dan untuk laporan terlambat (Daftar "
              "Tindakan).",
        "en": "The {names} filter does not apply to victim counts: each victim is counted once, at reception and "
              "assessment in a Kemensos centre, whichever agency found or referred them. The agency filter applies "
              "to the handling pipeline when chosen on Jarnas monitoring, and to late reports (Action lists)."},
    # Headline deltas
    "cmp.too_few": {"id": "angka terlalu kecil untuk dibandingkan", "en": "too few to compare"},
    # What a rollback means for the public summary (domain.statements.rollback_public_note)
    "rb.public.stale": {
        "id": "Ringkasan publik versi {version} (diterbitkan {date}) masih menampilkan angka yang tidak lagi sesuai "
              "data setelah pembatalan impor #{batch}: {cells} sel berbeda. Terbitkan ulang agar publik tidak melihat "
              "data yang ditarik.",
        "en": "Public summary version {version} (published {date}) still shows figures the data no longer give after "
              "import #{batch} was rolled back: {cells} cells differ. Republish so the public does not see withdrawn "
              "data."},
    "rb.public.absorbed": {
        "id": "Ringkasan publik versi {version} (diterbitkan {date}) dibuat sesudah impor #{batch}, tetapi tidak ada "
              "selnya yang berubah oleh pembatalan (pembulatan dan penyembunyian sel menyerap baris itu); tidak perlu "
              "terbit ulang.",
        "en": "Public summary version {version} (published {date}) was made after import #{batch}, but none of its "
              "cells changes with the rollback (rounding and suppression absorb those rows); no need to republish."},
    "rb.public.before": {
        "id": "Ringkasan publik versi {version} (diterbitkan {date}) dibuat sebelum impor #{batch} dan sesuai data "
              "setelah pembatalan.",
        "en": "Public summary version {version} (published {date}) predates import #{batch} and matches the data "
              "after the rollback."},
    # Freshness (domain.provenance): a source behind its reporting cycle
    "fresh.behind": {
        "id": "Data {kind} tertinggal {n} siklus laporan: bulan terakhirnya {last}, padahal per {as_of} data sampai "
              "{expected} seharusnya sudah masuk. Angka dari data {kind} berhenti di {last}.",
        "en": "The {kind} data are {n} reporting cycles behind: their last month is {last}, while by {as_of} data "
              "up to {expected} should have arrived. Figures from the {kind} data stop at {last}."},
    "fresh.item": {"id": "{kind} s.d. {last} (dimuat {loaded})", "en": "{kind} to {last} (loaded {loaded})"},
    "fresh.item.reference": {"id": "{kind} (dimuat {loaded})", "en": "{kind} (loaded {loaded})"},
    "kind.unit_layanan": {"id": "unit layanan", "en": "service unit"},
    "kind.standar_beban_kerja": {"id": "standar beban kerja", "en": "workload standard"},
    "kind.populasi": {"id": "penduduk", "en": "population"},
}
