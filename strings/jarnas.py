"""Strings of the Jarnas monitoring page: trends, rising modus, handling pipeline, reporting completeness."""

CATALOG = {
    "jar.trend.header": {"id": "Tren bulanan", "en": "Monthly trends"},
    "jar.trend.by": {"id": "Rinci menurut", "en": "Break down by"},
    "jar.trend.dim.modus": {"id": "Modus", "en": "Form"},
    "jar.trend.dim.jenis_kelamin": {"id": "Jenis kelamin", "en": "Sex"},
    "jar.trend.dim.kelompok_umur": {"id": "Kelompok umur", "en": "Age group"},
    "jar.trend.title": {"id": "Korban ditangani per bulan menurut {dim}", "en": "Victims handled per month by {dim}"},
    "jar.trend.y": {"id": "Korban per bulan", "en": "Victims per month"},
    "jar.rising.header": {"id": "Modus baru atau meningkat", "en": "New or rising forms"},
    "jar.rising.none": {"id": "Tidak ada modus yang baru atau meningkat menurut aturan di bawah.",
                        "en": "No new or rising form under the rule below."},
    "jar.rising.item.naik": {
        "id": "{name}: {count} korban dalam {recent} bulan terakhir ({ratio} kali rata-rata bulanan sebelumnya)",
        "en": "{name}: {count} victims in the last {recent} months ({ratio} times the earlier monthly average)",
    },
    "jar.rising.item.baru": {"id": "{name}: {count} korban dalam {recent} bulan terakhir; tidak ada sebelumnya",
                             "en": "{name}: {count} victims in the last {recent} months; none before"},
    "jar.rising.rule": {
        "id": "Aturan: {recent} bulan terakhir dibanding rata-rata {baseline} bulan sebelumnya. \"Meningkat\" bila "
              "rata-rata ≥ {factor} kali, minimal {min} korban, dan kenaikan tidak mungkin kebetulan (uji Poisson, "
              "p < 0,05). \"Baru\" bila tidak ada korban pada {baseline} bulan sebelumnya.",
        "en": "Rule: the last {recent} months against the average of the {baseline} months before. \"Rising\" when "
              "the average is ≥ {factor} times, at least {min} victims, and unlikely to be chance (Poisson test, "
              "p < 0.05). \"New\" when there were no victims in the {baseline} months before.",
    },
    "jar.rising.window": {"id": "Jendela: {recent} dibanding {baseline}. Riwayat sebelum awal periode ikut dipakai.",
                          "en": "Window: {recent} against {baseline}. History before the period start is used."},
    "jar.rising.short": {"id": "Riwayat data belum cukup (perlu minimal {months} bulan sebelum jendela terakhir).",
                         "en": "Not enough history (at least {months} months before the latest window are needed)."},
    "jar.status.naik": {"id": "meningkat", "en": "rising"},
    "jar.status.baru": {"id": "baru", "en": "new"},
    "jar.status.-": {"id": "–", "en": "–"},
    "jar.pipeline.header": {"id": "Alur penanganan", "en": "Handling pipeline"},
    "jar.pipeline.title": {"id": "Korban yang mencapai setiap tahap", "en": "Victims reaching each stage"},
    "jar.pipeline.share": {"id": "dari korban ditangani", "en": "of victims handled"},
    "jar.pipeline.apply_agency": {"id": "Terapkan filter instansi pada alur", "en": "Apply the agency filter to the pipeline"},
    "jar.pipeline.note": {
        "id": "Setiap tahap dilaporkan instansi yang menjalankannya (penjangkauan: BP2MI/Jarnas; rehabilitasi medis: "
              "Kemenkes; lainnya: Kemensos), sehingga filter instansi tidak diterapkan kecuali dipilih di sini. "
              "Rehabilitasi medis berjalan sejajar dengan rehabilitasi sosial. Korban bulan-bulan terakhir belum "
              "sempat mencapai tahap akhir.",
        "en": "Each stage is reported by the agency that runs it (outreach: BP2MI/Jarnas; medical rehabilitation: "
              "Kemenkes; the rest: Kemensos), so the agency filter is not applied unless chosen here. Medical "
              "rehabilitation runs beside social rehabilitation. Victims of the latest months have not yet had time "
              "to reach the last stages.",
    },
    "jar.pipeline.agency_on": {"id": "Filter instansi diterapkan: tahap yang dilaporkan instansi lain tampil kosong.",
                               "en": "Agency filter applied: stages reported by other agencies show as empty."},
    "jar.completeness.header": {"id": "Kelengkapan laporan antarinstansi", "en": "Cross-agency reporting completeness"},
    "jar.completeness.title": {"id": "Laporan diterima dari yang diharapkan, {period}",
                               "en": "Reports received of those expected, {period}"},
    "jar.completeness.metric": {"id": "{agency}", "en": "{agency}"},
    "jar.completeness.metric_help": {"id": "{got} dari {expected} laporan provinsi-bulan yang diharapkan diterima.",
                                     "en": "{got} of {expected} expected province-month reports received."},
    "jar.completeness.late": {"id": "{count} provinsi belum lapor", "en": "{count} provinces not reported"},
    "jar.completeness.colorbar": {"id": "Kelengkapan", "en": "Completeness"},
    "jar.completeness.missing": {"id": "Belum melapor", "en": "Not yet reported"},
    "jar.completeness.none": {"id": "Semua laporan yang diharapkan sudah diterima.",
                              "en": "Every expected report has been received."},
    "jar.completeness.rule": {
        "id": "Diharapkan: instansi melaporkan provinsi itu pada ≥ {active} dari {baseline} bulan sebelumnya dan "
              "instansi lain mencatat korban dari provinsi itu pada bulan tersebut. Filter periode (bulan akhir) dan "
              "provinsi berlaku; filter modus, jenis kelamin, umur, dan instansi tidak. Ini daftar untuk dikonfirmasi, "
              "bukan penilaian.",
        "en": "Expected: the agency reported the province in ≥ {active} of the {baseline} months before, and other "
              "agencies recorded victims from it that month. The period end and province filters apply; form, sex, "
              "age and agency filters do not. A list to check, not a verdict.",
    },
    "jar.col.instansi": {"id": "Instansi", "en": "Agency"},
    "jar.col.provinsi": {"id": "Provinsi", "en": "Province"},
    "jar.col.bulan": {"id": "Bulan", "en": "Month"},
    "jar.source.stages": {"id": "Kemensos, Kemenkes, BP2MI, Jarnas (laporan tahap penanganan)",
                          "en": "Kemensos, Kemenkes, BP2MI, Jarnas (stage reports)"},
}
