"""Printer settings as the configuration file states them (section `[printer]`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from platform_layer import DEFAULT_PRINTER_DEVICE


class PrinterSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    driver: Literal["simulator", "network", "usb", "serial", "file", "cups"] = "simulator"
    # network: host/port; usb: vendor_id/product_id; serial: device/baudrate; file: device;
    # cups: queue
    host: str = "127.0.0.1"
    port: int = Field(9100, ge=1, le=65535)
    vendor_id: int = 0
    product_id: int = 0
    device: str = DEFAULT_PRINTER_DEVICE
    baudrate: int = 9600
    queue: str = ""
    # python-escpos capability profile name, e.g. "TM-T88V", "default"
    profile: str = "default"
    paper_width_mm: Literal[58, 80] = 80
    # printable dots across; 0 = take it from the paper width (58 mm → 384, 80 mm → 576)
    width_dots: int = Field(0, ge=0, le=1024)
    native_qr: bool = False
    cutter: bool = True
    timeout_seconds: float = Field(3.0, gt=0, le=30)
    status_timeout_seconds: float = Field(0.5, gt=0, le=5)
    # simulator: where rendered tickets go ("" = data dir), and a fault to play
    simulator_output: str = ""
    simulator_fault: Literal["none", "paper_out", "paper_low", "cover_open", "offline"] = "none"

    @property
    def dots(self) -> int:
        if self.width_dots:
            return self.width_dots
        return 384 if self.paper_width_mm == 58 else 576
