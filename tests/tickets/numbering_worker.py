"""Run as a process by test_numbering_crash.py: takes numbers as fast as it can and prints each
one after its transaction committed, until it is killed."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.clock import LocalTime
from kiosk.config import load_config
from kiosk.tickets.numbering import TicketBook


def main() -> None:
    settings = load_config().queue.model_copy(
        update={"daily_maximum": 9999, "number_range": (1, 9999)}
    )
    book = TicketBook(Path(sys.argv[1]), settings, LocalTime())
    service = settings.services[0]
    while True:
        number = book.allocate(service, None)
        print(number.label, flush=True)


if __name__ == "__main__":
    main()
