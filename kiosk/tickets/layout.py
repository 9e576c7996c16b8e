"""The printed queue ticket: centre, the number (large), counter, service, local time, priority,
a QR that identifies the ticket, and a short footer, in the citizen's language."""

from __future__ import annotations

from dataclasses import dataclass

from hardware.printer import PrintJob, QrCode, Rule, Spacer, TextLine
from hardware.printer.job import TextSize
from kiosk.config import CentreSettings, QueueService
from kiosk.i18n import translate
from kiosk.tickets.numbering import IssuedNumber


@dataclass(frozen=True)
class Ticket:
    number: IssuedNumber
    service: QueueService
    centre: CentreSettings
    people_waiting: int | None = None

    @property
    def counters_text(self) -> str:
        return ", ".join(self.service.counters)

    def qr_payload(self) -> str:
        """Identifies the ticket for the counter and the queue display; no personal data."""
        n = self.number
        return "|".join(
            [
                "VE1",
                self.centre.unit_code,
                self.centre.kiosk_id,
                n.issued_at.strftime("%Y%m%d"),
                n.label,
                self.service.id,
                n.issued_at.strftime("%H%M"),
                n.priority or "",
            ]
        )


def ticket_job(ticket: Ticket, lang: str) -> PrintJob:
    def t(key: str, **values: object) -> str:
        return translate(key, lang, **values)

    n = ticket.number
    blocks: list = [
        TextLine(ticket.centre.name.get(lang), TextSize.NORMAL, bold=True),
        Rule(),
        TextLine(t("ticket.your_number"), TextSize.SMALL),
        TextLine(n.label, TextSize.HUGE, bold=True),
    ]
    if n.priority:
        blocks.append(TextLine(t(f"ticket.priority.{n.priority}"), TextSize.LARGE, bold=True))
    blocks += [
        TextLine(ticket.service.name.get(lang), TextSize.LARGE, bold=True),
        TextLine(t("ticket.counter", counters=ticket.counters_text), TextSize.NORMAL),
    ]
    if ticket.people_waiting is not None:
        blocks.append(TextLine(t("ticket.waiting", count=ticket.people_waiting)))
    blocks += [
        TextLine(n.issued_at.strftime("%d/%m/%Y %H:%M"), TextSize.NORMAL),
        QrCode(ticket.qr_payload(), module_dots=4),
        TextLine(t("ticket.footer"), TextSize.SMALL),
        Spacer(8),
    ]
    return PrintJob(tuple(blocks), cut=True, name=f"ticket-{n.label}")
