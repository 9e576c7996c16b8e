"""The house rules of architecture.md, checked on every run: imports run ui → kiosk →
hardware, offline_queue; the province is reached through one door (`kiosk/province/`); journeys
see neither devices nor the outbox; no Qt screens outside ui/; nothing in the product imports the
development tools."""

from __future__ import annotations

import ast
from pathlib import Path

from kiosk.paths import resource_dir

ROOT = resource_dir()
FORBIDDEN = {
    "ui": {"offline_queue", "devtools"},
    "kiosk": {"ui", "devtools"},
    "hardware": {"ui", "kiosk", "offline_queue", "devtools"},
    "offline_queue": {"ui", "kiosk", "hardware", "devtools"},
    # the one platform module sits below every room
    "platform_layer": {"ui", "kiosk", "hardware", "offline_queue", "devtools"},
    # the user-facing error base and the lazy-import convention, below every room
    "foundation": {"ui", "kiosk", "hardware", "offline_queue", "platform_layer", "devtools"},
}
# The one door to the province: nothing else in kiosk/ names offline_queue.
PROVINCE_DOOR = Path("kiosk/province")
# Journeys are state machines: events in, state out; devices and the outbox stay behind services.
JOURNEYS = Path("kiosk/journeys")
# ui/ reaches devices only through kiosk/, apart from the screens that show a device live (and
# why): they follow its own events and status as they happen, which no service sums up.
UI_HARDWARE_EXCEPTIONS = {
    Path("ui/camera_qr_watch.py"): "hands the live camera to kiosk.scanning's QR reader",
    Path("ui/viewmodels/identity.py"): "follows the card reader's events and status live",
    Path("ui/viewmodels/scan.py"): "follows the camera's status live",
}
QT_SCREENS = {"PySide6.QtWidgets", "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtGui"}


def imports_of(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def sources(room: str) -> list[tuple[Path, set[str]]]:
    return [
        (source.relative_to(ROOT), {name.split(".")[0] for name in imports_of(source)})
        for source in sorted((ROOT / room).rglob("*.py"))
    ]


def test_imports_run_one_way() -> None:
    broken = []
    for room, forbidden in FORBIDDEN.items():
        for source in (ROOT / room).rglob("*.py"):
            for name in imports_of(source):
                top = name.split(".")[0]
                if top in forbidden or (room != "ui" and name in QT_SCREENS):
                    broken.append(f"{source.relative_to(ROOT)} imports {name}")
    assert not broken, "\n".join(broken)


def test_the_province_is_reached_through_one_door() -> None:
    broken = [
        str(path)
        for path, tops in sources("kiosk")
        if "offline_queue" in tops and not path.is_relative_to(PROVINCE_DOOR)
    ]
    assert not broken, "import offline_queue only in kiosk/province/:\n" + "\n".join(broken)


def test_journeys_see_neither_devices_nor_the_outbox() -> None:
    broken = [
        f"{path} imports {', '.join(sorted(tops & {'hardware', 'offline_queue'}))}"
        for path, tops in sources(str(JOURNEYS))
        if tops & {"hardware", "offline_queue"}
    ]
    assert not broken, "\n".join(broken)


def test_the_ui_reaches_devices_only_through_the_kiosk() -> None:
    importing = {path for path, tops in sources("ui") if "hardware" in tops}
    assert importing <= set(UI_HARDWARE_EXCEPTIONS), "\n".join(
        str(path) for path in sorted(importing - set(UI_HARDWARE_EXCEPTIONS))
    )
    assert set(UI_HARDWARE_EXCEPTIONS) <= importing, "a documented exception no longer applies"
