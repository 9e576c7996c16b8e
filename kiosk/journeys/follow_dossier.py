"""Follow a dossier: show the receipt's QR to the camera (or type the code) → the status timeline.

The code is checked before anything is sent: `<unit id>-<yyMMdd>-<NNNN>`, as printed on the
receipt (`000.00.06.H56-231027-0361`). Looking it up is slow (network), so `look_up()` only moves
to LOOKING; whoever runs the journey calls `find_dossier()` on a worker and reports back with
`found()`. When the province cannot be reached the citizen still gets an answer: what this
kiosk itself knows of the dossier from its outbox.
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from kiosk.errors import UserFacingError
from kiosk.journeys.base import Journey
from offline_queue.client import (
    AuthenticationError,
    DossierStatus,
    NotFoundError,
    ProvincialClient,
    ProvincialError,
    TransientError,
)
from offline_queue.outbox.model import ItemKind, ItemState, OutboxItem
from offline_queue.outbox.store import Outbox

MAX_CODE_LENGTH = 40
MAX_QR_BYTES = 2000
# A unit id is dot-separated groups of capitals and digits (000.00.06.H56, G22.39-…).
DOSSIER_CODE = re.compile(
    r"^(?P<unit>[A-Z0-9]{1,5}(?:\.[A-Z0-9]{1,5}){1,5})-(?P<day>\d{6})-(?P<seq>\d{4})$"
)
_CODE_IN_TEXT = re.compile(r"[A-Za-z0-9]{1,5}(?:\.[A-Za-z0-9]{1,5}){1,5}-\d{6}-\d{4}")
_JSON_CODE_KEYS = ("dossier_code", "dossierCode", "ma_ho_so", "maHoSo", "code")
_CARD_QR = re.compile(r"^\d{12}\|")


class FollowError(UserFacingError):
    """A code or QR that cannot be a dossier receipt; the message says what to do."""


def parse_dossier_code(text: str) -> str:
    """The code as the province knows it (capitals, no spaces around), or FollowError."""
    if not isinstance(text, str) or not text.strip():
        raise FollowError("follow.code.empty")
    code = text.strip().upper()
    if len(code) > MAX_CODE_LENGTH or not code.isascii() or not code.isprintable():
        raise FollowError("follow.code.shape")
    match = DOSSIER_CODE.match(code)
    if match is None:
        raise FollowError("follow.code.shape")
    try:
        datetime.strptime(match["day"], "%y%m%d")
    except ValueError as exc:
        raise FollowError("follow.code.day") from exc
    if int(match["seq"]) == 0:
        raise FollowError("follow.code.shape")
    return code


def code_from_qr(raw: bytes) -> str:
    """The dossier code a receipt's QR carries: the bare code, a JSON object with it, or one
    field of a `|`-separated or multi-line text. Anything else is not a receipt."""
    if len(raw) > MAX_QR_BYTES:
        raise FollowError("follow.qr.not_receipt")
    try:
        text = raw.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise FollowError("follow.qr.not_receipt") from exc
    if _CARD_QR.match(text):
        raise FollowError("follow.qr.id_card")
    candidates = _json_codes(text) if text.startswith("{") else _CODE_IN_TEXT.findall(text)
    codes = set()
    for candidate in candidates:
        try:
            codes.add(parse_dossier_code(candidate))
        except FollowError:
            continue
    if len(codes) != 1:
        raise FollowError("follow.qr.not_receipt")
    return codes.pop()


def _json_codes(text: str) -> list[str]:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return []
    if not isinstance(document, dict):
        return []
    return [document[key] for key in _JSON_CODE_KEYS if isinstance(document.get(key), str)]


class LookupOutcome(enum.Enum):
    FOUND = "found"  # the province answered with a timeline
    NOT_FOUND = "not_found"  # the province does not know the code (yet)
    OFFLINE = "offline"  # the province could not be asked now


@dataclass(frozen=True)
class LocalRecord:
    """What this kiosk's outbox knows of a dossier it took in itself."""

    state: ItemState
    received_at: float  # epoch seconds
    sent_at: float | None

    @classmethod
    def of(cls, item: OutboxItem | None) -> LocalRecord | None:
        if item is None or item.kind is not ItemKind.DOSSIER:
            return None
        return cls(item.state, item.created_at, item.acked_at)

    @property
    def sent(self) -> bool:
        return self.sent_at is not None and self.state is not ItemState.QUARANTINED


@dataclass(frozen=True)
class DossierLookup:
    code: str
    outcome: LookupOutcome
    status: DossierStatus | None = None
    local: LocalRecord | None = None
    problem_key: str = ""  # why the province could not be asked (for the log and technician)


def find_dossier(
    code: str, client: ProvincialClient | None, outbox: Outbox | None
) -> DossierLookup:
    """Ask the province; whatever it answers, add what the kiosk's own outbox knows.
    Blocking (network, disk): run it on a worker. `client`/`outbox` are None when delivery
    to the province could not be opened at all."""
    local = LocalRecord.of(outbox.item(code)) if outbox is not None else None
    if client is None:
        return DossierLookup(code, LookupOutcome.OFFLINE, local=local, problem_key="no_link")
    try:
        status = client.dossier_status(code)
    except NotFoundError:
        return DossierLookup(code, LookupOutcome.NOT_FOUND, local=local)
    except (TransientError, AuthenticationError) as exc:
        return DossierLookup(code, LookupOutcome.OFFLINE, local=local, problem_key=exc.message_key)
    except ProvincialError as exc:  # refused for another reason: cannot be asked this way now
        return DossierLookup(code, LookupOutcome.OFFLINE, local=local, problem_key=exc.message_key)
    return DossierLookup(code, LookupOutcome.FOUND, status=status, local=local)


class FollowState(enum.Enum):
    SCAN = "scan"
    TYPE = "type"
    LOOKING = "looking"
    RESULT = "result"


S = FollowState
STEPS = {S.SCAN: 1, S.TYPE: 1, S.LOOKING: 2, S.RESULT: 2}
STEP_TOTAL = 2


class FollowDossierJourney(Journey[FollowState]):
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
        except FollowError as exc:
            self.problem_key = exc.message_key
            self._redraw()
            return
        self._start(code)

    def typed(self, text: str) -> None:
        try:
            code = parse_dossier_code(text)
        except FollowError as exc:
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

    @property
    def step(self) -> int:
        return STEPS[self.state]

    def _wipe(self) -> None:
        self.code = None
        self.lookup = None
        self.problem_key = ""
        self._came_from = S.SCAN
