"""Technician mode: PIN → device status ⇄ speech settings. The PIN check and the health checks
are slow (scrypt, devices), so the journey only records what the runner reports back."""

from __future__ import annotations

import enum
from typing import ClassVar

from kiosk.journeys.base import Journey
from kiosk.technician.health import DeviceHealth


class TechnicianState(enum.Enum):
    PIN = "pin"
    CHECKING_PIN = "checking_pin"
    STATUS = "status"
    SPEECH = "speech"


S = TechnicianState


class TechnicianJourney(Journey[TechnicianState]):
    TRANSITIONS: ClassVar = {
        S.PIN: frozenset({S.CHECKING_PIN}),
        S.CHECKING_PIN: frozenset({S.PIN, S.STATUS}),
        S.STATUS: frozenset({S.SPEECH}),
        S.SPEECH: frozenset({S.STATUS}),
    }

    def __init__(self) -> None:
        super().__init__(S.PIN)
        self.error_key: str | None = None
        self.error_values: dict = {}
        self.health: list[DeviceHealth] = []
        self.checking = False

    def pin_entered(self) -> None:
        self.error_key = None
        self._go(S.CHECKING_PIN)

    def pin_result(self, accepted: bool, error_key: str | None = None, **values: object) -> None:
        if accepted:
            self._go(S.STATUS)
        else:
            self.error_key = error_key or "technician.wrong_pin"
            self.error_values = dict(values)
            self._go(S.PIN)

    def open_speech(self) -> None:
        self._go(S.SPEECH)

    def close_speech(self) -> None:
        self._go(S.STATUS)

    def health_checked(self, health: list[DeviceHealth]) -> None:
        self.health = health
        self.checking = False

    def _wipe(self) -> None:
        self.error_key = None
        self.error_values = {}
        self.health = []
        self.checking = False
