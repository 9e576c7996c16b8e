"""The "Xong" button of the hand-in receipt: the citizen is done, so the session ends (home,
their data and display choices gone) while the dossier, not yet sent, stays in the outbox and
reaches the province once the link is back."""

from __future__ import annotations

from offline_queue.outbox.model import ItemState
from offline_queue.standin.faults import Fault, FaultKind
from tests.hand_in.test_hand_in_screens import UNIT, fill_in_to_the_check


def test_done_on_the_receipt_ends_the_session_and_loses_nothing(make_kiosk) -> None:
    kiosk = make_kiosk()
    vm = kiosk.ui.journeys["hand_in"]
    province = kiosk.core.province.opened()
    province.link.standin.arm(Fault(FaultKind.RESET, times=None))  # the link is down
    fill_in_to_the_check(kiosk, scan=False)
    kiosk.tap("submitDossier")
    kiosk.wait_screen("HandInReceipt")
    code = f"{UNIT}-261127-0001"
    kiosk.tap("largeTextButton")
    kiosk.qtbot.wait(50)
    assert kiosk.ui.theme.largeText

    kiosk.tap("doneButton")  # still on screen in large text
    kiosk.wait_screen("Home")
    assert not kiosk.ui.theme.largeText and kiosk.ui.i18n.lang == "vi"
    assert vm.journey.draft is None and vm.journey.submitted is None and vm.receipt == {}
    assert kiosk.ui.journeys["identity"].journey.identity is None
    assert province.outbox.item(code).state in (ItemState.PENDING, ItemState.SENDING)

    province.link.standin.faults.clear()
    kiosk.core.province.send_now()
    store = province.link.standin.store
    kiosk.qtbot.waitUntil(lambda: store.get("dossier", code) is not None, timeout=20_000)
