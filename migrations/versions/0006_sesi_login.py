"""sign-in sessions that survive a reload (sesi_login)

Revision ID: 0006_sessions
Revises: 0005_training
Create Date: 2026-12-02 04:05:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0006_sessions'
down_revision: Union[str, Sequence[str], None] = '0005_training'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('sesi_login',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('kode_hash', sa.String(length=64), nullable=True),
    sa.Column('kode_sampai', sa.DateTime(timezone=True), nullable=True),
    sa.Column('dibuat', sa.DateTime(timezone=True), nullable=False),
    sa.Column('terakhir', sa.DateTime(timezone=True), nullable=False),
    sa.Column('berakhir', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sesi_login')),
    sa.UniqueConstraint('kode_hash', name=op.f('uq_sesi_login_kode_hash')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_sesi_login_token_hash'))
    )
    with op.batch_alter_table('sesi_login', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sesi_login_username'), ['username'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sesi_login', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sesi_login_username'))
    op.drop_table('sesi_login')
