"""A network receipt printer on a loopback port, for tests, benchmarks and technicians who want
to try a network configuration without a printer: it accepts ESC/POS on TCP like port 9100,
records what it receives, and answers `DLE EOT n` status queries like a real printer in the
chosen condition — or stays silent, as many network printers do.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from dataclasses import dataclass, field

from hardware.printer import status as esc_status
from hardware.printer.interface import PaperState

CONDITIONS = {
    "online": (True, PaperState.OK, False),
    "near_end": (True, PaperState.LOW, False),
    "paper_out": (True, PaperState.OUT, False),
    "cover_open": (True, PaperState.OK, True),
    "offline": (False, PaperState.OK, False),
}


@dataclass
class PrinterEmulator:
    condition: str = "online"  # one of CONDITIONS, or "silent"
    host: str = "127.0.0.1"
    received: bytearray = field(default_factory=bytearray)
    status_queries: int = 0

    def __post_init__(self) -> None:
        self._server = socket.create_server((self.host, 0))
        self.port = self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._running = True
        self._received_event = threading.Condition(self._lock)
        threading.Thread(target=self._accept, name="printer-emulator", daemon=True).start()

    def _accept(self) -> None:
        while self._running:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        pending = b""
        with conn:
            while self._running:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                pending = self._consume(pending + chunk, conn)

    def _consume(self, data: bytes, conn: socket.socket) -> bytes:
        """Record print data; answer status queries, skipping raster payloads (which may contain
        the same two bytes by chance, as real firmware does)."""
        i = 0
        while i < len(data):
            if data[i : i + 3] == b"\x1dv0":
                if len(data) < i + 8:
                    break
                xl, xh, yl, yh = data[i + 4 : i + 8]
                end = i + 8 + (xl + 256 * xh) * (yl + 256 * yh)
                if len(data) < end:
                    break
                self._record(data[i:end])
                i = end
            elif data[i : i + 2] == esc_status.DLE_EOT:
                if len(data) < i + 3:
                    break
                self._answer(data[i + 2], conn)
                i += 3
            else:
                self._record(data[i : i + 1])
                i += 1
        return data[i:]

    def _record(self, data: bytes) -> None:
        with self._lock:
            self.received += data
            self._received_event.notify_all()

    def _answer(self, n: int, conn: socket.socket) -> None:
        with self._lock:
            self.status_queries += 1
        if self.condition == "silent":
            return
        online, paper, cover = CONDITIONS[self.condition]
        reply = esc_status.encode(online, paper, cover).get(n)
        if reply is not None:
            conn.sendall(bytes([reply]))

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        """Block until at least `count` bytes of print data have arrived."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._received_event.wait(left)
        return True

    def clear(self) -> None:
        with self._lock:
            self.received.clear()

    def _stop_listening(self) -> None:
        # wakes the thread blocked in accept(), which would keep the port bound
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()

    def switch_off(self) -> None:
        """Connection attempts go unanswered, as with a printer without power: the port's
        queue is filled and never accepted, so the kernel drops new attempts."""
        self._stop_listening()
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind((self.host, self.port))
        self._server.listen(0)
        self._fillers = []
        for _ in range(3):
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect((self.host, self.port))
            self._fillers.append(filler)

    def switch_on(self) -> None:
        for filler in getattr(self, "_fillers", []):
            filler.close()
        self._stop_listening()
        self._server = socket.create_server((self.host, self.port))
        threading.Thread(target=self._accept, name="printer-emulator", daemon=True).start()

    def close(self) -> None:
        self._running = False
        self._stop_listening()
