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
        "id": "{name}: {count} korban dalam {recent} bulan terakhir ({window}) dibanding {base_count} dalam {baseline} "
              "bulan sebelumnya; laju bulanan {ratio} kali lipat.",
        "en": "{name}: {count} victims in the last {recent} months ({window}) against {base_count} in the {baseline} "
              "months before; {ratio} times the monthly rate.",
    },
    "jar.rising.item.baru": {"id": "{name}: {count} korban dalam {recent} bulan terakhir ({window}); tidak ada dalam "
                                   "{baseline} bulan sebelumnya.",
                             "en": "{name}: {count} victims in the last {recent} months ({window}); none in the "
                                   "{baseline} months before."},
    "jar.rising.rule": {
        "id": "Aturan: {recent} bulan terakhir dibanding {baseline} bulan sebelumnya, dengan aturan yang sama seperti "
              "setiap \"naik\" di dasbor: kedua hitungan sedikitnya {min} korban dan laju bulanan lebih tinggi di "
              "luar variasi kebetulan (uji binomial eksak untuk dua hitungan Poisson, p < {alpha}). \"Baru\" bila "
              "tidak ada korban pada {baseline} bulan sebelumnya dan sedikitnya {new} korban kini.",
        "en": "Rule: the last {recent} months against the {baseline} months before, by the rule behind every "
              "\"rise\" on the dashboard: both counts at least {min} victims and a higher monthly rate beyond "
              "chance (exact binomial test for two Poisson counts, p < {alpha}). \"New\" when there were no victims "
              "in the {baseline} months before and at least {new} now.",
    },
    "jar.rising.window.none": {"id": "Jendela: {recent}; tidak ada data sebelumnya untuk dibandingkan.",
                               "en": "Window: {recent}; there are no earlier data to compare with."},
    "jar.rising.window": {"id": "Jendela: {recent} dibanding {baseline}. Riwayat sebelum awal periode ikut dipakai.",
                          "en": "Window: {recent} against {baseline}. History before the period start is used."},
    "jar.rising.short": {"id": "Riwayat data belum cukup untuk menilai modus baru atau meningkat: ada {have} bulan "
                                "sebelum jendela terakhir, perlu minimal {months}.",
                         "en": "Not enough history to judge new or rising forms: {have} months before the latest "
                               "window, at least {months} needed."},
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
    "jar.completeness.late": {"id": "{count} provinsi belum lapor", "en": "provinces not reported: {count}"},
    "jar.completeness.colorbar": {"id": "Kelengkapan", "en": "Completeness"},
    "jar.completeness.missing": {"id": "Belum melapor", "en": "Not yet reported"},
    "jar.completeness.short": {
        "id": "Kelengkapan laporan belum dapat dinilai: data mencakup {have} bulan sebelum tiga bulan terakhir, perlu "
              "minimal {need} untuk tahu instansi mana yang biasanya melapor.",
        "en": "Reporting completeness cannot be judged yet: the data cover {have} months before the latest three, "
              "and at least {need} are needed to know which agencies usually report."},
    "jar.completeness.none_expected": {
        "id": "Tidak ada laporan yang diharapkan untuk provinsi dan bulan ini (tidak ada instansi yang biasanya "
              "melaporkannya).",
        "en": "No report is expected for these provinces and months (no agency usually reports them)."},
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
