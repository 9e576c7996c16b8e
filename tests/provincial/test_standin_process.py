"""The stand-in as its own process, the way a demo or another machine runs it."""

from __future__ import annotations

import signal
import stat
import subprocess
import sys

from offline_queue.client import ClientSettings, ProvincialClient
from offline_queue.kiosk_secret import create_kiosk_secret


def _start(tmp_path, **options):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "offline_queue.standin",
            "--port",
            "0",
            "--db",
            str(tmp_path / "standin.sqlite"),
            "--kiosk",
            f"kiosk-01={tmp_path}/kiosk.secret",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def test_the_stand_in_runs_from_the_command_line_and_stops_on_sigterm(tmp_path):
    secret = create_kiosk_secret(tmp_path / "kiosk.secret")
    process = _start(tmp_path)
    try:
        banner = process.stdout.readline()
        assert banner.startswith("DEMO")
        url = banner.split(" on ", 1)[1].split()[0]
        client = ProvincialClient(ClientSettings(url, "kiosk-01", secret))

        assert client.ticket_range("2026-11-23") == (1, 500)
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=10)

    assert process.returncode == 0, errors
    database = tmp_path / "standin.sqlite"
    assert database.exists() and stat.S_IMODE(database.stat().st_mode) == 0o600


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_sigint_stops_it_even_when_started_as_a_background_job(tmp_path):
    """A shell starts background jobs with SIGINT ignored; the stand-in still obeys Ctrl-C."""
    create_kiosk_secret(tmp_path / "kiosk.secret")
    process = _start(tmp_path, preexec_fn=_ignore_sigint)
    try:
        assert " on http://127.0.0.1:" in process.stdout.readline()
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=10)

    assert process.returncode == 0, errors


def test_a_missing_secret_file_is_named_in_the_error(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "offline_queue.standin",
            "--db",
            str(tmp_path / "s.sqlite"),
            "--kiosk",
            f"kiosk-01={tmp_path}/nowhere.secret",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert result.returncode == 2
    assert "nowhere.secret" in result.stderr
