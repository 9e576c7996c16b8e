"""Steps (identity, scan) are journeys another journey runs: each reports back exactly once,
finished with its result or cancelled with why, and a step no journey waits for says so."""

from __future__ import annotations

from pathlib import Path

from hardware.card_reader.demo_document import demo_citizen
from kiosk.identity import IdentityService
from kiosk.journeys.identity import IdentityStep, IdentityStepState
from kiosk.journeys.scan import CAMERA_PROBLEM, SAVE_FAILED, ScanState, ScanStep
from kiosk.scanning.output import SavedDocument


class Caller:
    def __init__(self) -> None:
        self.finished: list[object] = []
        self.cancelled: list[str] = []

    def run(self, step) -> None:
        step.run_for(self.finished.append, self.cancelled.append)


def document(tmp_path: Path) -> SavedDocument:
    return SavedDocument(tmp_path / "giay-to.pdf", [tmp_path / "1.jpg", tmp_path / "2.jpg"])


def test_a_scan_hands_its_pages_to_the_journey_that_asked_once(tmp_path: Path) -> None:
    step, caller = ScanStep(), Caller()
    caller.run(step)
    assert not step.done_pressed()  # nothing taken yet
    step.pages_changed(2)
    assert step.done_pressed() and step.state is ScanState.SAVING
    assert not step.done_pressed()  # already saving
    step.save_failed()
    assert (step.state, step.problem_key) == (ScanState.CAPTURE, SAVE_FAILED)
    assert step.done_pressed()
    saved = document(tmp_path)
    assert step.saved(saved) is True
    assert caller.finished == [saved] and caller.cancelled == []
    assert not step.has_caller and not step.back()  # reported once; nobody waits any more


def test_a_scan_left_after_the_camera_went_says_why(tmp_path: Path) -> None:
    step, caller = ScanStep(), Caller()
    caller.run(step)
    step.camera_changed(False)
    assert step.back()
    assert caller.cancelled == [CAMERA_PROBLEM] and caller.finished == []
    caller.run(step)
    assert step.back() and caller.cancelled[-1] == ""  # the citizen's own choice


def test_a_scan_alone_shows_its_summary_and_a_new_session_forgets_the_caller(
    tmp_path: Path,
) -> None:
    step = ScanStep()
    step.run_alone()
    step.pages_changed(1)
    step.done_pressed()
    assert step.saved(document(tmp_path)) is False
    assert (step.state, step.saved_pages) == (ScanState.DONE, 2)
    caller = Caller()
    caller.run(step)
    step.reset()  # the session ended while the step ran
    assert not step.back() and caller.cancelled == []


def test_the_identity_goes_to_the_journey_and_leaves_the_step() -> None:
    step, caller = IdentityStep(IdentityService(None)), Caller()
    caller.run(step)
    assert not step.back()  # the first screen: going back leaves the step
    assert step.cancel() and caller.cancelled == [""]
    caller.run(step)
    step.qr_scanned(demo_citizen().qr_text())  # no reader: the QR's data is the identity
    assert step.state is IdentityStepState.CONFIRM
    identity = step.identity
    assert step.confirm()
    assert caller.finished == [identity] and step.identity is None
    assert not step.confirm()  # nothing left to hand over


def test_the_identity_alone_has_nobody_to_hand_over_to() -> None:
    step = IdentityStep(IdentityService(None))
    step.run_alone()
    step.qr_scanned(demo_citizen().qr_text())
    assert step.state is IdentityStepState.CONFIRM
    assert not step.confirm() and step.identity is not None
