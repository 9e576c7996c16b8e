"""What every printing screen says, from real outcomes: python-escpos' `Network` transport
(inside our driver) printing to the ESC/POS peer on 127.0.0.1 when it answers status, when it
takes the job but never answers, and when it closes the connection mid-job. A ticket, a
hand-in receipt, an e-receipt, a guidance slip and the technician's test page each tell the
three apart the same way (`kiosk.printing.print_message`), in Vietnamese and English."""

from __future__ import annotations

import pytest

from hardware.printer.escpos_driver import EscposTicketPrinter
from kiosk.i18n import translate
from kiosk.printing import PaperWords, PrintOutcome, print_and_report, print_message
from ui.viewmodels.catalogue import SLIP_WORDS
from ui.viewmodels.follow_dossier import ERECEIPT_WORDS
from ui.viewmodels.hand_in import RECEIPT_WORDS
from ui.viewmodels.take_number import TICKET_WORDS
from ui.viewmodels.technician import TEST_PAGE_WORDS

from .conftest import FONT_DIR, network_settings
from .escpos_peer import EscposPeer
from .test_network_printer import JOB

CODE = "000.00.06.H56-261203-0042"
PAPERS: dict[str, tuple[PaperWords, dict[str, str]]] = {
    "ticket": (TICKET_WORDS, {"number": "A042"}),
    "hand-in receipt": (RECEIPT_WORDS, {"code": CODE}),
    "e-receipt": (ERECEIPT_WORDS, {}),
    "guidance slip": (SLIP_WORDS, {}),
    "test page": (TEST_PAGE_WORDS, {}),
}


def outcome_from(configure) -> PrintOutcome:
    peer = EscposPeer()
    configure(peer)
    printer = EscposTicketPrinter(network_settings(peer.port), FONT_DIR)
    try:
        return print_and_report(printer, JOB, "test job")
    finally:
        printer.close()
        peer.close()


@pytest.fixture(scope="module")
def outcomes() -> dict[str, PrintOutcome]:
    def silent(peer: EscposPeer) -> None:
        peer.silent = True

    def cut(peer: EscposPeer) -> None:
        peer.close_after_bytes = 2003

    return {
        "confirmed": outcome_from(lambda peer: None),
        "unconfirmed": outcome_from(silent),
        "cut": outcome_from(cut),
    }


def test_the_three_outcomes_come_from_the_printer(outcomes) -> None:
    confirmed, unconfirmed, cut = outcomes["confirmed"], outcomes["unconfirmed"], outcomes["cut"]
    assert (confirmed.printed, confirmed.unconfirmed) == (True, False)
    assert (unconfirmed.printed, unconfirmed.unconfirmed) == (True, True)
    assert unconfirmed.bytes_sent == confirmed.bytes_sent  # every byte went out
    assert (cut.printed, cut.problem_key) == (False, "printer.not_printed")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("paper", list(PAPERS))
def test_every_paper_tells_printed_unconfirmed_and_not_printed_apart(outcomes, paper, lang):
    words, values = PAPERS[paper]
    said = {kind: print_message(o, words, lang, **values) for kind, o in outcomes.items()}
    assert len(set(said.values())) == 3, said
    for kind, text in said.items():
        keys = (words.printed, words.unconfirmed, words.not_printed)
        assert text and "{" not in text and not any(k in text for k in keys), (kind, text)
        # what lets the citizen do without the paper is there whenever it may not have come out
        if kind != "confirmed":
            assert all(v in text for v in values.values()), (kind, text)
    assert said["cut"].startswith(translate("printer.not_printed", lang))
