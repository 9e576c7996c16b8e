"""A second start of the kiosk on the same data folder does not open a second kiosk (the folder's
lock refuses it, see kiosk/instance.py); it asks the running one to bring its window to the
front, over a local socket named after the data folder, and leaves."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QWindow
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_REQUEST = b"come-forward\n"


def channel_name(data: Path) -> str:
    """One name per data folder, short enough for a Unix socket path."""
    digest = hashlib.sha256(str(data.resolve()).encode()).hexdigest()[:16]
    return f"service-centre-kiosk-{digest}"


class ComeForwardListener(QObject):
    """Held by the running kiosk (which holds the folder's lock, so a name left behind by a
    crashed kiosk is safe to take over)."""

    def __init__(self, data: Path, window: QWindow) -> None:
        super().__init__(window)
        self._window = window
        self.requests = 0
        self._server = QLocalServer(self)
        QLocalServer.removeServer(channel_name(data))
        self._server.listen(channel_name(data))
        self._server.newConnection.connect(self._answer)

    def _answer(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.disconnectFromServer()
            self.requests += 1
            self._window.show()
            self._window.raise_()
            self._window.requestActivate()


def ask_running_kiosk_forward(data: Path, timeout_ms: int = 2000) -> bool:
    """True when a running kiosk took the request."""
    _app = QCoreApplication.instance() or QCoreApplication([])
    socket = QLocalSocket()
    socket.connectToServer(channel_name(data))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(_REQUEST)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True
