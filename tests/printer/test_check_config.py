"""`kiosk --check-config` refuses printer settings that cannot work and says why: a USB printer
without its IDs, missing serial, device-file and CUPS targets, a malformed IP address, a
mistyped profile, native QR on a model without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hardware.printer.checks import printer_problems
from hardware.printer.config import printer_settings
from kiosk.config import ConfigError, load_config


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))
    return tmp_path


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ('driver = "usb"', "printer.vendor_id"),
        ('driver = "usb"\nvendor_id = 0x04b8', "printer.product_id"),
        ('driver = "serial"', "printer.device"),
        ('driver = "serial"\ndevice = "/dev/ttyS0"\nbaudrate = 9601', "printer.baudrate"),
        ('driver = "cups"', "printer.queue"),
        ('driver = "cups"\nqueue = "my queue"', "printer.queue"),
        ('driver = "network"', "printer.host"),
        ('driver = "network"\nhost = "192.168.1.300"', "printer.host"),
        ('driver = "network"\nhost = "10.0.0.9"\nvendor_id = 1', "printer.vendor_id"),
        ('driver = "parallel"', "printer"),
    ],
)
def test_the_file_rules_name_the_key(home: Path, section: str, key: str) -> None:
    site = home / "site.toml"
    site.write_text(f"[printer]\n{section}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(site)
    assert any(p.startswith(f"{site}: {key}") for p in raised.value.problems), raised.value


def test_a_mistyped_profile_is_refused_with_suggestions() -> None:
    [problem] = printer_problems(printer_settings(profile="TM-T88"))
    assert problem.startswith("printer.profile: 'TM-T88' is not a python-escpos profile")
    assert "TM-T88V" in problem


def test_native_qr_on_a_model_without_it_is_refused() -> None:
    [problem] = printer_problems(printer_settings(profile="TM-U220", native_qr=True))
    assert problem.startswith("printer.native_qr:")


def test_missing_devices_and_queues_are_refused(tmp_path: Path) -> None:
    assert printer_problems(printer_settings(driver="serial", device="/dev/ttyNOPE9")) == [
        "printer.device: /dev/ttyNOPE9 does not exist (is the printer plugged in?)"
    ]
    assert printer_problems(printer_settings(driver="file", device=str(tmp_path / "lp9")))
    regular = tmp_path / "not-a-port"
    regular.touch()
    assert printer_problems(printer_settings(driver="serial", device=str(regular))) == [
        f"printer.device: {regular} is not a serial port"
    ]
    problems = printer_problems(printer_settings(driver="cups", queue="no-such-kiosk-queue"))
    assert len(problems) == 1 and problems[0].startswith(("printer.queue:", "printer.driver:"))


def test_a_working_configuration_passes(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    assert printer_problems(printer_settings(driver="file", device=str(device))) == []
    assert (
        printer_problems(
            printer_settings(
                driver="network", host="192.168.1.50", profile="TM-T88V", native_qr=True
            )
        )
        == []
    )


def test_the_command_refuses_a_mistyped_profile(home: Path) -> None:
    site = home / "site.toml"
    site.write_text('[printer]\ndriver = "network"\nhost = "192.168.1.50"\nprofile = "TM-T88"\n')
    run = subprocess.run(
        [sys.executable, "-m", "ui.main", "--check-config", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert "printer.profile: 'TM-T88' is not a python-escpos profile" in run.stderr
    assert str(site) in run.stderr
