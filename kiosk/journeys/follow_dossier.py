"""Follow a dossier: show the receipt's QR to the camera (or type the code) → the status timeline.

The code is checked before anything is sent (`kiosk/dossiers/code.py`), as printed on the
receipt (`000.00.06.H56-231027-0361`). Looking it up is slow (network), so the journey only moves
to LOOKING; whoever runs it calls `Province.look_up_dossier()` on a worker and reports back with
`found()`. When the province cannot be reached the citizen still gets an answer: what this
kiosk itself knows of the dossier from its outbox.
"""

from __future__ import annotations

import enum
from typing import ClassVar

from kiosk.dossiers.code import DossierCodeError, code_from_qr, parse_dossier_code
from kiosk.journeys.base import Journey
from kiosk.journeys.progress import Steps
from kiosk.province import DossierLookup


class FollowState(enum.Enum):
    SCAN = "scan"
    TYPE = "type"
    LOOKING = "looking"
    RESULT = "result"


S = FollowState


class FollowDossierJourney(Journey[FollowState]):
    STEPS: ClassVar = Steps({S.SCAN: 1, S.TYPE: 1, S.LOOKING: 2, S.RESULT: 2}, total=2)
    TRANSITIONS: ClassVar = {
        S.SCAN: frozenset({S.TYPE, S.LOOKING}),
        S.TYPE: frozenset({S.SCAN, S.LOOKING}),
        S.LOOKING: frozenset({S.RESULT, S.SCAN, S.TYPE}),
        S.RESULT: frozenset({S.SCAN, S.TYPE, S.LOOKING}),
    }

    def __init__(self) -> None:
        super().__init__(S.SCAN)
        self.code: str | None = None
        self.lookup: DossierLookup | None = None
        self.problem_key: str = ""
        self._came_from = S.SCAN

    def type_instead(self) -> None:
        self.problem_key = ""
        self._go(S.TYPE)

    def scan_instead(self) -> None:
        self.problem_key = ""
        self._go(S.SCAN)

    def qr_scanned(self, raw: bytes) -> None:
        """A QR seen by the camera: a receipt starts the lookup, anything else says why not."""
        if self.state is not S.SCAN:
            return
        try:
            code = code_from_qr(raw)
        except DossierCodeError as exc:
            self.problem_key = exc.message_key
            self._redraw()
            return
        self._start(code)

    def typed(self, text: str) -> None:
        try:
            code = parse_dossier_code(text)
        except DossierCodeError as exc:
            self.problem_key = exc.message_key
            self._redraw()
            return
        self._start(code)

    def _start(self, code: str) -> None:
        self._came_from = self.state
        self.code = code
        self.problem_key = ""
        self.lookup = None
        self._go(S.LOOKING)

    def look_up_again(self) -> None:
        """Ask the province again for the same code (it may be back online)."""
        self.lookup = None
        self._go(S.LOOKING)

    def found(self, lookup: DossierLookup) -> None:
        if self.state is S.LOOKING and lookup.code == self.code:
            self.lookup = lookup
            self._go(S.RESULT)

    def _redraw(self) -> None:
        """Same screen, new message."""
        for listener in list(self._listeners):
            listener(self.state)

    def back(self) -> bool:
        """One step back; False when there is nothing to go back to (leave the journey)."""
        if self.state is S.TYPE:
            self.scan_instead()
            return True
        if self.state in (S.LOOKING, S.RESULT):
            self.problem_key = ""
            self._go(self._came_from)
            return True
        return False

    def _wipe(self) -> None:
        self.code = None
        self.lookup = None
        self.problem_key = ""
        self._came_from = S.SCAN
