"""Wires the kiosk together: configuration → devices → services, in one `KioskContext` that the
UI (or a test, or the self-test) holds. Nothing here touches a device at construction; opening
and health checks happen on workers.

Two phases, so the home screen paints before the heavy parts load: `build_core` (queue numbers
and the printer: what the first citizen needs) and `complete_context` (catalogue, camera, card
reader, dossiers — OpenCV, cryptography and the rest), which the app runs on a worker after the
first frame. `build_context` does both at once for tests and tools.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from hardware.printer import TicketPrinter
from hardware.printer.factory import open_printer
from kiosk.clock import Clock, LocalTime, system_clock
from kiosk.config import KioskConfig
from kiosk.paths import config_dir, data_dir
from kiosk.province import Province
from kiosk.tickets.numbering import TicketBook
from kiosk.tickets.record import ticket_record
from kiosk.tickets.service import TicketOutcome, TicketService

if TYPE_CHECKING:  # loaded by complete_context, off the start-up path
    from hardware.camera import DocumentCamera
    from hardware.card_reader import IdCardReader
    from kiosk.catalogue.store import CatalogueStore
    from kiosk.dossiers.forms import FormLibrary
    from kiosk.dossiers.submission import HandInService
    from kiosk.identity.service import IdentityService
    from kiosk.technician.health import HasHealth
    from kiosk.technician.pin import PinStore

log = logging.getLogger(__name__)


@dataclass
class KioskContext:
    config: KioskConfig
    local_time: LocalTime
    printer: TicketPrinter
    tickets: TicketService
    data_dir: Path
    # the one door to the province; opens on its own thread
    province: Province
    # what the technician screen checks: translation key of the device kind → the device
    devices: dict[str, HasHealth] = field(default_factory=dict)
    # set by complete_context
    catalogue: CatalogueStore | None = None
    technician_pin: PinStore | None = None
    camera: DocumentCamera | None = None
    # the chip ID-card reader (opened on a worker) and what reads identities with it
    card_reader: IdCardReader | None = None
    identity: IdentityService | None = None
    # hand in a dossier: its e-forms, codes, storage and receipt
    forms: FormLibrary | None = None
    hand_in: HandInService | None = None
    closers: list = field(default_factory=list)

    def close(self) -> None:
        for close in reversed(self.closers):
            close()


def _open_reader(reader: IdCardReader) -> None:
    """A missing or broken reader is a status the technician sees, not a start-up failure."""
    try:
        reader.open()
    except Exception as exc:
        log.warning("card reader did not open: %s", exc)


def build_core(
    config: KioskConfig,
    data: Path | None = None,
    printer: TicketPrinter | None = None,
    clock: Clock = system_clock,
) -> KioskContext:
    """What the home screen and a queue ticket need; fast enough to run before the first frame."""
    data = data or data_dir()
    data.mkdir(parents=True, exist_ok=True)
    local_time = LocalTime(config.centre.timezone, clock)
    printer = printer or open_printer(
        config.printer, config_dir() / "fonts", data / "printed-tickets"
    )
    province = Province(config, data, local_time.now)
    book = TicketBook(data / "tickets.sqlite", config.queue, local_time)

    def report_ticket(outcome: TicketOutcome) -> None:
        record = ticket_record(outcome)
        province.record_ticket(record.record_id, record.body)

    tickets = TicketService(
        book,
        printer,
        config.centre,
        config.queue,
        waiting=province.people_waiting,
        on_issued=report_ticket,
    )
    context = KioskContext(config, local_time, printer, tickets, data, province)
    context.devices["technician.device.printer"] = printer
    context.devices["technician.device.outbox"] = province
    context.closers += [book.close, printer.close, province.close]
    return context


def complete_context(context: KioskContext) -> KioskContext:
    """The rest: catalogue, technician PIN, camera, card reader and identity, dossiers. Blocking
    (imports, files): run it on a worker; it touches no device (the reader opens on its own)."""
    from hardware.camera import open_camera
    from hardware.card_reader import open_reader
    from kiosk.calendar.loader import load_appointment_rules
    from kiosk.catalogue.store import CatalogueStore
    from kiosk.dossiers.forms import FormLibrary
    from kiosk.dossiers.numbering import DossierBook
    from kiosk.dossiers.submission import HandInService
    from kiosk.identity.service import IdentityService
    from kiosk.technician.health import OpenedForCheck
    from kiosk.technician.pin import PinStore, pin_path

    config, data, local_time = context.config, context.data_dir, context.local_time
    context.catalogue = CatalogueStore.open(config.catalogue, data / "catalogue")
    context.technician_pin = PinStore(pin_path(data))
    camera = context.camera = open_camera(config.camera)
    context.devices["technician.device.camera"] = OpenedForCheck(camera)
    context.closers.append(camera.close)
    reader = context.card_reader = open_reader(config.card_reader)
    context.identity = IdentityService(reader, today=lambda: local_time.now().date())
    threading.Thread(target=_open_reader, args=(reader,), name="reader-open", daemon=True).start()
    context.devices["technician.device.card_reader"] = reader
    context.closers.append(reader.close)
    dossier_book = DossierBook(
        data / "dossiers.sqlite",
        config.centre.unit_code,
        local_time,
        config.centre.dossier_number_range,
    )
    context.forms = FormLibrary()
    context.hand_in = HandInService(
        dossier_book,
        lambda: load_appointment_rules(config.calendar, config.centre.timezone),
        context.printer,
        context.province,
        config,
        context.catalogue,
    )
    context.closers.append(dossier_book.close)
    return context


def build_context(
    config: KioskConfig,
    data: Path | None = None,
    printer: TicketPrinter | None = None,
    clock: Clock = system_clock,
) -> KioskContext:
    """Both phases at once (tests, the self-test, tools)."""
    return complete_context(build_core(config, data, printer, clock))
