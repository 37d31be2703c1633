"""gunicorn's threaded worker with a read deadline: a slow client is cut off, not waited for.

A client that sends its request a byte at a time holds whatever reads it. gunicorn's sync workers
wait on it with the whole worker (four such clients stalled the line); its threaded workers wait
with one thread each, for as long as the client cares to drip. Here every request must arrive
whole, headers and body, within REQUEST_READ_SECONDS of its first byte: past that the socket reads
as closed, so gunicorn drops the connection (headers still coming) or the app sees a body cut short
and refuses it (400) before parsing anything. With gunicorn.conf.py's many threads a worker keeps
threads free for Twilio while dozens of slow clients run out their few seconds.
"""

from __future__ import annotations

import socket
import time
from typing import Any

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

from service.config import Settings
from service.errors import ConfigError

CLOSE_LINGER_SECONDS = 0.2  # reading what a closing client still sends, so the answer is not cut


class DeadlineSocket:
    """A client socket whose reads return end-of-file once the request's deadline has passed."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.deadline: float | None = None
        self.expired = False  # a read was cut off by the deadline: the connection is not kept

    def recv(self, size: int, *flags: int) -> bytes:
        """Read, waiting no later than the deadline; b"" (as if the client closed) after it."""
        if self.deadline is None:
            return self._sock.recv(size, *flags)
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            self.expired = True
            return b""
        previous = self._sock.gettimeout()
        self._sock.settimeout(remaining)
        try:
            return self._sock.recv(size, *flags)
        except TimeoutError:
            self.expired = True
            return b""
        finally:
            self._sock.settimeout(previous)

    def setblocking(self, flag: bool) -> None:
        """As the socket's own, but nothing once it is closed (closed by its thread, see `handle`)."""
        if self._sock.fileno() != -1:
            self._sock.setblocking(flag)

    def __getattr__(self, name: str) -> Any:
        """Everything else (fileno, send, setblocking, close...) is the socket's own."""
        return getattr(self._sock, name)


class DeadlineWorker(ThreadWorker):
    """ThreadWorker whose connections read through DeadlineSocket, with a fresh deadline a request."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            self.read_seconds = float(Settings.from_env().request_read_seconds)
        except ConfigError:
            self.read_seconds = float(Settings.request_read_seconds)  # the master has refused the start

    def enqueue_req(self, conn: Any) -> None:
        """Hand a connection to a thread, reading through a deadline-keeping socket."""
        if not isinstance(conn.sock, DeadlineSocket):
            conn.sock = DeadlineSocket(conn.sock)
        super().enqueue_req(conn)

    def handle(self, conn: Any) -> Any:
        """Each request on a connection (kept-alive ones too) gets the whole read time afresh; a
        connection whose reads ran out of time is closed once answered, never kept alive."""
        sock = conn.sock
        if not isinstance(sock, DeadlineSocket):
            return super().handle(conn)
        sock.deadline = time.monotonic() + self.read_seconds
        try:
            keep = super().handle(conn)
        finally:
            sock.deadline = None
        if keep is False or sock.expired:
            # Closed here, in this thread: gunicorn would linger up to 2 s on the client's unread bytes
            # in its main loop, where 50 slow clients closing would hold up every new connection.
            util.close_graceful(sock._sock, timeout=CLOSE_LINGER_SECONDS)
            return False
        return keep
