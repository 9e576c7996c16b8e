"""The app's start-up order: the home screen shows with the core context only; the journeys load
afterwards, and a tile tapped before they are ready opens once they are."""

from __future__ import annotations

from pathlib import Path

from kiosk.app import build_core, complete_context
from kiosk.config import load_config
from tests.kiosk_driver import Driver
from ui.background import run_in_background


def test_a_tile_tapped_before_the_journeys_load_opens_when_they_have(qtbot, tmp_path: Path) -> None:
    from ui.app import KioskUi

    config = load_config()
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(tmp_path / "printed")}
            ),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
        }
    )
    context = build_core(config, data=tmp_path / "data")
    assert context.camera is None and context.catalogue is None  # not loaded yet
    ui = KioskUi(context, windowed=True, attach_journeys=False)
    try:
        qtbot.waitExposed(ui.window)
        driver = Driver(ui, qtbot)
        qtbot.waitUntil(lambda: ui.find("tile_take_number") is not None)
        qtbot.wait(50)  # the tiles laid out
        driver.tap("tile_take_number")
        assert ui.shell.screen == "Home" and not ui.journeys
        results = []
        run_in_background(
            lambda: complete_context(context),
            lambda _: (ui.attach_journeys(), results.append("ok")),
            lambda exc: results.append(exc),
        )
        qtbot.waitUntil(lambda: bool(results), timeout=15_000)
        assert results == ["ok"], results
        driver.wait_screen("TakeNumberService")
        assert context.camera is not None and "take_number" in ui.journeys
        driver.tap("service_ho-tich")
        driver.wait_screen("TakeNumberPriority")
        driver.tap("priority_none")
        driver.wait_screen("TakeNumberTicket")
        assert driver.text("ticketNumber") == "A001"
    finally:
        ui.close()
        context.close()
