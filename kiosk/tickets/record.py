"""What the province hears of an issued ticket (the contract's TicketRecord): built here, by the
ticket domain, and handed through the province door (`Province.record_ticket`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kiosk.tickets.service import TicketOutcome


@dataclass(frozen=True)
class TicketRecord:
    record_id: str  # also the outbox's idempotency key
    body: dict[str, Any]


def ticket_record(outcome: TicketOutcome) -> TicketRecord:
    number = outcome.ticket.number
    return TicketRecord(
        f"ticket-{number.ticket_id}",
        {
            "service_id": number.service_id,
            "number": number.sequence,
            "label": number.label,
            "event": "issued",
            "priority": number.priority or "",
            "at": number.issued_at.isoformat(),
            "printed": outcome.printed,
        },
    )
