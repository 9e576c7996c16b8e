"""Guards against a Qt binding that leaks references: PySide6 6.12.0 dropped a reference to
None on every call of a void Qt function, which crashes a kiosk that runs for days."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def test_calling_qt_does_not_drop_references_to_none(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.processEvents()
    assert sys.getrefcount(None) >= before - 50
