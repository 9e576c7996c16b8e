"""The launcher's crash-loop rule on a real install root: back to the previous release once,
then the plain out-of-service screen; a healthy confirmed update re-arms the fallback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.fleet.install_root import CONFIRMED, ROLLED_BACK, InstallRoot, UpdateState
from kiosk.fleet.launcher import OUT_OF_SERVICE, choose

REPO = Path(__file__).resolve().parents[2]


def release(root: InstallRoot, version: str) -> None:
    folder = root.release_dir(version)
    folder.mkdir(parents=True)
    program = folder / "kiosk"
    program.write_text(f'#!/bin/sh\necho "{version} $* PYTHONPATH=${{PYTHONPATH:-}}"\n')
    program.chmod(0o755)


def two_releases(tmp_path: Path) -> InstallRoot:
    root = InstallRoot(tmp_path / "kiosk-app")
    release(root, "1.0.0")
    release(root, "1.1.0")
    root.point(root.previous, "1.0.0")
    root.point(root.current, "1.1.0")
    root.write_state(UpdateState(CONFIRMED, "1.1.0", "1.0.0"))
    return root


def test_a_few_restarts_are_not_a_crash_loop(tmp_path: Path) -> None:
    root = two_releases(tmp_path)
    # four starts in ten minutes, then a fifth after the first left the window
    for minute in (0, 2, 4, 6, 11):
        launch = choose(root, ["--windowed"], now=minute * 60.0)
        assert launch.why == "normal"
    assert launch.argv == [str(root.release_dir("1.1.0").resolve() / "kiosk"), "--windowed"]


def test_a_crash_loop_falls_back_once_then_shows_out_of_service(tmp_path: Path) -> None:
    root = two_releases(tmp_path)
    launches = [choose(root, [], now=float(second)) for second in range(0, 50, 10)]

    assert [launch.why for launch in launches] == ["normal"] * 4 + ["fallback"]
    assert root.current_version() == "1.0.0"
    state = root.read_state()
    assert state.phase == ROLLED_BACK and state.rejected == ["1.1.0"] and state.fell_back
    assert launches[-1].argv[0].endswith("releases/1.0.0/kiosk")

    # the previous release crashes in a loop as well: nothing left but the plain screen
    more = [choose(root, [], now=100.0 + second) for second in range(0, 50, 10)]
    assert more[-1].why == "out_of_service" and more[-1].argv[-1] == OUT_OF_SERVICE
    assert root.current_version() == "1.0.0"


def test_without_a_previous_release_a_crash_loop_shows_out_of_service(tmp_path: Path) -> None:
    root = InstallRoot(tmp_path / "kiosk-app")
    release(root, "1.0.0")
    root.point(root.current, "1.0.0")
    launches = [choose(root, ["--windowed"], now=float(s)) for s in range(5)]
    assert launches[-1].why == "out_of_service"
    assert launches[-1].argv[1:] == ["--windowed", OUT_OF_SERVICE]


def test_the_launcher_runs_on_the_system_python_and_becomes_the_kiosk(tmp_path: Path) -> None:
    """No virtual environment, no third-party package: what install-kiosk gives it."""
    root = two_releases(tmp_path)
    done = subprocess.run(
        [
            "/usr/bin/python3",
            "-I",
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from kiosk.fleet.launcher import main; main(sys.argv[2:])",
            str(REPO),
            str(root.root),
            "--windowed",
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": os.environ["PATH"], "PYTHONPATH": "/leaks"},
        check=True,
    )
    assert done.stdout.strip() == "1.1.0 --windowed PYTHONPATH="
    assert "starting" in done.stderr and sys.executable not in done.stderr
