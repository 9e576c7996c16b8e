"""Final screens remind the citizen what to take and go home by themselves after a visible
countdown (ui.leave_seconds), unless the citizen asks to stay."""

from __future__ import annotations

from tests.ui.test_take_number_screens import take_number


def test_ticket_reminds_counts_down_and_goes_home(driver, kiosk_ui, idle_clock) -> None:
    kiosk_ui.theme.toggleLargeText()
    take_number(driver)
    assert "phiếu số thứ tự" in driver.text("leavingTake")
    assert "30 giây" in driver.text("leavingCountdown")
    idle_clock.now += 12
    driver.qtbot.waitUntil(lambda: "18 giây" in driver.text("leavingCountdown"))
    idle_clock.now += 19
    driver.wait_screen("Home")
    assert not kiosk_ui.theme.largeText  # the session ended with the countdown


def test_stay_stops_the_countdown(driver, kiosk_ui, idle_clock) -> None:
    take_number(driver)
    driver.tap("stayButton")
    driver.qtbot.waitUntil(lambda: "ở lại" in driver.text("leavingCountdown"))
    idle_clock.now += 40
    driver.qtbot.wait(600)
    assert kiosk_ui.shell.screen == "TakeNumberTicket"
    assert not driver.item("stayButton").isVisible()


def test_the_countdown_length_is_configured(tmp_path, qtbot, idle_clock) -> None:
    from tests.kiosk_factory import kiosk_config, make_kiosk
    from ui.app import KioskUi

    shipped = kiosk_config(tmp_path)
    config = kiosk_config(tmp_path, ui=shipped.ui.model_copy(update={"leave_seconds": 8}))
    kiosk = make_kiosk(tmp_path, config)
    ui = KioskUi(kiosk.core, kiosk.services, windowed=True, idle_clock=idle_clock)
    try:
        ui.shell.go("TakeNumberTicket")
        ui.shell.beginLeaving()
        assert ui.shell.leaveSecondsLeft == 8
        idle_clock.now += 9
        qtbot.waitUntil(lambda: ui.shell.screen == "Home")
    finally:
        ui.close()
        kiosk.close()
