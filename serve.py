"""Entry point: `streamlit run serve.py`. app.py is the Streamlit script; this adds the two small routes that
set and clear the sign-in cookie (ui/session_cookie.py), which a script cannot do over its websocket."""

import streamlit as st

from ui.session_cookie import session_routes

app = st.App("app.py", routes=session_routes())
