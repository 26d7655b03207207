"""Public summary: protected national figures that can never expose a victim."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.ringkasan_publik", "purpose.ringkasan_publik", kinds=("kasus",))
work_in_progress()
