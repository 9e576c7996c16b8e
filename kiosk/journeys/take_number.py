"""Take a queue number: choose the service → say whether priority applies → the ticket.

Three screens, one question each. Issuing is slow (SQLite, printer), so `confirm()` only moves to
ISSUING; whoever runs the journey does the work off the UI thread and reports back with
`issued()` or `failed()`.
"""

from __future__ import annotations

import enum
from typing import ClassVar

from kiosk.journeys.base import Journey
from kiosk.journeys.progress import Steps
from kiosk.tickets.service import TicketOutcome


class TakeNumberState(enum.Enum):
    CHOOSE_SERVICE = "choose_service"
    CHOOSE_PRIORITY = "choose_priority"
    ISSUING = "issuing"
    ISSUED = "issued"
    FAILED = "failed"


S = TakeNumberState


class TakeNumberJourney(Journey[TakeNumberState]):
    STEPS: ClassVar = Steps(
        {S.CHOOSE_SERVICE: 1, S.CHOOSE_PRIORITY: 2, S.ISSUING: 3, S.ISSUED: 3, S.FAILED: 3}, total=3
    )
    TRANSITIONS: ClassVar = {
        S.CHOOSE_SERVICE: frozenset({S.CHOOSE_PRIORITY}),
        S.CHOOSE_PRIORITY: frozenset({S.CHOOSE_SERVICE, S.ISSUING}),
        S.ISSUING: frozenset({S.ISSUED, S.FAILED}),
        S.ISSUED: frozenset(),
        S.FAILED: frozenset({S.CHOOSE_SERVICE}),
    }

    def __init__(self, service_ids: list[str], priority_categories: list[str]) -> None:
        super().__init__(S.CHOOSE_SERVICE)
        self.service_ids = service_ids
        self.priority_categories = priority_categories
        self.service_id: str | None = None
        self.priority: str | None = None
        self.outcome: TicketOutcome | None = None
        self.failure_key: str | None = None
        self.failure_values: dict = {}

    def choose_service(self, service_id: str) -> None:
        if service_id not in self.service_ids:
            raise ValueError(f"unknown service {service_id!r}")
        self.service_id = service_id
        self._go(S.CHOOSE_PRIORITY)

    def choose_priority(self, category: str | None) -> None:
        """`None` means no priority; then the ticket is issued."""
        if category is not None and category not in self.priority_categories:
            raise ValueError(f"unknown priority {category!r}")
        self.priority = category
        self._go(S.ISSUING)

    def issued(self, outcome: TicketOutcome) -> None:
        self.outcome = outcome
        self._go(S.ISSUED)

    def failed(self, message_key: str, **values: object) -> None:
        self.failure_key = message_key
        self.failure_values = dict(values)
        self._go(S.FAILED)

    def back(self) -> bool:
        """One step back; False when there is nothing to go back to (leave the journey)."""
        if self.state in (S.CHOOSE_PRIORITY, S.FAILED):
            self._go(S.CHOOSE_SERVICE)
            return True
        return False

    def _wipe(self) -> None:
        self.service_id = None
        self.priority = None
        self.outcome = None
        self.failure_key = None
        self.failure_values = {}
