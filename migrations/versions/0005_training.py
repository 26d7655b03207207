"""training records (pelatihan) and competence targets per role (target_kompetensi)

Revision ID: 0005_training
Revises: 0004_prevention
Create Date: 2026-12-02 04:10:00

"""
import datetime as dt
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0005_training'
down_revision: Union[str, Sequence[str], None] = '0004_prevention'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('pelatihan',
    sa.Column('bulan', sa.Date(), nullable=False),
    sa.Column('kode_unit', sa.String(length=12), nullable=False),
    sa.Column('peran', sa.String(length=30), nullable=False),
    sa.Column('topik', sa.String(length=30), nullable=False),
    sa.Column('jumlah', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('jumlah >= 0', name=op.f('ck_pelatihan_jumlah_nonneg')),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_pelatihan_batch_id_import_batch')),
    sa.ForeignKeyConstraint(['kode_unit'], ['unit_layanan.kode_unit'],
                            name=op.f('fk_pelatihan_kode_unit_unit_layanan')),
    sa.ForeignKeyConstraint(['peran'], ['peran_sdm.kode'], name=op.f('fk_pelatihan_peran_peran_sdm')),
    sa.PrimaryKeyConstraint('bulan', 'kode_unit', 'peran', 'topik', name=op.f('pk_pelatihan'))
    )
    op.create_table('target_kompetensi',
    sa.Column('peran', sa.String(length=30), nullable=False),
    sa.Column('target_terlatih', sa.Float(), nullable=True),
    sa.Column('target_bersertifikat', sa.Float(), nullable=True),
    sa.Column('sumber', sa.Text(), nullable=False),
    sa.Column('contoh', sa.Boolean(), nullable=False),
    sa.Column('diubah_oleh', sa.String(length=80), nullable=False),
    sa.Column('diubah', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('target_terlatih IS NULL OR (target_terlatih >= 0 AND target_terlatih <= 1)',
                       name=op.f('ck_target_kompetensi_terlatih_fraksi')),
    sa.CheckConstraint('target_bersertifikat IS NULL OR (target_bersertifikat >= 0 AND target_bersertifikat <= 1)',
                       name=op.f('ck_target_kompetensi_sertifikat_fraksi')),
    sa.ForeignKeyConstraint(['peran'], ['peran_sdm.kode'], name=op.f('fk_target_kompetensi_peran_peran_sdm')),
    sa.PrimaryKeyConstraint('peran', name=op.f('pk_target_kompetensi'))
    )
    # A database that already holds data gets the data-status row of the new kind, so the first import records
    # its source and period like every other kind ("impor": nothing synthetic is in the new table).
    sumber = sa.table('sumber_data', sa.column('kode'), sa.column('nama'), sa.column('instansi'),
                      sa.column('keterangan'), sa.column('asal'), sa.column('periode'), sa.column('diperbarui'))
    conn = op.get_bind()
    if conn.execute(sa.select(sa.func.count()).select_from(sumber)).scalar_one():
        conn.execute(sa.insert(sumber).values(
            kode='pelatihan', nama='Pelatihan SDM per bulan, unit, peran dan topik',
            instansi='Jarnas Anti TPPO, Kemensos (Pusdiklat)', keterangan='Belum ada data pelatihan yang diimpor',
            asal='impor', periode='', diperbarui=dt.datetime.now(dt.timezone.utc)))


def downgrade() -> None:
    op.execute("DELETE FROM sumber_data WHERE kode = 'pelatihan'")
    op.drop_table('target_kompetensi')
    op.drop_table('pelatihan')
