"""qmllint over every screen and component, against the type description of the Python
objects the screens use (devtools/qmltypes.py): a misspelt property, a slot that does not exist
or a name reached without its module is a warning, and any warning fails the test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from devtools.qmltypes import write_modules
from kiosk.paths import resource_dir
from ui.app import QML_DIR

QMLLINT = Path(sys.executable).with_name("pyside6-qmllint")


def test_every_qml_file_lints_clean(tmp_path: Path) -> None:
    write_modules(tmp_path)
    files = sorted(str(p) for p in QML_DIR.rglob("*.qml"))
    files += sorted(str(p) for p in (resource_dir() / "tests").rglob("*.qml"))
    run = subprocess.run(
        [str(QMLLINT), "-I", str(tmp_path), "-I", str(QML_DIR), *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = run.stdout + run.stderr
    warnings = [line for line in report.splitlines() if line.startswith(("Warning", "Error"))]
    assert run.returncode == 0 and not warnings, report
