"""Printer settings as the configuration file states them (section `[printer]`): one model per
transport, chosen by `driver`, so a USB printer without its IDs or a network printer with a
malformed address is refused when the file is read, not when the first ticket fails.

Whether the named python-escpos profile exists, and whether a device or queue is present on
this machine, is checked by `hardware.printer.checks` (`kiosk --check-config`): those checks
load python-escpos' capabilities, which the kiosk's start-up must not wait for.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from platform_layer import DEFAULT_PRINTER_DEVICE

# RFC 1123 host names; a name made of digits and dots only is a mistyped IPv4 address.
_HOST_NAME = re.compile(
    r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
)
SERIAL_BAUD_RATES = (2400, 4800, 9600, 19200, 38400, 57600, 115200)


class _CommonPrinterSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # python-escpos capability profile name, e.g. "TM-T88V"; it gives the printable width
    profile: str = Field("default", min_length=1, max_length=64)
    paper_width_mm: Literal[58, 80] = 80
    # printable dots across; 0 = from the profile, else from the paper width (58 → 384, 80 → 576)
    width_dots: int = Field(0, ge=0, le=1024)
    native_qr: bool = False
    cutter: bool = True
    timeout_seconds: float = Field(3.0, gt=0, le=30)
    status_timeout_seconds: float = Field(0.5, gt=0, le=5)
    # how often the printer's health is read between tickets, so a tap never waits to find out
    health_interval_seconds: float = Field(2.0, ge=0.2, le=60)


class SimulatorPrinterSettings(_CommonPrinterSettings):
    driver: Literal["simulator"] = "simulator"
    # where rendered tickets go ("" = data dir), and a fault to play
    simulator_output: str = ""
    simulator_fault: Literal["none", "paper_out", "paper_low", "cover_open", "offline"] = "none"
    # the paper roll's length in metres (a common 80 mm roll: 80 m); 0 = paper never runs out
    simulator_roll_m: float = Field(0.0, ge=0, le=300)


class NetworkPrinterSettings(_CommonPrinterSettings):
    driver: Literal["network"]
    host: str = Field(min_length=1)
    port: int = Field(9100, ge=1, le=65535)

    @field_validator("host")
    @classmethod
    def _an_address_or_a_host_name(cls, host: str) -> str:
        try:
            ipaddress.ip_address(host)
            return host
        except ValueError:
            pass
        if re.fullmatch(r"[0-9.]+", host) or not _HOST_NAME.match(host):
            raise ValueError(f"{host!r} is neither an IP address nor a host name")
        return host


class UsbPrinterSettings(_CommonPrinterSettings):
    driver: Literal["usb"]
    # as `lsusb` shows them, e.g. vendor_id = 0x04b8, product_id = 0x0202
    vendor_id: int = Field(ge=1, le=0xFFFF)
    product_id: int = Field(ge=1, le=0xFFFF)


class SerialPrinterSettings(_CommonPrinterSettings):
    driver: Literal["serial"]
    device: str = Field(min_length=1)  # e.g. /dev/ttyUSB0
    baudrate: int = 9600

    @field_validator("baudrate")
    @classmethod
    def _a_standard_rate(cls, rate: int) -> int:
        if rate not in SERIAL_BAUD_RATES:
            raise ValueError(f"{rate} is not a serial rate printers use {SERIAL_BAUD_RATES}")
        return rate


class FilePrinterSettings(_CommonPrinterSettings):
    driver: Literal["file"]
    device: str = Field(DEFAULT_PRINTER_DEVICE, min_length=1)  # a device node such as /dev/usb/lp0


class CupsPrinterSettings(_CommonPrinterSettings):
    driver: Literal["cups"]
    # a CUPS queue name as `lpstat -p` lists it, set up as a raw queue
    queue: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,127}$")


PrinterSettings = Annotated[
    SimulatorPrinterSettings
    | NetworkPrinterSettings
    | UsbPrinterSettings
    | SerialPrinterSettings
    | FilePrinterSettings
    | CupsPrinterSettings,
    Field(discriminator="driver"),
]
PRINTER_DRIVERS = ("simulator", "network", "usb", "serial", "file", "cups")
_ADAPTER: TypeAdapter[PrinterSettings] = TypeAdapter(PrinterSettings)


def printer_settings(**values: object) -> PrinterSettings:
    """Settings for the driver named in `values` (default: the simulator), validated."""
    return _ADAPTER.validate_python({"driver": "simulator", **values})


def with_driver(settings: PrinterSettings, driver: str, **values: object) -> PrinterSettings:
    """The same paper, profile and timeouts on another transport (the self-test's simulator)."""
    common = settings.model_dump(include=set(_CommonPrinterSettings.model_fields))
    return printer_settings(**common, driver=driver, **values)
