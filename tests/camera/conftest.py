"""Fixtures for the camera tests: the seeded photo set, scenes written to files for the
simulator camera, and simulator cameras that are always closed again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import pytest

from hardware.camera import CameraSettings, StreamingCamera, open_camera
from hardware.camera.simulator import SimulatedSource
from tests.camera.pages import CARD_QR_TEXT
from tests.camera.photoset import Scene, SceneSpec, render_scene, standard_specs

PHOTO_SET_SIZE = 32


@pytest.fixture(scope="session")
def photo_set() -> list[Scene]:
    return [render_scene(spec) for spec in standard_specs(PHOTO_SET_SIZE)]


@pytest.fixture(scope="session")
def scene_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Frames for the simulator at 1280×720: an empty desk, two pages, a blurred page, a card
    with a QR."""
    folder = tmp_path_factory.mktemp("scenes")
    base = {"width": 1280, "height": 720, "blur_sigma": 0.5, "noise_sigma": 2.0}
    specs = {
        "page1": SceneSpec(
            seed=101, background="dark", page="form", page_height=0.85, rotation_deg=4, **base
        ),
        "page2": SceneSpec(
            seed=102, background="wood", page="letter", page_height=0.85, rotation_deg=-5, **base
        ),
        "blurred": SceneSpec(
            seed=104,
            background="wood",
            page="form",
            page_height=0.85,
            rotation_deg=3,
            **{**base, "blur_sigma": 2.5},
        ),
        "card": SceneSpec(
            seed=103,
            background="dark",
            page="card",
            size_name="card",
            page_height=0.4,
            rotation_deg=6,
            qr_text=CARD_QR_TEXT,
            **base,
        ),
    }
    files = {}
    for name, spec in specs.items():
        files[name] = folder / f"{name}.png"
        cv2.imwrite(str(files[name]), render_scene(spec).image)
    desk = render_scene(specs["page1"]).image.copy()
    desk[:] = (40, 45, 50)
    files["desk"] = folder / "desk.png"
    cv2.imwrite(str(files["desk"]), desk)
    return files


CameraFactory = Callable[..., tuple[StreamingCamera, SimulatedSource]]


@pytest.fixture
def simulator() -> Iterator[CameraFactory]:
    """`simulator(files=[...], **settings)` → an opened camera and its source (to unplug)."""
    opened: list[StreamingCamera] = []

    def make(
        files: list[Path] | None = None, **overrides: object
    ) -> tuple[StreamingCamera, SimulatedSource]:
        values = {
            "width": 1280,
            "height": 720,
            "simulator_fps": 20,
            "reconnect_interval_seconds": 0.1,
            "frame_timeout_seconds": 1.0,
            "simulator_files": [str(f) for f in files or []],
            **overrides,
        }
        settings = CameraSettings.model_validate(values)
        source = SimulatedSource(settings)
        camera = open_camera(settings, source)
        camera.open()
        opened.append(camera)
        return camera, source

    yield make
    for camera in opened:
        camera.close()
