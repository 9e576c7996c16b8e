"""The house rules of architecture.md, checked on every run: imports run ui → kiosk →
hardware, offline_queue; no Qt screens outside ui/."""

from __future__ import annotations

import ast
from pathlib import Path

from kiosk.paths import resource_dir

ROOT = resource_dir()
FORBIDDEN = {
    "kiosk": {"ui"},
    "hardware": {"ui", "kiosk", "offline_queue"},
    "offline_queue": {"ui", "kiosk", "hardware"},
    # the one platform module sits below every room
    "platform_layer": {"ui", "kiosk", "hardware", "offline_queue"},
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


def test_imports_run_one_way() -> None:
    broken = []
    for room, forbidden in FORBIDDEN.items():
        for source in (ROOT / room).rglob("*.py"):
            for name in imports_of(source):
                top = name.split(".")[0]
                if top in forbidden or name in QT_SCREENS:
                    broken.append(f"{source.relative_to(ROOT)} imports {name}")
    assert not broken, "\n".join(broken)
