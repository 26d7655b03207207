"""Render folium's macro elements once, as text (imported by builders.folium_kit, so by every map builder).

branca's MacroElement.render puts each rendered macro (header, html, script) into `Element(text)`, and an Element
compiles its text as a Jinja template and renders it again when the page is assembled. Two consequences:
- Data reach Jinja as template source. A name in the data such as "{{ 7*7 }}" is shown as "49", and a crafted
  one runs Python on the server (Jinja's default environment is not sandboxed): unit, place or country names come
  from imported files, so a hostile file could do it.
- Compiling the text is most of a map's render: the Peta page's three maps took ~24 ms each to render, ~7 ms
  without the second pass (issue 24).
Here each macro's output (and folium's Popup, which does the same on its own) is kept as a text element that returns it as is, which is what the second pass produced
for any text without Jinja syntax (tests/unit/test_folium_render.py compares the two on the dashboard's maps).
"""

from __future__ import annotations

from branca.element import Element, Figure, MacroElement
from folium.map import Popup

_BRANCA_RENDER = MacroElement.render
_FOLIUM_POPUP_RENDER = Popup.render


class RenderedText(Element):
    """An element whose text is final: rendering returns it, nothing is compiled."""

    def __init__(self, text: str):
        super().__init__()
        self._name = "RenderedText"
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


def render_macro_once(self: MacroElement, **kwargs) -> None:
    """MacroElement.render (branca 0.8) with the macros' output added as RenderedText instead of Element."""
    figure = self.get_root()
    assert isinstance(figure, Figure), "You cannot render this Element if it is not in a Figure."
    macros = self._template.module.__dict__
    for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
        macro = macros.get(part)
        if macro is not None:
            target.add_child(RenderedText(macro(self, kwargs)), name=self.get_name())
    for element in self._children.values():
        element.render(**kwargs)


def render_popup_once(self: Popup, **kwargs) -> None:
    """folium.Popup.render (folium 0.20), whose rendered script went through the same Element(text) pass."""
    for child in self._children.values():
        child.render(**kwargs)
    figure = self.get_root()
    assert isinstance(figure, Figure), "You cannot render this Element if it is not in a Figure."
    figure.script.add_child(RenderedText(self._template.render(this=self, kwargs=kwargs)), name=self.get_name())


def install() -> None:
    MacroElement.render = render_macro_once
    Popup.render = render_popup_once


def uninstall() -> None:
    """branca's and folium's own render (tests compare the two)."""
    MacroElement.render = _BRANCA_RENDER
    Popup.render = _FOLIUM_POPUP_RENDER


install()
