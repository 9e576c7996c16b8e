"""The "Gọi cán bộ hỗ trợ" button of a citizen screen, against the embedded provincial
stand-in: the notice names the kiosk, the screen and the time and nothing about the citizen;
with the link down it is kept in the outbox, the screen says so, and it arrives once the link
is back."""

from __future__ import annotations

import json
from datetime import datetime

from offline_queue.standin.faults import Fault, FaultKind
from tests.ui.test_take_number_screens import take_number


def notices(kiosk_ui) -> list[dict]:
    store = kiosk_ui.core.province.opened().link.standin.store
    return [json.loads(store.body("notice", item.item_id)) for item in store.items("notice")]


def test_staff_are_called_online_and_offline(driver, kiosk_ui) -> None:
    province = kiosk_ui.core.province.opened()
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")
    assert driver.text("callStaffButton") == "Gọi cán bộ hỗ trợ"
    driver.tap("callStaffButton")
    driver.qtbot.waitUntil(lambda: kiosk_ui.assistance.state == "coming", timeout=10_000)
    assert driver.item("assistanceBar").isVisible()
    assert "Cán bộ sẽ đến máy này" in driver.text("assistanceMessage")
    assert driver.text("callStaffButton") == "Đã gọi cán bộ"
    [notice] = notices(kiosk_ui)
    assert notice["kind"] == "assistance_requested"
    assert notice["kiosk_id"] == kiosk_ui.core.config.centre.kiosk_id
    assert notice["details"] == {"screen": "TakeNumberService"}  # nothing about the citizen
    assert datetime.fromisoformat(notice["at"]).utcoffset() is not None

    # a second tap soon after says the same again and calls nobody twice
    driver.tap("assistanceDismiss")
    assert not driver.item("assistanceBar").isVisible()
    driver.tap("callStaffButton")
    assert driver.item("assistanceBar").isVisible()
    assert len(notices(kiosk_ui)) == 1

    # "Trang chủ" keeps the call (staff are on their way); the end of the session forgets it
    driver.tap("homeButton")
    driver.wait_screen("Home")
    assert kiosk_ui.assistance.state == "coming"
    take_number(driver)
    driver.tap("doneButton")
    driver.wait_screen("Home")
    assert kiosk_ui.assistance.state == "" and not driver.item("assistanceBar").isVisible()

    # the link is down: the request is kept and the citizen is told to go to a desk if urgent
    province.link.standin.arm(Fault(FaultKind.RESET, times=None))
    driver.tap("languageButton")
    driver.tap("tile_rating")
    driver.wait_screen("RatingLevel")
    driver.tap("callStaffButton")
    driver.qtbot.waitUntil(lambda: kiosk_ui.assistance.state == "queued", timeout=10_000)
    assert "offline" in driver.text("assistanceMessage")
    assert driver.text("callStaffButton") == "Staff called"
    assert province.outbox.counts().waiting == 1
    province.link.standin.faults.clear()
    kiosk_ui.core.province.send_now()
    driver.qtbot.waitUntil(lambda: len(notices(kiosk_ui)) == 2, timeout=10_000)
    assert notices(kiosk_ui)[1]["details"] == {"screen": "RatingLevel"}
