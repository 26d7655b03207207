"""Entry point: `streamlit run serve.py`. app.py is the Streamlit script; this adds the two small routes that
set and clear the sign-in cookie (ui/session_cookie.py), which a script cannot do over its websocket, the route
that serves map boundaries once per browser (ui/boundary_route.py), and warms the server up when it starts
(ui/warmup.py), so the first visitor does not wait for imports and the bootstrap."""

import threading
from contextlib import asynccontextmanager

import streamlit as st

from ui.boundary_route import boundary_routes
from ui.session_cookie import session_routes


@asynccontextmanager
async def warm_server(_app):
    from ui.warmup import warm_up

    # In a thread: the server answers (health, the first page) while the imports run. Then the default views of
    # the executive page, nationally and per province, in the background (ui.warmup.warm_views, issue 24).
    threading.Thread(target=warm_up, kwargs={"views": True}, name="tppo-warm-up", daemon=True).start()
    yield


app = st.App("app.py", routes=session_routes() + boundary_routes(), lifespan=warm_server)
