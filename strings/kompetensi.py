"""Strings of the SDM competence section (training and certification against targets) and its target editor."""

CATALOG = {
    "kelola.kind.pelatihan": {"id": "Pelatihan SDM per bulan", "en": "Staff training per month"},
    "kom.title": {"id": "Kompetensi SDM: pelatihan dan sertifikasi", "en": "Staff competence: training and certification"},
    "kom.caption": {
        "id": "Porsi staf terlatih dan bersertifikat per unit dan peran dibandingkan target yang ditetapkan admin "
              "data, di samping kekurangan staf menurut WISN: unit yang kurang staf sekaligus kurang terlatih "
              "paling perlu didahulukan dalam tawaran pelatihan Jarnas.",
        "en": "Share of staff trained and certified per unit and role against the targets the data admin sets, beside "
              "the WISN staff shortage: units short of staff and of training come first for the Jarnas training "
              "offer.",
    },
    "kom.rule": {
        "id": "Terlatih: orang yang dilatih (semua topik) {window} dibagi formasi terisi {quarter}, paling tinggi "
              "100 %. Data pelatihan berupa jumlah, jadi orang yang dilatih dua kali terhitung dua kali: angka ini "
              "batas atas. Bersertifikat: formasi terisi yang bersertifikat kompetensi, {quarter}.",
        "en": "Trained: persons trained (all topics) {window} divided by filled posts in {quarter}, at most 100 %. "
              "Training data are counts, so a person trained twice counts twice: this is an upper bound. Certified: "
              "filled posts held by staff with a competence certificate, {quarter}.",
    },
    "kom.source": {"id": "Jarnas Anti TPPO dan Kemensos (catatan pelatihan); Kemensos (Biro SDM: formasi dan "
                         "sertifikat); target: admin data",
                   "en": "Jarnas Anti TPPO and Kemensos (training records); Kemensos (HR bureau: posts and "
                         "certificates); targets: data admin"},
    "kom.kpi.trained": {"id": "Staf terlatih (12 bulan)", "en": "Staff trained (12 months)"},
    "kom.kpi.certified": {"id": "Bersertifikat (peran bertarget)", "en": "Certified (roles with a target)"},
    "kom.kpi.below": {"id": "Unit-peran di bawah target latih", "en": "Unit-roles below training target"},
    "kom.help.trained": {"id": "Porsi formasi terisi yang dilatih dalam 12 bulan, untuk peran yang punya target.",
                         "en": "Share of filled posts trained within 12 months, for roles with a target."},
    "kom.help.certified": {"id": "Porsi formasi terisi yang bersertifikat, untuk peran yang punya target sertifikasi.",
                           "en": "Share of filled posts held by certified staff, for roles with a certification "
                                 "target."},
    "kom.help.below": {"id": "Pasangan unit dan peran yang porsi terlatihnya di bawah target, dari semua pasangan "
                             "dengan formasi terisi dan target.",
                       "en": "Unit-role pairs whose trained share is below target, out of all pairs with filled "
                             "posts and a target."},
    "kom.no_training": {"id": "Belum ada catatan pelatihan dalam 12 bulan ini untuk unit yang ditampilkan; impor jenis "
                              "data 'pelatihan' di Kelola Data.",
                        "en": "No training records in these 12 months for the units shown; import the 'pelatihan' "
                              "data kind on Kelola Data."},
    "kom.no_target": {"id": "Target kompetensi belum ditetapkan; admin data dapat menetapkannya di bawah.",
                      "en": "No competence targets are set yet; the data admin can set them below."},
    "kom.example_target": {
        "id": "TARGET CONTOH: target pelatihan dan sertifikasi di bagian ini masih contoh untuk data demo, bukan "
              "target resmi.",
        "en": "EXAMPLE TARGETS: the training and certification targets in this section are examples for the demo "
              "data, not official targets.",
    },
    "kom.chart.title": {"id": "Porsi terlatih dan bersertifikat per peran dibanding target",
                        "en": "Trained and certified share per role against target"},
    "kom.chart.trained": {"id": "Terlatih (12 bulan)", "en": "Trained (12 months)"},
    "kom.chart.certified": {"id": "Bersertifikat", "en": "Certified"},
    "kom.chart.target_trained": {"id": "Target terlatih", "en": "Training target"},
    "kom.chart.target_certified": {"id": "Target bersertifikat", "en": "Certification target"},
    "kom.chart.x": {"id": "Porsi formasi terisi (%)", "en": "Share of filled posts (%)"},
    "kom.table.title": {"id": "Per unit dan peran: kekurangan WISN di samping kemajuan pelatihan",
                        "en": "Per unit and role: WISN shortage beside training progress"},
    "kom.table.caption": {"id": "Diurutkan dari kekurangan WISN terbesar. 'Perlu dilatih' dan 'perlu sertifikasi': "
                                "orang yang masih harus dilatih atau disertifikasi untuk mencapai target.",
                          "en": "Sorted by the largest WISN shortage. 'To train' and 'to certify': persons still to be "
                                "trained or certified to reach the target."},
    "kom.table.below_only": {"id": "Hanya yang di bawah target", "en": "Only those below target"},
    "kom.col.kode_unit": {"id": "Unit", "en": "Unit"},
    "kom.col.peran": {"id": "Peran", "en": "Role"},
    "kom.col.terisi": {"id": "Formasi terisi", "en": "Filled posts"},
    "kom.col.dilatih": {"id": "Dilatih (12 bln)", "en": "Trained (12 mo)"},
    "kom.col.terlatih": {"id": "Terlatih (maks. terisi)", "en": "Trained (max. filled)"},
    "kom.col.porsi_terlatih": {"id": "Porsi terlatih (%)", "en": "Trained share (%)"},
    "kom.col.target_terlatih": {"id": "Target terlatih (%)", "en": "Training target (%)"},
    "kom.col.kurang_terlatih": {"id": "Perlu dilatih", "en": "To train"},
    "kom.col.unit_di_bawah_terlatih": {"id": "Unit di bawah target latih", "en": "Units below training target"},
    "kom.col.bersertifikat": {"id": "Bersertifikat", "en": "Certified"},
    "kom.col.porsi_bersertifikat": {"id": "Porsi bersertifikat (%)", "en": "Certified share (%)"},
    "kom.col.target_bersertifikat": {"id": "Target sertifikat (%)", "en": "Certification target (%)"},
    "kom.col.kurang_sertifikat": {"id": "Perlu sertifikasi", "en": "To certify"},
    "kom.col.unit_di_bawah_sertifikat": {"id": "Unit di bawah target sertifikat",
                                         "en": "Units below certification target"},
    "kom.col.kekurangan": {"id": "Kekurangan WISN (orang)", "en": "WISN shortage (persons)"},
    "kom.col.wisn_ratio": {"id": "Rasio WISN", "en": "WISN ratio"},
    "kom.target.title": {"id": "Target kompetensi per peran", "en": "Competence targets per role"},
    "kom.target.none": {"id": "tanpa target", "en": "no target"},
    "kom.target.example": {"id": "contoh", "en": "example"},
    "kom.target.col.peran": {"id": "Peran", "en": "Role"},
    "kom.target.col.target_terlatih": {"id": "Target terlatih (%)", "en": "Training target (%)"},
    "kom.target.col.target_bersertifikat": {"id": "Target bersertifikat (%)", "en": "Certification target (%)"},
    "kom.target.col.sumber": {"id": "Dasar", "en": "Basis"},
    "kom.target.col.diubah_oleh": {"id": "Diubah oleh", "en": "Changed by"},
    "kom.target.col.diubah": {"id": "Diubah", "en": "Changed"},
    "kom.edit.title": {"id": "Ubah target kompetensi (admin data)", "en": "Edit competence targets (data admin)"},
    "kom.edit.help": {"id": "Isi persen 0–100; kosongkan bila peran itu tidak punya target. Perubahan tercatat di "
                            "jejak audit Kelola Data dan dapat dibatalkan.",
                      "en": "Enter percent 0–100; leave empty when the role has no target. Changes are recorded in the "
                            "Kelola Data audit trail and can be rolled back."},
    "kom.edit.source": {"id": "Dasar target (wajib)", "en": "Basis of the targets (required)"},
    "kom.edit.source_hint": {"id": "mis. Rapat koordinasi Jarnas 12 Jan 2027", "en": "e.g. Jarnas coordination "
                                                                                    "meeting, 12 Jan 2027"},
    "kom.edit.save": {"id": "Simpan target", "en": "Save targets"},
    "kom.edit.saved": {"id": "Target tersimpan: {n} peran diubah (impor #{batch}).",
                       "en": "Targets saved: {n} roles changed (import #{batch})."},
    "kom.edit.unchanged": {"id": "Tidak ada perubahan untuk disimpan.", "en": "Nothing changed; nothing to save."},
    "kom.edit.failed": {"id": "Target tidak disimpan; tidak ada yang diubah:", "en": "Targets not saved; nothing "
                                                                                   "changed:"},
    "ind.staf_terlatih_porsi.def": {
        "id": "Orang yang dilatih dalam 12 bulan sampai akhir periode dibagi formasi terisi triwulan terakhir, per "
              "unit paling tinggi 100 %, untuk peran yang punya target latih.",
        "en": "Persons trained in the 12 months to the period's end divided by filled posts of the latest quarter, "
              "at most 100 % per unit, for roles with a training target.",
    },
    "ind.staf_bersertifikat_porsi.def": {
        "id": "Formasi terisi yang dipegang staf bersertifikat kompetensi, triwulan terakhir, untuk peran yang punya "
              "target sertifikasi.",
        "en": "Filled posts held by staff with a competence certificate, latest quarter, for roles with a "
              "certification target.",
    },
    "ind.unit_peran_bawah_target.def": {
        "id": "Pasangan unit dan peran yang porsi terlatihnya di bawah target peran itu.",
        "en": "Unit-role pairs whose trained share is below their role's target.",
    },
}
