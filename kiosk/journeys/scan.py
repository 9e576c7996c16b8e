"""The scan step as a state machine: the camera looks for the paper and takes its pages
(CAPTURE), the citizen presses Done and the pages are saved as one PDF (SAVING), then the saved
files go to the journey that asked for them — or, opened alone, a summary shows (DONE).

Plain Python: the view-model runs the scanning session (`kiosk.scanning`) and the save on
workers and reports here. Going back cancels the step; when the camera had gone, the journey
that asked hears why (`scanning.guidance.camera_problem`).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, ClassVar

from kiosk.journeys.step import StepJourney

if TYPE_CHECKING:  # the scanning package loads OpenCV
    from kiosk.scanning import SavedDocument


class ScanState(enum.Enum):
    CAPTURE = "capture"
    SAVING = "saving"
    DONE = "done"


S = ScanState
CAMERA_PROBLEM = "scanning.guidance.camera_problem"
SAVE_FAILED = "scanning.screen.save_failed"


class ScanStep(StepJourney[ScanState, "SavedDocument"]):
    TRANSITIONS: ClassVar = {
        S.CAPTURE: frozenset({S.SAVING}),
        S.SAVING: frozenset({S.CAPTURE, S.DONE}),
        S.DONE: frozenset({S.CAPTURE}),
    }

    def __init__(self) -> None:
        super().__init__(S.CAPTURE)
        self._wipe()

    def _wipe(self) -> None:
        self.pages = 0  # pages kept so far
        self.camera_ok = True
        self.problem_key: str | None = None
        self.saved_pages = 0

    # -- events --------------------------------------------------------------------------
    def camera_changed(self, ok: bool) -> None:
        self.camera_ok = ok

    def pages_changed(self, count: int) -> None:
        self.pages = count

    def done_pressed(self) -> bool:
        """Save what was taken; False when there is nothing to save (or it is saving)."""
        if self.state is not S.CAPTURE or self.pages == 0:
            return False
        self.problem_key = None
        self._go(S.SAVING)
        return True

    def saved(self, document: SavedDocument) -> bool:
        """The files are on disk: they go to the journey that asked (True), which owns them
        from then on; opened alone, the summary shows (False: the step keeps them)."""
        if self.state is not S.SAVING:
            return False
        self.saved_pages = len(document.pages)
        if self._finish(document):
            return True
        self._go(S.DONE)
        return False

    def save_failed(self) -> None:
        if self.state is S.SAVING:
            self.problem_key = SAVE_FAILED
            self._go(S.CAPTURE)

    def back(self) -> bool:
        """Leave the step without a result; False when no journey waits for it."""
        return self.cancel("" if self.camera_ok else CAMERA_PROBLEM)
