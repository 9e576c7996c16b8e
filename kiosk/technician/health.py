"""Asks every device for its health at once, each bounded by a timeout, so one hung device
never hides the state of the others on the technician screen."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hardware.camera import DocumentCamera
from hardware.card_reader import IdCardReader
from hardware.device import DeviceState, HealthReport
from kiosk.scanning.config import ScanSettings


class HasHealth(Protocol):
    def check_health(self) -> HealthReport: ...


class OpenableDevice(HasHealth, Protocol):
    state: DeviceState

    def open(self) -> None: ...

    def close(self) -> None: ...


class OpenedForCheck:
    """Checks a device that journeys open only while they use it (the camera): if it is closed,
    open it for the check and close it again, so "closed" is never reported as a fault."""

    def __init__(self, device: OpenableDevice) -> None:
        self.device = device

    def check_health(self) -> HealthReport:
        device = self.device
        if device.state is not DeviceState.CLOSED:
            return device.check_health()
        device.open()
        try:
            return device.check_health()
        finally:
            device.close()


@dataclass(frozen=True)
class SelfTestLine:
    """One line of a self-test result as the technician screen shows it."""

    ok: bool | None  # None: could not be judged
    text_key: str  # translation key of what was checked
    value: str = ""
    advice_key: str | None = None


def card_reader_self_test(reader: IdCardReader) -> list[SelfTestLine]:
    """Reader present and, with a card on it, the card answering as an ID card, with timings."""
    report = reader.self_test()
    return [SelfTestLine(report.ok, "technician.selftest.card_reader", report.text)]


def camera_self_test(
    camera: DocumentCamera, settings: ScanSettings, folder: Path
) -> list[SelfTestLine]:
    """Camera present, resolution, frame rate, sharpness and a test capture written to disk."""
    from kiosk.scanning.selftest import run_self_test

    was_closed = camera.state is DeviceState.CLOSED
    if was_closed:
        camera.open()
    try:
        report = run_self_test(camera, settings, folder)
    finally:
        if was_closed:
            camera.close()
    lines = [SelfTestLine(c.ok, c.label_key, c.value, c.advice_key) for c in report.checks]
    if report.capture is not None:
        lines.append(SelfTestLine(True, "technician.selftest.capture", str(report.capture)))
    return lines


@dataclass(frozen=True)
class DeviceHealth:
    name: str  # translation key of the device kind, e.g. "technician.device.printer"
    report: HealthReport


def check_all(devices: dict[str, HasHealth], timeout: float = 5.0) -> list[DeviceHealth]:
    pool = ThreadPoolExecutor(max_workers=max(1, len(devices)), thread_name_prefix="health")
    futures = {name: pool.submit(device.check_health) for name, device in devices.items()}
    results = []
    for name, future in futures.items():
        try:
            report = future.result(timeout=timeout)
        except FutureTimeout:
            report = HealthReport(False, f"No answer within {timeout:.0f} s")
        except Exception as exc:  # a health check reports, it never breaks the screen
            report = HealthReport(False, f"Health check failed: {exc}")
        results.append(DeviceHealth(name, report))
    pool.shutdown(wait=False, cancel_futures=True)
    return results
