"""Jarnas monitoring: trends by modus, rising modus, the handling pipeline, agency completeness."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.pemantauan_jarnas", "purpose.pemantauan_jarnas", kinds=("kasus",))
work_in_progress()
