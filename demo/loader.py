"""Writes code lists, metadata and the generated demo data into an empty database in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, insert, select

from data_access import schema as s
from data_access.accounts import create_account
from data_access.engine import connect, get_engine, has_data, migrate
from data_access.submissions import backfill_submissions
from data_access.writes import bump_data_version
from demo import calibration as cal
from domain.taxonomy import CERTIFIED_ROLES, ENTRY_STAGE, INSTANSI, MODUS, PERAN_SDM, TAHAP
from settings import load_settings

# Each data kind, its source description, and whether the demo fills it.
DATA_KINDS: dict[str, tuple[str, str]] = {
    "kasus": ("Jumlah korban per bulan, asal, tujuan, modus, tahap", "Kemensos, Kemenkes, BP2MI, Jarnas"),
    "okupansi": ("Okupansi bulanan sentra dan RPTC", "Kemensos (Ditjen Rehsos)"),
    "staf": ("Formasi SDM per kuartal, unit dan peran", "Kemensos (Biro SDM)"),
    "unit_layanan": ("Daftar sentra dan RPTC", "Kemensos"),
    "standar_beban_kerja": ("Standar beban kerja WISN", "Kemensos (disahkan oleh admin data)"),
    "populasi": ("Penduduk per provinsi 2024", "BPS 2024 / Dukcapil Des 2024 (lihat kolom sumber)"),
    "pelatihan": ("Pelatihan SDM per bulan, unit, peran dan topik", "Jarnas Anti TPPO, Kemensos (Pusdiklat)"),
    # Prevention (issue 15); the same names as migration 0004 writes into an upgraded database.
    "kegiatan_pencegahan": ("Kegiatan pencegahan TPPO per bulan, kab/kota, instansi dan jenis",
                            "BP2MI/BP3MI, Dinas Sosial, Disnaker, Jarnas"),
    "pencegahan_keberangkatan": ("Pencegahan keberangkatan PMI nonprosedural per bulan dan provinsi",
                                 "BP2MI/BP3MI, Imigrasi, Polri"),
    "penempatan_pmi": ("Penempatan PMI menurut daerah asal", "BP2MI (SISKOP2MI)"),
}

INDICATORS: tuple[tuple[str, str, str, str, str], ...] = (
    ("korban_ditangani", "Korban ditangani",
     "Korban TPPO yang diterima dan diasesmen di sentra atau RPTC Kemensos (tahap masuk), dihitung sekali "
     "pada bulan penerimaan. Bukan jumlah seluruh korban TPPO di Indonesia.", "orang", "kasus"),
    ("rate_100rb", "Korban per 100.000 penduduk",
     "Korban ditangani menurut daerah asal dibagi penduduk daerah itu (tahun 2024) dikali 100.000.",
     "per 100.000 penduduk", "populasi"),
    ("utilisasi", "Utilisasi", "Rata-rata penghuni dibagi kapasitas unit pada bulan itu.", "%", "okupansi"),
    ("rasio_wisn", "Rasio WISN",
     "Staf tersedia dibagi staf yang dibutuhkan menurut metode WISN (WHO); di bawah 1 berarti kekurangan.",
     "rasio", "standar_beban_kerja"),
    ("tahap_penanganan", "Korban per tahap penanganan",
     "Korban yang mencapai tiap tahap, dari penyelamatan sampai kewirausahaan, menurut instansi pelapor.",
     "orang", "kasus"),
)


def _rows(df: pd.DataFrame) -> list[dict]:
    clean = df.astype(object).where(pd.notna(df), None)
    return clean.to_dict("records")


def load_code_lists(conn: Connection) -> None:
    conn.execute(insert(s.Modus), [dict(c._asdict(), urutan=i) for i, c in enumerate(MODUS)])
    conn.execute(insert(s.Tahap), [
        dict(c._asdict(), urutan=i, tahap_masuk=(c.kode == ENTRY_STAGE)) for i, c in enumerate(TAHAP)
    ])
    conn.execute(insert(s.Instansi), [{"kode": c.kode, "nama": c.nama} for c in INSTANSI])
    conn.execute(insert(s.PeranSdm), [
        {"kode": c.kode, "nama": c.nama, "nama_en": c.nama_en, "wajib_sertifikasi": c.kode in CERTIFIED_ROLES,
         "urutan": i} for i, c in enumerate(PERAN_SDM)
    ])


def load_metadata(conn: Connection, origin: str, period: str, now: dt.datetime) -> None:
    conn.execute(insert(s.SumberData), [
        {"kode": kind, "nama": name, "instansi": agency, "asal": origin, "periode": period, "diperbarui": now,
         "keterangan": cal.DEMO_NOTICE if origin == "demo" else ""}
        for kind, (name, agency) in DATA_KINDS.items()
    ])
    conn.execute(insert(s.Indikator), [
        {"kode": k, "nama": n, "definisi": d, "satuan": u, "kode_sumber": src} for k, n, d, u, src in INDICATORS
    ])


def load_demo(engine: Engine, reference_dir: Path | None) -> int:
    """Generate and write the demo data set; returns the number of case rows. No-op if data exists."""
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(s.Wilayah)).scalar_one() > 0:
            return 0
    # Imported late: the generator (and lokal, seconds to import) and the publisher only on a first run.
    from data_access.publication_source import publish_from_cases
    from demo.generator import generate

    data = generate(reference_dir)
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        load_code_lists(conn)
        period = f"{cal.PERIOD_START:%Y-%m}..{cal.PERIOD_END:%Y-%m}"
        load_metadata(conn, "demo", period, now)
        digest = hashlib.sha256(f"demo-seed-{cal.SEED}".encode()).hexdigest()
        batch_id = conn.execute(insert(s.ImportBatch).returning(s.ImportBatch.id), {
            "jenis": "demo", "nama_file": "generator demo (sintetis)", "sha256": digest, "oleh": "manage.py init-demo",
            "waktu": now, "baris_tambah": len(data.kasus), "baris_ubah": 0, "baris_sama": 0, "status": "aktif",
        }).scalar_one()
        conn.execute(insert(s.Wilayah), _rows(data.wilayah))
        conn.execute(insert(s.Populasi), _rows(data.populasi))
        conn.execute(insert(s.Negara), _rows(data.negara))
        conn.execute(insert(s.UnitLayanan), _rows(data.unit_layanan.assign(batch_id=batch_id)))
        conn.execute(insert(s.Kasus), _rows(data.kasus.assign(batch_id=batch_id)))
        conn.execute(insert(s.Okupansi), _rows(data.okupansi.assign(batch_id=batch_id)))
        conn.execute(insert(s.Staf), _rows(data.staf.assign(batch_id=batch_id)))
        conn.execute(insert(s.StandarBebanKerja), _rows(data.standar_beban_kerja.assign(batch_id=batch_id)))
        conn.execute(insert(s.WaktuKerja), _rows(data.waktu_kerja))
        conn.execute(insert(s.Pelatihan), _rows(data.pelatihan.assign(batch_id=batch_id)))
        conn.execute(insert(s.TargetKompetensi), _rows(data.target_kompetensi.assign(diubah=now)))
        conn.execute(insert(s.KegiatanPencegahan), _rows(data.kegiatan_pencegahan.assign(batch_id=batch_id)))
        conn.execute(insert(s.PencegahanKeberangkatan),
                     _rows(data.pencegahan_keberangkatan.assign(batch_id=batch_id)))
        conn.execute(insert(s.PenempatanPmi), _rows(data.penempatan_pmi.assign(batch_id=batch_id)))
        # Demo accounts exist only beside demo data; the first real import removes them (README).
        for role in ("pimpinan", "jarnas", "admin_data"):
            create_account(conn, role, f"demo-{role}", role, demo=True)
        backfill_submissions(conn)  # the demo's reports, at synthetic arrival times
        publish_from_cases(conn, now)  # the public page has a protected extract from the first start
        bump_data_version(conn)
    return len(data.kasus)


def wipe(engine: Engine) -> None:
    """Delete every row (tests and `manage.py init-demo --reset`), children first."""
    with engine.begin() as conn:
        for table in reversed(s.Base.metadata.sorted_tables):
            conn.execute(delete(table))


def ensure_database(url: str | None = None, reference_dir: Path | None = None) -> None:
    """Migrate, and load the demo data set when the database holds nothing yet."""
    url = url or load_settings().database_url
    migrate(url)
    with connect(url) as conn:
        if has_data(conn):
            # A database made before submissions were recorded gets them from its rows, once.
            if backfill_submissions(conn):
                conn.commit()
            return
    load_demo(get_engine(url), reference_dir or load_settings().reference_dir)
