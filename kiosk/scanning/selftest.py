"""The technician's camera check: is a camera there, at what resolution and frame rate, how
sharp is the picture of a printed page, and a test capture written to disk to look at."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2

from hardware.camera import DocumentCamera
from hardware.device import DeviceError
from kiosk.scanning.config import ScanSettings
from kiosk.scanning.detection import detect_page
from kiosk.scanning.output import write_atomically
from kiosk.scanning.pipeline import make_page
from kiosk.scanning.quality import sharpness

MIN_RESOLUTION = (1920, 1080)


@dataclass(frozen=True)
class SelfTestCheck:
    label_key: str  # translation key of what was checked
    ok: bool | None  # None: could not be judged (e.g. no page to measure sharpness on)
    value: str  # the measurement, e.g. "1920×1080", "30 fps", "0.82"
    advice_key: str | None = None


@dataclass(frozen=True)
class SelfTestReport:
    checks: list[SelfTestCheck]
    capture: Path | None  # the test picture (the straightened page when one was found)

    @property
    def ok(self) -> bool:
        return all(check.ok is not False for check in self.checks)


def run_self_test(
    camera: DocumentCamera, settings: ScanSettings, folder: Path, timeout: float = 3.0
) -> SelfTestReport:
    """Blocking (a few seconds at most): run it on a worker thread. `camera` must be open."""
    try:
        frame = camera.latest_frame(timeout, newer_than=camera.status().frames - 1)
    except DeviceError as exc:
        return SelfTestReport(
            [SelfTestCheck("scanning.selftest.camera_present", False, "", exc.message_key)], None
        )
    snapshot = camera.status()
    width, height = frame.size
    checks = [
        SelfTestCheck(
            "scanning.selftest.camera_present",
            True,
            camera.capabilities.description if camera.capabilities else "",
        ),
        SelfTestCheck(
            "scanning.selftest.resolution",
            width * height >= MIN_RESOLUTION[0] * MIN_RESOLUTION[1],
            f"{width}×{height}",
            None if width >= MIN_RESOLUTION[0] else "scanning.selftest.resolution_low",
        ),
        SelfTestCheck(
            "scanning.selftest.frame_rate", snapshot.fps >= 10 or None, f"{snapshot.fps:.0f} fps"
        ),
    ]
    detection = detect_page(frame.image)
    picture = frame.image
    if detection is None:
        checks.append(
            SelfTestCheck(
                "scanning.selftest.sharpness", None, "", "scanning.selftest.no_page_for_sharpness"
            )
        )
    else:
        score = sharpness(frame.image, detection.quad)
        judged = None if score is None else score >= settings.min_sharpness
        checks.append(
            SelfTestCheck(
                "scanning.selftest.sharpness",
                judged,
                "" if score is None else f"{score:.2f}",
                "scanning.selftest.no_page_for_sharpness" if score is None else None,
            )
        )
        page = make_page(frame.image, detection.quad, settings)
        picture = page.pixels()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "camera-self-test.jpg"
    ok, encoded = cv2.imencode(".jpg", picture, [cv2.IMWRITE_JPEG_QUALITY, 85])
    if ok:
        write_atomically(path, encoded.tobytes())
    checks.append(
        SelfTestCheck("scanning.selftest.test_capture", bool(ok), path.name if ok else "")
    )
    return SelfTestReport(checks, path if ok else None)
