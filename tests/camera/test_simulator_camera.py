"""The camera device model, driven through the simulator: streaming, status, faults."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import cv2
import numpy as np
import pytest

from hardware.camera import CameraSettings, CameraStatus, open_camera
from hardware.device import DeviceError, DeviceEvent, DeviceState, DeviceTimeout


def wait_for(condition, timeout: float = 5.0) -> bool:
    done = threading.Event()
    deadline = threading.Timer(timeout, done.set)
    deadline.start()
    try:
        while not done.is_set():
            if condition():
                return True
            done.wait(0.02)
        return condition()
    finally:
        deadline.cancel()


def test_streams_frames_newer_and_newer(simulator, scene_files):
    camera, _ = simulator([scene_files["page1"]])
    first = camera.latest_frame(3)
    second = camera.latest_frame(3, newer_than=first.index)
    assert second.index > first.index
    assert first.size == (1280, 720)
    assert first.image is not second.image
    assert camera.state is DeviceState.IDLE
    snapshot = camera.status()
    assert snapshot.status is CameraStatus.STREAMING
    assert snapshot.resolution == (1280, 720)
    assert camera.capabilities.resolution == (1280, 720)


def test_frames_arrive_on_the_capture_thread_not_the_callers(simulator, scene_files):
    threads: list[str] = []
    camera, _ = simulator([scene_files["page1"]])
    camera.events.subscribe(
        lambda e: e.kind == "frame" and threads.append(threading.current_thread().name)
    )
    assert wait_for(lambda: len(threads) >= 2)
    assert set(threads) == {"camera-capture"}


def test_stills_are_played_in_order_and_loop(simulator, scene_files):
    files = [scene_files["desk"], scene_files["page1"]]
    camera, _ = simulator(files, simulator_hold_seconds=0.1)
    desk = cv2.imread(str(files[0]))
    seen = []
    frame = camera.latest_frame(3)
    for _ in range(12):
        frame = camera.latest_frame(3, newer_than=frame.index)
        seen.append(bool(np.array_equal(frame.image, desk)))
    assert True in seen and False in seen
    changes = sum(a != b for a, b in itertools.pairwise(seen))
    assert changes >= 2  # desk → page → desk: it loops


def test_plays_a_video_file(simulator, tmp_path: Path):
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (320, 240))
    for shade in range(0, 250, 25):
        writer.write(np.full((240, 320, 3), shade, np.uint8))
    writer.release()
    camera, _ = simulator([path], width=320, height=240)
    shades = set()
    frame = camera.latest_frame(3)
    for _ in range(15):
        frame = camera.latest_frame(3, newer_than=frame.index)
        shades.add(int(frame.image.mean()) // 25)
    assert len(shades) >= 5


def test_unplugged_camera_is_reported_and_picked_up_again(simulator, scene_files):
    events: list[DeviceEvent] = []
    camera, source = simulator([scene_files["page1"]])
    camera.events.subscribe(lambda e: e.kind != "frame" and events.append(e))
    camera.latest_frame(3)
    source.unplug()
    assert wait_for(lambda: camera.status().status is CameraStatus.NO_DEVICE)
    assert camera.state is DeviceState.ERROR
    assert any(e.kind == "error" and e.payload == "camera.lost" and e.retryable for e in events)
    with pytest.raises(DeviceError) as raised:
        camera.latest_frame(0.3, newer_than=camera.status().frames)
    assert raised.value.message_key == "camera.no_device"
    source.replug()
    assert wait_for(lambda: camera.status().status is CameraStatus.STREAMING)
    assert camera.status().reconnects == 1
    statuses = [e.payload.status for e in events if e.kind == "status_changed"]
    assert statuses[-2:] == [CameraStatus.NO_DEVICE, CameraStatus.STREAMING]


def test_missing_camera_is_status_not_an_exception(simulator):
    camera, _ = simulator(simulator_fault="no_device")
    assert wait_for(lambda: camera.status().status is CameraStatus.NO_DEVICE)
    report = camera.check_health(timeout=0.3)
    assert not report.ok
    assert report.details["message_key"] == "camera.no_device"


def test_camera_gone_fault_goes_away_and_comes_back(simulator, scene_files):
    camera, _ = simulator(
        [scene_files["page1"]], simulator_fault="gone", simulator_gone_after_seconds=0.4
    )
    assert wait_for(lambda: camera.status().status is CameraStatus.STREAMING)
    assert wait_for(lambda: camera.status().status is CameraStatus.NO_DEVICE)
    assert wait_for(lambda: camera.status().status is CameraStatus.STREAMING)


def test_unreadable_file_is_reported(simulator, tmp_path: Path):
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    camera, _ = simulator([broken])
    assert wait_for(lambda: camera.status().detail == "camera.simulator_bad_file")


def test_health_report_names_resolution_and_rate(simulator, scene_files):
    camera, _ = simulator([scene_files["page1"]])
    camera.latest_frame(3)
    report = camera.check_health()
    assert report.ok
    assert report.details["resolution"] == [1280, 720]
    assert "1280×720" in report.text


def test_closed_camera_refuses_frames_and_says_unknown(scene_files):
    camera = open_camera(CameraSettings(simulator_files=[str(scene_files["page1"])]))
    assert camera.state is DeviceState.CLOSED
    assert camera.status().status is CameraStatus.UNKNOWN
    with pytest.raises(DeviceError):
        camera.latest_frame(0.1)
    assert not camera.check_health().ok
    camera.open()
    camera.latest_frame(3)
    camera.close()
    assert camera.status().status is CameraStatus.UNKNOWN
    assert camera.state is DeviceState.CLOSED


def test_waiting_for_a_frame_that_does_not_come_times_out(simulator, scene_files):
    camera, _ = simulator([scene_files["page1"]], simulator_fps=0.5)
    frame = camera.latest_frame(3)
    with pytest.raises(DeviceTimeout):
        camera.latest_frame(0.2, newer_than=frame.index)


def test_built_in_scene_shows_desk_and_pages(simulator):
    camera, _ = simulator(simulator_hold_seconds=0.05)
    means = set()
    frame = camera.latest_frame(3)
    for _ in range(8):
        frame = camera.latest_frame(3, newer_than=frame.index)
        means.add(round(float(frame.image.mean())))
    assert len(means) >= 2
