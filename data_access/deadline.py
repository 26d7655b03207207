"""Client-side deadlines for PostgreSQL statements (issue 24).

A database host that accepts TCP and never answers (a hung server, a stalled VM, a firewall that black-holes
replies) is caught neither by `connect_timeout` once a pooled connection exists, nor by the server's own
`statement_timeout`, nor by TCP keepalives (the far kernel still acknowledges). A page then waits forever. So each
statement, and the ping that checks a pooled connection out, runs under a deadline: when it passes, a watchdog
thread shuts the connection's socket down. libpq sees the connection end, psycopg raises OperationalError,
SQLAlchemy invalidates the connection, and the page shows its one outage sentence (ui/outage.py).

Shutting down a duplicate of the socket's descriptor is the only interruption that needs no answer from the far
end (a cancel request is a new connection to the same silent host); the descriptor itself stays owned by libpq.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger("tppo.deadline")


class Watchdog:
    """One daemon thread for every connection of the process: a heap of (deadline, ticket) → socket descriptor."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._live: dict[int, tuple[int, int]] = {}  # ticket → (descriptor, its socket's inode) while it runs
        self._tickets = itertools.count(1)
        self._thread: threading.Thread | None = None
        self.cuts = 0  # how many statements were cut (tests, logs)

    def arm(self, fileno: int | None, seconds: float) -> int:
        """A ticket for one statement on the socket `fileno` (0: nothing armed, for no socket or no deadline)."""
        if not fileno or seconds <= 0:
            return 0
        try:
            inode = os.fstat(fileno).st_ino
        except OSError:
            return 0
        ticket = next(self._tickets)
        with self._cond:
            self._live[ticket] = (fileno, inode)
            heapq.heappush(self._heap, (time.monotonic() + seconds, ticket))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="tppo-db-deadline", daemon=True)
                self._thread.start()
            self._cond.notify()
        return ticket

    def disarm(self, ticket: int) -> None:
        if not ticket:
            return
        with self._cond:
            self._live.pop(ticket, None)  # its heap entry is skipped when it comes up

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                due, ticket = self._heap[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                live = self._live.pop(ticket, None)
            if live is not None:
                self._cut(*live)

    def _cut(self, fileno: int, inode: int) -> None:
        try:
            if os.fstat(fileno).st_ino != inode:
                return  # the statement's socket is gone and its number reused: never cut another connection
            dup = socket.socket(fileno=os.dup(fileno))
        except OSError:
            return  # already closed
        try:
            dup.shutdown(socket.SHUT_RDWR)
            self.cuts += 1
            log.warning("database statement passed its deadline; connection cut")
        except OSError:
            pass
        finally:
            dup.close()

    @contextmanager
    def guard(self, fileno: int | None, seconds: float) -> Iterator[None]:
        ticket = self.arm(fileno, seconds)
        try:
            yield
        finally:
            self.disarm(ticket)


WATCHDOG = Watchdog()


def socket_of(dbapi_connection) -> int | None:
    """The psycopg connection's socket descriptor (None when closed or not a network connection)."""
    try:
        return dbapi_connection.fileno()
    except Exception:  # noqa: BLE001 — a closed or broken connection has none; nothing to guard
        return None
