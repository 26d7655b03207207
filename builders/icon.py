"""The app's favicon, drawn here: a Material icon as page_icon makes the browser fetch an SVG from
fonts.gstatic.com (issue 13 item 10), and an image file would have to be copied into the repository."""

from __future__ import annotations

import functools

from PIL import Image, ImageDraw

from builders.theme import CATEGORICAL

PRIMARY = CATEGORICAL[0]  # the Okabe-Ito blue, also .streamlit/config.toml's primaryColor


@functools.cache
def app_icon(size: int = 64) -> Image.Image:
    """A white shield on the primary colour, as a PIL image (Streamlit serves it from the app's own media)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size // 6, fill=PRIMARY)
    s = size / 64
    shield = [(32, 10), (50, 17), (48, 36), (32, 54), (16, 36), (14, 17)]
    draw.polygon([(x * s, y * s) for x, y in shield], fill="white")
    return image
