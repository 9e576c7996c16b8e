"""Issuing a ticket: take the next number, print it, and record whether it reached paper.

The number is recorded before printing so it is never issued twice; when the printer fails the
outcome carries the reason and the number, which the screen shows for the citizen to note.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from hardware.printer import TicketPrinter
from kiosk.config import CentreSettings, QueueSettings
from kiosk.printing import PrintOutcome, print_and_report
from kiosk.tickets.layout import Ticket, ticket_job
from kiosk.tickets.numbering import TicketBook

log = logging.getLogger(__name__)

WaitingProvider = Callable[[str], int | None]


@dataclass(frozen=True)
class TicketOutcome:
    ticket: Ticket
    printing: PrintOutcome

    @property
    def printed(self) -> bool:
        return self.printing.printed

    @property
    def problem_key(self) -> str | None:
        return self.printing.problem_key

    @property
    def bytes_sent(self) -> int:
        return self.printing.bytes_sent

    @property
    def confirmed(self) -> bool | None:
        """True: the printer said it was fine after the ticket; None: it could not say (a
        write-only connection, a printer that does not answer status): the screen shows the
        number too."""
        return self.printing.confirmed


class TicketService:
    def __init__(
        self,
        book: TicketBook,
        printer: TicketPrinter,
        centre: CentreSettings,
        queue: QueueSettings,
        waiting: WaitingProvider = lambda service_id: None,
        on_issued: Callable[[TicketOutcome], None] = lambda outcome: None,
    ) -> None:
        self.book = book
        self.printer = printer
        self.centre = centre
        self.queue = queue
        self._waiting = waiting
        self._on_issued = on_issued
        self._services = {s.id: s for s in queue.services}

    def issue(self, service_id: str, priority: str | None, lang: str) -> TicketOutcome:
        """Blocking (SQLite and printer): call it from a worker, never the Qt thread."""
        service = self._services[service_id]
        if priority is not None and priority not in self.queue.priority_categories:
            raise ValueError(f"unknown priority category {priority!r}")
        number = self.book.allocate(service, priority)
        try:
            waiting = self._waiting(service_id)
        except Exception:
            log.warning("queue status unavailable; the ticket goes without it", exc_info=True)
            waiting = None
        ticket = Ticket(number, service, self.centre, waiting)
        printing = print_and_report(
            self.printer, ticket_job(ticket, lang), f"ticket {number.label}"
        )
        self.book.record_print(
            number.ticket_id,
            printed=printing.printed,
            problem_key=printing.problem_key,
            confirmed=printing.confirmed,
        )
        outcome = TicketOutcome(ticket, printing)
        log.info("ticket %s issued for %s (printed=%s)", number.label, service_id, outcome.printed)
        self._on_issued(outcome)
        return outcome
