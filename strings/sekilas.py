"""Strings of the executive first screen (ui.eksekutif_sections.glance_section; sentences from domain.glance)."""

CATALOG = {
    "eks.glance.where": {"id": "Di mana", "en": "Where"},
    "eks.glance.units": {"id": "Unit penuh", "en": "Units at capacity"},
    "eks.glance.todo": {"id": "Yang perlu dilakukan", "en": "What to do"},
    "eks.glance.todo.link": {"id": "Buka Daftar Tindakan", "en": "Open the action lists"},
    "eks.glance.todo.none": {"id": "Daftar Tindakan kosong untuk filter ini.",
                             "en": "The action lists are empty for these filters."},
    "eks.glance.more": {"id": "Rincian (peta besar, pesan kunci, tabel) ada di bawah.",
                        "en": "Details (large map, key messages, tables) are further down."},
    "eks.spark.help": {"id": "Garis kecil: {months} bulan terakhir s.d. {end}, per bulan.",
                       "en": "Small line: the last {months} months up to {end}, month by month."},
    "eks.where.top": {"id": "Asal korban terbanyak ({period}): {items}.",
                      "en": "Most victims came from ({period}): {items}."},
    "eks.where.change": {"id": "Kenaikan terbesar dibanding {previous}: {items}.",
                         "en": "Largest increases against {previous}: {items}."},
    "eks.where.change.none": {"id": "Tidak ada provinsi dengan korban lebih banyak daripada {previous}.",
                              "en": "No province had more victims than in {previous}."},
    "eks.units.alert": {
        "id": "{n} unit di atas {threshold} kapasitas selama 2 bulan atau lebih (okupansi {month}): {items}.",
        "en": "{n} units above {threshold} of capacity for 2 months or more (occupancy in {month}): {items}."},
    "eks.units.alert.one": {
        "id": "{n} unit di atas {threshold} kapasitas selama 2 bulan atau lebih (okupansi {month}): {items}.",
        "en": "{n} unit above {threshold} of capacity for 2 months or more (occupancy in {month}): {items}."},
    "eks.units.more": {"id": "dan {n} lainnya", "en": "and {n} more"},
    "eks.todo.late": {
        "id": "Tagih {n} laporan yang lewat jatuh tempo; terlama: laporan {kind} {name} untuk {month} ({days}).",
        "en": "Chase {n} reports past their due date; the oldest: the {kind} report of {name} for {month} "
              "({days})."},
    "eks.todo.late.one": {
        "id": "Tagih {n} laporan yang lewat jatuh tempo: laporan {kind} {name} untuk {month} ({days}).",
        "en": "Chase {n} report past its due date: the {kind} report of {name} for {month} ({days})."},
    "eks.todo.referral": {
        "id": "Rujuk korban baru dari {unit} ({util} pada {month}) ke {target}: {km} km, {free} tempat kosong.",
        "en": "Refer new victims from {unit} ({util} in {month}) to {target}: {km} km, free places: {free}."},
    "eks.todo.referral.none": {
        "id": "{unit} terisi {util} pada {month}, dan tidak ada unit lain dengan tempat kosong untuk rujukan.",
        "en": "{unit} was at {util} in {month}, and no other unit has free places for a referral."},
    "eks.todo.watch.baru": {
        "id": "Pantau {province}: modus {modus} baru muncul, {n} korban pada {period}{others}.",
        "en": "Watch {province}: {modus} is new, {n} victims in {period}{others}."},
    "eks.todo.watch.naik": {
        "id": "Pantau {province}: modus {modus} naik, {n} korban pada {period}{others}.",
        "en": "Watch {province}: {modus} is rising, {n} victims in {period}{others}."},
    "eks.todo.watch.others": {"id": "; {n} provinsi lain juga dipantau", "en": "; {n} other provinces are watched too"},
    "eks.todo.watch.others.one": {"id": "; {n} provinsi lain juga dipantau", "en": "; {n} other province is watched too"},
    "eks.days": {"id": "{n} hari", "en": "{n} days"},
    "eks.days.one": {"id": "{n} hari", "en": "{n} day"},
}
