"""How much room slide text needs: lines after word wrap, measured with a real font's metrics, so a text box or a
table can shrink its type (or move what follows) instead of running over the footer when its text is long.

Measured with DejaVu Sans, the face LibreOffice substitutes for the deck's default font on these machines and wider
than Calibri or Carlito, so text that fits here also fits in PowerPoint. Without the font file a glyph-width
estimate stands in.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

EMU_PER_PT = 12700
LINE_SPACING = 1.2  # a line's height as a multiple of the font size (PowerPoint and LibreOffice single spacing)
GLYPH_EM = 0.58  # fallback: average glyph width as a share of the font size
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
# python-pptx text frames: 0.1 in inset left and right, 0.05 in top and bottom.
FRAME_INSET_W_PT, FRAME_INSET_H_PT = 14.4, 7.2
# The smallest type on a slide: rule text at 6-9 pt was unreadable projected or printed (issue 25), so boxes are
# made large enough for their text at this size rather than shrinking it further.
MIN_TEXT_PT = 10


@lru_cache(maxsize=64)
def _font(size_pt: float, bold: bool):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover — Pillow comes with kaleido/plotly exports
        return None
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            # Pillow measures in pixels at 72 dpi when the size is given in points: one unit per point.
            return ImageFont.truetype(str(folder / name), size=max(1, round(size_pt * 10)))
    return None


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    font = _font(size_pt, bold)
    if font is None:
        return len(text) * size_pt * GLYPH_EM
    return font.getlength(text) / 10  # measured at 10× size for sub-point precision


def wrap(text: str, width_pt: float, size_pt: float, bold: bool = False) -> list[str]:
    """Lines of one paragraph wrapped at spaces within width_pt; a word longer than the width stays whole on its
    own line (the renderer would break it mid-word, which callers avoid by making the box wider)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and text_width_pt(candidate, size_pt, bold) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return lines


def longest_word_pt(text: str, size_pt: float, bold: bool = False) -> float:
    return max((text_width_pt(word, size_pt, bold) for word in str(text).split()), default=0.0)


def text_height_pt(paragraphs: list[str], width_pt: float, size_pt: float, bold: bool = False,
                   space_after_pt: float = 0.0) -> float:
    lines = sum(len(wrap(p, width_pt, size_pt, bold)) for p in paragraphs)
    return lines * size_pt * LINE_SPACING + space_after_pt * max(0, len(paragraphs) - 1)


def fitted_size(paragraphs: list[str], width_emu: int, height_emu: int, size_pt: int, *, bold: bool = False,
                space_after_pt: float = 0.0, min_size_pt: int = MIN_TEXT_PT) -> int:
    """The largest size ≤ size_pt at which the paragraphs fit a text box of that size (insets included): no word
    wider than the box and no line below its bottom. min_size_pt when nothing larger fits."""
    width = width_emu / EMU_PER_PT - FRAME_INSET_W_PT
    height = height_emu / EMU_PER_PT - FRAME_INSET_H_PT
    for size in range(int(size_pt), min_size_pt, -1):
        words_fit = all(longest_word_pt(p, size, bold) <= width for p in paragraphs)
        if words_fit and text_height_pt(paragraphs, width, size, bold, space_after_pt) <= height:
            return size
    return min_size_pt


# Table cells: python-pptx's default insets (0.1 in left and right, 0.05 in top and bottom) and its row height.
CELL_INSET_W_PT, CELL_INSET_H_PT, MIN_ROW_PT = 14.4, 7.2, 28.8


def table_height_emu(header: list[str], rows: list[list[str]], widths_emu: list[int], size_pt: float) -> int:
    """The height a table takes once every cell's text is wrapped in its column (rows grow to fit their text)."""
    total = 0.0
    for r, row in enumerate([header, *rows]):
        lines = max(len(wrap(str(value), w / EMU_PER_PT - CELL_INSET_W_PT, size_pt, bold=r == 0))
                    for value, w in zip(row, widths_emu))
        total += max(MIN_ROW_PT, lines * size_pt * LINE_SPACING + CELL_INSET_H_PT)
    return int(total * EMU_PER_PT)
