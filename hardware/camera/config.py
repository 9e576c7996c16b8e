"""Document camera settings as the configuration file states them (section `[camera]`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class CameraSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    driver: Literal["simulator", "opencv"] = "simulator"
    # opencv: an index ("0"), a device node ("/dev/video2"), a file or a URL ("rtsp://…")
    device: str = "0"
    # OpenCV capture backend; "any" lets OpenCV choose
    backend: Literal["any", "v4l2", "ffmpeg", "gstreamer"] = "any"
    width: int = Field(1920, ge=160, le=8192)
    height: int = Field(1080, ge=120, le=8192)
    fps: float = Field(30, gt=0, le=120)
    # one high-resolution still on request (a small QR on an ID card): the device may give
    # less; 0 × 0 takes the next streamed frame instead
    still_width: int = Field(3840, ge=0, le=8192)
    still_height: int = Field(2160, ge=0, le=8192)
    # None leaves the device's own setting alone; not every camera supports these
    autofocus: bool | None = None
    focus: float | None = None
    auto_exposure: bool | None = None
    exposure: float | None = None
    open_timeout_seconds: float = Field(5.0, gt=0, le=60)
    # no frame for this long and the camera counts as gone
    frame_timeout_seconds: float = Field(2.0, gt=0, le=60)
    reconnect_interval_seconds: float = Field(2.0, gt=0, le=60)
    # simulator: image files, folders of images, or one video, played in a loop;
    # empty = a built-in scene (empty desk, a page, empty desk, another page)
    simulator_files: list[str] = []
    simulator_fps: float = Field(15, gt=0, le=120)
    simulator_hold_seconds: float = Field(2.5, gt=0, le=600)
    # no_device: nothing to open; gone: the camera disappears after `simulator_gone_after_seconds`
    simulator_fault: Literal["none", "no_device", "gone"] = "none"
    simulator_gone_after_seconds: float = Field(5.0, gt=0)
