"""Technician mode through the real screens: hidden entry, PIN with the digit pad, device status,
test print; a wrong PIN is refused in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from kiosk.technician.pin import Argon2Cost, PinStore


def hold_heading(driver) -> None:
    item = driver.item("headingHold")
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mousePress(
        driver.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    driver.qtbot.waitUntil(lambda: driver.ui.shell.screen == "TechnicianPin", timeout=6000)
    QTest.mouseRelease(
        driver.ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )


def type_digits(driver, digits: str) -> None:
    driver.qtbot.waitUntil(lambda: driver.item("keyboard").property("open"))
    for digit in digits:
        driver.tap(f"key_{digit}")


def test_hidden_entry_pin_and_device_status(driver, kiosk_ui, tmp_path: Path) -> None:
    # Hashed at a test cost (stored with the hash), so the screen's checks take milliseconds.
    store = kiosk_ui.kiosk.services.technician_pin
    PinStore(store.path, cost=Argon2Cost(1, 8 * 1024, 1)).set_pin("482915")
    hold_heading(driver)
    driver.wait_screen("TechnicianPin")
    type_digits(driver, "000000")
    driver.tap("pinEnter")
    driver.qtbot.waitUntil(lambda: "không đúng" in driver.item("pinError").property("message"))
    driver.item("pinField").setProperty("text", "")
    type_digits(driver, "482915")
    driver.tap("pinEnter")
    driver.wait_screen("TechnicianStatus")
    driver.qtbot.waitUntil(lambda: kiosk_ui.technician.devices.rows() != [], timeout=10_000)
    assert kiosk_ui.technician.devices.rows()[0].ok
    driver.tap("testPrintButton")
    driver.qtbot.waitUntil(lambda: any((tmp_path / "printed").glob("test-page-*.png")))
    driver.tap("selfTestCardReader")
    driver.qtbot.waitUntil(
        lambda: "Đầu đọc thẻ" in str(kiosk_ui.technician.selfTest.rows()), timeout=10_000
    )
    assert all(line.ok for line in kiosk_ui.technician.selfTest.rows())
    driver.tap("selfTestCamera")
    driver.qtbot.waitUntil(
        lambda: "Ảnh chụp thử" in str(kiosk_ui.technician.selfTest.rows()), timeout=15_000
    )
    driver.tap("leaveTechnician")
    driver.wait_screen("Home")
    assert kiosk_ui.technician.devices.rows() == []
