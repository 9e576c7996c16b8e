"""The reference for `bench/startup.py`: a bare PySide6 QML window with one text, which prints
KIOSK_PAINTED at its first frame as the kiosk does under KIOSK_STARTUP_PROBE."""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine

QML = b"""
import QtQuick
Window { width: 1920; height: 1080; visible: true; Text { text: "Xin ch\xc3\xa0o" } }
"""


def main() -> int:
    app = QGuiApplication(sys.argv)
    engine = QQmlApplicationEngine()
    engine.loadData(QByteArray(QML))
    window = engine.rootObjects()[0]
    window.frameSwapped.connect(lambda: print("KIOSK_PAINTED", flush=True))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
