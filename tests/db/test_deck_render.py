"""Every slide of the deck rendered by LibreOffice (PDF) and Ghostscript (one PNG per slide), then read back: no
text leaves its slide or runs over other text (the key messages ran into the footer, the WISN table into its
note), no word is broken across lines ("kesehata n"), and no English month in the Indonesian deck."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Emu

from exports.deck import build_deck, convert_to_pdf
from domain.filters import Filters

pytestmark = pytest.mark.slow

GS = shutil.which("gs")
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Ghostscript's text extraction turns DejaVu's fi/fl ligatures into unrelated CJK code points.
LIGATURE_NOISE = re.compile(r"[\u3000-\uffff]")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    def overlap(self, other: "Line") -> float:
        """Shared area as a share of the smaller line's area."""
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        if w <= 0 or h <= 0:
            return 0.0
        smaller = min((self.x1 - self.x0) * (self.bottom - self.top), (other.x1 - other.x0) * (other.bottom - other.top))
        return w * h / smaller if smaller > 0 else 0.0


def _pdf_lines(pdf: Path, tmp: Path) -> list[list[Line]]:
    """Text lines per page with their boxes in points (Ghostscript txtwrite: bbox x0, baseline, x1; font size)."""
    xml = tmp / "text.xml"
    subprocess.run([GS, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=txtwrite", "-dTextFormat=1", "-o", str(xml),
                    str(pdf)], check=True, timeout=120)
    pages = []
    for page in ET.fromstring(f"<doc>{xml.read_text(errors='replace')}</doc>").iter("page"):
        lines = []
        for span in page.iter("span"):
            text = "".join(c.get("c", "") for c in span.iter("char")).strip()
            if not text:
                continue
            x0, base, x1, _ = (float(v) for v in span.get("bbox").split())
            size = float(span.get("size"))
            lines.append(Line(text, x0, base - 0.75 * size, x1, base + 0.2 * size))
        pages.append(lines)
    return pages


def _slide_words(slide) -> set[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    words = set()
    for text in texts:
        for word in re.findall(r"[A-Za-zÀ-ÿ]{4,}", text):
            words.add(word)
    return words


@pytest.fixture(scope="module")
def decks(demo_sqlite_url, tmp_path_factory) -> dict[str, tuple[bytes, Path]]:
    if not (GS and SOFFICE):
        pytest.skip("LibreOffice (soffice) dan Ghostscript (gs) diperlukan untuk merender slide")
    from data_access.engine import get_engine

    out = {}
    for lang in ("id", "en"):
        folder = tmp_path_factory.mktemp(f"deck-{lang}")
        data = build_deck(Filters(), lang, url=demo_sqlite_url)
        pptx = folder / "paparan.pptx"
        pptx.write_bytes(data)
        out[lang] = (data, convert_to_pdf(pptx, folder / "paparan.pdf"))
    get_engine(demo_sqlite_url).dispose()
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_slide_renders_to_an_image(decks, lang, tmp_path):
    data, pdf = decks[lang]
    slides = len(Presentation(io.BytesIO(data)).slides)
    subprocess.run([GS, "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-r30", "-o", str(tmp_path / "s-%02d.png"),
                    str(pdf)], check=True, timeout=120)
    images = sorted(tmp_path.glob("s-*.png"))
    assert len(images) == slides >= 8
    from PIL import Image

    for path in images:
        with Image.open(path) as im:
            extrema = im.convert("L").getextrema()
        assert extrema[0] < 128, f"{path.name} is blank"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_text_leaves_its_slide_or_runs_over_other_text(decks, lang, tmp_path):
    data, pdf = decks[lang]
    prs = Presentation(io.BytesIO(data))
    width, height = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
    for number, lines in enumerate(_pdf_lines(pdf, tmp_path), start=1):
        assert lines, f"slide {number} has no text"
        for line in lines:
            assert 0 <= line.x0 and line.x1 <= width + 1 and 0 <= line.top and line.bottom <= height + 1, \
                (number, line)
        clashes = [(a.text, b.text) for i, a in enumerate(lines) for b in lines[i + 1:] if a.overlap(b) > 0.2]
        assert not clashes, f"slide {number}: text runs over text: {clashes[:3]}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_word_is_broken_across_lines(decks, lang, tmp_path):
    data, pdf = decks[lang]
    prs = Presentation(io.BytesIO(data))
    pages = _pdf_lines(pdf, tmp_path)
    for number, (slide, lines) in enumerate(zip(prs.slides, pages), start=1):
        rendered = LIGATURE_NOISE.sub("", " ".join(line.text for line in lines))
        missing = [w for w in _slide_words(slide) if re.sub("ff[il]|f[fil]", "", w) not in rendered]
        assert not missing, f"slide {number}: words broken or missing in the rendering: {missing[:5]}"


def test_indonesian_slides_have_no_english_months(decks, tmp_path):
    data, pdf = decks["id"]
    text = " ".join(line.text for page in _pdf_lines(pdf, tmp_path) for line in page)
    assert not re.search(r"\b(Oct|May|Aug|Dec)\b", text), re.findall(r".{20}\b(?:Oct|May|Aug|Dec)\b.{5}", text)
    assert re.search(r"\b(Jan|Jul|Des)\b", text)
