"""The `[camera]` section: the device (hardware.camera's settings) plus, under
`[camera.scan]`, how pages are judged, captured and written."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hardware.camera.config import CameraSettings


class ScanSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # auto, per page: colour for cards and pages with a seal or photo, flattened grey for print
    mode: Literal["auto", "colour", "grey", "bw"] = "auto"
    dpi: int = Field(200, ge=200, le=600)
    jpeg_quality: int = Field(80, ge=30, le=95)
    steady_seconds: float = Field(0.8, ge=0.2, le=5)
    min_page_fraction: float = Field(0.25, gt=0, lt=1)
    min_sharpness: float = Field(0.5, ge=0, le=1)
    max_glare_fraction: float = Field(0.002, ge=0, le=1)
    # camera pixels per millimetre on the bed, measured by the self-test; 0 = not calibrated
    # (then A4 and A5 cannot be told apart and a page of that shape is taken as A4)
    pixels_per_mm: float = Field(0.0, ge=0)
    max_pages: int = Field(30, ge=1, le=200)
    preview_width: int = Field(960, ge=320, le=1920)


class CameraSection(CameraSettings):
    scan: ScanSettings = ScanSettings()
