"""Tells the centre's staff when the ticket printer's paper runs low or out: a notice through the
province door (the outbox) and a line on the technician screen, once per change, not per ticket.

The printer's health watch reports status changes on its own thread; a status that could not be
read (unknown) is no change of paper, so a printer that misses one answer does not raise the
same notice again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from hardware.device import DeviceEvent
from hardware.printer import PaperState, PrinterStatus, TicketPrinter
from kiosk.province import NoticeKind, Province

log = logging.getLogger(__name__)

NOTICE_OF = {
    PaperState.LOW: NoticeKind.PRINTER_PAPER_LOW,
    PaperState.OUT: NoticeKind.PRINTER_PAPER_OUT,
}


@dataclass(frozen=True)
class PaperChange:
    paper: PaperState  # LOW or OUT
    since: datetime  # local time


class PaperNotices:
    def __init__(
        self, printer: TicketPrinter, province: Province, now: Callable[[], datetime]
    ) -> None:
        self._province = province
        self._now = now
        self._lock = threading.Lock()
        self._paper = PaperState.UNKNOWN  # the last paper state the printer reported
        self.current: PaperChange | None = None  # what the technician screen shows
        self._unsubscribe = printer.events.subscribe(self._on_event)

    def _on_event(self, event: DeviceEvent) -> None:
        if event.kind == "status_changed" and isinstance(event.payload, PrinterStatus):
            self.paper_reported(event.payload.paper)

    def paper_reported(self, paper: PaperState) -> None:
        if paper is PaperState.UNKNOWN:
            return
        with self._lock:
            if paper is self._paper:
                return
            self._paper = paper
            kind = NOTICE_OF.get(paper)
            self.current = PaperChange(paper, self._now()) if kind else None
        if kind is not None:
            log.warning("printer paper %s: telling the centre", paper.value)
            self._province.send_notice(kind, {"device": "ticket_printer", "paper": paper.value})

    def close(self) -> None:
        self._unsubscribe()
