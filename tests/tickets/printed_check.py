"""Printing the catalogue's papers and checking them as a printer would print them: shared by
the suite (every procedure once, the hardest everywhere) and `bench/print_catalogue.py` (every
procedure on every printer, in both languages, with both kinds of QR code).

The bytes are decoded by tests/printer/paper.py, written from the ESC/POS reference, and
checked: nothing wider than the paper, no word or code broken across lines, every QR code read
back with error correction M and a quiet zone of at least four modules, one cut."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from hardware.printer.config import printer_settings
from hardware.printer.encoder import EscposEncoder
from hardware.printer.escpos_driver import encoder_for
from hardware.printer.job import PrintJob, TextLine
from kiosk.catalogue.config import CatalogueSettings
from kiosk.catalogue.guidance import SlipContext, guidance_job
from kiosk.catalogue.presentation import describe_counts, describe_fees
from kiosk.catalogue.snapshot import Catalogue
from kiosk.catalogue.store import CatalogueStore, bundled_catalogue_path, bundled_synonyms_path
from kiosk.catalogue.synonyms import load_synonyms
from kiosk.dossiers.receipt import Receipt, ReceivedPaper, receipt_job
from kiosk.paths import config_dir
from tests.printer.paper import decode, read_qr_codes

FONTS = config_dir() / "fonts"
FONT = FONTS / "NotoSans-Regular.ttf"
AT = datetime(2026, 12, 3, 16, 45, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
PRINTERS = {
    "58 mm": {"paper_width_mm": 58},
    "TM-T88V": {"profile": "TM-T88V", "paper_width_mm": 80},
    "80 mm": {"paper_width_mm": 80},
}
LANGUAGES = ("vi", "en")
DOSSIER_CODE = "000.00.06.H56-261203-4999"


def bundled_catalogue(installed: Path) -> Catalogue:
    store = CatalogueStore(
        CatalogueSettings(),
        load_synonyms(bundled_synonyms_path()),
        bundled_catalogue_path(),
        installed,
    )
    return store.current


@lru_cache
def encoder(printer: str, native_qr: bool) -> EscposEncoder:
    return encoder_for(printer_settings(native_qr=native_qr, **PRINTERS[printer]), FONTS)


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


def procedure_jobs(catalogue: Catalogue, procedure, lang: str) -> list[tuple[PrintJob, list[str]]]:
    """The guidance slip and the hand-in receipt of `procedure`, each with its QR payloads."""
    link = catalogue.portal_link(procedure)
    where = SlipContext("Trung tâm Phục vụ hành chính công xã An Bình", "3, 4", link, AT)
    receipt = receipt_for(procedure, lang)
    return [
        (guidance_job(procedure, where, lang), [link]),
        (receipt_job(receipt, lang), [receipt.qr_payload()]),
    ]


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


def check_procedure(
    catalogue: Catalogue, procedure, enc, printer: str, lang: str, native_qr: bool
) -> list[str]:
    """What is wrong with the procedure's slip and receipt printed by `enc` (built once per
    printer and QR kind: it caches the widths of the words it has measured)."""
    qr = "native" if native_qr else "image"
    return [
        f"{job.name} ({printer}, {lang}, {qr} QR): {problem}"
        for job, codes in procedure_jobs(catalogue, procedure, lang)
        for problem in check(job, enc, codes)
    ]
