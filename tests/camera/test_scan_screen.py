"""The scan screen driven like a citizen would, on the simulator camera (pytest-qt, offscreen)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtQuick import QQuickPaintedItem
from PySide6.QtTest import QTest

from hardware.camera import CameraSettings, open_camera
from hardware.camera.simulator import SimulatedSource
from kiosk.config import load_config
from kiosk.i18n import translate
from tests.kiosk_factory import make_kiosk


@pytest.fixture
def scan_ui(qtbot, tmp_path: Path, scene_files, monkeypatch):
    """The full kiosk UI with the scan view-model registered and a simulated camera playing
    an empty desk, then page 1, the desk again and page 2."""
    import ui.app
    from ui.journeys import JOURNEYS, JourneyEntry
    from ui.viewmodels.scan import ScanViewModel

    entry = JourneyEntry(
        "scan", "scan", "scanning.screen.tile", "scanning.screen.tile_hint", "", ScanViewModel
    )
    if not any(e.id == "scan" for e in JOURNEYS):  # until the lead registers the scan step
        monkeypatch.setattr(ui.app, "JOURNEYS", [*JOURNEYS, entry])
    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(update={"simulator_output": str(tmp_path / "p")}),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
            "camera": config.camera.model_copy(
                update={"scan": config.camera.scan.model_copy(update={"steady_seconds": 0.4})}
            ),
        }
    )
    settings = CameraSettings(
        width=1280,
        height=720,
        simulator_fps=15,
        simulator_hold_seconds=1.5,
        simulator_files=[str(scene_files[n]) for n in ("desk", "page1", "desk", "page2")],
    )
    source = SimulatedSource(settings)
    camera = open_camera(settings, source)
    built = make_kiosk(tmp_path, config, camera=camera)
    kiosk = ui.app.KioskUi(built.core, built.services, windowed=True)
    qtbot.waitExposed(kiosk.window)
    yield kiosk, source
    kiosk.shell.home()
    kiosk.close()
    built.close()


def guidance(lang: str) -> set[str]:
    keys = ["no_page", "hold_still", "moving", "blurred", "captured"]
    return {translate(f"scanning.guidance.{k}", lang, number=1) for k in keys}


def tap(kiosk, name: str) -> None:
    item = kiosk.find(name)
    assert item is not None and item.isVisible(), f"{name} not on screen {kiosk.shell.screen}"
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )


def live_painted_items() -> int:
    """Python wrappers of painted items (the preview and the page thumbnails), dead or alive."""
    gc.collect()
    return sum(isinstance(o, QQuickPaintedItem) for o in gc.get_objects())


def test_pages_are_captured_shown_and_saved(scan_ui, qtbot, tmp_path):
    kiosk, _ = scan_ui
    vm = kiosk.journeys["scan"]
    painted = live_painted_items()
    flashes: list[int] = []
    vm.captured.connect(flashes.append)
    kiosk.home.open("scan")
    qtbot.waitUntil(lambda: kiosk.shell.screen == "ScanCapture", timeout=5000)
    # the live picture arrives and the guidance speaks the citizen's language
    qtbot.waitUntil(lambda: not vm.frame.isNull(), timeout=5000)
    assert kiosk.find("scanGuidance").property("text") in guidance("vi")
    # the page is outlined on the preview, then taken by itself with a flash
    qtbot.waitUntil(lambda: len(vm.outline) == 8, timeout=10_000)
    qtbot.waitUntil(lambda: vm.pageCount == 1, timeout=10_000)
    assert flashes == [1]
    # the live picture and the page taken, beside its buttons, are painted
    assert not kiosk.find("scanPreview").property("painter").image.isNull()
    assert not kiosk.find("pageThumb0").property("painter").image.isNull()
    assert kiosk.find("scanGuidance").property("text") == "Đã chụp trang 1."
    qtbot.waitUntil(lambda: vm.pageCount == 2, timeout=15_000)
    assert flashes == [1, 2]
    # retake page 1: the next page laid down replaces it, the count stays
    tap(kiosk, "retakePage0")
    qtbot.waitUntil(
        lambda: "Đặt lại trang 1" in kiosk.find("scanGuidance").property("text"), timeout=3000
    )
    qtbot.waitUntil(lambda: len(flashes) == 3, timeout=15_000)
    assert flashes[-1] == 1 and vm.pageCount == 2
    tap(kiosk, "deletePage1")
    qtbot.waitUntil(lambda: vm.pageCount == 1, timeout=3000)
    tap(kiosk, "scanDone")
    qtbot.waitUntil(lambda: kiosk.shell.screen == "ScanDone", timeout=10_000)
    qtbot.wait(50)
    assert kiosk.find("scanSavedText").property("text") == "Đã lưu 1 trang."
    scans = list((tmp_path / "data" / "scans").glob("*/giay-to.pdf"))
    assert len(scans) == 1
    # going home wipes what the citizen scanned
    tap(kiosk, "scanHome")
    qtbot.waitUntil(lambda: kiosk.shell.screen == "Home", timeout=3000)
    assert not list((tmp_path / "data" / "scans").glob("*/giay-to.pdf"))
    assert vm.pageCount == 0
    # the screen's painters go with it: each used to leave its wrapper for the kiosk's life
    qtbot.waitUntil(lambda: live_painted_items() == painted, timeout=3000)


def test_preview_keeps_up_without_stalling_the_ui(scan_ui, qtbot):
    kiosk, _ = scan_ui
    vm = kiosk.journeys["scan"]
    frames: list[int] = []
    vm.frameChanged.connect(lambda: frames.append(1))
    kiosk.home.open("scan")
    qtbot.waitUntil(lambda: len(frames) >= 10, timeout=10_000)
    # the Qt thread stays free: a timer keeps firing while frames stream in
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    qtbot.wait(600)
    timer.stop()
    assert len(ticks) >= 10


def test_lost_camera_is_shown_and_capture_disabled(scan_ui, qtbot):
    kiosk, source = scan_ui
    vm = kiosk.journeys["scan"]
    kiosk.home.open("scan")
    qtbot.waitUntil(lambda: not vm.frame.isNull(), timeout=5000)
    source.unplug()
    qtbot.waitUntil(lambda: not vm.cameraOk, timeout=8000)
    assert kiosk.find("scanGuidance").property("text").startswith("Máy ảnh đang gặp sự cố")
    assert kiosk.find("captureNow").property("enabledState") is False
    source.replug()
    qtbot.waitUntil(lambda: vm.cameraOk, timeout=8000)


def test_english_guidance(scan_ui, qtbot):
    kiosk, _ = scan_ui
    vm = kiosk.journeys["scan"]
    kiosk.home.open("scan")
    kiosk.i18n.setLanguage("en")
    qtbot.waitUntil(lambda: not vm.frame.isNull(), timeout=5000)
    qtbot.waitUntil(lambda: vm.guidance in guidance("en"), timeout=5000)
    assert (
        "Place your paper on the desk, inside the frame. If it is already there, press "
        "Take picture now." in guidance("en")
    )
