"""The frame's CSS for every page: less empty space above the title, captions dark enough to read."""

from __future__ import annotations

import streamlit as st

# Static CSS, no data in it.
# - Streamlit puts 6rem of padding above the first element (~110 px above every title with the h1's own margin):
#   at 1366x768 that is a seventh of the screen. 2rem keeps the title clear of the
#   toolbar in the header.
# - Captions are the text colour at 60 % opacity: #707172 on the sidebar's #F2F4F7 is 4.43:1, under WCAG AA's 4.5:1
#   (axe-core color-contrast); the container's own opacity (0.6) fades any colour set inside it. A solid #5C5F66 at
#   full opacity reads 5.9:1 there and 6.4:1 on white.
FRAME_CSS = ("<style>"
             "[data-testid='stMainBlockContainer']{padding-top:2rem}"
             "[data-testid='stMainBlockContainer'] h1{padding-top:0.5rem}"
             # Six cards across a laptop screen: a long label or change wraps instead of ending in "…".
             "[data-testid='stMetricLabel'] p,[data-testid='stMetricDelta'] p{white-space:normal}"
             "[data-testid='stMetricLabel'] .stMarkdownEllipsis,[data-testid='stMetricDelta'] .stMarkdownEllipsis"
             "{overflow:visible;text-overflow:clip}"
             "[data-testid='stCaptionContainer']{color:#5C5F66;opacity:1}"
             "</style>")


# st.metric's sparkline (Vega) draws an empty <g role="graphics-symbol"> without a name for its highlighted points:
# axe-core's svg-img-alt (serious). The line is decoration beside the figure it repeats (the card's help says what it
# shows), so it is hidden from assistive technology; Vega redraws on hover, hence an observer. Static script, no data.
SPARKLINE_SCRIPT = """<script>
if (!window.tppoSparklineA11y) {
  window.tppoSparklineA11y = true;
  const hide = () => document.querySelectorAll('[data-testid="stMetricChart"]:not([aria-hidden])')
    .forEach(el => el.setAttribute('aria-hidden', 'true'));
  new MutationObserver(hide).observe(document.body, {childList: true, subtree: true});
  hide();
}
</script>"""


def apply_frame_style() -> None:
    st.html(FRAME_CSS)
    st.html(SPARKLINE_SCRIPT, unsafe_allow_javascript=True)
