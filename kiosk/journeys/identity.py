"""The identity step every journey that needs to know the citizen goes through, as a state
machine: show the card's QR (or type the ID and birth date) → place the card → it is read →
the citizen confirms it is them. When the chip cannot help, the QR's printed data or the
typed details are offered instead — never silently.

Plain Python: the view-model starts the slow work (camera, chip) and reports back here. Run for
a journey (`run_for`), confirming hands it the identity and going back from the first screen
cancels.
"""

from __future__ import annotations

import enum
from typing import ClassVar

from kiosk.identity import ReadProgress, ReadStage
from kiosk.identity.errors import IdentityError
from kiosk.identity.record import Identity
from kiosk.identity.service import CardKeyHint, IdentityService
from kiosk.journeys.progress import Steps
from kiosk.journeys.step import StepJourney


class IdentityStepState(enum.Enum):
    SHOW_QR = "show_qr"
    TYPE_DETAILS = "type_details"
    PLACE_CARD = "place_card"
    READING = "reading"
    FAILED = "failed"
    CONFIRM = "confirm"


S = IdentityStepState
# a failed read that a second try may fix sends the citizen back to the reader
_TRY_AGAIN = frozenset({"card_reader.removed", "card_reader.no_card", "card_reader.busy"})


class IdentityStep(StepJourney[IdentityStepState, Identity]):
    STEPS: ClassVar = Steps({S.SHOW_QR: 1, S.TYPE_DETAILS: 1, S.CONFIRM: 3}, total=3, otherwise=2)
    TRANSITIONS: ClassVar = {
        S.SHOW_QR: frozenset({S.TYPE_DETAILS, S.PLACE_CARD, S.CONFIRM}),
        S.TYPE_DETAILS: frozenset({S.SHOW_QR, S.PLACE_CARD, S.CONFIRM}),
        S.PLACE_CARD: frozenset({S.READING, S.SHOW_QR, S.TYPE_DETAILS, S.CONFIRM}),
        S.READING: frozenset({S.CONFIRM, S.FAILED, S.PLACE_CARD}),
        S.FAILED: frozenset({S.PLACE_CARD, S.SHOW_QR, S.TYPE_DETAILS, S.CONFIRM}),
        S.CONFIRM: frozenset({S.SHOW_QR}),
    }

    def __init__(self, service: IdentityService) -> None:
        super().__init__(S.SHOW_QR)
        self.service = service
        self._wipe()

    def _wipe(self) -> None:
        self.hint: CardKeyHint | None = None
        self.identity: Identity | None = None
        self.problem_key: str | None = None
        self.progress: ReadProgress | None = None

    @property
    def has_reader(self) -> bool:
        return self.service.reader is not None

    @property
    def can_use_qr_data(self) -> bool:
        return self.hint is not None and self.hint.qr is not None

    def _key_known(self, hint: CardKeyHint) -> None:
        self.hint = hint
        self.problem_key = None
        if self.has_reader:
            self._go(S.PLACE_CARD)
        else:  # no reader on this kiosk: what the QR or the citizen said is all there is
            self._confirm(self._fallback_identity(hint))

    def _fallback_identity(self, hint: CardKeyHint) -> Identity:
        if hint.qr is not None:
            return self.service.identity_from_qr(hint.qr)
        return self.service.identity_from_typed(hint)

    def _confirm(self, identity: Identity) -> None:
        self.identity = identity
        self.problem_key = None
        self._go(S.CONFIRM)

    # -- events ------------------------------------------------------------------------------
    def qr_scanned(self, data: str | bytes) -> None:
        """The camera (or a scanner, even while typing) read a QR; a wrong one leaves the step
        where it was."""
        if self.state not in (S.SHOW_QR, S.TYPE_DETAILS):
            return
        try:
            hint = self.service.hint_from_qr(data)
        except IdentityError as exc:
            self.problem_key = exc.message_key
            self._notify()
            return
        self._key_known(hint)

    def typed(self, id_text: str, birth_text: str) -> None:
        try:
            hint = self.service.hint_from_typed(id_text, birth_text)
        except IdentityError as exc:
            self.problem_key = exc.message_key
            self._notify()
            return
        self._key_known(hint)

    def type_instead(self) -> None:
        self.problem_key = None
        self._go(S.TYPE_DETAILS)

    def scan_instead(self) -> None:
        self.problem_key = None
        self._go(S.SHOW_QR)

    def reading_started(self) -> None:
        self.progress = ReadProgress(ReadStage.CONNECTING, 0.0)
        self._go(S.READING)

    def read_progress(self, progress: ReadProgress) -> None:
        if self.state is S.READING:
            self.progress = progress
            self._notify()

    def read_done(self, identity: Identity) -> None:
        if self.state is S.READING:
            self._confirm(identity)

    def read_failed(self, error: IdentityError) -> None:
        if self.state is not S.READING:
            return
        self.problem_key = error.message_key
        self.progress = None
        self._go(S.PLACE_CARD if error.message_key in _TRY_AGAIN else S.FAILED)

    def retry(self) -> None:
        self._go(S.PLACE_CARD)

    def use_fallback(self) -> None:
        """Go on with the QR's printed data (or the typed details) instead of the chip."""
        if self.hint is not None:
            self._confirm(self._fallback_identity(self.hint))

    def not_me(self) -> None:
        self._wipe()
        self._go(S.SHOW_QR)

    def confirm(self) -> bool:
        """The citizen confirmed it is them: the identity goes to the journey that asked, which
        holds it from then on (the step forgets it). False when no journey waits."""
        identity = self.identity
        if self.state is not S.CONFIRM or identity is None:
            return False
        if not self.has_caller:
            return False
        self._wipe()
        return self._finish(identity)

    def back(self) -> bool:
        """One screen back; False when the step itself is left."""
        previous = {
            S.TYPE_DETAILS: S.SHOW_QR,
            S.PLACE_CARD: S.SHOW_QR if self.can_use_qr_data else S.TYPE_DETAILS,
            S.FAILED: S.PLACE_CARD,
            S.CONFIRM: S.SHOW_QR,
        }.get(self.state)
        if previous is None:
            return False
        if previous in (S.SHOW_QR, S.TYPE_DETAILS):
            self._wipe()
        self.problem_key = None
        self._go(previous)
        return True

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener(self.state)
