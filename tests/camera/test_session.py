"""A scanning session on the simulator camera: auto-capture, order, retake, save, failures."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import pytest

from hardware.camera import CameraStatus
from hardware.device import DeviceError
from kiosk.scanning import ScanSession, ScanSettings, ScanUpdate, read_qr_from_camera
from kiosk.scanning.enhance import EnhanceMode
from kiosk.scanning.selftest import run_self_test
from tests.camera.pages import CARD_QR_TEXT

FAST = ScanSettings(steady_seconds=0.3, preview_width=640)


class Recorder:
    def __init__(self) -> None:
        self.updates: queue.Queue[ScanUpdate] = queue.Queue()

    def __call__(self, update: ScanUpdate) -> None:
        self.updates.put(update)

    def wait_for(self, condition, timeout: float = 15.0) -> ScanUpdate:
        deadline = threading.Event()
        timer = threading.Timer(timeout, deadline.set)
        timer.start()
        try:
            while not deadline.is_set():
                try:
                    update = self.updates.get(timeout=0.1)
                except queue.Empty:
                    continue
                if condition(update):
                    return update
            raise AssertionError("the session never reported what was expected")
        finally:
            timer.cancel()


@pytest.fixture
def session_on(simulator):
    sessions = []

    def make(files, settings=FAST, **camera_settings):
        camera, source = simulator(files, **camera_settings)
        recorder = Recorder()
        session = ScanSession(camera, settings, recorder)
        session.start()
        sessions.append(session)
        return session, recorder, source

    yield make
    for session in sessions:
        session.stop()


def captured(update: ScanUpdate) -> bool:
    return update.captured_index is not None


def test_pages_are_captured_by_themselves_in_order(session_on, scene_files):
    files = [scene_files[n] for n in ("desk", "page1", "desk", "page2")]
    session, recorder, _ = session_on(files, simulator_hold_seconds=1.2)
    first = recorder.wait_for(captured)
    second = recorder.wait_for(captured)
    assert (first.captured_index, second.captured_index) == (0, 1)
    pages = session.pages()
    assert [p.mode for p in pages] == [EnhanceMode.GREY, EnhanceMode.GREY]
    # page1 is a form, page2 a letter: more ink on the letter, so it is darker
    assert pages[1].image.mean() < pages[0].image.mean()
    assert len(session.thumbnails()) == 2


def test_preview_shows_the_outline_and_guidance(session_on, scene_files):
    _, recorder, _ = session_on([scene_files["page1"]])
    update = recorder.wait_for(lambda u: u.outline is not None)
    assert update.preview.shape == (360, 640, 3)
    assert update.outline.shape == (4, 2)
    assert (update.outline >= -2).all() and (update.outline[:, 0] <= 642).all()
    assert update.guidance_key.startswith("scanning.guidance.")
    assert update.camera_status is CameraStatus.STREAMING
    desk = session_on([scene_files["desk"]])[1].wait_for(lambda u: u.preview is not None)
    assert desk.guidance_key == "scanning.guidance.no_page" and desk.outline is None


def test_same_page_left_in_place_is_kept_once(session_on, scene_files):
    session, recorder, _ = session_on([scene_files["page1"]])
    recorder.wait_for(captured)
    recorder.wait_for(lambda u: u.steady == 0.0 and u.preview is not None)
    for _ in range(20):  # a second's worth of frames: still one page
        recorder.updates.get(timeout=5)
    assert session.page_count == 1


def test_retake_replaces_the_page_and_delete_removes_it(session_on, scene_files, tmp_path):
    files = [scene_files[n] for n in ("desk", "page1", "desk", "page2")]
    session, recorder, _ = session_on(files, simulator_hold_seconds=1.0)
    recorder.wait_for(captured)
    first = session.pages()[0]
    session.retake(0)
    update = recorder.wait_for(captured)
    assert update.captured_index == 0
    assert session.page_count == 1
    assert session.pages()[0] is not first
    saved = session.save(tmp_path, "HS-1")
    assert saved.pdf.exists() and len(saved.pages) == 1
    session.delete(0)
    assert session.page_count == 0


def test_capture_button_keeps_a_page_at_once(session_on, scene_files):
    session, recorder, _ = session_on(
        [scene_files["page1"]], ScanSettings(steady_seconds=5.0, preview_width=640)
    )
    recorder.wait_for(lambda u: u.outline is not None)
    session.capture_now()
    assert recorder.wait_for(captured).captured_index == 0


def test_capture_button_keeps_a_page_the_checks_hold_back(session_on, scene_files):
    """A blurred page is never taken by itself, but the button takes it at once: the checks
    only hold back the automatic capture."""
    session, recorder, _ = session_on([scene_files["blurred"]])
    for _ in range(15):  # more than the 0.3 s a sharp page needs to be taken
        update = recorder.wait_for(lambda u: u.preview is not None)
        assert update.guidance_key == "scanning.guidance.blurred" and not update.ok
    assert session.page_count == 0
    session.capture_now()
    assert recorder.wait_for(captured).captured_index == 0


def test_capture_button_keeps_the_whole_frame_when_no_page_is_found(session_on, scene_files):
    """Never stuck: with nothing outlined the button still keeps a picture, and the citizen
    is asked to check it."""
    session, recorder, _ = session_on([scene_files["desk"]])
    first = recorder.wait_for(lambda u: u.preview is not None)
    assert first.guidance_key == "scanning.guidance.no_page" and first.outline is None
    session.capture_now()
    update = recorder.wait_for(captured)
    assert update.captured_index == 0
    assert update.guidance_key == "scanning.guidance.captured_check"
    page = session.pages()[0]
    height, width = page.image.shape[:2]
    assert width / height == pytest.approx(1280 / 720, rel=0.02)  # the frame, uncut


def test_capture_button_keeps_the_outline_seen_a_moment_ago(session_on, scene_files):
    """A hand or a reflection hides the page just as the citizen presses: the outline seen
    a moment ago is cut out (the sheet, not the whole desk), for the citizen to check."""
    session, recorder, _ = session_on(
        [scene_files["page1"], scene_files["desk"]],
        ScanSettings(steady_seconds=5.0, preview_width=640),
        simulator_hold_seconds=1.5,
    )
    recorder.wait_for(lambda u: u.outline is not None)
    recorder.wait_for(lambda u: u.preview is not None and u.outline is None)
    session.capture_now()
    update = recorder.wait_for(captured)
    assert update.guidance_key == "scanning.guidance.captured_check"
    height, width = session.pages()[0].image.shape[:2]
    assert height / width == pytest.approx(297 / 210, rel=0.06)  # the A4 sheet, upright


def test_lost_camera_tells_the_citizen_and_recovers(session_on, scene_files):
    _, recorder, source = session_on([scene_files["page1"]])
    recorder.wait_for(lambda u: u.preview is not None)
    source.unplug()
    # A page kept just before the pull reports the new status too; wait for the problem.
    problem = recorder.wait_for(
        lambda u: u.camera_status is CameraStatus.NO_DEVICE and u.captured_index is None
    )
    assert problem.guidance_key == "scanning.guidance.camera_problem"
    source.replug()
    recorder.wait_for(lambda u: u.preview is not None)


def test_clear_wipes_every_page(session_on, scene_files):
    session, recorder, _ = session_on([scene_files["page1"]])
    recorder.wait_for(captured)
    session.clear()
    assert session.page_count == 0 and session.thumbnails() == []


def test_card_qr_is_read_from_the_camera(simulator, scene_files):
    camera, _ = simulator([scene_files["card"]])
    code = read_qr_from_camera(camera, timeout=10)
    assert code is not None and code.text == CARD_QR_TEXT


def test_reading_qr_stops_when_cancelled_or_the_camera_is_missing(simulator, scene_files):
    camera, _ = simulator([scene_files["desk"]])
    cancel = threading.Event()
    cancel.set()
    assert read_qr_from_camera(camera, timeout=10, cancel=cancel) is None
    assert read_qr_from_camera(camera, timeout=0.5) is None
    missing, _ = simulator(simulator_fault="no_device")
    with pytest.raises(DeviceError):
        read_qr_from_camera(missing, timeout=3)


def test_self_test_reports_camera_resolution_sharpness_and_capture(
    simulator, scene_files, tmp_path: Path
):
    camera, _ = simulator([scene_files["page1"]])
    camera.latest_frame(3)
    report = run_self_test(camera, ScanSettings(), tmp_path)
    checks = {c.label_key.rsplit(".", 1)[1]: c for c in report.checks}
    assert checks["camera_present"].ok
    assert checks["resolution"].value == "1280×720"
    assert checks["resolution"].ok is False  # below the 1080p a document camera should have
    assert checks["sharpness"].ok is True
    assert report.capture is not None and report.capture.stat().st_size > 10_000
    assert not report.ok


def test_self_test_without_a_camera_says_so(simulator, tmp_path: Path):
    camera, _ = simulator(simulator_fault="no_device")
    report = run_self_test(camera, ScanSettings(), tmp_path, timeout=0.5)
    assert [c.ok for c in report.checks] == [False]
    assert report.checks[0].advice_key == "camera.no_device"
    assert report.capture is None
