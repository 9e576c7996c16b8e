"""Builds the Qt side of the kiosk: application, bundled fonts, the QML engine with the shell,
translation, theme and journey view-models, and the main window."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.app import CoreServices, JourneyServices, Kiosk
from kiosk.idle import IdlePolicy
from kiosk.paths import font_path
from platform_layer import release_free_memory
from ui import qml_types
from ui.assistance import AssistanceBridge
from ui.background import call_on_qt_thread, run_in_background, wait_idle
from ui.i18n_bridge import I18nBridge
from ui.journeys import JOURNEYS
from ui.qt_thread_gc import QtThreadCollector
from ui.shell import Shell
from ui.speech_bridge import SpeechBridge
from ui.theme import Theme
from ui.viewmodels.base import JourneyViewModel
from ui.viewmodels.home import HomeTile, HomeViewModel
from ui.viewmodels.keyboard import KeyboardController
from ui.viewmodels.scan_preview import ScanPainters

log = logging.getLogger(__name__)

QML_DIR = Path(__file__).resolve().parent / "qml"


def load_fonts() -> None:
    for weight in ("Regular", "Bold"):
        if QFontDatabase.addApplicationFont(str(font_path(weight))) < 0:
            log.error("bundled font Noto Sans %s could not be loaded", weight)
    font = QFont("Noto Sans")
    font.setPixelSize(30)
    QGuiApplication.setFont(font)


class KioskUi:
    """Everything on screen for one kiosk. `window` is the QQuickWindow once loaded; the
    journeys come with `services` (now, or later through `attach_journeys`)."""

    def __init__(
        self,
        core: CoreServices,
        services: JourneyServices | None = None,
        windowed: bool = False,
        idle_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        ui_settings = core.config.ui
        self.collector = QtThreadCollector()
        self.core = core
        self.kiosk: Kiosk | None = None  # once the journeys are attached
        self.i18n = I18nBridge(ui_settings.default_language)
        self.theme = Theme()
        self.shell = Shell(
            self.i18n,
            self.theme,
            IdlePolicy(ui_settings.idle_seconds, ui_settings.idle_warning_seconds),
            default_language=ui_settings.default_language,
            window_size=(ui_settings.width, ui_settings.height),
            clock=idle_clock,
            leave_seconds=ui_settings.leave_seconds,
        )
        self.journeys: dict[str, JourneyViewModel] = {}
        tiles = [HomeTile(e.id, e.title_key, e.subtitle_key, e.glyph) for e in JOURNEYS if e.tile]
        self.home = HomeViewModel(core, self.i18n, tiles, self.journeys)
        self.technician: JourneyViewModel | None = None
        self.keyboard = KeyboardController()
        self.keyboard.follow_language(self.i18n)
        self.shell.on_home(self.keyboard.reset)
        # what a citizen's journey freed goes back to the system, not kept by the allocator
        self.shell.on_session_end(
            lambda: run_in_background(release_free_memory, lambda _released: None)
        )
        self.speech = SpeechBridge(core.speaker, self.shell, self.i18n)
        self.assistance = AssistanceBridge(core.province, self.shell, self.i18n, idle_clock)
        self.assistance.answered.connect(self.speech.say)
        self.scan_painters = ScanPainters()
        self._register_singletons()
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.engine.load(str(QML_DIR / "Main.qml"))
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the main window could not be loaded (see the log)")
        self.window: QQuickWindow = roots[0]
        self.speech.attach(self.window)
        # input reaches the window first; an application-wide Python filter would also be handed
        # events of QML items mid-destruction, and wrapping those crashed the process
        self.window.installEventFilter(self.shell)
        if ui_settings.fullscreen and not windowed:
            self.window.showFullScreen()
        else:
            self.window.show()
        self._install_crash_guard()
        if services is not None:
            self.attach_journeys(services)

    def attach_journeys(self, services: JourneyServices) -> None:
        """Build the journeys' view-models and hand them to QML. The app calls it once the
        journey services (`kiosk.app.start_journey_services`) have loaded after the first
        frame; a tile tapped before then opens as soon as it is done."""
        from ui.viewmodels.steps import StepViewModels
        from ui.viewmodels.technician import TechnicianViewModel

        kiosk = self.kiosk = Kiosk(self.core, services)
        args = (kiosk, self.shell, self.i18n)
        self.technician = TechnicianViewModel(*args)
        for entry in JOURNEYS:
            if entry.step:
                self.journeys[entry.id] = entry.create(*args)
        steps = StepViewModels(self.journeys["identity"], self.journeys["scan"])  # type: ignore[arg-type]
        for entry in JOURNEYS:
            if not entry.step:
                self.journeys[entry.id] = entry.create(*args, steps=steps)
        self.home.journeys_ready()
        self.collector.started()
        log.info("journeys ready: %s", ", ".join(self.journeys))

    def _register_singletons(self) -> None:
        """The screens' typed names (`import KioskApp`); journeys resolve once attached."""
        fixed: dict[str, QObject] = {
            qml_types.SHELL: self.shell,
            qml_types.I18N: self.i18n,
            qml_types.THEME: self.theme,
            qml_types.HOME: self.home,
            qml_types.KEYBOARD: self.keyboard,
            qml_types.SPEECH: self.speech,
            qml_types.ASSISTANCE: self.assistance,
            qml_types.SCAN_PAINTERS: self.scan_painters,
        }
        providers: dict[str, Callable[[], QObject]] = {
            name: (lambda obj=obj: obj) for name, obj in fixed.items()
        }
        providers[qml_types.TECHNICIAN] = lambda: self._attached(self.technician)
        for entry in JOURNEYS:
            providers[entry.qml_name] = lambda id=entry.id: self._attached(self.journeys.get(id))
        qml_types.register_singletons(providers)

    @staticmethod
    def _attached(view_model: QObject | None) -> QObject:
        if view_model is None:
            raise RuntimeError("a screen used a journey before the journeys were attached")
        return view_model

    def _install_crash_guard(self) -> None:
        """An exception escaping a journey returns the kiosk home instead of freezing it, on
        the Qt thread (`sys.excepthook`) or on any other (`threading.excepthook`: the kiosk
        goes home on the Qt thread)."""
        previous = sys.excepthook
        previous_thread_hook = threading.excepthook

        def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
            if not issubclass(kind, Exception):
                previous(kind, exc, tb)
                return
            log.error("unhandled error in the UI", exc_info=(kind, exc, tb))
            self.shell.journey_crashed(kind.__name__)

        def thread_hook(args: threading.ExceptHookArgs) -> None:
            if not issubclass(args.exc_type, Exception):
                previous_thread_hook(args)
                return
            where = args.thread.name if args.thread is not None else "a thread"
            log.error(
                "unhandled error in %s",
                where,
                exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            )
            call_on_qt_thread(self.shell.journey_crashed, f"{args.exc_type.__name__} in {where}")

        sys.excepthook = hook
        threading.excepthook = thread_hook

        def uninstall() -> None:
            if sys.excepthook is hook:
                sys.excepthook = previous
            if threading.excepthook is thread_hook:
                threading.excepthook = previous_thread_hook

        self._uninstall_crash_guard = uninstall

    def close(self) -> None:
        """Finish the work in flight and deliver its results, then tear down QML before the
        view-models it binds to."""
        self.shell.end_session()
        if not wait_idle(timeout=10):
            log.warning("closing with background work still running")
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
        self.shell.stop()
        self.home.stop()
        self.speech.close()
        self.assistance.close()
        for view_model in [*self.journeys.values(), self.technician]:
            if view_model is not None:
                view_model.close()
        self._uninstall_crash_guard()
        self.window.close()
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del self.engine
        self.collector.stop()

    def find(self, object_name: str) -> QQuickItem | None:
        """The visible item of that name on screen (Repeater and Loader children included)."""
        pending = [self.window.contentItem()]
        fallback = None
        while pending:
            item = pending.pop()
            if item.objectName() == object_name:
                if item.isVisible():
                    return item
                fallback = fallback or item
            pending.extend(item.childItems())
        return fallback


def create_application(argv: list[str]) -> QGuiApplication:
    app = QGuiApplication.instance() or QGuiApplication(argv)
    app.setApplicationName("kiosk")
    load_fonts()
    return app
