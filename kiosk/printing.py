"""Printing a job and saying what happened: the one place that turns a printer's answer into
what the citizen is told. A failed print never raises: whatever was printed for (a number, a
dossier) already exists, and the screen shows it instead with the printer's own words.

Three outcomes, on every screen that prints (ticket, receipt, e-receipt, guidance slip, test
page): printed and confirmed by the printer's status after it; printed but unconfirmed (every
byte went to a printer that could not say whether paper came out: a device file, a CUPS queue,
a printer that does not answer status), where the screen keeps what the paper carries; not
printed, with the cause.

Blocking (the printer's timeouts): call `print_and_report` from a worker, never the Qt thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from hardware.printer import PrintJob, TicketPrinter
from kiosk.errors import message_key_of
from kiosk.i18n import translate

log = logging.getLogger(__name__)

# What a citizen is told when the printer failed without saying why.
PRINTER_UNREACHABLE = "printer.unreachable"
CALL_STAFF = "common.call_staff"


@dataclass(frozen=True)
class PrintOutcome:
    printed: bool
    problem_key: str | None = None  # translation key, when not printed
    bytes_sent: int = 0
    # printed and the printer said all was well after it (True), or it could not say (None: a
    # write-only connection, a printer that never answers status): then show the number too
    confirmed: bool | None = None

    @property
    def unconfirmed(self) -> bool:
        return self.printed and not self.confirmed


@dataclass(frozen=True)
class PaperWords:
    """The translation keys a screen tells one kind of paper's outcome with. `unconfirmed` and
    `not_printed` get the values that let the citizen do without the paper (a number, a code);
    `not_printed` follows the printer's cause."""

    printed: str
    unconfirmed: str
    not_printed: str
    call_staff: bool = True  # end a failure with "please ask a member of staff"


def print_message(outcome: PrintOutcome, words: PaperWords, lang: str, **values: str) -> str:
    """What the screen says about this print, in `lang`."""
    if outcome.printed:
        key = words.unconfirmed if outcome.unconfirmed else words.printed
        return translate(key, lang, **values)
    parts = [
        translate(outcome.problem_key or PRINTER_UNREACHABLE, lang),
        translate(words.not_printed, lang, **values),
    ]
    if words.call_staff:
        parts.append(translate(CALL_STAFF, lang))
    return " ".join(parts)


def print_and_report(printer: TicketPrinter, job: PrintJob, what: str) -> PrintOutcome:
    """Print `job`; `what` names it in the log ("ticket A042", "receipt …")."""
    try:
        result = printer.print_job(job)
    except Exception as exc:  # whatever the printer did, the caller shows the outcome
        log.warning("%s not printed: %s", what, exc)
        return PrintOutcome(False, message_key_of(exc, PRINTER_UNREACHABLE))
    return PrintOutcome(True, bytes_sent=result.bytes_sent, confirmed=result.confirmed)
