"""`kiosk --out-of-service`: the screen the launcher falls back to after a crash loop. It
loads no journey, opens no device and reaches no province — only Qt, the bundled font and the
translations — so it stays up when the rest cannot, and keeps feeding the watchdog."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtQuick import QQuickView

from kiosk.i18n import translate
from kiosk.paths import resource_dir
from ui.app import create_application
from ui.watchdog import ServiceWatchdog


def out_of_service_view(centre_name: str, windowed: bool) -> QQuickView:
    view = QQuickView()
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.setInitialProperties(
        {
            "titleVi": translate("fleet.out_of_service.title", "vi"),
            "bodyVi": translate("fleet.out_of_service.body", "vi"),
            "titleEn": translate("fleet.out_of_service.title", "en"),
            "bodyEn": translate("fleet.out_of_service.body", "en"),
            "centreName": centre_name,
        }
    )
    view.setSource(QUrl.fromLocalFile(str(resource_dir() / "ui" / "qml" / "OutOfService.qml")))
    view.resize(1920, 1080)
    if windowed:
        view.show()
    else:
        view.showFullScreen()
    return view


def run_out_of_service(centre_name: str, windowed: bool) -> int:
    app = create_application(sys.argv)
    view = out_of_service_view(centre_name, windowed)
    watchdog = ServiceWatchdog(app)
    QTimer.singleShot(0, watchdog.ready)
    try:
        return app.exec()
    finally:
        watchdog.stopping()
        view.close()
