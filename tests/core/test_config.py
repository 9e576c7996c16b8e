"""Configuration: defaults valid, site and override files win, errors name the file and key."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))
    return tmp_path


def test_the_defaults_are_valid() -> None:
    config = load_config()
    assert config.printer.driver == "simulator"
    assert config.queue.services and config.ui.idle_warning_seconds >= 20


def test_site_then_override_win_key_by_key(home: Path) -> None:
    site = home / "site.toml"
    site.write_text('[centre]\nkiosk_id = "xa-an-binh-2"\n[queue]\nnumber_range = [500, 999]\n')
    (home / "etc").mkdir()
    (home / "etc" / "override.toml").write_text(
        '[printer]\ndriver = "network"\nhost = "10.0.0.9"\n'
    )
    config = load_config(site)
    assert config.centre.kiosk_id == "xa-an-binh-2"
    assert config.centre.timezone == "Asia/Ho_Chi_Minh"  # untouched default
    assert config.queue.number_range == (500, 999)
    assert (config.printer.driver, config.printer.host) == ("network", "10.0.0.9")


def test_an_error_names_the_file_and_the_key(home: Path) -> None:
    site = home / "site.toml"
    site.write_text("[printer]\npaper_width_mm = 70\n[queue]\nnumber_range = [900, 100]\n")
    with pytest.raises(ConfigError) as raised:
        load_config(site)
    problems = raised.value.problems
    assert any(p.startswith(f"{site}: printer.paper_width_mm:") for p in problems)
    assert any(p.startswith(f"{site}: queue.number_range:") for p in problems)


def test_unknown_keys_and_broken_toml_are_refused(home: Path) -> None:
    site = home / "site.toml"
    site.write_text("[printer]\npaper_wdth_mm = 58\n")
    with pytest.raises(ConfigError, match="paper_wdth_mm"):
        load_config(site)
    site.write_text("[printer\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(site)
    with pytest.raises(ConfigError, match="file not found"):
        load_config(home / "missing.toml")


def test_check_config_command_reports_and_exits_nonzero(home: Path) -> None:
    site = home / "site.toml"
    site.write_text("[ui]\nidle_warning_seconds = 5\n")
    run = subprocess.run(
        [sys.executable, "-m", "ui.main", "--check-config", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2
    assert f"{site}: ui.idle_warning_seconds" in run.stderr
    site.write_text("")
    ok = subprocess.run(
        [sys.executable, "-m", "ui.main", "--check-config", "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0 and "valid" in ok.stdout
