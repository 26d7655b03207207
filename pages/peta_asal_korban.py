"""Maps of victim origins (province, kab/kota) and destinations, with coverage of service units."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.peta_asal_korban", "purpose.peta_asal_korban", kinds=("kasus", "populasi"))
work_in_progress()
