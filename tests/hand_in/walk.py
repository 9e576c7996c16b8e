"""Walks a hand-in procedure through the real screens as a citizen with a chip card would, and
keeps count: every screen the window shows (each screen of questions counts once, and so does
each paper on the scan screen) and every answer typed letter by letter rather than chosen."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.hand_in.conftest import Driver

# A cap on waiting for work off the Qt thread (a chip read, a page captured), not a time it must
# take: a machine at load 30 took over 20 s for them; only a failure waits it out.
SLOW_WORK_MS = 120_000


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
        self.vm.changed.connect(self._paper)

    def stop(self) -> None:
        self.kiosk.ui.shell.screenChanged.disconnect(self._screen)
        self.vm.questionChanged.disconnect(self._question)
        self.vm.changed.disconnect(self._paper)

    def _screen(self) -> None:
        screen = self.kiosk.ui.shell.screen
        if screen == "ScanCapture":
            self._paper()
        elif screen != "HandInQuestion":  # its pages are counted as they come
            self.tally.screens.append(screen)
        # the steps run for the hand-in show its "Bước n/6" too: one progress for the journey
        step = self.vm
        if screen.startswith("Identity"):
            step = self.kiosk.ui.journeys["identity"]
        elif screen == "ScanCapture":
            step = self.kiosk.ui.journeys["scan"]
        if screen.startswith(("Identity", "HandIn", "ScanCapture")):
            self.tally.progress.append((step.property("step"), step.property("stepTotal")))

    def _paper(self) -> None:
        """Each paper the scan screen asks for is a screen of its own."""
        paper = self.vm.journey.paper
        if self.kiosk.ui.shell.screen != "ScanCapture" or paper is None:
            return
        page = f"ScanCapture:{paper.name[:24]}"
        if self.tally.screens[-1] != page:
            self.tally.screens.append(page)

    def _question(self) -> None:
        page = "HandInQuestion:" + ",".join(self.page_ids())
        if self.tally.screens[-1] != page:
            self.tally.screens.append(page)

    def start(self, code: str, wait_for: str = "HandInQuestion") -> None:
        self.kiosk.tap("tile_hand_in")
        self.kiosk.wait_screen("HandInProcedure")
        self.kiosk.tap(f"procedure_{code}")
        identify_with_the_chip(self.kiosk)
        self.kiosk.wait_screen(wait_for)

    def page_ids(self) -> list[str]:
        return [f.fieldId for f in self.vm.questionFields.rows()]

    def type(self, field_id: str, text: str) -> None:
        item = self.kiosk.item(f"field_{field_id}")
        item.setProperty("text", "")
        item.forceActiveFocus()
        self.kiosk.send_text(text)
        if self.vm.journey.form.field(field_id).kind in ("text", "address"):
            self.tally.typed.append(field_id)  # an address's line too: it is typed

    def choose(self, field_id: str, value: str, search: str = "") -> None:
        if search:
            self.kiosk.item(f"search_{field_id}").forceActiveFocus()
            self.kiosk.send_text(search)
            self.kiosk.tap("key_done")  # "Xong": the keyboard closes, the list has room
        self.kiosk.tap(f"choice_{field_id}_{value}")

    def place(self, field_id: str, province: str, commune: str, line: str = "") -> None:
        """An address: search the province and the commune as a person types them (no
        diacritics), tap each, and type the line only when there is one."""
        levels = (("province", province.split("|")), ("commune", commune.split("|")))
        for level, (search, code) in levels:
            shown = self.kiosk.ui.find(f"{level}_{field_id}_{code}")
            if shown is not None and shown.isVisible() and shown.property("primary"):
                continue  # already picked (the card's, or an earlier answer)
            self.kiosk.item(f"{level}Search_{field_id}").forceActiveFocus()
            self.kiosk.send_text(search)
            self.kiosk.tap("key_done")
            self.kiosk.tap(f"{level}_{field_id}_{code}")
        if line:
            self.type(field_id, line)
        else:
            self.kiosk.item(f"field_{field_id}").setProperty("text", "")

    def answer(
        self,
        expected: list[str],
        typed: dict[str, str],
        chosen: dict[str, str],
        placed: dict[str, tuple[str, ...]] | None = None,
        go: str = "answerNext",
    ) -> None:
        """Fill the screen of questions `expected` and go on with the button `go`. `placed`:
        field id → (province search|code, commune search|code[, typed line])."""
        assert self.page_ids() == expected
        before = self.vm.journey.page_index, self.vm.journey.state
        for field_id, value in chosen.items():
            self.choose(field_id, *value.split("|"))
        for field_id, where in (placed or {}).items():
            self.place(field_id, *where)
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
            self.kiosk.tap(go)
        self.kiosk.qtbot.waitUntil(
            lambda: (
                (self.vm.journey.page_index, self.vm.journey.state) != before or bool(self.vm.error)
            )
        )
        assert not self.vm.error, (self.vm.error, self.vm.journey.rejected)

    def scan(self) -> None:
        """The paper opens straight on the camera; the pages are taken by themselves."""
        self.kiosk.wait_screen("ScanCapture")
        journey, scan_vm = self.vm.journey, self.kiosk.ui.journeys["scan"]
        before = journey.paper
        self.kiosk.qtbot.waitUntil(lambda: scan_vm.pageCount >= 1, timeout=SLOW_WORK_MS)
        self.kiosk.tap("scanDone")
        self.kiosk.qtbot.waitUntil(
            lambda: journey.paper != before or self.kiosk.ui.shell.screen == "HandInCheck",
            timeout=SLOW_WORK_MS,
        )

    def lack(self) -> None:
        """ "I don't have this paper", on the scan screen (or the paper's own, cameraless)."""
        self.kiosk.qtbot.waitUntil(
            lambda: self.kiosk.ui.shell.screen in ("ScanCapture", "HandInPaper")
        )
        self.kiosk.qtbot.wait(30)
        journey = self.vm.journey
        before = journey.paper
        self.kiosk.tap("lackPaper")
        self.kiosk.qtbot.waitUntil(
            lambda: journey.paper != before or self.kiosk.ui.shell.screen == "HandInCheck"
        )

    def lack_the_rest(self) -> None:
        """ "I don't have this paper" for each paper still asked for, up to the check."""
        while self.kiosk.ui.shell.screen in ("ScanCapture", "HandInPaper"):
            self.lack()

    def hand_in(self) -> None:
        self.kiosk.wait_screen("HandInCheck")
        self.kiosk.tap("submitDossier")
        self.kiosk.wait_screen("HandInReceipt")


def identify_with_the_chip(
    kiosk: Driver, id_number: str = "001190012345", birth: str = "15031990"
) -> None:
    """Type the ID and birth date beside the QR hint; the card (the demo card unless the test
    put another on the reader) is read at once, its details shown on the same screen to
    confirm."""
    kiosk.wait_screen("IdentityStep")
    kiosk.item("identityIdField").forceActiveFocus()
    kiosk.type_keys(id_number)  # on the kiosk's digit pad, as a citizen taps
    kiosk.item("identityBirthField").forceActiveFocus()
    kiosk.type_keys(birth)
    kiosk.tap("key_done")  # "Xong" closes the digit pad
    kiosk.tap("identityTypedContinue")
    identity = kiosk.ui.journeys["identity"]
    kiosk.qtbot.waitUntil(lambda: identity.state == "confirm", timeout=SLOW_WORK_MS)
    kiosk.qtbot.wait(30)  # the confirm button laid out
    kiosk.tap("identityConfirm")
