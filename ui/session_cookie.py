"""Sign-ins that survive a reload: an HTTP-only cookie set by two small server routes (serve.py mounts them).

A Streamlit script talks to the browser over a websocket and cannot set a cookie, let alone an HTTP-only one.
So after a successful sign-in the script sends the browser to /sesi/pasang with a one-time code (valid 60 s);
that route swaps the code for a random token, sets it as an HTTP-only, SameSite=Lax cookie and sends the browser
back to the page and filters it came from. A new session (F5, a new tab) reads the cookie once at its start
(st.context.cookies) and signs in if the database still holds a usable session for it. Sign-out deletes the
database row (every tab ends within seconds) and sends the browser to /sesi/keluar, which clears the cookie.
The password never leaves the sign-in form; the database keeps only the token's SHA-256.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode, urlsplit

COOKIE = "tppo_sesi"
# A sign-in lasts at most this long, however active; inactivity ends it sooner (TPPO_SESSION_MINUTES).
MAX_LIFETIME = dt.timedelta(hours=12)
HANDOVER_PATH = "/sesi/pasang"
SIGN_OUT_PATH = "/sesi/keluar"
_installed = {"routes": False}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def base_path() -> str:
    from streamlit import config

    base = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def safe_return_path(value: str | None) -> str:
    """Only a path on this site (no scheme, no host, no "//"): the routes must not redirect elsewhere."""
    base = base_path()
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return base + "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return base + "/"
    return value


def _secure(request) -> bool:
    from settings import load_settings

    forwarded = request.headers.get("x-forwarded-proto") if load_settings().trust_proxy else None
    return (forwarded or request.url.scheme) == "https"


async def _hand_over(request):
    """GET /sesi/pasang?kode=…&lanjut=/page?filters: set the cookie, go back to the page."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import RedirectResponse

    from data_access.accounts import redeem_handover
    from data_access.engine import get_engine

    def redeem() -> str | None:
        with get_engine().begin() as conn:
            return redeem_handover(conn, request.query_params.get("kode", ""), _now())

    token = await run_in_threadpool(redeem)
    response = RedirectResponse(safe_return_path(request.query_params.get("lanjut")), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the used code stays out of any Referer
    if token is not None:
        response.set_cookie(COOKIE, token, max_age=int(MAX_LIFETIME.total_seconds()), path=base_path() or "/",
                            httponly=True, samesite="lax", secure=_secure(request))
    return response


async def _sign_out(request):
    """GET /sesi/keluar?lanjut=…: clear the cookie (the session row is already gone)."""
    from starlette.responses import RedirectResponse

    response = RedirectResponse(safe_return_path(request.query_params.get("lanjut")), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.delete_cookie(COOKIE, path=base_path() or "/", httponly=True, samesite="lax", secure=_secure(request))
    return response


def session_routes() -> list:
    """The two routes for st.App(routes=...); calling this marks the cookie hand-over as available."""
    from starlette.routing import Route

    _installed["routes"] = True
    base = base_path()
    return [Route(base + HANDOVER_PATH, _hand_over, methods=["GET"]),
            Route(base + SIGN_OUT_PATH, _sign_out, methods=["GET"])]


def routes_installed() -> bool:
    """False under `streamlit run app.py` or AppTest: sign-ins then last as long as the browser tab."""
    return _installed["routes"]


# ------------------------------------------------------------------ script side
def cookie_token() -> str | None:
    import streamlit as st

    context = getattr(st, "context", None)
    cookies = getattr(context, "cookies", None) or {}
    value = cookies.get(COOKIE)
    return value if isinstance(value, str) and value else None


def current_path_and_query(here: bool = True, page: str | None = None) -> str:
    """The address the browser shows (page and filters; "/" when not here; /<page> without filters when page is
    given), for the way back after the cookie round trip. The language rides along: the round trip starts a new
    session, which reads ?lang= once."""
    import streamlit as st

    from strings import DEFAULT_LANG

    url = getattr(st.context, "url", None) or ""
    if page:
        here = False
    path = (urlsplit(url).path if here else "") or (base_path() + "/" + (page or ""))
    params = st.query_params.to_dict() if here else {}
    lang = st.session_state.get("lang")
    if lang and lang != DEFAULT_LANG:
        params["lang"] = lang
    query = urlencode(params)
    return quote(path, safe="/%-._~") + (f"?{query}" if query else "")


def redirect_browser(path: str) -> None:
    """Send the browser to a path of this site and stop the run. Streamlit's own st.login uses this message
    (ForwardMsg.auth_redirect: the frontend sets window.location.href)."""
    import streamlit as st
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        msg = ForwardMsg()
        msg.auth_redirect.url = path
        ctx.enqueue(msg)
    st.stop()


def hand_over(code: str, return_to: str) -> None:
    """After a sign-in: let the browser fetch its cookie, then come back to return_to (a path with its query)."""
    if routes_installed():
        redirect_browser(base_path() + HANDOVER_PATH + "?" + urlencode({"kode": code, "lanjut": return_to}))


def forget_in_browser(return_to: str) -> None:
    """After a sign-out: clear the cookie, then show return_to."""
    if routes_installed():
        redirect_browser(base_path() + SIGN_OUT_PATH + "?" + urlencode({"lanjut": return_to}))
