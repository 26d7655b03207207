"""A Streamlit client that speaks the browser's protocol (no browser): HTTP for the page and cookies, then protobuf
BackMsg/ForwardMsg over the websocket /_stcore/stream. Used by bench/load.py; nothing here knows the app.

What the browser does, and so what this does (Streamlit 1.67, found by reading its server and trying it):
  - GET the page, then /_stcore/health (that response sets the `_streamlit_xsrf` cookie; the page does not) and
    /_stcore/host-config.
  - Open the websocket with the cookies and an Origin header; subprotocols ["streamlit", <xsrf cookie value>].
  - Send BackMsg.rerun_script (a ClientState): page_name (the URL path) on the first run, page_script_hash for
    a page switch, query_string, widget_states, context_info (url, timezone, locale) and cached_message_hashes.
  - Read ForwardMsgs: new_session, navigation (the pages: url_pathname -> page_script_hash), page_info_changed
    (the query string the script wrote), deltas (each widget element carries its `id`, "$$ID-<hash>-<key>"),
    auth_redirect (the app's sign-in cookie round trip), script_finished. A run is done at a script_finished
    that is not FINISHED_EARLY_FOR_RERUN (st.switch_page and st.rerun end a run early and start the next).
  - Keep a message cache as the frontend does: a `new_element` delta the server marks `metadata.cacheable`
    (>= global.minCachedMessageSize) is kept by its `hash`; the client lists the hashes it holds in each
    rerun_script and the server sends a `ref_hash` instead of the element. Entries not used for
    `config.max_cached_message_age` finished runs are dropped (the frontend's rule).
Widget states: the browser resends the value of every widget it shows; the server keeps the last value of a
widget it is not sent, so this client sends the values it changed and keeps resending them until the server
pins that widget itself (`set_value`) or the widget leaves the page. Triggers (buttons) are sent once.
"""

from __future__ import annotations

import asyncio
import http.client
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

XSRF_COOKIE = "_streamlit_xsrf"
EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISH_NAMES = {v: k for k, v in ForwardMsg.ScriptFinishedStatus.items()}


class ProtocolError(RuntimeError):
    pass


class CountingConnection(ClientConnection):
    """Counts the bytes the socket delivers (frames, compressed with permessage-deflate when negotiated)."""

    wire_bytes = 0

    def data_received(self, data: bytes) -> None:
        self.wire_bytes += len(data)
        super().data_received(data)


@dataclass
class HttpResult:
    status: int
    url: str
    body: bytes
    wire_bytes: int


def _cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _store_cookies(cookies: dict[str, str], set_cookie: list[str]) -> None:
    for line in set_cookie:
        pair, *attrs = [p.strip() for p in line.split(";")]
        name, _, value = pair.partition("=")
        gone = any(a.lower() in ("max-age=0",) or a.lower().startswith("expires=thu, 01 jan 1970") for a in attrs)
        if gone or value in ('""', ""):
            cookies.pop(name, None)
        else:
            cookies[name] = value


def http_get(url: str, cookies: dict[str, str], timeout: float = 60, max_redirects: int = 5) -> HttpResult:
    """GET with redirects followed and cookies kept in `cookies` (a plain dict: one host, one path here)."""
    wire = 0
    for _ in range(max_redirects + 1):
        parts = urlsplit(url)
        conn_cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = conn_cls(parts.netloc, timeout=timeout)
        try:
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            headers = {"User-Agent": "tppo-bench-load", "Accept": "text/html,*/*"}
            if cookies:
                headers["Cookie"] = _cookie_header(cookies)
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            body = resp.read()
            wire += len(body) + sum(len(k) + len(v) + 4 for k, v in resp.getheaders())
            _store_cookies(cookies, resp.headers.get_all("Set-Cookie") or [])
            if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                url = urljoin(url, resp.headers["Location"])
                continue
            return HttpResult(resp.status, url, body, wire)
        finally:
            conn.close()
    raise ProtocolError(f"too many redirects from {url}")


@dataclass
class Widget:
    id: str
    kind: str  # the Element oneof name: multiselect, selectbox, slider, text_input, button, ...
    proto: Any

    @property
    def options(self) -> list[str]:
        return list(getattr(self.proto, "options", []))


@dataclass
class Action:
    """One user action: from the BackMsg (or the HTTP GET that starts a page) to the final script_finished."""

    kind: str
    label: str
    started: float  # time.perf_counter()
    seconds: float | None = None
    first_delta_s: float | None = None  # the first delta anywhere (often the unchanged sidebar, re-sent first)
    first_main_s: float | None = None  # the first delta in the main area (delta_path starts with 0)
    payload_bytes: int = 0  # ForwardMsg bytes as parsed (after websocket decompression) + HTTP bodies
    wire_bytes: int = 0  # bytes off the socket (compressed frames) + HTTP
    messages: int = 0
    deltas: int = 0
    cache_refs: int = 0  # elements the server did not resend because the client had them cached
    exceptions: int = 0  # st.exception elements (a traceback or error box from the script)
    status: str | None = None
    error: str | None = None

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "started"}


@dataclass
class StreamSession:
    """One browser tab: its cookies, its websocket, what the server last showed it."""

    base_url: str  # scheme://host[:port][/base_path], no trailing slash
    timeout: float = 120.0  # give up on a run after this long (the bench's "timeout" threshold is separate)
    cookies: dict[str, str] = field(default_factory=dict)
    timezone: str = "Asia/Jakarta"
    locale: str = "id-ID"
    trace: Any = None  # a callable(dict) that sees every ForwardMsg (type, element, size, text), for debugging

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.ws: CountingConnection | None = None
        self.reader: asyncio.Task | None = None
        self.pages: dict[str, str] = {}  # url_pathname ("" for the default page) -> page_script_hash
        self.page_hash = ""
        self.query_string = ""
        self.url = self.base_url + "/"
        self.widgets: dict[str, Widget] = {}  # user key -> widget, from the last finished run
        self._run_widgets: dict[str, Widget] = {}
        self._pinned: set[str] = set()  # widget ids the server set (set_value) in the current run
        self.held: dict[str, WidgetState] = {}  # values this client changed, resent until the server pins them
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (message, run count at last use)
        self.max_message_age = 2
        self.runs = 0
        self.redirect: str | None = None
        self.missing_refs = 0
        self.current: Action | None = None
        self.idle_bytes = 0
        self._finished = asyncio.Event()
        self._closed_reason: str | None = None
        self._wire_mark = 0

    # ------------------------------------------------------------------ connection
    @property
    def origin(self) -> str:
        p = urlsplit(self.base_url)
        return f"{p.scheme}://{p.netloc}"

    def _ws_url(self) -> str:
        p = urlsplit(self.base_url)
        scheme = "wss" if p.scheme == "https" else "ws"
        return f"{scheme}://{p.netloc}{p.path}/_stcore/stream"

    async def _get(self, url: str) -> HttpResult:
        return await asyncio.to_thread(http_get, url, self.cookies)

    async def open(self, path: str = "", query: str = "", kind: str = "open", label: str | None = None) -> Action:
        """Load a page as a browser does: HTTP, then the websocket and the first run. path: "" or "masuk"."""
        action = self._begin(kind, label or f"/{path}")
        try:
            await self._load(self.base_url + "/" + path + (f"?{query}" if query else ""), action)
        except Exception as exc:  # noqa: BLE001 — recorded on the action; the caller decides
            action.error = action.error or f"{type(exc).__name__}: {exc}"[:300]
        return self._end(action)

    async def _load(self, url: str, action: Action) -> None:
        page = await self._get(url)
        action.payload_bytes += len(page.body)
        action.wire_bytes += page.wire_bytes
        if page.status != 200:
            raise ProtocolError(f"GET {url}: HTTP {page.status}")
        for probe in ("/_stcore/health", "/_stcore/host-config"):
            res = await self._get(self.base_url + probe)
            action.wire_bytes += res.wire_bytes
        await self.close()
        # A page load is a new session in the browser: its widget values and message cache start empty.
        self.widgets, self.held, self.cache, self.redirect = {}, {}, {}, None
        self.url = page.url
        parts = urlsplit(page.url)
        base_path = urlsplit(self.base_url).path
        page_name = parts.path[len(base_path):].strip("/") if parts.path.startswith(base_path) else ""
        self.query_string = parts.query
        self.ws = await connect(
            # Without XSRF protection (server.enableXsrfProtection = false) there is no cookie and no second entry.
            self._ws_url(), subprotocols=["streamlit", *([self.cookies[XSRF_COOKIE]] if XSRF_COOKIE in self.cookies
                                                         else [])],
            additional_headers={"Cookie": _cookie_header(self.cookies), "Origin": self.origin},
            create_connection=CountingConnection, max_size=None, ping_interval=None, ping_timeout=None,
            open_timeout=self.timeout, user_agent_header="tppo-bench-load")
        self._wire_mark = self.ws.wire_bytes
        self._closed_reason = None
        self.reader = asyncio.create_task(self._read())
        self.page_hash = ""  # the first run names its page by URL path; the server answers with the hash
        msg = self._rerun_msg(page_hash="", query=parts.query)
        msg.rerun_script.page_name = page_name
        await self._send_and_wait(msg, action)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
        if self.reader is not None:
            self.reader.cancel()
            try:
                await self.reader
            except (asyncio.CancelledError, Exception):  # noqa: BLE001
                pass
            self.reader = None

    # ------------------------------------------------------------------ actions
    def _rerun_msg(self, page_hash: str | None = None, query: str | None = None,
                   changes: list[WidgetState] = ()) -> BackMsg:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string if query is None else query
        state.page_script_hash = page_hash if page_hash is not None else self.page_hash
        values = dict(self.held)
        for change in changes:
            values[change.id] = change
        state.widget_states.widgets.extend(values.values())
        state.cached_message_hashes.extend(self.cache)
        info = state.context_info
        info.url = self.url
        info.timezone = self.timezone
        info.timezone_offset = -420 if self.timezone == "Asia/Jakarta" else 0
        info.locale = self.locale
        info.color_scheme = "light"
        for change in changes:
            if not change.HasField("trigger_value") and not change.HasField("json_trigger_value"):
                self.held[change.id] = change
        return msg

    async def rerun(self, kind: str, label: str, *, page: str | None = None,
                    changes: list[WidgetState] = ()) -> Action:
        """A widget change (changes) or a page switch (page: its url_pathname, "" = the default page)."""
        action = self._begin(kind, label)
        try:
            if self.ws is None:
                raise ProtocolError("not connected")
            if page is not None:
                if page not in self.pages:
                    raise ProtocolError(f"unknown page {page!r}; known: {sorted(self.pages)}")
                self.held.clear()  # the browser unmounts the old page's widgets; the shared ones are pinned anyway
                msg = self._rerun_msg(page_hash=self.pages[page], query="", changes=changes)
            else:
                msg = self._rerun_msg(changes=changes)
            await self._send_and_wait(msg, action)
        except Exception as exc:  # noqa: BLE001
            action.error = action.error or f"{type(exc).__name__}: {exc}"[:300]
        return self._end(action)

    async def follow_redirect(self, action: Action) -> None:
        """After ForwardMsg.auth_redirect: the browser leaves the page for that URL (a new session, new cookies)."""
        target, self.redirect = self.redirect, None
        self.current = action
        try:
            await self._load(urljoin(self.origin + "/", target), action)
        except Exception as exc:  # noqa: BLE001
            action.error = action.error or f"{type(exc).__name__}: {exc}"[:300]
        finally:
            self.current = None

    def _begin(self, kind: str, label: str) -> Action:
        action = Action(kind, label, time.perf_counter())
        self.current = action
        return action

    def _end(self, action: Action) -> Action:
        if action.seconds is None:  # an error before the run finished: the time until the client gave up
            action.seconds = time.perf_counter() - action.started
        self.current = None
        return action

    async def _send_and_wait(self, msg: BackMsg, action: Action) -> None:
        self._finished.clear()
        self._run_widgets, self._pinned = {}, set()
        assert self.ws is not None
        self._wire_mark = self.ws.wire_bytes
        await self.ws.send(msg.SerializeToString())
        try:
            await asyncio.wait_for(self._finished.wait(), self.timeout)
        except asyncio.TimeoutError:
            raise ProtocolError(f"no script_finished within {self.timeout:.0f} s") from None
        finally:
            if self.ws is not None:
                action.wire_bytes += self.ws.wire_bytes - self._wire_mark
                self._wire_mark = self.ws.wire_bytes
        if self._closed_reason:
            raise ProtocolError(self._closed_reason)
        action.seconds = time.perf_counter() - action.started

    # ------------------------------------------------------------------ incoming
    async def _read(self) -> None:
        assert self.ws is not None
        try:
            async for raw in self.ws:
                if isinstance(raw, str):
                    continue
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                self._handle(msg, len(raw))
        except Exception as exc:  # noqa: BLE001 — a closed socket ends the action with an error
            self._closed_reason = f"websocket: {type(exc).__name__}: {exc}"[:300]
        else:
            self._closed_reason = "websocket closed by the server"
        self._finished.set()

    def _handle(self, msg: ForwardMsg, size: int) -> None:
        action = self.current
        if action is not None:
            action.payload_bytes += size
            action.messages += 1
        else:
            self.idle_bytes += size
        kind = msg.WhichOneof("type")
        if self.trace is not None:
            self.trace(_describe(msg, size, action))
        if kind == "ref_hash":
            cached = self.cache.get(msg.ref_hash)
            if action is not None:
                action.cache_refs += 1
            if cached is None:
                self.missing_refs += 1
                return
            self.cache[msg.ref_hash] = (cached[0], self.runs)
            msg, kind = cached[0], "delta"
        if kind == "delta":
            if action is not None:
                action.deltas += 1
                if action.first_delta_s is None:
                    action.first_delta_s = time.perf_counter() - action.started
                if action.first_main_s is None and msg.metadata.delta_path[:1] == [0]:
                    action.first_main_s = time.perf_counter() - action.started
            if msg.metadata.cacheable and msg.hash:
                self.cache[msg.hash] = (msg, self.runs)
            if msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element, action)
        elif kind == "new_session":
            ns = msg.new_session
            self.page_hash = ns.page_script_hash or self.page_hash
            self.max_message_age = ns.config.max_cached_message_age or self.max_message_age
            for p in ns.app_pages:
                self.pages[p.url_pathname] = p.page_script_hash
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            for p in msg.navigation.app_pages:
                if p.is_default:
                    self.pages[""] = p.page_script_hash
            if msg.navigation.page_script_hash:
                self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "auth_redirect":
            self.redirect = msg.auth_redirect.url
        elif kind == "script_finished":
            if action is not None:
                action.status = FINISH_NAMES.get(msg.script_finished, str(msg.script_finished))
            if msg.script_finished != EARLY:
                self._run_done()

    def _element(self, element, action: Action | None) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception" and action is not None:
            action.exceptions += 1
        sub = getattr(element, kind, None) if kind else None
        wid = getattr(sub, "id", "") if sub is not None else ""
        if not isinstance(wid, str) or not wid.startswith("$$ID-"):
            return
        key = wid.split("-", 2)[2] if wid.count("-") >= 2 else wid
        self._run_widgets[key] = Widget(wid, kind, sub)
        if getattr(sub, "set_value", False):
            self._pinned.add(wid)

    def _run_done(self) -> None:
        self.runs += 1
        if self._run_widgets:
            self.widgets = self._run_widgets
        live = {w.id for w in self.widgets.values()}
        self.held = {wid: state for wid, state in self.held.items() if wid in live and wid not in self._pinned}
        stale = [h for h, (_, used) in self.cache.items() if self.runs - used > self.max_message_age]
        for h in stale:
            del self.cache[h]
        self._finished.set()

    # ------------------------------------------------------------------ widget values
    def widget(self, key: str) -> Widget:
        try:
            return self.widgets[key]
        except KeyError:
            raise ProtocolError(f"no widget with key {key!r} on this page; keys: {sorted(self.widgets)}") from None


def _describe(msg: ForwardMsg, size: int, action: Action | None) -> dict:
    kind = msg.WhichOneof("type")
    row = {"action": action.label if action else None, "type": kind, "bytes": size}
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        row["element"] = element.WhichOneof("type")
        sub = getattr(element, row["element"], None)
        text = getattr(sub, "body", "") or getattr(sub, "label", "") or getattr(sub, "id", "")
        row["text"] = str(text)[:120]
    elif kind == "script_finished":
        row["status"] = FINISH_NAMES.get(msg.script_finished)
    elif kind in ("auth_redirect", "ref_hash"):
        row["text"] = msg.auth_redirect.url if kind == "auth_redirect" else msg.ref_hash
    return row


def string_array(widget: Widget, values: list[str]) -> WidgetState:
    state = WidgetState(id=widget.id)
    state.string_array_value.data.extend(values)
    return state


def double_array(widget: Widget, values: list[float]) -> WidgetState:
    state = WidgetState(id=widget.id)
    state.double_array_value.data.extend(values)
    return state


def string_value(widget: Widget, value: str) -> WidgetState:
    return WidgetState(id=widget.id, string_value=value)


def trigger(widget: Widget) -> WidgetState:
    return WidgetState(id=widget.id, trigger_value=True)
