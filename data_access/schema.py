"""Tables of the dashboard: aggregated counts only, never a row per person."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so Alembic migrations read the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# ---------------------------------------------------------------- reference tables
class Wilayah(Base):
    """Provinces (tingkat 1, kode "35") and kabupaten/kota (tingkat 2, kode "35.08"), Kemendagri 2025."""

    __tablename__ = "wilayah"
    kode: Mapped[str] = mapped_column(String(5), primary_key=True)
    tingkat: Mapped[int] = mapped_column(SmallInteger)
    kode_prov: Mapped[str] = mapped_column(String(2), index=True)
    nama: Mapped[str] = mapped_column(String(120))
    jenis: Mapped[str] = mapped_column(String(12))  # provinsi | kabupaten | kota
    # BPS numbers the six Papua provinces differently; joins always use the Kemendagri kode.
    kode_bps: Mapped[str | None] = mapped_column(String(5))
    iso_3166_2: Mapped[str | None] = mapped_column(String(6))
    ibukota: Mapped[str | None] = mapped_column(String(80))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class Populasi(Base):
    __tablename__ = "populasi"
    kode_wilayah: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"), primary_key=True)
    tahun: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    jumlah: Mapped[int] = mapped_column(BigInteger)
    sumber: Mapped[str] = mapped_column(Text)
    # "resmi" for published figures, "turunan" where we derived the number (labelled on every use).
    metode: Mapped[str] = mapped_column(String(20), default="resmi")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (CheckConstraint("jumlah > 0", name="jumlah_positif"),)


class Negara(Base):
    """Destination countries (ISO 3166-1 alpha-3) with a point to draw flows to."""

    __tablename__ = "negara"
    iso3: Mapped[str] = mapped_column(String(3), primary_key=True)
    nama: Mapped[str] = mapped_column(String(80))
    nama_en: Mapped[str] = mapped_column(String(80))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    kawasan: Mapped[str | None] = mapped_column(String(40))


class Modus(Base):
    __tablename__ = "modus"
    kode: Mapped[str] = mapped_column(String(30), primary_key=True)
    nama: Mapped[str] = mapped_column(String(80))
    nama_en: Mapped[str] = mapped_column(String(80))
    keterangan: Mapped[str] = mapped_column(Text, default="")
    urutan: Mapped[int] = mapped_column(SmallInteger, default=0)


class Tahap(Base):
    """Handling stages; exactly one is the entry stage that defines a victim as handled (ditangani)."""

    __tablename__ = "tahap"
    kode: Mapped[str] = mapped_column(String(30), primary_key=True)
    nama: Mapped[str] = mapped_column(String(80))
    nama_en: Mapped[str] = mapped_column(String(80))
    urutan: Mapped[int] = mapped_column(SmallInteger)
    tahap_masuk: Mapped[bool] = mapped_column(Boolean, default=False)
    keterangan: Mapped[str] = mapped_column(Text, default="")


class Instansi(Base):
    __tablename__ = "instansi"
    kode: Mapped[str] = mapped_column(String(20), primary_key=True)
    nama: Mapped[str] = mapped_column(String(120))


class PeranSdm(Base):
    __tablename__ = "peran_sdm"
    kode: Mapped[str] = mapped_column(String(30), primary_key=True)
    nama: Mapped[str] = mapped_column(String(80))
    nama_en: Mapped[str] = mapped_column(String(80))
    # UU 14/2019 requires a competence certificate for pekerja sosial.
    wajib_sertifikasi: Mapped[bool] = mapped_column(Boolean, default=False)
    urutan: Mapped[int] = mapped_column(SmallInteger, default=0)


class UnitLayanan(Base):
    """Sentra, sentra terpadu and RPTC of Kemensos."""

    __tablename__ = "unit_layanan"
    kode_unit: Mapped[str] = mapped_column(String(12), primary_key=True)
    nama: Mapped[str] = mapped_column(String(120))
    tipe: Mapped[str] = mapped_column(String(20))  # sentra | sentra_terpadu | rptc
    kode_wilayah: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"))
    kode_prov: Mapped[str] = mapped_column(String(2), index=True)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    presisi_koordinat: Mapped[str] = mapped_column(Text, default="")
    kapasitas: Mapped[int] = mapped_column(Integer)
    sasaran: Mapped[str] = mapped_column(Text, default="")
    melayani_tppo: Mapped[bool] = mapped_column(Boolean, default=True)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    status_verifikasi: Mapped[str] = mapped_column(Text, default="")
    catatan: Mapped[str] = mapped_column(Text, default="")
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (CheckConstraint("kapasitas >= 0", name="kapasitas_nonneg"),)


# ---------------------------------------------------------------- facts
class Kasus(Base):
    """Victims per month and cell; a victim is counted once per stage reached, at the month of entry."""

    __tablename__ = "kasus"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bulan: Mapped[dt.date] = mapped_column(Date)
    # A kabupaten/kota code, or the province code when the kab/kota is unknown.
    kode_asal: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"))
    kode_prov_asal: Mapped[str] = mapped_column(String(2))
    tujuan_jenis: Mapped[str] = mapped_column(String(2))  # LN (luar negeri) | DN (dalam negeri)
    kode_tujuan: Mapped[str] = mapped_column(String(3))  # ISO3 or a province kode
    modus: Mapped[str] = mapped_column(ForeignKey("modus.kode"))
    jenis_kelamin: Mapped[str] = mapped_column(String(1))  # L | P
    kelompok_umur: Mapped[str] = mapped_column(String(6))  # anak | dewasa
    tahap: Mapped[str] = mapped_column(ForeignKey("tahap.kode"))
    kode_unit: Mapped[str | None] = mapped_column(ForeignKey("unit_layanan.kode_unit"))
    instansi: Mapped[str] = mapped_column(ForeignKey("instansi.kode"))
    jumlah: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (
        CheckConstraint("jumlah >= 0", name="jumlah_nonneg"),
        CheckConstraint("tujuan_jenis IN ('LN', 'DN')", name="tujuan_jenis"),
        CheckConstraint("jenis_kelamin IN ('L', 'P')", name="jenis_kelamin"),
        CheckConstraint("kelompok_umur IN ('anak', 'dewasa')", name="kelompok_umur"),
        # Covering indexes (measured at 1M rows: the victims total 0.32 s → 0.035 s; the all-stage pipeline by
        # agency 4.7 s → 0.16 s): the dashboard's queries read only these columns.
        Index("ix_kasus_tahap_bulan_prov", "tahap", "bulan", "kode_prov_asal", "jumlah"),
        Index("ix_kasus_tahap_instansi", "tahap", "instansi", "jumlah"),
        Index("ix_kasus_modus", "modus", "bulan"),
    )


# The natural key of a case row; COALESCE because NULL units would otherwise never collide.
Index(
    "uq_kasus_kunci",
    Kasus.bulan, Kasus.kode_asal, Kasus.kode_tujuan, Kasus.modus, Kasus.jenis_kelamin, Kasus.kelompok_umur,
    Kasus.tahap, func.coalesce(Kasus.kode_unit, ""), Kasus.instansi,
    unique=True,
)


class Okupansi(Base):
    """Monthly occupancy per unit: all residents, and how many of them are trafficking victims."""

    __tablename__ = "okupansi"
    bulan: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kode_unit: Mapped[str] = mapped_column(ForeignKey("unit_layanan.kode_unit"), primary_key=True)
    kapasitas: Mapped[int] = mapped_column(Integer)
    penghuni: Mapped[int] = mapped_column(Integer)  # average residents in the month
    penghuni_tppo: Mapped[int] = mapped_column(Integer)
    penerimaan: Mapped[int] = mapped_column(Integer)
    pemulangan: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (
        CheckConstraint(
            "kapasitas >= 0 AND penghuni >= 0 AND penghuni_tppo >= 0 AND penerimaan >= 0 AND pemulangan >= 0",
            name="nonneg",
        ),
        CheckConstraint("penghuni_tppo <= penghuni", name="tppo_subset"),
    )


class Staf(Base):
    """Quarterly staffing per unit and role."""

    __tablename__ = "staf"
    kuartal: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # first day of the quarter
    kode_unit: Mapped[str] = mapped_column(ForeignKey("unit_layanan.kode_unit"), primary_key=True)
    peran: Mapped[str] = mapped_column(ForeignKey("peran_sdm.kode"), primary_key=True)
    terisi: Mapped[int] = mapped_column(Integer)
    bersertifikat: Mapped[int] = mapped_column(Integer)
    lowongan: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (
        CheckConstraint("terisi >= 0 AND bersertifikat >= 0 AND lowongan >= 0", name="nonneg"),
        CheckConstraint("bersertifikat <= terisi", name="sertifikat_subset"),
    )


class Pelatihan(Base):
    """Staff trained per month, unit, role and topic (Jarnas and Kemensos training records); counts, no names."""

    __tablename__ = "pelatihan"
    bulan: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    kode_unit: Mapped[str] = mapped_column(ForeignKey("unit_layanan.kode_unit"), primary_key=True)
    peran: Mapped[str] = mapped_column(ForeignKey("peran_sdm.kode"), primary_key=True)
    topik: Mapped[str] = mapped_column(String(30), primary_key=True)
    jumlah: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (CheckConstraint("jumlah >= 0", name="jumlah_nonneg"),)


class TargetKompetensi(Base):
    """Per role, the share of filled posts that should be trained (12 months) and certified; set by admin_data."""

    __tablename__ = "target_kompetensi"
    peran: Mapped[str] = mapped_column(ForeignKey("peran_sdm.kode"), primary_key=True)
    # Fractions 0..1; NULL means no target for that role (e.g. no certificate exists for it).
    target_terlatih: Mapped[float | None] = mapped_column(Float)
    target_bersertifikat: Mapped[float | None] = mapped_column(Float)
    sumber: Mapped[str] = mapped_column(Text)
    contoh: Mapped[bool] = mapped_column(Boolean, default=False)
    diubah_oleh: Mapped[str] = mapped_column(String(80))
    diubah: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        CheckConstraint("target_terlatih IS NULL OR (target_terlatih >= 0 AND target_terlatih <= 1)",
                        name="terlatih_fraksi"),
        CheckConstraint("target_bersertifikat IS NULL OR (target_bersertifikat >= 0 AND target_bersertifikat <= 1)",
                        name="sertifikat_fraksi"),
    )


class StandarBebanKerja(Base):
    """WISN activity standards per role; inputs with a source, edited by admins, never constants in code."""

    __tablename__ = "standar_beban_kerja"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peran: Mapped[str] = mapped_column(ForeignKey("peran_sdm.kode"))
    aktivitas: Mapped[str] = mapped_column(String(120))
    jenis: Mapped[str] = mapped_column(String(12))  # service | support | individual
    menit_per_unit: Mapped[float | None] = mapped_column(Float)
    # What drives the yearly workload of a service activity in a unit.
    pemicu: Mapped[str | None] = mapped_column(String(20))  # penerimaan | pemulangan | hari_rawat
    frekuensi: Mapped[float | None] = mapped_column(Float)  # activities per driver unit
    persen_waktu: Mapped[float | None] = mapped_column(Float)
    jam_per_tahun: Mapped[float | None] = mapped_column(Float)
    staf_melakukan: Mapped[float | None] = mapped_column(Float)
    sumber: Mapped[str] = mapped_column(Text)
    contoh: Mapped[bool] = mapped_column(Boolean, default=False)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (
        Index("uq_standar_peran_aktivitas", "peran", "aktivitas", unique=True),
        CheckConstraint("jenis IN ('service', 'support', 'individual')", name="jenis"),
    )


class WaktuKerja(Base):
    """Available-working-time inputs per role (WISN step 1)."""

    __tablename__ = "waktu_kerja"
    peran: Mapped[str] = mapped_column(ForeignKey("peran_sdm.kode"), primary_key=True)
    hari_kerja: Mapped[float] = mapped_column(Float)
    libur_nasional: Mapped[float] = mapped_column(Float)
    cuti_tahunan: Mapped[float] = mapped_column(Float)
    cuti_sakit: Mapped[float] = mapped_column(Float)
    cuti_lain: Mapped[float] = mapped_column(Float)
    jam_per_hari: Mapped[float] = mapped_column(Float)
    sumber: Mapped[str] = mapped_column(Text)
    contoh: Mapped[bool] = mapped_column(Boolean, default=False)


# ---------------------------------------------------------------- prevention (issue 15)
class KegiatanPencegahan(Base):
    """Prevention activities per month, area, agency and kind: how many, and how many people they reached."""

    __tablename__ = "kegiatan_pencegahan"
    bulan: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    # A kabupaten/kota code, or the province code for a province-wide activity.
    kode_wilayah: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"), primary_key=True)
    instansi: Mapped[str] = mapped_column(String(20), primary_key=True)  # domain.taxonomy.INSTANSI_PENCEGAHAN
    jenis: Mapped[str] = mapped_column(String(30), primary_key=True)  # domain.taxonomy.JENIS_PENCEGAHAN
    kode_prov: Mapped[str] = mapped_column(String(2), index=True)
    kegiatan: Mapped[int] = mapped_column(Integer)
    peserta: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (CheckConstraint("kegiatan >= 0 AND peserta >= 0", name="nonneg"),)


class PencegahanKeberangkatan(Base):
    """Prevented non-procedural migrant-worker departures per month, province where stopped, and agency."""

    __tablename__ = "pencegahan_keberangkatan"
    bulan: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    # The province of the airport, port or border post, not the province the would-be migrants come from.
    kode_provinsi: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"), primary_key=True)
    instansi: Mapped[str] = mapped_column(String(20), primary_key=True)
    jumlah: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (CheckConstraint("jumlah >= 0", name="jumlah_nonneg"),)


class PenempatanPmi(Base):
    """Migrant-worker placements (BP2MI) by area of origin, per year or per month (bulan NULL: the whole year)."""

    __tablename__ = "penempatan_pmi"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    tahun: Mapped[int] = mapped_column(SmallInteger)
    bulan: Mapped[int | None] = mapped_column(SmallInteger)
    # A kabupaten/kota code, or the province code for placements whose kab/kota is not known.
    kode_wilayah: Mapped[str] = mapped_column(ForeignKey("wilayah.kode"))
    kode_prov: Mapped[str] = mapped_column(String(2), index=True)
    jumlah: Mapped[int] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (
        CheckConstraint("jumlah >= 0", name="jumlah_nonneg"),
        CheckConstraint("bulan IS NULL OR (bulan >= 1 AND bulan <= 12)", name="bulan_range"),
    )


# The natural key; COALESCE because two whole-year rows (bulan NULL) would otherwise never collide.
Index("uq_penempatan_kunci", PenempatanPmi.tahun, func.coalesce(PenempatanPmi.bulan, 0), PenempatanPmi.kode_wilayah,
      unique=True)


# ---------------------------------------------------------------- metadata
class Indikator(Base):
    """What each number counts, from whom, for which period: shown in the glossary and on every chart."""

    __tablename__ = "indikator"
    kode: Mapped[str] = mapped_column(String(40), primary_key=True)
    nama: Mapped[str] = mapped_column(String(120))
    definisi: Mapped[str] = mapped_column(Text)
    satuan: Mapped[str] = mapped_column(String(60))
    kode_sumber: Mapped[str] = mapped_column(ForeignKey("sumber_data.kode"))


class SumberData(Base):
    __tablename__ = "sumber_data"
    kode: Mapped[str] = mapped_column(String(40), primary_key=True)
    nama: Mapped[str] = mapped_column(String(160))
    instansi: Mapped[str] = mapped_column(String(120))
    keterangan: Mapped[str] = mapped_column(Text, default="")
    # demo | impor: while any kind is demo, pages and exports carry the DATA CONTOH notice.
    asal: Mapped[str] = mapped_column(String(10), default="demo")
    periode: Mapped[str] = mapped_column(String(40), default="")
    diperbarui: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ImportBatch(Base):
    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    jenis: Mapped[str] = mapped_column(String(30))  # kasus | okupansi | staf | unit | standar | populasi | demo
    nama_file: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    oleh: Mapped[str] = mapped_column(String(80))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    baris_tambah: Mapped[int] = mapped_column(Integer, default=0)
    baris_ubah: Mapped[int] = mapped_column(Integer, default=0)
    baris_sama: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default="aktif")  # aktif | dibatalkan


class Pengaturan(Base):
    """Small key/value state shared by every replica (e.g. data_version, which busts caches everywhere)."""

    __tablename__ = "pengaturan"
    kunci: Mapped[str] = mapped_column(String(60), primary_key=True)
    nilai: Mapped[str] = mapped_column(Text)


class Akun(Base):
    """Local accounts when no OIDC provider is configured; only salted argon2 hashes are stored."""

    __tablename__ = "akun"
    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    peran: Mapped[str] = mapped_column(String(20))  # pimpinan | jarnas | admin_data
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    gagal_login: Mapped[int] = mapped_column(Integer, default=0)
    terkunci_sampai: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    __table_args__ = (CheckConstraint("peran IN ('pimpinan', 'jarnas', 'admin_data')", name="peran"),)


class SesiLogin(Base):
    """A signed-in browser (local accounts). The browser's HTTP-only cookie holds a random token; the database
    holds only its SHA-256, so a copy of the database opens no session. Deleted on sign-out; ignored once idle or
    past its end, or when the account is deactivated, deleted or locked."""

    __tablename__ = "sesi_login"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # names the session in session_state; not secret
    username: Mapped[str] = mapped_column(String(60), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # One-time code that hands the session to the cookie route (a token never travels in a URL).
    kode_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    kode_sampai: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    terakhir: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))  # last use: idle expiry
    berakhir: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))  # absolute end


class Publikasi(Base):
    """One published extract: protected tables written by `manage.py publish`; the public page reads only this."""

    __tablename__ = "publikasi"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    versi: Mapped[int] = mapped_column(Integer, unique=True)
    dibuat: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ambang: Mapped[int] = mapped_column(Integer)  # primary suppression threshold in force
    basis_pembulatan: Mapped[int] = mapped_column(Integer)
    asal_data: Mapped[str] = mapped_column(String(10))  # demo | impor, for the notice on the public page
    periode: Mapped[str] = mapped_column(String(40))
    catatan: Mapped[str] = mapped_column(Text, default="")


class PublikasiSel(Base):
    """A published cell: its display text ("<10", "1.235") and, when shown as a number, that number."""

    __tablename__ = "publikasi_sel"
    publikasi_id: Mapped[int] = mapped_column(ForeignKey("publikasi.id", ondelete="CASCADE"), primary_key=True)
    tabel: Mapped[str] = mapped_column(String(40), primary_key=True)
    baris: Mapped[str] = mapped_column(String(80), primary_key=True)
    kolom: Mapped[str] = mapped_column(String(80), primary_key=True)
    nilai: Mapped[int | None] = mapped_column(Integer)
    teks: Mapped[str] = mapped_column(String(20))


class Penyerahan(Base):
    """A submission: one reporter's report of one kind for one month (quarter for staff, year or month for
    placements), as an import brought it in. Completeness and timeliness are read from these, not guessed from
    counts: a zero report is a report. Its batch's status says whether it still counts (a rolled-back import's
    submissions do not)."""

    __tablename__ = "penyerahan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(30))  # the data kind (domain.validation.KINDS)
    pelapor: Mapped[str] = mapped_column(String(20))  # agency code, or unit code for unit reports
    bulan: Mapped[dt.date] = mapped_column(Date)  # the month (quarter start, or January of a whole year) reported
    baris: Mapped[int] = mapped_column(Integer)  # rows the file had for it
    total: Mapped[int | None] = mapped_column(BigInteger)  # the sum of its counts (None for kinds without one)
    nol: Mapped[bool] = mapped_column(Boolean)  # a zero report: rows whose counts are all 0
    oleh: Mapped[str] = mapped_column(String(80))
    waktu: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))  # when it arrived (the import's time)
    __table_args__ = (Index("ix_penyerahan_jenis_pelapor_bulan", "jenis", "pelapor", "bulan"),)


class ImportPerubahan(Base):
    """What an import changed, row by row, so `manage.py rollback BATCH` can restore the state before it."""

    __tablename__ = "import_perubahan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    tabel: Mapped[str] = mapped_column(String(40))
    kunci: Mapped[str] = mapped_column(Text)  # JSON of the natural key
    sebelum: Mapped[str | None] = mapped_column(Text)  # JSON row before; NULL when the import inserted it
    sesudah: Mapped[str | None] = mapped_column(Text)  # JSON row after
