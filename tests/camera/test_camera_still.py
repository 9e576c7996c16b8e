"""The high-resolution still: a small ID-card QR the 1080p stream cannot resolve is read from a
4K picture taken between two streamed frames, and the stream carries on."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from hardware.camera import CameraSettings
from hardware.camera.opencv_source import OpenCvSource
from hardware.device import DeviceError
from kiosk.scanning import read_qr_from_camera
from kiosk.scanning.detection import detect_page
from kiosk.scanning.qr import read_qr
from tests.camera.pages import CARD_QR_TEXT
from tests.camera.photoset import SceneSpec, render_scene

STILL = (3840, 2160)


@pytest.fixture(scope="module")
def small_card_4k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ID card a quarter of the frame wide on a cluttered desk, as blurred as a 1080p
    stream with σ 1.2 px (σ 2.4 px in the 4K picture): about two pixels a QR module at 1080p."""
    scene = render_scene(
        SceneSpec(
            seed=7,
            background="clutter",
            page="card",
            size_name="card",
            page_height=0.25,
            rotation_deg=-11,
            qr_text=CARD_QR_TEXT,
            blur_sigma=2.4,
            noise_sigma=2.0,
            jpeg_quality=85,
            width=STILL[0],
            height=STILL[1],
        )
    )
    path = tmp_path_factory.mktemp("still") / "card-4k.png"
    cv2.imwrite(str(path), scene.image)
    return path


def test_the_still_is_taken_at_its_own_size_and_the_stream_goes_on(simulator, small_card_4k):
    camera, _ = simulator([small_card_4k], width=1920, height=1080)
    streamed = camera.latest_frame(5)
    still = camera.still(5)
    assert streamed.size == (1920, 1080) and still.size == STILL
    assert camera.latest_frame(5, newer_than=streamed.index).size == (1920, 1080)


def test_a_small_card_qr_is_read_from_the_still(simulator, small_card_4k):
    camera, _ = simulator([small_card_4k], width=1920, height=1080)
    frame = camera.latest_frame(5)
    found = detect_page(frame.image)
    # the streamed frame alone, even zoomed into the card, does not read: the still must
    assert found is not None and read_qr(frame.image, regions=[found.quad]) == []
    code = read_qr_from_camera(camera, timeout=15)
    assert code is not None and code.text == CARD_QR_TEXT


def test_no_still_from_a_closed_or_unplugged_camera(simulator, scene_files):
    camera, source = simulator([scene_files["card"]])
    camera.latest_frame(5)
    source.unplug()
    with pytest.raises(DeviceError):
        camera.still(2)
    camera.close()
    with pytest.raises(DeviceError) as closed:
        camera.still(1)
    assert closed.value.message_key == "camera.closed"


def test_opencv_source_that_refuses_the_still_size_still_gives_a_picture(tmp_path: Path):
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, (640, 480))
    for shade in range(6):
        writer.write(np.full((480, 640, 3), 30 * shade, np.uint8))
    writer.release()
    source = OpenCvSource(CameraSettings(driver="opencv", device=str(path)))
    source.connect()
    try:
        still = source.read_still()
        assert still is not None and still.shape == (480, 640, 3)
        assert source.read() is not None
    finally:
        source.disconnect()
