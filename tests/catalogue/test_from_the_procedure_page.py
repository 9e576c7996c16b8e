"""From a procedure's page a citizen hands in ("Nộp hồ sơ tại đây") or takes a number for it,
and "Quay lại" brings them back to the page and then to their search, as they left it."""

from __future__ import annotations


def test_hand_in_or_take_a_number_from_the_page_and_back_to_the_search(kiosk) -> None:
    kiosk.tap("tile_find_procedure")
    kiosk.wait_screen("CatalogueStart")
    kiosk.tap("way_search")
    kiosk.wait_screen("CatalogueSearch")
    kiosk.type("khai sinh")
    results = kiosk.ui.journeys["find_procedure"].results
    kiosk.tap("result_1.001193")
    kiosk.wait_screen("CatalogueDetail")
    assert kiosk.text("handInForProcedure") == "Nộp hồ sơ tại đây"

    kiosk.tap("handInForProcedure")
    kiosk.qtbot.waitUntil(lambda: kiosk.ui.shell.screen.startswith("Identity"))
    assert kiosk.ui.journeys["hand_in"].journey.procedure.code == "1.001193"
    for _ in range(3):  # out of the identity step's screens, and so out of the hand-in
        if kiosk.ui.shell.screen == "CatalogueDetail":
            break
        kiosk.tap("backButton")
        kiosk.qtbot.wait(30)
    kiosk.wait_screen("CatalogueDetail")
    assert kiosk.ui.journeys["hand_in"].journey.procedure is None  # wiped on the way out

    kiosk.tap("takeNumberForProcedure")
    kiosk.wait_screen("TakeNumberPriority")
    kiosk.tap("backButton")
    kiosk.wait_screen("TakeNumberService")
    kiosk.tap("backButton")
    kiosk.wait_screen("CatalogueDetail")
    assert kiosk.text("screenHeading") == "Đăng ký khai sinh"
    kiosk.tap("backButton")
    kiosk.wait_screen("CatalogueSearch")
    assert kiosk.text("searchField") == "khai sinh"
    assert kiosk.ui.journeys["find_procedure"].results == results

    kiosk.ui.journeys["find_procedure"].openProcedure("1.001456")  # passports: not here
    kiosk.wait_screen("CatalogueDetail")
    assert not kiosk.ui.find("handInForProcedure").isVisible()
