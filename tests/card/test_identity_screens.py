"""The identity step on the real screens (pytest-qt, offscreen), with the simulated reader
holding the demo card and, where a test needs one, a simulated camera looking at the card's QR:
QR → place card → reading → confirm with the portrait; typing instead; a chip that cannot help;
a card lifted mid-read; the session wipe."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from hardware.card_reader import CardReaderSettings
from hardware.card_reader.demo_document import DemoCitizen, DemoSigner
from hardware.card_reader.simulator import SimulatedCardReader
from kiosk.config import load_config
from kiosk.identity import IdentityService, IdentitySource
from tests.kiosk_factory import make_kiosk

TODAY = dt.date(2026, 11, 23)


def _camera_showing(text: str, folder: Path):
    """A simulated camera looking at a card-sized picture holding the QR of `text`."""
    import qrcode
    from PIL import Image

    from hardware.camera import CameraSettings, open_camera

    code = qrcode.make(text.encode("utf-8"), box_size=6, border=4).get_image().convert("RGB")
    scene = Image.new("RGB", (1280, 720), (90, 90, 90))
    card = Image.new("RGB", (640, 404), (243, 234, 208))
    card.paste(code.resize((220, 220)), (400, 24))
    scene.paste(card, (320, 158))
    path = folder / "card-front.png"
    scene.save(path)
    return open_camera(CameraSettings(width=1280, height=720, simulator_files=[str(path)]))


@pytest.fixture
def make_ui(qtbot, tmp_path: Path, monkeypatch, signer: DemoSigner, citizen: DemoCitizen):
    """The full kiosk UI with the identity step registered and a simulated reader."""
    import ui.app
    from ui.journeys import JOURNEYS, JourneyEntry
    from ui.viewmodels.identity import IdentityViewModel

    entry = JourneyEntry(
        "identity",
        "identity",
        "identity.screen.tile",
        "identity.screen.tile_hint",
        "",
        IdentityViewModel,
    )
    if not any(e.id == "identity" for e in JOURNEYS):
        monkeypatch.setattr(ui.app, "JOURNEYS", [*JOURNEYS, entry])
    made = []

    def make(camera_qr: str | None = None, **reader_settings: object):
        config = load_config()
        config = config.model_copy(
            update={
                "printer": config.printer.model_copy(
                    update={"simulator_output": str(tmp_path / "p")}
                ),
                "ui": config.ui.model_copy(update={"fullscreen": False}),
            }
        )
        reader = SimulatedCardReader(
            CardReaderSettings(**reader_settings), citizen=citizen, signer=signer
        )
        built = make_kiosk(
            tmp_path,
            config,
            card_reader=reader,
            identity=IdentityService(reader, today=lambda: TODAY),
            # a kiosk without a camera, or one looking at a card whose QR says `camera_qr`
            camera=None if camera_qr is None else _camera_showing(camera_qr, tmp_path),
        )
        kiosk = ui.app.KioskUi(built.core, built.services, windowed=True)
        qtbot.waitExposed(kiosk.window)
        made.append((kiosk, built, reader))
        return kiosk, reader

    yield make
    for kiosk, built, reader in made:
        kiosk.shell.home()
        qtbot.wait(50)
        kiosk.close()
        reader.close()
        built.close()


def item(kiosk, name: str) -> QQuickItem:
    found = kiosk.find(name)
    assert found is not None, f"no {name} on screen {kiosk.shell.screen}"
    return found


def tap(kiosk, name: str) -> None:
    target = item(kiosk, name)
    assert target.isVisible(), f"{name} is not visible"
    centre = target.mapToScene(QPointF(target.width() / 2, target.height() / 2)).toPoint()
    QTest.mouseClick(
        kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )


def type_digits(kiosk, qtbot, digits: str) -> None:
    """Key events carrying each digit, sent to the window's focused field."""
    for digit in digits:
        key = Qt.Key(Qt.Key.Key_0.value + int(digit))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, digit)
            QGuiApplication.sendEvent(kiosk.window, event)
    qtbot.wait(10)


def wait_screen(kiosk, qtbot, screen: str) -> None:
    qtbot.waitUntil(lambda: kiosk.shell.screen == screen, timeout=10_000)
    qtbot.wait(30)


def wait_state(kiosk, qtbot, state: str) -> None:
    """The identity screen's parts fill in on one screen: wait for the step's state."""
    vm = kiosk.journeys["identity"]
    qtbot.waitUntil(lambda: vm.state == state, timeout=10_000)
    assert kiosk.shell.screen == "IdentityStep"
    qtbot.wait(30)


def open_step(kiosk, qtbot) -> None:
    """Open the step; without a camera it starts on typing (a QR scanner still works there)."""
    kiosk.home.open("identity")
    wait_screen(kiosk, qtbot, "IdentityStep")


def test_qr_under_the_camera_then_card_then_confirm_with_portrait(
    make_ui, qtbot, citizen: DemoCitizen
) -> None:
    kiosk, _ = make_ui(camera_qr=citizen.qr_text())
    vm = kiosk.journeys["identity"]
    kiosk.home.open("identity")
    assert kiosk.shell.screen == "IdentityStep"
    # the camera reads the QR; the card already lies on the reader, so it is read at once and
    # its details fill in on the same screen
    wait_state(kiosk, qtbot, "confirm")
    assert item(kiosk, "identityValue_full_name").property("text") == "Trần Thị Thu Hà"
    assert item(kiosk, "identityValue_birth_date").property("text") == "15/03/1990"
    portrait = item(kiosk, "identityPortrait")
    # the data URL decoded into the 240 × 320 picture the chip holds
    qtbot.waitUntil(lambda: portrait.property("sourceSize").width() == 240)
    assert portrait.property("paintedHeight") > 0
    # honest and plain: no trust list, no Active Authentication on the demo card, no tick
    assert (
        vm.sourceNote == "Thông tin đọc từ chip của thẻ, nhưng máy chưa kiểm tra được thẻ là thật."
    )
    assert not vm.verified
    tap(kiosk, "identityConfirm")
    wait_screen(kiosk, qtbot, "Home")
    assert vm.journey.identity is None  # going home wiped it


def test_typed_details_and_a_typing_mistake(make_ui, qtbot) -> None:
    kiosk, _ = make_ui()
    open_step(kiosk, qtbot)
    assert not item(kiosk, "identityLooking").isVisible()  # no camera on this kiosk
    type_digits(kiosk, qtbot, "00119001234")
    item(kiosk, "identityBirthField").forceActiveFocus()
    type_digits(kiosk, qtbot, "15031990")
    tap(kiosk, "key_done")  # "Xong" closes the digit pad: Continue shows below the fields
    tap(kiosk, "identityTypedContinue")
    qtbot.waitUntil(lambda: "12 chữ số" in item(kiosk, "identityProblem").property("message"))
    item(kiosk, "identityIdField").forceActiveFocus()
    type_digits(kiosk, qtbot, "5")
    tap(kiosk, "key_done")
    tap(kiosk, "identityTypedContinue")
    wait_state(kiosk, qtbot, "confirm")
    assert item(kiosk, "identityValue_id_number").property("text") == "001190012345"


def test_unreadable_chip_offers_the_printed_data(make_ui, qtbot, citizen: DemoCitizen) -> None:
    kiosk, _ = make_ui(simulator_fault="malformed_dg13")
    vm = kiosk.journeys["identity"]
    open_step(kiosk, qtbot)
    vm.submitQrText(citizen.qr_text())  # a QR scanner works on the typing screen too
    wait_screen(kiosk, qtbot, "IdentityFailed")
    message = item(kiosk, "identityProblem").property("message")
    assert "Không đọc được thông tin chi tiết" in message
    tap(kiosk, "identityUseFallback")
    wait_state(kiosk, qtbot, "confirm")
    assert vm.journey.identity.source is IdentitySource.QR
    assert "chưa được kiểm tra bằng chip" in vm.sourceNote
    assert vm.portrait == ""


def test_card_lifted_mid_read_asks_to_place_it_again(make_ui, qtbot, citizen: DemoCitizen) -> None:
    kiosk, reader = make_ui(simulator_fault="removed_mid_read")
    vm = kiosk.journeys["identity"]
    open_step(kiosk, qtbot)
    vm.submitQrText(citizen.qr_text())
    wait_state(kiosk, qtbot, "place_card")
    qtbot.waitUntil(lambda: "nhấc ra" in item(kiosk, "identityProblem").property("message"))
    reader.set_fault("none")
    reader.insert_card()  # the citizen lays it down again: reading starts by itself
    wait_state(kiosk, qtbot, "confirm")


def test_waiting_for_the_card_then_reading_progress(make_ui, qtbot, citizen: DemoCitizen) -> None:
    kiosk, reader = make_ui(simulator_card_present=False)
    vm = kiosk.journeys["identity"]
    open_step(kiosk, qtbot)
    vm.submitQrText(citizen.qr_text())
    wait_state(kiosk, qtbot, "place_card")
    assert item(kiosk, "identityWaitingForCard").isVisible()
    stages = []
    vm.changed.connect(lambda: stages.append(vm.progressText))
    reader.insert_card()
    wait_state(kiosk, qtbot, "confirm")
    assert "Đang kiểm tra chữ ký số…" in stages


def test_english_and_a_wrong_qr_under_the_camera(make_ui, qtbot) -> None:
    kiosk, _ = make_ui(camera_qr="https://example.com/not-an-id-card")
    open_step(kiosk, qtbot)
    heading = item(kiosk, "screenHeading").property("text")
    assert heading == "Xác minh danh tính bằng thẻ căn cước"
    assert item(kiosk, "identityLooking").isVisible() and item(kiosk, "identityIdField").isVisible()
    tap(kiosk, "languageButton")
    english = "Show who you are with your ID card"
    qtbot.waitUntil(lambda: item(kiosk, "screenHeading").property("text") == english)
    wrong = "This is not the QR code of an ID card."
    qtbot.waitUntil(
        lambda: item(kiosk, "identityProblem").property("message") == wrong, timeout=10_000
    )
    assert kiosk.shell.screen == "IdentityStep"
    tap(kiosk, "backButton")  # the QR and the typed details share the first screen
    wait_screen(kiosk, qtbot, "Home")


def test_green_tick_only_when_issuer_and_chip_both_check(
    make_ui, qtbot, citizen: DemoCitizen, csca_dir: Path
) -> None:
    """With the issuer's CSCA in the trust list and a chip that answers Active Authentication,
    the screen says plainly that the chip checked the details, with the tick."""
    kiosk, _ = make_ui(camera_qr=citizen.qr_text(), trust_list=str(csca_dir))
    vm = kiosk.journeys["identity"]
    kiosk.home.open("identity")
    wait_state(kiosk, qtbot, "confirm")
    assert vm.verified
    assert vm.sourceNote == "Thông tin đã được kiểm tra bằng chip."
