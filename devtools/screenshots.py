"""Renders every screen, in Vietnamese and English, normal and large text, normal and high
contrast (`MODES`), to PNG files so a person can look at them:
`.venv/bin/python -m devtools.screenshots OUT_DIR [MODE…]` (scripts/screenshots does it
offscreen; MODE such as `en-large` or `vi-large-contrast` renders only those).

Each journey contributes a tour in `TOURS`: a function that drives its view-model through its
screens and calls `shot(name)` on each. Printed tickets land in OUT_DIR/printed/.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import load_config

Shot = Callable[[str], None]
Wait = Callable[[Callable[[], bool]], None]


def tour_take_number(ui, shot: Shot, wait: Wait) -> None:
    from kiosk.journeys.take_number import TakeNumberState

    vm = ui.journeys["take_number"]
    ui.home.open("take_number")
    shot("take-number-1-service")
    vm.chooseService(vm.journey.service_ids[0])
    shot("take-number-2-priority")
    vm.choosePriority("elderly")
    wait(lambda: vm.journey.state is TakeNumberState.ISSUED)
    shot("take-number-3-ticket")
    ui.core.printer.set_fault("paper_out")
    ui.home.open("take_number")
    vm.chooseService(vm.journey.service_ids[1])
    vm.choosePriority("")
    wait(lambda: vm.journey.state is TakeNumberState.ISSUED)
    shot("take-number-4-paper-out")
    ui.core.printer.set_fault("none")
    ui.shell.home()


def tour_find_procedure(ui, shot: Shot, wait: Wait) -> None:
    from kiosk.journeys.find_procedure import PrintState

    vm = ui.journeys["find_procedure"]
    ui.home.open("find_procedure")
    shot("catalogue-1-start")
    vm.chooseWay("fields")
    shot("catalogue-2-fields")
    vm.chooseField("ho-tich")
    shot("catalogue-3-field-list")
    vm.back()
    vm.back()
    vm.chooseWay("search")
    vm.typeQuery("lam so do")
    shot("catalogue-4-search")
    vm.typeQuery("bo toi vua mat")
    shot("catalogue-5-search-life-event")
    vm.chooseEvent("death")
    shot("catalogue-6-question")
    for question, option in (("foreign", "no"), ("insured", "yes"), ("estate", "yes")):
        vm.answer(question, option)
    shot("catalogue-7-suggestions")
    vm.openProcedure("1.000656")
    shot("catalogue-8-detail")
    vm.printGuidance()
    # printed, or refused by a printer out of paper (the soak's roll runs out)
    wait(lambda: vm.journey.print_state in (PrintState.PRINTED, PrintState.FAILED))
    shot("catalogue-9-printed")
    ui.shell.home()


TOUR_PIN = "482915"  # the technician PIN the tours set and type


def tour_technician(ui, shot: Shot, wait: Wait) -> None:
    from kiosk.journeys.technician import TechnicianState

    vm = ui.technician
    if not ui.kiosk.services.technician_pin.configured:
        ui.kiosk.services.technician_pin.set_pin(TOUR_PIN)
    vm.open()
    shot("technician-1-pin")
    vm.submitPin(TOUR_PIN)
    wait(lambda: vm.journey.state is TechnicianState.STATUS and bool(vm.journey.health))
    shot("technician-2-status")
    vm.openSpeech()
    wait(lambda: vm.speechVoicesFound)
    shot("technician-3-speech")
    ui.shell.home()


def tour_scan(ui, shot: Shot, wait: Wait) -> None:
    # The scan step shows once kiosk/app.py gives the context a camera and ui/journeys.py
    # registers ScanViewModel (context name "scan"); the simulated camera plays its own scene.
    vm = ui.journeys.get("scan")
    if vm is None or ui.kiosk.services.camera is None:
        return
    vm.start()
    wait(lambda: len(vm.outline) == 8)
    shot("scan-1-live")
    # "Chụp ngay": the tour shows the screens, whatever the checks make of the built-in scene
    # (since main's new blur measure it judges the scene blurred and never keeps it by itself)
    vm.captureNow()
    wait(lambda: vm.pageCount >= 1)
    shot("scan-2-captured")
    vm.finish()
    wait(lambda: ui.shell.screen == "ScanDone")
    shot("scan-3-done")
    ui.shell.home()


def tour_identity(ui, shot: Shot, wait: Wait) -> None:
    # Shows once ui/journeys.py registers IdentityViewModel (context name "identity"); with the
    # simulated card reader on the context every screen of the step is visited.
    from hardware.card_reader import ReadProgress, ReadStage
    from hardware.card_reader.demo_document import demo_citizen
    from hardware.card_reader.simulator import SimulatedCardReader
    from kiosk.identity import IdentityError
    from kiosk.journeys.identity import IdentityStepState

    vm = ui.journeys.get("identity")
    if vm is None:
        return
    citizen = demo_citizen()
    vm.start()  # one screen: the QR (with a camera) or the typed details, then the card
    shot("identity-1-start")
    vm.submitTyped("0011900123", "15031990")
    shot("identity-2-type-mistake")
    reader = vm.reader
    if isinstance(reader, SimulatedCardReader):
        reader.remove_card()
        vm.submitQrText(citizen.qr_text())
        shot("identity-3-place-card")
        vm.journey.reading_started()
        vm.journey.read_progress(ReadProgress(ReadStage.PORTRAIT, 0.6))
        shot("identity-4-reading")
        vm.journey.read_failed(IdentityError("identity.chip_record_unreadable"))
        shot("identity-5-failed")
        vm.retry()
        reader.insert_card()
    else:
        vm.submitQrText(citizen.qr_text())
    wait(lambda: vm.journey.state is IdentityStepState.CONFIRM)
    shot("identity-6-confirm")
    ui.shell.home()


def tour_hand_in(ui, shot: Shot, wait: Wait) -> None:
    from hardware.card_reader.demo_document import demo_citizen
    from kiosk.journeys.hand_in import HandInState
    from kiosk.journeys.identity import IdentityStepState

    vm = ui.journeys["hand_in"]
    ui.home.open("hand_in")
    shot("hand-in-1-procedure")
    vm.chooseProcedure("1.001193")  # birth registration: the mother declares
    vm.identity_step.submitQrText(demo_citizen().qr_text())
    wait(
        lambda: (
            vm.identity_step.journey.state is IdentityStepState.CONFIRM
            or vm.journey.state is not HandInState.IDENTIFY
        )
    )
    vm.identity_step.confirm()
    shot("hand-in-2-child")
    child = {"relationship": "Mẹ", "child_name": "Nguyễn Thị An", "child_sex": "Nữ"}
    vm.answerPage({**child, "child_birth_date": "31022026"})
    shot("hand-in-3-child-wrong-date")
    vm.answerPage({**child, "child_birth_date": "20112026"})
    shot("hand-in-4-origin")
    vm.answerPage({"child_ethnicity": "Kinh", "child_nationality": "Việt Nam"})
    shot("hand-in-5-place")
    vm.answerPage({"child_birth_place": "Bệnh viện Phụ sản Hà Nội", "father_known": "Có"})
    shot("hand-in-6-father")
    father = {"father_name": "Nguyễn Văn Bình", "father_birth_year": "1988"}
    vm.answerPage({**father, "father_ethnicity": "Tày", "father_nationality": "Việt Nam"})
    shot("hand-in-7-paper")
    while vm.journey.state in (HandInState.PAPER, HandInState.SCANNING):
        if vm.journey.state is HandInState.SCANNING:
            vm.scan_step.lackPaper()
        else:
            vm.lackPaper()
    shot("hand-in-8-check")
    # the check screen while sending, and a send that failed, held for the shot: the real send
    # is local and quick, and a shot taken during it caught the screen changing to the receipt
    vm.journey.submitting()
    shot("hand-in-8-check-sending")
    vm.journey.failed("hand_in.error.no_more_codes")
    shot("hand-in-8-failed")
    vm.submit()
    wait(lambda: vm.journey.state is HandInState.RECEIPT)
    shot("hand-in-9-receipt")
    ui.core.printer.set_fault("paper_out")
    vm.reprint()
    wait(lambda: not vm.printing)
    shot("hand-in-9-receipt-not-printed")
    ui.core.printer.set_fault("none")
    ui.shell.home()


def tour_hand_in_two_people(ui, shot: Shot, wait: Wait) -> None:
    """Marriage: after the first person's card, the screen asking for the second person's, and
    what it says when the first card is shown again."""
    from hardware.card_reader.demo_document import demo_citizen
    from kiosk.journeys.hand_in import HandInState

    vm = ui.journeys["hand_in"]
    ui.home.open("hand_in")
    vm.chooseProcedure("1.000894")
    for screen in ("hand-in-two-1-second-person", "hand-in-two-2-same-card"):
        vm.identity_step.submitQrText(demo_citizen().qr_text())
        wait(lambda: vm.identity_step.journey.identity is not None)
        vm.identity_step.confirm()
        wait(lambda: vm.journey.state is HandInState.IDENTIFY_OTHER)
        shot(screen)
        vm.identifyOther()
    ui.shell.home()


def tour_follow_dossier(ui, shot: Shot, wait: Wait) -> None:
    from kiosk.journeys.follow_dossier import FollowState
    from offline_queue.standin.faults import Fault, FaultKind

    vm = ui.journeys["follow_dossier"]
    province = ui.core.province.opened()
    code = "000.00.06.H56-231027-0361"
    if province is not None and province.outbox.item(code) is None:
        ui.core.province.hand_in_dossier(code, {"procedure_code": "1.001193", "form": {}}, [])
        wait(lambda: province.outbox.item(code).acked_at is not None)
    ui.home.open("follow_dossier")
    shot("follow-1-scan")
    vm.submitQrText("001090012345|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|01072021")
    shot("follow-1-scan-id-card")
    vm.typeInstead()
    vm.submitTyped("000.00.06.H56-231399-0361")
    shot("follow-2-type-mistake")
    vm.submitTyped(code)
    wait(lambda: vm.journey.state is FollowState.RESULT)
    shot("follow-3-timeline")
    standin = province.link.standin if province is not None else None
    if standin is not None:
        standin.arm(Fault(FaultKind.RESET, times=None))
        vm.lookUpAgain()
        wait(lambda: vm.journey.state is FollowState.RESULT)
        shot("follow-4-offline")
        standin.faults.clear()
    ui.shell.home()


def tour_rating(ui, shot: Shot, wait: Wait) -> None:
    from kiosk.journeys.rating import RatingState

    vm = ui.journeys["rating"]
    ui.home.open("rating")
    shot("rating-1-level")
    vm.chooseLevel("satisfied")
    shot("rating-2-counter")
    vm.rateADossier()
    vm.submitDossier("H56")
    shot("rating-3-dossier-mistake")
    vm.submitDossier("000.00.06.H56-231027-0361")
    shot("rating-4-more")
    vm.tellMore(True)
    vm.answer("b")
    shot("rating-5-question")
    for _ in range(8):
        vm.answer("")
    wait(lambda: vm.journey.state is RatingState.SAVED)
    shot("rating-6-thanks")
    ui.shell.home()


def tour_help(ui, shot: Shot, wait: Wait) -> None:
    vm = ui.journeys["help"]
    ui.home.open("help")
    shot("help-1-start")
    vm.openGuide("hand_in")
    shot("help-2-guide")
    ui.shell.home()


TOURS: list[Callable[..., None]] = [
    tour_take_number,
    tour_find_procedure,
    tour_technician,
    tour_scan,
    tour_identity,
    tour_hand_in,
    tour_hand_in_two_people,
    tour_follow_dossier,
    tour_rating,
    tour_help,
]


@dataclass(frozen=True)
class Mode:
    """One way a citizen can set the screen: language, text size, contrast."""

    lang: str
    large_text: bool = False
    high_contrast: bool = False

    @property
    def name(self) -> str:
        return "-".join(
            [self.lang] + ["large"] * self.large_text + ["contrast"] * self.high_contrast
        )


MODES = [
    Mode(lang, large, contrast)
    for lang in ("vi", "en")
    for large in (False, True)
    for contrast in (False, True)
]


def visit_all(ui, app, modes: list[Mode], on_screen: Callable[[Mode, str], None]) -> None:
    """Walks every tour in every mode in one window, calling `on_screen(mode, name)` on each
    screen once it has settled in that mode (the tours end sessions, so the mode is set again
    before every screen)."""

    def settle(seconds: float = 0.15, rounds: int = 5) -> None:
        """Events for `seconds`, and at least `rounds` passes: on a loaded machine one pass can
        take the whole time, leaving the frame that lays the screen out still to come."""
        end = time.monotonic() + seconds
        done = 0
        while time.monotonic() < end or done < rounds:
            app.processEvents()
            time.sleep(0.01)
            done += 1

    def wait(condition: Callable[[], bool]) -> None:
        # generous: on a loaded machine (CI's two workers, eight engineers' tests) the
        # technician's first health check alone took over 20 s
        end = time.monotonic() + 60
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("screen did not reach the expected state")
            settle(0.02)

    def settle_screen() -> None:
        """Until the screen shown stays the same through a whole settle: one judged while it
        changes to the next is neither."""
        end = time.monotonic() + 5
        while True:
            before = ui.shell.screen
            settle()
            if ui.shell.screen == before:
                return
            if time.monotonic() > end:
                raise TimeoutError(f"the screen kept changing: {before} → {ui.shell.screen}")

    for mode in modes:

        def shot(name: str, mode: Mode = mode) -> None:
            ui.i18n.setLanguage(mode.lang)
            ui.theme.set_modes(large_text=mode.large_text, high_contrast=mode.high_contrast)
            settle_screen()
            on_screen(mode, name)

        ui.shell.home()
        shot("home")
        ui.shell.show_notice(ui.i18n.strings["common.unexpected"])
        shot("home-notice")
        ui.shell.dismissNotice()
        for tour in TOURS:
            tour(ui, shot, wait)
        ui.shell.home()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    wanted = set(args[1:])  # mode names (e.g. en-large) to render only those
    modes = [mode for mode in MODES if not wanted or mode.name in wanted]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from devtools.fit_check import check_window
    from kiosk.app import build_kiosk
    from ui.app import KioskUi, create_application

    app = create_application(sys.argv)
    config = load_config()
    centre = config.centre
    if not (centre.zalo_url or centre.facebook_url):  # show the QR codes with sample addresses
        centre = centre.model_copy(
            update={
                "zalo_url": "https://zalo.me/example",
                "facebook_url": "https://facebook.com/example",
            }
        )
    config = config.model_copy(
        update={
            "printer": config.printer.model_copy(
                update={"driver": "simulator", "simulator_output": str(out / "printed")}
            ),
            "ui": config.ui.model_copy(update={"fullscreen": False}),
            "centre": centre,
        }
    )
    misfits = 0

    def save(mode: Mode, name: str) -> None:
        nonlocal misfits
        path = out / f"{mode.name}-{name}.png"
        ui.window.grabWindow().save(str(path))
        problems = check_window(ui.window)
        misfits += len(problems)
        print(path, *(f"\n    {problem}" for problem in problems))

    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as tmp:
        kiosk = build_kiosk(config, data=Path(tmp))
        ui = KioskUi(kiosk.core, kiosk.services, windowed=True)
        try:
            visit_all(ui, app, modes, save)
        finally:
            ui.close()
            kiosk.close()
    print(f"{misfits} things that do not fit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
