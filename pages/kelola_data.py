"""Data management for admin_data: templates, validated import, audit trail, rollback."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.kelola_data", "purpose.kelola_data", kinds=())
work_in_progress()
