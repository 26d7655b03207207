"""covering indexes for the headline and pipeline queries

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 03:25:00

"""
from typing import Sequence, Union

from alembic import op

revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('kasus', schema=None) as batch_op:
        batch_op.drop_index('ix_kasus_filter')
        batch_op.create_index('ix_kasus_tahap_bulan_prov', ['tahap', 'bulan', 'kode_prov_asal', 'jumlah'], unique=False)
        batch_op.create_index('ix_kasus_tahap_instansi', ['tahap', 'instansi', 'jumlah'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('kasus', schema=None) as batch_op:
        batch_op.drop_index('ix_kasus_tahap_instansi')
        batch_op.drop_index('ix_kasus_tahap_bulan_prov')
        batch_op.create_index('ix_kasus_filter', ['tahap', 'bulan', 'kode_prov_asal'], unique=False)
