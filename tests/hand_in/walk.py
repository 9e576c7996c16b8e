"""Walks a hand-in procedure through the real screens as a citizen with a chip card would, and
keeps count: every screen the window shows (each screen of questions counts once) and every
answer typed letter by letter rather than chosen."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.hand_in.conftest import Driver


@dataclass
class Tally:
    screens: list[str] = field(default_factory=list)
    typed: list[str] = field(default_factory=list)
    progress: list[tuple[int, int]] = field(default_factory=list)  # "Bước n/total" per screen


class Walk:
    """Counts from the home screen; `answer(...)` fills one screen of questions and goes on."""

    def __init__(self, kiosk: Driver) -> None:
        self.kiosk = kiosk
        self.vm = kiosk.ui.journeys["hand_in"]
        self.tally = Tally(screens=[kiosk.ui.shell.screen])
        kiosk.ui.shell.screenChanged.connect(self._screen)
        self.vm.questionChanged.connect(self._question)

    def stop(self) -> None:
        self.kiosk.ui.shell.screenChanged.disconnect(self._screen)
        self.vm.questionChanged.disconnect(self._question)

    def _screen(self) -> None:
        screen = self.kiosk.ui.shell.screen
        if screen != "HandInQuestion":  # its pages are counted as they come
            self.tally.screens.append(screen)
        step = self.kiosk.ui.journeys["identity"] if screen.startswith("Identity") else self.vm
        if screen.startswith(("Identity", "HandIn")):
            self.tally.progress.append((step.property("step"), step.property("stepTotal")))

    def _question(self) -> None:
        page = "HandInQuestion:" + ",".join(f["id"] for f in self.vm.question.get("fields", []))
        if self.tally.screens[-1] != page:
            self.tally.screens.append(page)

    def start(self, code: str, wait_for: str = "HandInQuestion") -> None:
        self.kiosk.tap("tile_hand_in")
        self.kiosk.wait_screen("HandInProcedure")
        self.kiosk.tap(f"procedure_{code}")
        identify_with_the_chip(self.kiosk)
        self.kiosk.wait_screen(wait_for)

    def page_ids(self) -> list[str]:
        return [f["id"] for f in self.vm.question.get("fields", [])]

    def type(self, field_id: str, text: str) -> None:
        item = self.kiosk.item(f"field_{field_id}")
        item.setProperty("text", "")
        item.forceActiveFocus()
        self.kiosk.send_text(text)
        if self.vm.journey.form.field(field_id).typed:
            self.tally.typed.append(field_id)

    def choose(self, field_id: str, value: str, search: str = "") -> None:
        if search:
            self.kiosk.item(f"search_{field_id}").forceActiveFocus()
            self.kiosk.send_text(search)
            self.kiosk.tap("key_done")  # "Xong": the keyboard closes, the list has room
        self.kiosk.tap(f"choice_{field_id}_{value}")

    def answer(self, expected: list[str], typed: dict[str, str], chosen: dict[str, str]) -> None:
        """Fill the screen of questions `expected` and go on."""
        assert self.page_ids() == expected
        before = self.vm.journey.page_index, self.vm.journey.state
        for field_id, value in chosen.items():
            self.choose(field_id, *value.split("|"))
        for field_id, text in typed.items():
            self.type(field_id, text)
        if (
            self.kiosk.ui.shell.screen == "HandInQuestion"
            and (
                self.vm.journey.page_index,
                self.vm.journey.state,
            )
            == before
        ):
            self.kiosk.tap("answerNext")
        self.kiosk.qtbot.waitUntil(
            lambda: (
                (self.vm.journey.page_index, self.vm.journey.state) != before or bool(self.vm.error)
            )
        )
        assert not self.vm.error, (self.vm.error, self.vm.journey.rejected)

    def scan(self) -> None:
        self.kiosk.wait_screen("HandInPaper")
        self.kiosk.tap("scanPaper")
        self.kiosk.wait_screen("ScanCapture")
        scan_vm = self.kiosk.ui.journeys["scan"]
        self.kiosk.qtbot.waitUntil(lambda: scan_vm.pageCount >= 1, timeout=20_000)
        self.kiosk.tap("scanDone")
        self.kiosk.qtbot.waitUntil(
            lambda: self.kiosk.ui.shell.screen in ("HandInPaper", "HandInCheck"), timeout=20_000
        )

    def lack_the_rest(self) -> None:
        """Papers only some cases need: "I don't have this paper"."""
        journey = self.vm.journey
        while self.kiosk.ui.shell.screen == "HandInPaper":
            before = journey.paper_index
            self.kiosk.tap("lackPaper")
            self.kiosk.qtbot.waitUntil(
                lambda before=before: journey.paper_index != before or self.vm.state == "check"
            )
            self.kiosk.qtbot.wait(30)

    def hand_in(self) -> None:
        self.kiosk.wait_screen("HandInCheck")
        self.kiosk.tap("submitDossier")
        self.kiosk.wait_screen("HandInReceipt")


def identify_with_the_chip(
    kiosk: Driver, id_number: str = "001190012345", birth: str = "15031990"
) -> None:
    """Type the ID and birth date; the card (the demo card unless the test put another on the
    reader) is read at once."""
    kiosk.wait_screen("IdentityShowQr")
    kiosk.tap("identityTypeInstead")
    kiosk.wait_screen("IdentityType")
    kiosk.item("identityIdField").forceActiveFocus()
    kiosk.send_text(id_number)
    kiosk.item("identityBirthField").forceActiveFocus()
    kiosk.send_text(birth)
    kiosk.tap("identityTypedContinue")
    kiosk.wait_screen("IdentityConfirm")
    kiosk.tap("identityConfirm")
