"""Code lists the dashboard is built around: modus, handling stages, agencies, SDM roles, unit types.

Sources: UU 21/2007 and the operational forms in ../shared/reference/notes.md (sections 2-4). These are
definitions, not data; real imports must use these codes (the import validator checks them).
"""

from __future__ import annotations

from typing import NamedTuple


class Code(NamedTuple):
    kode: str
    nama: str
    nama_en: str
    keterangan: str = ""


MODUS: tuple[Code, ...] = (
    Code("kerja_paksa", "Kerja paksa / PRT / PMI nonprosedural", "Forced labour / domestic work",
         "UU 21/2007 Pasal 1 angka 7; termasuk PMI nonprosedural, PRT, perkebunan, konstruksi"),
    Code("eksploitasi_seksual", "Eksploitasi seksual", "Sexual exploitation", "UU 21/2007 Pasal 1 angka 8"),
    Code("online_scam", "Online scam (kriminalitas paksa)", "Online scam compounds (forced criminality)",
         "Kemlu: KHM, MMR, PHL, LAO, THA, VNM, ARE, ZAF"),
    Code("abk", "Anak buah kapal (ABK)", "Fishing and ship crew", "Kategori Satgas TPPO Polri"),
    Code("bayi_anak", "Perdagangan bayi dan anak", "Baby and child trafficking", "UU 21/2007 Pasal 5-6"),
    Code("pengantin_pesanan", "Pengantin pesanan / kawin paksa", "Forced or mail-order marriage", ""),
    Code("pengambilan_organ", "Pengambilan organ", "Organ removal", "UU 21/2007 Pasal 1 angka 7"),
)

# Ordered along the handling chain; "asesmen" is the entry stage: a victim counts as handled
# (korban ditangani) once, when a sentra or RPTC receives and assesses them.
TAHAP: tuple[Code, ...] = (
    Code("penjangkauan", "Penyelamatan & penjangkauan", "Rescue and outreach",
         "Polri, Kemlu/KBRI, BP2MI di debarkasi; respons kasus Kemensos"),
    Code("asesmen", "Penerimaan & asesmen", "Reception and assessment",
         "Tahap masuk: dasar hitungan korban ditangani"),
    Code("rehabilitasi_medis", "Rehabilitasi medis", "Medical rehabilitation", "Kemenkes; Pasal 51 UU 21/2007"),
    Code("rehabilitasi_sosial", "Rehabilitasi sosial (ATENSI)", "Social rehabilitation", "Permensos 7/2021"),
    Code("pemulangan", "Pemulangan & reunifikasi", "Return and family reunification", ""),
    Code("reintegrasi", "Reintegrasi sosial", "Social reintegration", ""),
    Code("kewirausahaan", "Pemberdayaan & kewirausahaan", "Entrepreneurship support", "ATENSI komponen 5"),
)
ENTRY_STAGE = "asesmen"

INSTANSI: tuple[Code, ...] = (
    Code("KEMENSOS", "Kementerian Sosial", "Ministry of Social Affairs"),
    Code("KEMENKES", "Kementerian Kesehatan", "Ministry of Health"),
    Code("BP2MI", "BP2MI / KP2MI", "Migrant Worker Protection Agency"),
    Code("JARNAS", "Jarnas Anti TPPO", "National Anti-Trafficking Network"),
)

PERAN_SDM: tuple[Code, ...] = (
    Code("pekerja_sosial", "Pekerja sosial", "Social worker", "UU 14/2019: wajib sertifikat kompetensi"),
    Code("psikolog", "Psikolog", "Psychologist"),
    Code("konselor", "Konselor", "Counsellor"),
    Code("tenaga_kesehatan", "Tenaga kesehatan", "Health worker", "dokter, perawat"),
    Code("instruktur_vokasional", "Pendamping / instruktur vokasional", "Vocational instructor"),
    Code("pengasuh", "Pengasuh / pembina asrama", "Caregiver"),
)
CERTIFIED_ROLES = frozenset({"pekerja_sosial"})

# Training topics for staff who handle trafficking victims (the Jarnas offer to train staff). A fixed list so
# records from different trainers add up; "lainnya" keeps an unlisted topic importable.
TOPIK_PELATIHAN: tuple[Code, ...] = (
    Code("identifikasi_korban", "Identifikasi dan asesmen korban TPPO", "Victim identification and assessment"),
    Code("manajemen_kasus", "Manajemen kasus dan rujukan", "Case management and referral"),
    Code("psikososial", "Dukungan psikososial berbasis trauma", "Trauma-informed psychosocial support"),
    Code("hukum_restitusi", "Pendampingan hukum dan restitusi", "Legal assistance and restitution"),
    Code("reintegrasi", "Reintegrasi dan pemberdayaan", "Reintegration and empowerment"),
    Code("lainnya", "Topik lain", "Other topic"),
)

# Prevention (pencegahan) is done by more agencies than victim handling, down to the regency offices; a list of its
# own, so the handling agencies (INSTANSI, a reference table cases point to) stay as they are.
INSTANSI_PENCEGAHAN: tuple[Code, ...] = (
    Code("BP2MI", "BP2MI / KP2MI (pusat)", "Migrant Worker Protection Agency (central)"),
    Code("BP3MI", "BP3MI (balai daerah)", "Migrant Worker Protection Agency (regional office)"),
    Code("IMIGRASI", "Imigrasi (kantor imigrasi, TPI)", "Immigration (offices, border checkpoints)"),
    Code("POLRI", "Polri / Satgas TPPO", "Police / anti-trafficking task force"),
    Code("KEMENSOS", "Kementerian Sosial", "Ministry of Social Affairs"),
    Code("DINSOS", "Dinas Sosial", "Regional social affairs office"),
    Code("DISNAKER", "Dinas Tenaga Kerja", "Regional manpower office"),
    Code("PEMDES", "Pemerintah desa", "Village government"),
    Code("JARNAS", "Jarnas Anti TPPO", "National Anti-Trafficking Network"),
    Code("LAINNYA", "Lainnya (LSM, organisasi masyarakat)", "Other (NGOs, community organisations)"),
)
JENIS_PENCEGAHAN: tuple[Code, ...] = (
    Code("sosialisasi", "Sosialisasi / edukasi masyarakat", "Community awareness and education"),
    Code("pelatihan_aparat_desa", "Pelatihan aparat desa", "Training of village officials"),
    Code("layanan_informasi", "Layanan informasi migrasi aman", "Safe-migration information service"),
    Code("lainnya", "Lainnya", "Other"),
)

JENIS_KELAMIN: dict[str, str] = {"L": "Laki-laki", "P": "Perempuan"}
KELOMPOK_UMUR: dict[str, str] = {"anak": "Anak (<18)", "dewasa": "Dewasa"}
TIPE_UNIT: dict[str, str] = {"sentra": "Sentra", "sentra_terpadu": "Sentra Terpadu", "rptc": "RPTC"}


def names(codes: tuple[Code, ...], lang: str = "id") -> dict[str, str]:
    return {c.kode: (c.nama_en if lang == "en" else c.nama) for c in codes}
