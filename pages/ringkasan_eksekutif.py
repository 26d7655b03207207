"""Executive summary for ministers and deputies: headline figures, map, alerts, key messages."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.ringkasan_eksekutif", "purpose.ringkasan_eksekutif", kinds=("kasus", "okupansi", "staf"))
work_in_progress()
