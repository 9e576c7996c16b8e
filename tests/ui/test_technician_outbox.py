"""The technician's outbox buttons on the real screen, against the embedded stand-in: "resend
refused items" sends again what the province refused once, "send now" says what waits."""

from __future__ import annotations

from offline_queue.outbox.model import ItemState
from offline_queue.standin.faults import Fault, FaultKind


def open_status(driver, kiosk_ui) -> None:
    kiosk_ui.kiosk.services.technician_pin.set_pin("482915")
    kiosk_ui.technician.open()
    driver.wait_screen("TechnicianPin")
    kiosk_ui.technician.submitPin("482915")
    driver.wait_screen("TechnicianStatus")
    driver.qtbot.waitUntil(lambda: kiosk_ui.technician.devices.rows() != [], timeout=10_000)


def test_refused_items_are_sent_again_from_the_technician_screen(driver, kiosk_ui) -> None:
    province = kiosk_ui.core.province
    opened = province.opened()
    opened.link.standin.arm(Fault(FaultKind.POISON, item_id="rating-tech-1", status=422))
    province.hand_in_rating("rating-tech-1", {"level": "hai_long", "score": 5})
    driver.qtbot.waitUntil(
        lambda: opened.outbox.item("rating-tech-1").state is ItemState.QUARANTINED,
        timeout=10_000,
    )
    open_status(driver, kiosk_ui)
    driver.tap("sendNowButton")
    driver.qtbot.waitUntil(
        lambda: driver.text("technicianNotice") == "Không có mục nào đang chờ gửi."
    )
    driver.tap("requeueButton")
    driver.qtbot.waitUntil(
        lambda: driver.text("technicianNotice") == "Đã xếp lại 1 mục bị từ chối để gửi."
    )
    store = opened.link.standin.store
    driver.qtbot.waitUntil(lambda: store.get("rating", "rating-tech-1") is not None, timeout=10_000)
    driver.tap("requeueButton")
    driver.qtbot.waitUntil(
        lambda: driver.text("technicianNotice") == "Không có mục nào bị từ chối."
    )
