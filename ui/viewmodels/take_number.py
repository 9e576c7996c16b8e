"""View-model of "take a queue number" (`takeNumber` in QML)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.errors import UserFacingError
from kiosk.journeys.take_number import TakeNumberJourney, TakeNumberState
from kiosk.printing import PaperWords, print_message
from kiosk.tickets.service import TicketOutcome
from ui.background import run_in_background
from ui.list_model import RowsModel
from ui.viewmodels.base import JourneyViewModel

log = logging.getLogger(__name__)
S = TakeNumberState

TICKET_WORDS = PaperWords("ticket.printed", "ticket.printed_unconfirmed", "ticket.not_printed")

SCREENS = {
    S.CHOOSE_SERVICE: "TakeNumberService",
    S.CHOOSE_PRIORITY: "TakeNumberPriority",
    S.ISSUING: "TakeNumberIssuing",
    S.ISSUED: "TakeNumberTicket",
    S.FAILED: "TakeNumberFailed",
}


@dataclass(frozen=True)
class ServiceRow:
    """A queue service to choose (a row of `TakeNumber.services`)."""

    serviceId: str
    name: str
    counters: str


@dataclass(frozen=True)
class PriorityRow:
    """A priority category to choose (a row of `TakeNumber.priorities`)."""

    category: str
    label: str


class TakeNumberViewModel(JourneyViewModel):
    changed = Signal()

    SCREENS = SCREENS

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        queue = self.core.config.queue
        self.follow(TakeNumberJourney([s.id for s in queue.services], queue.priority_categories))
        self._services = RowsModel(ServiceRow, self)
        self._priorities = RowsModel(PriorityRow, self)
        self._show_rows()
        self.i18n.languageChanged.connect(self._show_rows)
        self.subscribe(lambda: self.i18n.languageChanged.disconnect(self._show_rows))

    # --- what the screens show -------------------------------------------------------------
    def _show_rows(self) -> None:
        """The choices in the citizen's language, again whenever it changes."""
        lang = self.i18n.lang
        self._services.set_rows(
            [
                ServiceRow(
                    s.id, s.name.get(lang), self.t("ticket.counter", counters=", ".join(s.counters))
                )
                for s in self.core.config.queue.services
            ]
        )
        self._priorities.set_rows(
            [
                PriorityRow(c, self.t(f"ticket.priority_choice.{c}"))
                for c in self.journey.priority_categories
            ]
        )

    def _get_services(self) -> RowsModel:
        return self._services

    def _get_priorities(self) -> RowsModel:
        return self._priorities

    def _step(self) -> int:
        return self.journey.step

    def _ticket(self) -> dict:
        outcome = self.journey.outcome
        if outcome is None:
            return {}
        number = outcome.ticket.number
        service = outcome.ticket.service
        return {
            "label": number.label,
            "service": service.name.get(self.i18n.lang),
            "counter": self.t("ticket.counter", counters=outcome.ticket.counters_text),
            "priority": self.t(f"ticket.priority.{number.priority}") if number.priority else "",
            "time": self.t("ticket.issued_at", time=number.issued_at.strftime("%H:%M %d/%m/%Y")),
            "printed": outcome.printed,
            "unconfirmed": outcome.printing.unconfirmed,
            "message": print_message(
                outcome.printing, TICKET_WORDS, self.i18n.lang, number=number.label
            ),
        }

    def _failure(self) -> str:
        key = self.journey.failure_key
        return self.t(key, **self.journey.failure_values) if key else ""

    services = Property(QObject, _get_services, constant=True)
    priorities = Property(QObject, _get_priorities, constant=True)
    step = Property(int, _step, notify=changed)
    stepTotal = Property(int, lambda self: self.journey.step_total, constant=True)
    ticket = Property("QVariantMap", _ticket, notify=changed)
    failure = Property(str, _failure, notify=changed)

    # --- taps ------------------------------------------------------------------------------
    @Slot(str)
    def chooseService(self, service_id: str) -> None:
        self.journey.choose_service(service_id)

    @Slot(str)
    def choosePriority(self, category: str) -> None:
        self.journey.choose_priority(category or None)
        service_id, priority, lang = self.journey.service_id, self.journey.priority, self.i18n.lang
        run_in_background(
            lambda: self.core.tickets.issue(service_id, priority, lang),
            self._issued,
            self._issue_failed,
        )

    def _issued(self, outcome: TicketOutcome) -> None:
        if self.journey.state is S.ISSUING:  # the session may have ended meanwhile
            self.journey.issued(outcome)

    def _issue_failed(self, exc: BaseException) -> None:
        if self.journey.state is not S.ISSUING:
            return
        if isinstance(exc, UserFacingError):
            self.journey.failed(exc.message_key, **exc.values)
        else:
            log.error("issuing a ticket failed", exc_info=exc)
            self.journey.failed("common.unexpected")

    @Slot()
    def back(self) -> None:
        if not self.journey.back():
            self.leave()
