"""Serve Leaflet, jQuery and Font Awesome from static/vendor so folium maps work without internet."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import branca.element
import folium
import folium.elements
import xstatic.pkg.font_awesome as xs_font_awesome
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet
from folium.template import Template

DEFAULT_URL_PREFIX = "/app/static/vendor"

# (source package dir, path inside it, path under static/vendor). Only what the maps load, plus
# leaflet.js.map (leaflet.js names it, DevTools would log a 404) and Font Awesome's licence;
# Font Awesome's css refers to ../webfonts/.
_FILES: tuple[tuple[str, str, str], ...] = (
    (xs_leaflet.BASE_DIR, "leaflet.js", "leaflet/leaflet.js"),
    (xs_leaflet.BASE_DIR, "leaflet.js.map", "leaflet/leaflet.js.map"),
    (xs_leaflet.BASE_DIR, "leaflet.css", "leaflet/leaflet.css"),
    *(
        (xs_leaflet.BASE_DIR, f"images/{name}", f"leaflet/images/{name}")
        for name in ("layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")
    ),
    (xs_jquery.BASE_DIR, "jquery.min.js", "jquery/jquery.min.js"),
    (xs_font_awesome.BASE_DIR, "css/all.min.css", "fontawesome/css/all.min.css"),
    (xs_font_awesome.BASE_DIR, "LICENSE.txt", "fontawesome/LICENSE.txt"),
    *(
        (xs_font_awesome.BASE_DIR, f"webfonts/{stem}.{ext}", f"fontawesome/webfonts/{stem}.{ext}")
        for stem in ("fa-brands-400", "fa-regular-400", "fa-solid-900", "fa-v4compatibility")
        for ext in ("woff2", "ttf")
    ),
)

# The links folium's classes may ask for, by folium's own link name, mapped to what we serve.
_JS: dict[str, str] = {"leaflet": "leaflet/leaflet.js", "jquery": "jquery/jquery.min.js"}
_CSS: dict[str, str] = {
    "leaflet_css": "leaflet/leaflet.css",
    "awesome_markers_font_css": "fontawesome/css/all.min.css",
}

_url_prefix = DEFAULT_URL_PREFIX


def vendor_assets(static_dir: Path) -> Path:
    """Copy the offline map assets into static_dir/vendor and return that folder.

    Idempotent and cheap when done: a file is copied only when it is missing or differs in size or
    modification time from the installed package's copy (which also picks up package upgrades).
    Each copy is written to a temporary file and renamed, so concurrent sessions never serve half a file.
    """
    vendor = Path(static_dir) / "vendor"
    for base_dir, source_rel, target_rel in _FILES:
        source = Path(base_dir) / source_rel
        target = vendor / target_rel
        src_stat = source.stat()
        try:
            dst_stat = target.stat()
            if dst_stat.st_size == src_stat.st_size and dst_stat.st_mtime_ns == src_stat.st_mtime_ns:
                continue
        except FileNotFoundError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        os.close(fd)
        try:
            shutil.copy2(source, tmp)
            os.replace(tmp, target)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return vendor


def configure_folium_offline(url_prefix: str = DEFAULT_URL_PREFIX) -> None:
    """Point folium's asset links at our own copies and drop every link we do not serve.

    streamlit-folium loads folium's links one after another and stops at the first failure, so a
    single unreachable CDN (bootstrap, awesome-markers, ...) blanks the whole map. Rewrites the
    class-level default_js/default_css of folium.Map and of every other folium asset class imported
    so far (plugins imported later keep their CDN links: import them before calling this). A plugin
    whose script we do not serve loses it, which breaks that plugin only, not the map.
    Call it once at start-up, after vendor_assets(); calling it again is harmless.
    """
    global _url_prefix
    prefix = url_prefix.rstrip("/")
    _url_prefix = prefix
    for cls in _asset_classes():
        # New lists, never in-place edits: folium shares its module-level lists between classes.
        cls.default_js = [(name, f"{prefix}/{_JS[name]}") for name, _ in cls.default_js if name in _JS]
        cls.default_css = [(name, f"{prefix}/{_CSS[name]}") for name, _ in cls.default_css if name in _CSS]


def icon_image_path(url_prefix: str | None = None) -> str:
    """URL of Leaflet's marker images under the configured prefix (ends with a slash, as Leaflet needs)."""
    return f"{(url_prefix or _url_prefix).rstrip('/')}/leaflet/images/"


class IconImagePath(branca.element.MacroElement):
    """Sets L.Icon.Default.imagePath in the map script (streamlit-folium issue #275).

    Lives in the map's script, not the page header: streamlit-folium inserts the header with
    innerHTML, where inline scripts never run.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            L.Icon.Default.imagePath = {{ this.path|tojson }};
        {% endmacro %}
        """
    )

    def __init__(self, url_prefix: str | None = None):
        super().__init__()
        self._name = "IconImagePath"
        self.path = icon_image_path(url_prefix)


def _asset_classes() -> list[type]:
    seen: list[type] = []
    stack: list[type] = [folium.elements.JSCSSMixin]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            if sub not in seen:
                seen.append(sub)
                stack.append(sub)
    return seen
