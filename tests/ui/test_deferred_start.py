"""The app's start-up order: the home screen shows with the core context only; the journeys load
afterwards, and a tile tapped before they are ready opens once they are."""

from __future__ import annotations

from pathlib import Path

from kiosk.app import JourneyServices, start_core, start_journey_services
from tests.kiosk_driver import Driver
from tests.kiosk_factory import kiosk_config
from ui.background import run_in_background


def test_a_tile_tapped_before_the_journeys_load_opens_when_they_have(qtbot, tmp_path: Path) -> None:
    from ui.app import KioskUi

    core = start_core(kiosk_config(tmp_path), data=tmp_path / "data")
    assert not hasattr(core, "camera") and not hasattr(core, "catalogue")  # not loaded yet
    ui = KioskUi(core, windowed=True)
    loaded: list[JourneyServices] = []
    try:
        qtbot.waitExposed(ui.window)
        driver = Driver(ui, qtbot)
        qtbot.waitUntil(lambda: ui.find("tile_take_number") is not None)
        qtbot.wait(50)  # the tiles laid out
        driver.tap("tile_take_number")
        assert ui.shell.screen == "Home" and not ui.journeys
        results = []

        def attach(services: JourneyServices) -> None:
            loaded.append(services)
            ui.attach_journeys(services)
            results.append("ok")

        run_in_background(
            lambda: start_journey_services(core), attach, lambda exc: results.append(exc)
        )
        qtbot.waitUntil(lambda: bool(results), timeout=15_000)
        assert results == ["ok"], results
        driver.wait_screen("TakeNumberService")
        assert loaded[0].camera is not None and "take_number" in ui.journeys
        driver.tap("service_ho-tich")
        driver.wait_screen("TakeNumberPriority")
        driver.tap("priority_none")
        driver.wait_screen("TakeNumberTicket")
        assert driver.text("ticketNumber") == "A001"
    finally:
        ui.close()
        for services in loaded:
            services.close()
        core.close()
