"""The slide kit of the leadership deck: text boxes that fit their type, bullet lists, tables, a blank slide with
title, footer and the demo notice. Shared by exports/deck.py and the slides other modules add (prevention)."""

from __future__ import annotations

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from exports.text_fit import MIN_TEXT_PT, fitted_size, longest_word_pt, table_height_emu

DARK = RGBColor(0x1F, 0x2D, 0x3D)
GREY = RGBColor(0x55, 0x55, 0x55)
WARN = RGBColor(0xB3, 0x00, 0x00)


# --- text helpers -----------------------------------------------------------------------------------


def add_text(slide, text: str, left, top, width, height, *, size: int = 18, bold: bool = False,
          colour: RGBColor = DARK, name: str | None = None):
    """A text box; its type shrinks (never grows) until the text fits the box, so a long text cannot run over
    what lies below it (measured: slide 8's notes ran into the footer)."""
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    lines = text.split("\n")
    size = fitted_size(lines, int(width), int(height), size, bold=bold)
    for i, line in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, colour
    return box


BULLET_SPACE_PT = 12


def add_bullets(slide, items: list[str], left, top, width, height, size: int = 22, name: str | None = None):
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    texts = ["• " + item for item in items]
    size = fitted_size(texts, int(width), int(height), size, space_after_pt=BULLET_SPACE_PT)
    for i, text in enumerate(texts):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        para.space_after = Pt(BULLET_SPACE_PT)
        run = para.add_run()
        run.text = text
        run.font.size, run.font.color.rgb = Pt(size), DARK
    return box


# A table cell's side insets (python-pptx default: 0.1 in each side).
CELL_PAD = Inches(0.2)
FOOTER_TOP = Inches(6.9)


def column_widths(header: list[str], rows: list[list[str]], width: int, size: int) -> list[int]:
    """Column widths (EMU) that never break a word: each column gets at least its longest word (header words
    bold, as the table style draws them; body words too: "kesehata n" was a body cell), and the rest of the width
    goes by the length of its text (capped, long names wrap between words)."""
    columns = list(zip(header, *rows)) if rows else [(h,) for h in header]
    floor = [int(max(longest_word_pt(str(col[0]), size, bold=True),
                     max((longest_word_pt(str(v), size) for v in col[1:]), default=0.0)) * Pt(1) + CELL_PAD)
             for col in columns]
    need = [max(max(len(w) for w in str(col[0]).split() or [""]), min(max(len(str(v)) for v in col), 28))
            for col in columns]
    spare = max(0, width - sum(floor))
    return [f + int(spare * n / sum(need)) for f, n in zip(floor, need)]


def add_table(slide, header: list[str], rows: list[list[str]], left, top, width, *, size: int = 14,
           name: str | None = None, bottom: int | None = None) -> int:
    """An editable table; its type shrinks until its rows (which grow with their wrapped text) end above bottom.
    Returns where the table ends (EMU), for what follows it."""
    widths = column_widths(header, rows, int(width), size)
    height = table_height_emu(header, rows, widths, size)
    while bottom is not None and size > MIN_TEXT_PT and top + height > bottom:
        size -= 1
        widths = column_widths(header, rows, int(width), size)
        height = table_height_emu(header, rows, widths, size)
    shape = slide.shapes.add_table(len(rows) + 1, len(header), left, top, width, Inches(0.4) * (len(rows) + 1))
    if name:
        shape.name = name
    table = shape.table
    for column, w in zip(table.columns, widths):
        column.width = w
    for c, title in enumerate(header):
        table.cell(0, c).text = title
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = str(value)
    for row in table.rows:
        for cell in row.cells:
            for para in cell.text_frame.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)
    return top + height


def add_slide(prs: Presentation, title: str, footer: str, demo: bool):
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank: every box is ours and editable
    add_text(slide, title, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), size=30, bold=True, name="judul")
    add_text(slide, footer, Inches(0.5), Inches(6.95), Inches(9.5), Inches(0.5), size=11, colour=GREY, name="catatan")
    if demo:
        add_text(slide, "DATA CONTOH (sintetis)", Inches(10.0), Inches(6.95), Inches(2.9), Inches(0.4), size=12,
              bold=True, colour=WARN, name="data_contoh")
    return slide
