"""submissions per reporter, kind and month (penyerahan)

Revision ID: 0007_submissions
Revises: 0006_sessions
Create Date: 2026-12-07 16:20:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0007_submissions'
down_revision: Union[str, Sequence[str], None] = '0006_sessions'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('penyerahan',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('jenis', sa.String(length=30), nullable=False),
    sa.Column('pelapor', sa.String(length=20), nullable=False),
    sa.Column('bulan', sa.Date(), nullable=False),
    sa.Column('baris', sa.Integer(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=True),
    sa.Column('nol', sa.Boolean(), nullable=False),
    sa.Column('oleh', sa.String(length=80), nullable=False),
    sa.Column('waktu', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_penyerahan_batch_id_import_batch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penyerahan'))
    )
    with op.batch_alter_table('penyerahan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_penyerahan_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_penyerahan_jenis_pelapor_bulan', ['jenis', 'pelapor', 'bulan'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('penyerahan', schema=None) as batch_op:
        batch_op.drop_index('ix_penyerahan_jenis_pelapor_bulan')
        batch_op.drop_index(batch_op.f('ix_penyerahan_batch_id'))
    op.drop_table('penyerahan')
