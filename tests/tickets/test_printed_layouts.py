"""Every guidance slip, receipt and queue ticket of the bundled catalogue, in Vietnamese and
English, printed for 58 mm paper (384 dots), a TM-T88V (512 dots, from python-escpos' profile)
and 80 mm paper (576 dots), with image and native QR codes: the bytes are decoded as a printer
would print them (tests/printer/paper.py, written from the ESC/POS reference) and checked —
nothing wider than the paper, no word or code broken across lines, every QR code read back
with error correction M and a quiet zone of at least four modules."""

from __future__ import annotations

import itertools
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hardware.printer.config import printer_settings
from hardware.printer.encoder import EscposEncoder
from hardware.printer.escpos_driver import encoder_for
from hardware.printer.job import PrintJob, TextLine
from kiosk.catalogue.config import CatalogueSettings
from kiosk.catalogue.guidance import SlipContext, guidance_job
from kiosk.catalogue.presentation import describe_counts, describe_fees
from kiosk.catalogue.store import CatalogueStore, bundled_catalogue_path, bundled_synonyms_path
from kiosk.catalogue.synonyms import load_synonyms
from kiosk.config import load_config
from kiosk.dossiers.receipt import Receipt, ReceivedPaper, receipt_job
from kiosk.paths import config_dir
from kiosk.tickets.layout import Ticket, ticket_job
from kiosk.tickets.numbering import IssuedNumber
from tests.printer.paper import decode, read_qr_codes

FONTS = config_dir() / "fonts"
FONT = FONTS / "NotoSans-Regular.ttf"
AT = datetime(2026, 12, 3, 16, 45, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
PRINTERS = {
    "58 mm": {"paper_width_mm": 58},
    "TM-T88V": {"profile": "TM-T88V", "paper_width_mm": 80},
    "80 mm": {"paper_width_mm": 80},
}
DOSSIER_CODE = "000.00.06.H56-261203-4999"


@pytest.fixture(scope="module")
def procedures(tmp_path_factory: pytest.TempPathFactory):
    store = CatalogueStore(
        CatalogueSettings(),
        load_synonyms(bundled_synonyms_path()),
        bundled_catalogue_path(),
        tmp_path_factory.mktemp("installed"),
    )
    return store.current


def encoders(native: bool) -> dict[str, EscposEncoder]:
    return {
        name: encoder_for(printer_settings(native_qr=native, **values), FONTS)
        for name, values in PRINTERS.items()
    }


def receipt_for(procedure, lang: str) -> Receipt:
    papers = [p for case in procedure.papers for p in case.papers]
    return Receipt(
        dossier_code=DOSSIER_CODE,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        applicant_name="Nguyễn Thị Phương Thảo Hoàng Ngọc",
        applicant_id="001234567890",
        papers=tuple(
            ReceivedPaper(f"{p.name} ({describe_counts(p, lang)})", (i % 3) * 2)
            for i, p in enumerate(papers)
        ),
        fees=tuple(describe_fees(procedure, lang)),
        received_at=AT,
        appointment="08:00 17/12/2026",
        centre_name="Trung tâm Phục vụ hành chính công xã An Bình, huyện Dĩ An",
        collect_at="Trung tâm Phục vụ hành chính công xã An Bình, số 12 đường Nguyễn Trãi, "
        "khu phố Bình Đường 2 — quầy 3, 4",
        issuing_system="000.00.06.H56/an-binh-1",
    )


def check(job: PrintJob, encoder: EscposEncoder, expected_codes: list[str]) -> list[str]:
    """What is wrong with this job on this printer, as short sentences."""
    paper = decode(encoder.encode(job), encoder.width_dots, FONT)
    problems = list(paper.overflows)
    words = {
        word for block in job.blocks if isinstance(block, TextLine) for word in block.text.split()
    }
    for printed in paper.texts:
        broken = [w for w in printed.text.split() if w not in words]
        if broken:
            problems.append(f"printed words not in the text: {broken} in {printed.text!r}")
    codes = read_qr_codes(paper)
    if sorted(c.text for c in codes) != sorted(expected_codes):
        problems.append(f"QR read back {[c.text[:30] for c in codes]}")
    for code in codes:
        if code.ec_level != "M" or code.quiet_modules < 4:
            problems.append(
                f"QR {code.text[:20]!r}: EC {code.ec_level}, quiet {code.quiet_modules}"
            )
    if paper.cuts != 1:
        problems.append(f"{paper.cuts} cuts")
    return problems


@pytest.mark.parametrize("printer", list(PRINTERS))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_slip_and_receipt_prints_whole(procedures, printer: str, lang: str) -> None:
    by_native = {native: encoders(native)[printer] for native in (False, True)}
    failures = []
    for index, procedure in enumerate(procedures.procedures):
        encoder = by_native[index % 2 == 1]  # half with the printer's own QR codes
        link = procedures.portal_link(procedure)
        where = SlipContext("Trung tâm Phục vụ hành chính công xã An Bình", "3, 4", link, AT)
        receipt = receipt_for(procedure, lang)
        for job, codes in (
            (guidance_job(procedure, where, lang), [link]),
            (receipt_job(receipt, lang), [receipt.qr_payload()]),
        ):
            failures += [f"{job.name}: {p}" for p in check(job, encoder, codes)]
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_queue_ticket_prints_whole_on_every_width(lang: str) -> None:
    config = load_config()
    categories = [None, *config.queue.priority_categories]
    failures = []
    for name in PRINTERS:
        for index, service in enumerate(config.queue.services):
            encoder = encoders(index % 2 == 1)[name]
            for priority in {categories[0], categories[(index + 1) % len(categories)]}:
                label = f"{service.prefix}4999"
                number = IssuedNumber("id", service.id, 4999, label, AT, priority)
                ticket = Ticket(number, service, config.centre, people_waiting=128)
                job = ticket_job(ticket, lang)
                problems = check(job, encoder, [ticket.qr_payload()])
                failures += [f"{job.name} {name}: {p}" for p in problems]
    assert not failures, "\n".join(failures[:20])


def test_a_word_wider_than_the_paper_prints_smaller_never_fails() -> None:
    encoder = encoders(False)["58 mm"]
    code = "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.004222"
    job = PrintJob((TextLine(code), TextLine(f"Mã hồ sơ: {DOSSIER_CODE}")))
    paper = decode(encoder.encode(job), encoder.width_dots, FONT)
    assert not paper.overflows
    assert len([i for i in paper.images if i.height > 5]) >= 1


def test_the_tm_t88v_prints_512_dots_not_576(tmp_path: Path) -> None:
    encoder = encoders(False)["TM-T88V"]
    assert encoder.width_dots == 512
    paper = decode(
        encoder.encode(PrintJob((TextLine("HẸN TRẢ KẾT QUẢ xã An Bình " * 3),))), 512, FONT
    )
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
    encoder = encoders(False)["58 mm"]
    longest = max(procedures.procedures, key=lambda p: len(p.name) + len(p.papers))
    link = procedures.portal_link(longest)
    where = SlipContext("Trung tâm Phục vụ hành chính công xã An Bình", "3, 4", link, AT)
    failures = []
    for job in (guidance_job(longest, where, "vi"), receipt_job(receipt_for(longest, "vi"), "vi")):
        paper = decode(encoder.encode(job), encoder.width_dots, FONT)
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
