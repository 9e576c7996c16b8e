"""Every guidance slip and hand-in receipt of the bundled catalogue, and every queue ticket,
printed and decoded as a printer would print them (tests/tickets/printed_check.py): nothing
wider than the paper, no word or code broken across lines, every QR code read back with error
correction M and a quiet zone of at least four modules.

Printers: 58 mm paper (384 dots), a TM-T88V (512 dots, from python-escpos' profile) and 80 mm
paper (576 dots), with image and native QR codes, in Vietnamese and English: every procedure in
each of the twelve combinations (about a minute on CI; the suite's two workers absorb it).
`bench/print_catalogue.py` does the same walk and times it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from hardware.printer.job import PrintJob, TextLine
from kiosk.config import load_config
from kiosk.tickets.layout import Ticket, ticket_job
from kiosk.tickets.numbering import IssuedNumber
from tests.printer.paper import decode
from tests.tickets.printed_check import (
    AT,
    DOSSIER_CODE,
    FONT,
    LANGUAGES,
    PRINTERS,
    bundled_catalogue,
    check,
    check_procedure,
    encoder,
    procedure_jobs,
)

COMBINATIONS = list(itertools.product(PRINTERS, LANGUAGES, (False, True)))


@pytest.fixture(scope="module")
def procedures(tmp_path_factory: pytest.TempPathFactory):
    return bundled_catalogue(tmp_path_factory.mktemp("installed"))


@pytest.mark.timeout(600)  # ~15 s each on CI; four passed 120 s at load 12 in a fresh run
@pytest.mark.parametrize(
    ("printer", "lang", "native"),
    COMBINATIONS,
    ids=[f"{p}-{lang}-{'native' if n else 'image'}" for p, lang, n in COMBINATIONS],
)
def test_every_procedures_slip_and_receipt_prints_whole(
    procedures, printer: str, lang: str, native: bool
) -> None:
    enc = encoder(printer, native)
    failures = []
    for procedure in procedures.procedures:
        failures += check_procedure(procedures, procedure, enc, printer, lang, native)
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_queue_ticket_prints_whole_on_every_width(lang: str) -> None:
    config = load_config()
    categories = [None, *config.queue.priority_categories]
    failures = []
    for name in PRINTERS:
        for index, service in enumerate(config.queue.services):
            enc = encoder(name, index % 2 == 1)
            for priority in {categories[0], categories[(index + 1) % len(categories)]}:
                label = f"{service.prefix}4999"
                number = IssuedNumber("id", service.id, 4999, label, AT, priority)
                ticket = Ticket(number, service, config.centre, people_waiting=128)
                job = ticket_job(ticket, lang)
                problems = check(job, enc, [ticket.qr_payload()])
                failures += [f"{job.name} {name}: {p}" for p in problems]
    assert not failures, "\n".join(failures[:20])


def test_a_word_wider_than_the_paper_prints_smaller_never_fails() -> None:
    enc = encoder("58 mm", False)
    code = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222"
    job = PrintJob((TextLine(code), TextLine(f"Mã hồ sơ: {DOSSIER_CODE}")))
    paper = decode(enc.encode(job), enc.width_dots, FONT)
    assert not paper.overflows
    assert len([i for i in paper.images if i.height > 5]) >= 1


def test_the_tm_t88v_prints_512_dots_not_576(tmp_path: Path) -> None:
    enc = encoder("TM-T88V", False)
    assert enc.width_dots == 512
    paper = decode(enc.encode(PrintJob((TextLine("HẸN TRẢ KẾT QUẢ xã An Bình " * 3),))), 512, FONT)
    assert not paper.overflows and max(i.width for i in paper.images) <= 512


def test_vietnamese_raster_lines_break_between_words_as_tesseract_reads_them(procedures) -> None:
    """Raster lines cannot be read back byte by byte: tesseract (vie) reads the longest slip
    and receipt at 58 mm, and the words on either side of every line break must be whole
    words of the text (compared without marks, which OCR sometimes drops)."""
    import numpy as np

    from kiosk.folding import fold
    from tests.camera.ocr import read_text, tesseract_available

    if not tesseract_available():
        pytest.skip("tesseract with the Vietnamese model is not installed")
    enc = encoder("58 mm", False)
    longest = max(procedures.procedures, key=lambda p: len(p.name) + len(p.papers))
    failures = []
    for job, _ in procedure_jobs(procedures, longest, "vi"):
        paper = decode(enc.encode(job), enc.width_dots, FONT)
        page = np.asarray(paper.image).copy()
        for image in paper.images:  # QR codes and rules read as noise
            square = image.height > 60 and abs(image.width - image.height) < 40
            if square or image.height < 8:
                page[image.y : image.y + image.height, :] = 255
        page = np.kron(page, np.ones((2, 2), dtype=np.uint8))  # tesseract likes bigger glyphs
        lines = [fold(line).split() for line in read_text(page).splitlines()]
        # stacked marks over large capitals come back as lines of stray signs: skip those
        lines = [line for line in lines if any(len(token) > 1 for token in line)]
        words = {w for b in job.blocks if isinstance(b, TextLine) for w in fold(b.text).split()}
        for before, after in itertools.pairwise(lines):
            for token in (before[-1], after[0]):
                if token not in words:
                    failures.append(f"{job.name}: {' '.join(before)} | {' '.join(after)}")
    assert not failures, "\n".join(failures)
