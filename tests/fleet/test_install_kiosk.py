"""`scripts/install-kiosk` under a prefix: what it writes, that running it again changes
nothing, and that systemd itself accepts the units (`systemd-analyze verify`)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "install-kiosk"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(
            str(path.readlink()).encode() if path.is_symlink() else path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


def install(prefix: Path, app: Path, *extra: str) -> str:
    done = subprocess.run(
        [str(SCRIPT), "--prefix", str(prefix), "--app", str(app), "--version", "1.0.0", *extra],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "kiosk"
    folder.mkdir(parents=True)
    (folder / "kiosk").write_text("#!/bin/sh\necho kiosk\n")
    (folder / "kiosk").chmod(0o755)
    return folder


def test_install_writes_the_session_and_is_idempotent(tmp_path: Path, app: Path) -> None:
    prefix = tmp_path / "root"
    site = tmp_path / "site.toml"
    site.write_text('[centre]\nkiosk_id = "an-binh-1"\n')
    key = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    first = install(prefix, app, "--site", str(site), "--release-key", key)
    before = tree_digest(prefix)
    again = install(prefix, app, "--site", str(site), "--release-key", key)

    assert "wrote" in first and "wrote" not in again and "installed" not in again
    assert tree_digest(prefix) == before
    home = prefix / "home" / "kiosk"
    assert (home / "kiosk-app" / "current").readlink() == Path("releases/1.0.0")
    assert (
        "--autologin kiosk"
        in (prefix / "etc/systemd/system/getty@tty1.service.d/autologin.conf").read_text()
    )
    profile = (home / ".bash_profile").read_text()
    assert "exec cage -d --" in profile and "/dev/tty1" in profile
    site_text = (home / ".config/service-centre-kiosk/site.toml").read_text()
    assert site_text.count("[fleet]") == 1 and key in site_text
    assert f'install_root = "{home}/kiosk-app"' in site_text


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs Debian's systemd package")
def test_systemd_accepts_the_kiosk_unit(tmp_path: Path, app: Path) -> None:
    prefix = tmp_path / "root"
    install(prefix, app)
    unit = prefix / "home/kiosk/.config/systemd/user/kiosk.service"
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    done = subprocess.run(
        ["systemd-analyze", "--user", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    # and it does complain about a broken unit, so the check above means something
    broken = tmp_path / "broken.service"
    broken.write_text(unit.read_text().replace("WatchdogSec=", "WatchdogSecs="))
    complaint = subprocess.run(
        ["systemd-analyze", "--user", "verify", str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"XDG_RUNTIME_DIR": str(runtime), "PATH": "/usr/bin:/bin"},
    )
    assert "Unknown key 'WatchdogSecs'" in complaint.stderr
