"""Tapping through "take a queue number" on the real screens, offscreen."""

from __future__ import annotations

from pathlib import Path


def take_number(driver, service: str = "service_ho-tich", priority: str = "priority_none") -> None:
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")
    driver.tap(service)
    driver.wait_screen("TakeNumberPriority")
    driver.tap(priority)
    driver.wait_screen("TakeNumberTicket")


def test_tap_through_to_a_printed_ticket(driver, tmp_path: Path) -> None:
    take_number(driver, priority="priority_elderly")
    assert driver.text("ticketNumber") == "A001"
    assert driver.item("ticketPrinted").isVisible()
    assert not driver.item("ticketProblem").isVisible()
    assert len(list((tmp_path / "printed").glob("ticket-A001-*.png"))) == 1
    driver.tap("doneButton")
    driver.wait_screen("Home")


def test_numbers_follow_each_other_per_service(driver) -> None:
    take_number(driver)
    driver.tap("doneButton")
    take_number(driver)
    assert driver.text("ticketNumber") == "A002"
    driver.tap("homeButton")
    take_number(driver, service="service_dat-dai")
    assert driver.text("ticketNumber") == "D001"


def test_paper_out_shows_the_number_and_says_so(driver, kiosk_ui, tmp_path: Path) -> None:
    kiosk_ui.core.printer.set_fault("paper_out")
    take_number(driver)
    assert driver.text("ticketNumber") == "A001"
    problem = driver.item("ticketProblem")
    assert problem.isVisible()
    message = problem.property("message")
    assert "hết giấy" in message and "A001" in message
    assert not list((tmp_path / "printed").glob("*.png"))
    # the number was issued, not silently reused: the next citizen gets A002
    kiosk_ui.core.printer.set_fault("none")
    driver.tap("doneButton")
    take_number(driver)
    assert driver.text("ticketNumber") == "A002"


def test_back_returns_to_the_previous_question(driver) -> None:
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")
    driver.tap("service_cu-tru")
    driver.wait_screen("TakeNumberPriority")
    driver.tap("backButton")
    driver.wait_screen("TakeNumberService")
    driver.tap("backButton")
    driver.wait_screen("Home")


def test_choices_kept_across_home_and_reset_for_the_next_citizen(
    driver, kiosk_ui, idle_clock
) -> None:
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")
    assert driver.text("screenHeading") == "Ông/bà cần làm thủ tục thuộc lĩnh vực nào?"
    driver.tap("languageButton")
    driver.qtbot.waitUntil(lambda: driver.text("screenHeading") == "What is your business about?")
    driver.tap("largeTextButton")
    assert driver.text("largeTextButton") == "Large text: On"
    driver.tap("service_ho-tich")
    driver.wait_screen("TakeNumberPriority")
    driver.tap("homeButton")  # the same citizen goes on to another tile
    driver.wait_screen("Home")
    assert kiosk_ui.journeys["take_number"].journey.service_id is None  # the journey is wiped
    assert kiosk_ui.i18n.lang == "en" and kiosk_ui.theme.largeText
    # left on the home screen: the idle rule ends the session there too
    idle_clock.now += kiosk_ui.core.config.ui.idle_seconds + 1
    driver.qtbot.waitUntil(lambda: kiosk_ui.shell.idleWarning)
    idle_clock.now += kiosk_ui.core.config.ui.idle_warning_seconds
    driver.qtbot.waitUntil(lambda: not kiosk_ui.shell.idleWarning)
    assert kiosk_ui.i18n.lang == "vi" and not kiosk_ui.theme.largeText
    assert kiosk_ui.shell.screen == "Home"


def test_idle_warning_then_reset_wipes_the_session(driver, kiosk_ui, idle_clock) -> None:
    vm = kiosk_ui.journeys["take_number"]
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")
    driver.tap("service_chung-thuc")
    driver.wait_screen("TakeNumberPriority")
    assert vm.journey.service_id == "chung-thuc"
    idle_clock.now += kiosk_ui.core.config.ui.idle_seconds + 1
    driver.qtbot.waitUntil(lambda: kiosk_ui.shell.idleWarning)
    assert driver.item("stillHereButton").isVisible()
    assert kiosk_ui.shell.idleSecondsLeft >= 20
    driver.tap("stillHereButton")
    driver.qtbot.waitUntil(lambda: not kiosk_ui.shell.idleWarning)
    assert kiosk_ui.shell.screen == "TakeNumberPriority"
    idle_clock.now += kiosk_ui.core.config.ui.idle_seconds + 30
    driver.wait_screen("Home")
    assert vm.journey.service_id is None


def test_a_crash_in_a_journey_returns_home_with_a_notice(driver, kiosk_ui, monkeypatch) -> None:
    vm = kiosk_ui.journeys["take_number"]
    driver.tap("tile_take_number")
    driver.wait_screen("TakeNumberService")

    def broken(service_id: str) -> None:
        raise RuntimeError("simulated defect")

    monkeypatch.setattr(vm.journey, "choose_service", broken)
    driver.tap("service_ho-tich")
    driver.wait_screen("Home")
    assert driver.item("notice").isVisible()
