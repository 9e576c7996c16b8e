"""The OpenCV driver on a real OpenCV capture: a video file stands in for the device node."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import numpy as np

from hardware.camera import CameraSettings, CameraStatus, open_camera
from hardware.camera.opencv_source import OpenCvSource


def _clip(path: Path, frames: int = 12) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, (640, 480))
    for shade in range(frames):
        writer.write(np.full((480, 640, 3), 20 * shade, np.uint8))
    writer.release()
    return path


def test_opens_a_file_reports_what_it_got_and_rewinds(tmp_path: Path):
    settings = CameraSettings(driver="opencv", device=str(_clip(tmp_path / "c.avi")))
    source = OpenCvSource(settings)
    capabilities = source.connect()
    try:
        assert capabilities.resolution == (640, 480)
        frames = [source.read() for _ in range(30)]  # more than the clip holds
        assert all(f is not None and f.shape == (480, 640, 3) for f in frames)
    finally:
        source.disconnect()
    assert source.read() is None


def test_missing_device_is_no_device_status(tmp_path: Path):
    settings = CameraSettings(
        driver="opencv", device=str(tmp_path / "video99"), reconnect_interval_seconds=0.1
    )
    camera = open_camera(settings)
    camera.open()
    try:
        seen = threading.Event()
        camera.events.subscribe(
            lambda e: (
                e.kind == "status_changed"
                and e.payload.status is CameraStatus.NO_DEVICE
                and seen.set()
            )
        )
        assert seen.wait(5) or camera.status().status is CameraStatus.NO_DEVICE
        assert camera.status().detail == "camera.no_device"
    finally:
        camera.close()


def test_streams_through_the_shared_capture_loop(tmp_path: Path):
    settings = CameraSettings(driver="opencv", device=str(_clip(tmp_path / "c.avi")))
    camera = open_camera(settings)
    camera.open()
    try:
        frame = camera.latest_frame(5)
        assert frame.size == (640, 480)
        assert camera.capabilities is not None
        assert camera.capabilities.description.startswith("OpenCV")
    finally:
        camera.close()
