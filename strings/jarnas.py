"""Strings of the Jarnas monitoring page: trends, rising modus, handling pipeline (the reporting section: laporan.py)."""

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
    "jar.completeness.metric": {"id": "{agency}", "en": "{agency}"},
    "jar.source.stages": {"id": "Kemensos, Kemenkes, BP2MI, Jarnas (laporan tahap penanganan)",
                          "en": "Kemensos, Kemenkes, BP2MI, Jarnas (stage reports)"},
}
