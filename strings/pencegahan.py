"""Strings of the Pencegahan page (prevention: origin risk, prevention reach, priority areas, prevented
departures) and of its executive section and slide."""

CATALOG = {
    "nav.pencegahan": {"id": "Pencegahan", "en": "Prevention"},
    "purpose.pencegahan": {
        "id": "Hulu penanganan: di mana risiko asal korban tinggi, seberapa jauh pencegahan menjangkaunya, dan "
              "wilayah mana yang perlu didahulukan.",
        "en": "The upstream half: where the risk of origin is high, how far prevention reaches it, and which "
              "areas come first."},
    # Headline figures (indicators in domain/indicators.py)
    "pcg.kpi.per_placed": {"id": "Korban per 10.000 PMI ditempatkan",
                           "en": "Victims per 10,000 migrant workers placed"},
    "pcg.kpi.activities_rate": {"id": "Kegiatan pencegahan per 100.000 penduduk (12 bulan)",
                                "en": "Prevention activities per 100,000 population (12 months)"},
    "pcg.kpi.activities": {"id": "Kegiatan pencegahan (12 bulan)", "en": "Prevention activities (12 months)"},
    "pcg.kpi.participants": {"id": "Peserta pencegahan (12 bulan)", "en": "Prevention participants (12 months)"},
    "pcg.kpi.prevented": {"id": "Keberangkatan nonprosedural dicegah", "en": "Irregular departures prevented"},
    "pcg.kpi.priority": {"id": "Kab/kota dengan korban tanpa pencegahan",
                         "en": "Regencies/cities with victims and no prevention"},
    "pcg.context": {"id": "**Periode:** {period} · **Jendela 12 bulan kegiatan dan korban:** {window} · **Tahun "
                          "penempatan PMI:** {year}",
                    "en": "**Period:** {period} · **12-month window of activities and victims:** {window} · "
                          "**Placement year:** {year}"},
    "pcg.no_year": {"id": "belum ada data", "en": "no data yet"},
    # Map
    "pcg.map.header": {"id": "Risiko asal di samping jangkauan pencegahan",
                       "en": "Origin risk beside prevention reach"},
    "pcg.map.risk": {"id": "Ukuran risiko", "en": "Risk measure"},
    "pcg.map.risk.korban_100rb": {"id": "Korban per 100.000 penduduk per tahun",
                                  "en": "Victims per 100,000 population per year"},
    "pcg.map.risk.korban_per_10rb_pmi": {"id": "Korban per 10.000 PMI ditempatkan ({year})",
                                         "en": "Victims per 10,000 migrant workers placed ({year})"},
    "pcg.map.reach": {"id": "Ukuran jangkauan", "en": "Reach measure"},
    "pcg.map.reach.kegiatan_100rb": {"id": "Kegiatan per 100.000 penduduk (12 bulan)",
                                     "en": "Activities per 100,000 population (12 months)"},
    "pcg.map.reach.kegiatan_12": {"id": "Jumlah kegiatan (12 bulan)", "en": "Number of activities (12 months)"},
    "pcg.map.victims": {"id": "Korban", "en": "Victims"},
    "pcg.map.activities": {"id": "Kegiatan", "en": "Activities"},
    "pcg.map.risk_title": {"id": "Risiko asal korban", "en": "Origin risk"},
    "pcg.map.reach_title": {"id": "Jangkauan pencegahan", "en": "Prevention reach"},
    "pcg.map.no_population": {
        "id": "Penduduk kab/kota belum diimpor: angka per 100.000 penduduk tampil sebagai \"tidak ada data\". "
              "Pilih ukuran per 10.000 PMI atau jumlah kegiatan, atau impor penduduk kab/kota (Kelola Data).",
        "en": "Regency/city population has not been imported: rates per 100,000 show as \"no data\". Choose the "
              "per-10,000-migrant-workers measure or the number of activities, or import regency population."},
    "pcg.map.alt": {"id": "Dua peta {where}: kiri {risk}, kanan {reach}. Angka per wilayah ada di tabel di bawah.",
                    "en": "Two maps of {where}: left {risk}, right {reach}. Figures per area are in the table "
                          "below."},
    "pcg.areas.header": {"id": "Angka per wilayah", "en": "Figures per area"},
    "pcg.col.nama": {"id": "Wilayah", "en": "Area"},
    "pcg.col.korban": {"id": "Korban (periode)", "en": "Victims (period)"},
    "pcg.col.korban_100rb": {"id": "Korban per 100.000/tahun", "en": "Victims per 100,000/year"},
    "pcg.col.korban_tahun": {"id": "Korban {year}", "en": "Victims {year}"},
    "pcg.col.pmi": {"id": "PMI ditempatkan {year}", "en": "Migrant workers placed {year}"},
    "pcg.col.korban_per_10rb_pmi": {"id": "Korban per 10.000 PMI", "en": "Victims per 10,000 placed"},
    "pcg.col.kegiatan_12": {"id": "Kegiatan (12 bln)", "en": "Activities (12 mo)"},
    "pcg.col.peserta_12": {"id": "Peserta (12 bln)", "en": "Participants (12 mo)"},
    "pcg.col.kegiatan_100rb": {"id": "Kegiatan per 100.000", "en": "Activities per 100,000"},
    # Priority list
    "pcg.priority.header": {"id": "Wilayah prioritas pencegahan", "en": "Priority areas for prevention"},
    "pcg.rule": {
        "id": "Aturan: kab/kota dengan sedikitnya satu korban (menurut asal) dalam {window}. Kelompok 1 lebih "
              "dulu: tanpa kegiatan pencegahan pada bulan-bulan itu. Kelompok 2: laju bulanan korban naik dibanding "
              "{previous} di luar variasi kebetulan (kedua periode sedikitnya {min} korban, uji dua hitungan "
              "Poisson p < {alpha}). "
              "Kelompok 3: lainnya. Dalam kelompok: korban per kegiatan terbanyak, lalu korban terbanyak, lalu "
              "selisih terbesar. Korban yang kab/kotanya tidak tercatat tidak masuk daftar ini.",
        "en": "Rule: regencies/cities with at least one victim (by origin) in {window}. Group 1 first: no "
              "prevention activity in those months. Group 2: the monthly rate of victims rose against {previous} "
              "beyond chance (at least {min} victims in both periods, two-count Poisson test p < {alpha}). Group 3: "
              "the others. Within a group: most victims per activity, then most victims, then the largest "
              "difference. "
              "Victims whose regency/city is not recorded are not in this list."},
    "pcg.rule.no_previous": {
        "id": "Aturan: kab/kota dengan sedikitnya satu korban (menurut asal) dalam {window}. Kelompok 1 lebih "
              "dulu: tanpa kegiatan pencegahan pada bulan-bulan itu. Kelompok 2 (korban naik) tidak dinilai: tidak "
              "ada data korban sebelum {window}. Kelompok 3: lainnya. Dalam kelompok: korban per kegiatan "
              "terbanyak, lalu korban terbanyak. Korban yang kab/kotanya tidak tercatat tidak masuk daftar ini.",
        "en": "Rule: regencies/cities with at least one victim (by origin) in {window}. Group 1 first: no prevention "
              "activity in those months. Group 2 (victims rising) is not judged: there are no victim data before "
              "{window}. Group 3: the others. Within a group: most victims per activity, then most victims. Victims "
              "whose regency/city is not recorded are not in this list."},
    "pcg.priority.none": {"id": "Tidak ada kab/kota dengan korban dalam {window}.",
                          "en": "No regency/city had victims in {window}."},
    "pcg.priority.no_activities": {"id": "Daftar ini tidak disusun: tidak ada data kegiatan pencegahan untuk periode "
                                         "ini (lihat catatan di atas).",
                                   "en": "The list is not drawn up: there are no prevention activity data for this "
                                         "period (see the note above)."},
    "pcg.priority.group.1": {"id": "1 · korban, tanpa pencegahan", "en": "1 · victims, no prevention"},
    "pcg.priority.group.2": {"id": "2 · korban naik", "en": "2 · victims rising"},
    "pcg.priority.group.3": {"id": "3 · lainnya", "en": "3 · other"},
    "pcg.pcol.urutan": {"id": "Urutan", "en": "Rank"},
    "pcg.pcol.kelompok": {"id": "Kelompok", "en": "Group"},
    "pcg.pcol.nama": {"id": "Kab/kota", "en": "Regency/city"},
    "pcg.pcol.provinsi": {"id": "Provinsi", "en": "Province"},
    "pcg.pcol.korban_12": {"id": "Korban {window}", "en": "Victims {window}"},
    "pcg.pcol.korban_12_sebelumnya": {"id": "Korban {previous}", "en": "Victims {previous}"},
    "pcg.pcol.selisih": {"id": "Selisih", "en": "Difference"},
    "pcg.pcol.kegiatan_12": {"id": "Kegiatan {window}", "en": "Activities {window}"},
    "pcg.pcol.peserta_12": {"id": "Peserta {window}", "en": "Participants {window}"},
    "pcg.pcol.korban_per_kegiatan": {"id": "Korban per kegiatan", "en": "Victims per activity"},
    "pcg.pcol.korban_per_10rb_pmi": {"id": "Korban per 10.000 PMI", "en": "Victims per 10,000 placed"},
    "pcg.priority.top": {"id": "Teratas: {names}.", "en": "Top: {names}."},
    # Prevented departures over time
    "pcg.trend.header": {"id": "Keberangkatan dicegah dan korban dari waktu ke waktu",
                         "en": "Prevented departures and victims over time"},
    "pcg.trend.province": {"id": "Provinsi", "en": "Province"},
    "pcg.trend.title": {"id": "Keberangkatan dicegah dan korban per bulan — {where}",
                        "en": "Prevented departures and victims per month — {where}"},
    "pcg.trend.prevented": {"id": "Keberangkatan dicegah", "en": "Departures prevented"},
    "pcg.trend.victims": {"id": "Korban ditangani (asal)", "en": "Victims handled (origin)"},
    "pcg.trend.empty": {"id": "Tidak ada data pencegahan keberangkatan atau korban pada periode ini.",
                        "en": "No prevented-departure or victim data in this period."},
    "pcg.trend.note": {
        "id": "Keberangkatan dicatat di provinsi tempat pencegahan (bandara, pelabuhan, pos lintas batas), korban "
              "di provinsi asalnya: Banten (Soekarno-Hatta) mencegah keberangkatan warga banyak provinsi.",
        "en": "Departures are recorded in the province where they were stopped (airport, port, border post), "
              "victims in their home province: Banten (Soekarno-Hatta) stops travellers from many provinces."},
    "pcg.source.activities": {"id": "Laporan kegiatan pencegahan (BP3MI, Dinas Sosial, Disnaker, Jarnas)",
                              "en": "Prevention activity reports (BP3MI, social and manpower offices, Jarnas)"},
    "pcg.source.risk": {"id": "Kemensos (korban ditangani), BP2MI (penempatan PMI), BPS (penduduk)",
                        "en": "Kemensos (victims handled), BP2MI (placements), BPS (population)"},
    "pcg.source.prevented": {"id": "BP2MI/BP3MI, Imigrasi (pencegahan keberangkatan); Kemensos (korban)",
                             "en": "BP2MI/BP3MI, Immigration (prevented departures); Kemensos (victims)"},
    # Public page: prevention reach by province, from the protected extract only
    "publik.reach.header": {"id": "Jangkauan pencegahan per provinsi", "en": "Prevention reach by province"},
    "publik.reach.note": {
        "id": "Peserta kegiatan pencegahan TPPO (sosialisasi, pelatihan aparat desa, layanan informasi migrasi "
              "aman) menurut provinsi tempat kegiatan, pada periode yang sama. Seseorang dapat terhitung lebih dari "
              "sekali. Angka dilindungi seperti angka korban.",
        "en": "Participants in anti-trafficking prevention activities (awareness, village-official training, "
              "safe-migration information) by the province where they took place, over the same period. A person "
              "may be counted more than once. Figures are protected like the victim figures."},
    "publik.reach.col": {"id": "Peserta", "en": "Participants"},
    # Import kinds on Kelola Data (here, beside the page they feed, so the kelola module stays as it was)
    "kelola.kind.kegiatan_pencegahan": {"id": "Kegiatan pencegahan", "en": "Prevention activities"},
    "kelola.kind.pencegahan_keberangkatan": {"id": "Pencegahan keberangkatan PMI nonprosedural",
                                             "en": "Prevented irregular migrant-worker departures"},
    "kelola.kind.penempatan_pmi": {"id": "Penempatan PMI (BP2MI)", "en": "Migrant-worker placements (BP2MI)"},
    # Executive page section and slide
    "pcg.exec.header": {"id": "Pencegahan", "en": "Prevention"},
    "pcg.exec.prevented": {"id": "{prevented} keberangkatan nonprosedural dicegah pada {period}.",
                           "en": "Irregular departures prevented in {period}: {prevented}."},
    "pcg.exec.gap": {
        "id": "{gap} kab/kota mencatat korban dalam {window} tanpa satu pun kegiatan pencegahan pada bulan-bulan "
              "itu{top}.",
        "en": "Regencies/cities with victims in {window} and no prevention activity in those months: {gap}{top}."},
    "pcg.exec.top": {"id": ", terutama {names}", "en": ", above all {names}"},
    "pcg.deck.title": {"id": "Pencegahan: wilayah prioritas", "en": "Prevention: priority areas"},
}
