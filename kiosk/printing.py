"""Printing a job and saying what happened: the one place that turns a printer's answer into
what the citizen is told. A failed print never raises: whatever was printed for (a number, a
dossier) already exists, and the screen shows it instead with the printer's own words.

Blocking (the printer's timeouts): call it from a worker, never the Qt thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hardware.printer import PrintJob, TicketPrinter
from kiosk.errors import message_key_of

log = logging.getLogger(__name__)

# What a citizen is told when the printer failed without saying why.
PRINTER_UNREACHABLE = "printer.unreachable"


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool
    problem_key: str | None = None  # translation key, when not printed
    bytes_sent: int = 0
    # printed and the printer said all was well after it (True), or it could not say (None: a
    # write-only connection, a printer that never answers status): then show the number too
    confirmed: bool | None = None


def print_and_report(printer: TicketPrinter, job: PrintJob, what: str) -> PrintOutcome:
    """Print `job`; `what` names it in the log ("ticket A042", "receipt …")."""
    try:
        result = printer.print_job(job)
    except Exception as exc:  # whatever the printer did, the caller shows the outcome
        log.warning("%s not printed: %s", what, exc)
        return PrintOutcome(False, message_key_of(exc, PRINTER_UNREACHABLE))
    return PrintOutcome(True, bytes_sent=result.bytes_sent, confirmed=result.confirmed)
