"""SDM workload gaps per unit and role with WHO WISN, and the allocation planner."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.kesenjangan_sdm", "purpose.kesenjangan_sdm", kinds=("staf", "standar_beban_kerja", "okupansi"))
work_in_progress()
