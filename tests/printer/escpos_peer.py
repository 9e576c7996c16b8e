"""A network receipt printer on 127.0.0.1 for the driver to talk to, written from Epson's ESC/POS
command reference (not from our driver or the project's emulator): it takes a byte stream on a
TCP port like port 9100, keeps what each connection delivered, and answers `DLE EOT n` in real
time with the status bytes the reference documents:

- n = 1 (printer): fixed bits 1 and 4 set (0x12); bit 3 = offline.
- n = 2 (offline cause): 0x12; bit 2 = cover open; bit 5 = printing stopped by paper end.
- n = 4 (roll paper sensor): 0x12; bits 2-3 = near end; bits 5-6 = paper end.

It also misbehaves the way printers and switches do in the field: it restarts (every
connection cut, listening again on the same port), drops idle connections, closes in the middle
of a job, leaves connections half-open (no longer read nor answered, never closed), never
answers status, or is switched off (connection attempts go unanswered).

The stream is parsed as commands so that bytes inside raster or QR data are never taken for a
status query: `GS v 0` carries xL xH yL yH and (xL + 256·xH)·(yL + 256·yH) bytes, `GS ( k`
carries pL pH and pL + 256·pH bytes.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass, field

DLE_EOT = b"\x10\x04"
CONDITIONS = {
    # name: replies to DLE EOT 1, 2, 4
    "online": (0x12, 0x12, 0x12),
    "near_end": (0x12, 0x12, 0x1E),
    "paper_out": (0x1A, 0x32, 0x72),
    "cover_open": (0x1A, 0x16, 0x12),
    "offline": (0x1A, 0x12, 0x12),
}


@dataclass
class Connection:
    sock: socket.socket
    data: bytearray = field(default_factory=bytearray)  # print data, status queries removed
    last_seen: float = field(default_factory=time.monotonic)
    abandoned: bool = False  # half-open: the printer forgot it
    cut: bool = False  # to be closed in the middle of what it was sending


class EscposPeer:
    def __init__(self) -> None:
        self.condition = "online"
        self.silent = False
        self.idle_close_seconds: float | None = None
        self.close_after_bytes: int | None = None  # cut a connection after this much print data
        self.abandon_after_bytes: int | None = None  # stop reading it after this much, still open
        self.drop_next_connections = 0  # accept and close at once (restarting as we connect)
        self.status_queries = 0
        self.connections: list[Connection] = []
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self._fill: list[socket.socket] = []
        self._running = True
        self._server = self._listen(0)
        self.port = self._server.getsockname()[1]
        self._start_accepting()
        threading.Thread(target=self._reap_idle, daemon=True).start()

    # --- what arrived ---------------------------------------------------------------------
    @property
    def jobs(self) -> list[bytes]:
        """Print data per connection that carried any."""
        with self._lock:
            return [bytes(c.data) for c in self.connections if c.data]

    @property
    def received(self) -> bytes:
        return b"".join(self.jobs)

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout
        with self._lock:
            while sum(len(c.data) for c in self.connections) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._arrived.wait(left)
        return True

    def open_connections(self) -> int:
        with self._lock:
            return sum(1 for c in self.connections if c.sock.fileno() != -1 and not c.abandoned)

    # --- misbehaviour ---------------------------------------------------------------------
    def restart(self) -> None:
        """Power-cycle: every connection is cut, then the port listens again."""
        self._stop_listening()
        with self._lock:
            for c in self.connections:
                with contextlib.suppress(OSError):
                    c.sock.close()
        self._server = self._listen(self.port)
        self._start_accepting()

    def half_open(self) -> None:
        """The printer forgets its connections without closing them: nothing more is read from
        them or answered on them (what a kiosk sees of a printer that rebooted behind a switch
        that swallowed the reset)."""
        with self._lock:
            for c in self.connections:
                c.abandoned = True

    def switch_off(self) -> None:
        """Nobody answers a connection attempt: the listening socket's queue is full, so new
        attempts time out, as with a printer without power."""
        self._stop_listening()
        with self._lock:
            for c in self.connections:
                with contextlib.suppress(OSError):
                    c.sock.close()
        self._server = self._listen(self.port, backlog=0)
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", self.port))
            self._fill.append(filler)
        time.sleep(0.05)

    def switch_on(self) -> None:
        for filler in self._fill:
            filler.close()
        self._fill.clear()
        self._stop_listening()
        self._server = self._listen(self.port)
        self._start_accepting()

    def close(self) -> None:
        self._running = False
        self._stop_listening()
        for filler in self._fill:
            filler.close()
        with self._lock:
            for c in self.connections:
                with contextlib.suppress(OSError):
                    c.sock.close()

    # --- the printer ----------------------------------------------------------------------
    def _stop_listening(self) -> None:
        # shutdown wakes the thread blocked in accept(), which otherwise keeps the port bound
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()

    @staticmethod
    def _listen(port: int, backlog: int = 8) -> socket.socket:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", port))
        server.listen(backlog)
        return server

    def _start_accepting(self) -> None:
        server = self._server
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()

    def _accept(self, server: socket.socket) -> None:
        while self._running:
            try:
                sock, _ = server.accept()
            except OSError:
                return
            if self.drop_next_connections > 0:
                self.drop_next_connections -= 1
                sock.close()
                continue
            connection = Connection(sock)
            with self._lock:
                self.connections.append(connection)
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _reap_idle(self) -> None:
        while self._running:
            time.sleep(0.05)
            limit = self.idle_close_seconds
            if limit is None:
                continue
            with self._lock:
                for c in self.connections:
                    if not c.abandoned and time.monotonic() - c.last_seen > limit:
                        with contextlib.suppress(OSError):
                            c.sock.shutdown(socket.SHUT_RDWR)
                            c.sock.close()

    def _serve(self, c: Connection) -> None:
        pending = b""
        while self._running:
            try:
                chunk = c.sock.recv(4096)
            except OSError:
                return
            if not chunk:  # the kiosk closed its end
                c.sock.close()
                return
            if not c.abandoned:
                c.last_seen = time.monotonic()
                pending = self._parse(c, pending + chunk)
            if c.cut:
                c.sock.close()  # the unread rest makes the kernel answer with a reset
                return
            if c.abandoned:
                # a forgotten connection: kept open, never read again nor answered
                while self._running and c.sock.fileno() != -1:
                    time.sleep(0.05)
                return

    def _parse(self, c: Connection, data: bytes) -> bytes:
        i = 0
        while i < len(data) and not (c.abandoned or c.cut):
            if data.startswith(DLE_EOT, i):
                if i + 3 > len(data):
                    break
                self._answer(c, data[i + 2])
                i += 3
                continue
            size = self._command_size(data, i)
            if size is None:  # incomplete: wait for more
                break
            self._keep(c, data[i : i + size])
            i += size
        return data[i:]

    @staticmethod
    def _command_size(data: bytes, i: int) -> int | None:
        if data.startswith(b"\x1dv0", i):
            if i + 8 > len(data):
                return None
            xl, xh, yl, yh = data[i + 4 : i + 8]
            size = 8 + (xl + 256 * xh) * (yl + 256 * yh)
        elif data.startswith(b"\x1d(k", i):
            if i + 5 > len(data):
                return None
            size = 5 + data[i + 3] + 256 * data[i + 4]
        else:
            return 1
        return size if i + size <= len(data) else None

    def _keep(self, c: Connection, data: bytes) -> None:
        """Takes print data up to the point where this printer stops taking it."""
        with self._lock:
            c.data += data
            if self.abandon_after_bytes is not None and len(c.data) >= self.abandon_after_bytes:
                del c.data[self.abandon_after_bytes :]
                c.abandoned = True
            if self.close_after_bytes is not None and len(c.data) >= self.close_after_bytes:
                del c.data[self.close_after_bytes :]
                c.cut = True
            self._arrived.notify_all()

    def _answer(self, c: Connection, n: int) -> None:
        with self._lock:
            self.status_queries += 1
        if self.silent or n not in (1, 2, 4):
            return
        reply = CONDITIONS[self.condition][{1: 0, 2: 1, 4: 2}[n]]
        with contextlib.suppress(OSError):
            c.sock.sendall(bytes([reply]))
