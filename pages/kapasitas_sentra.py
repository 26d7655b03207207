"""Service capacity per sentra and RPTC: occupancy, pressure, alerts, map."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.kapasitas_sentra", "purpose.kapasitas_sentra", kinds=("okupansi", "unit_layanan"))
work_in_progress()
