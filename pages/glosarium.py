"""Glossary of indicators and the provenance of every data kind."""

from __future__ import annotations

from ui.frame import page_header, work_in_progress

page_header("nav.glosarium", "purpose.glosarium", kinds=())
work_in_progress()
