"""Every character a person can see on screen or on paper exists in the bundled Noto Sans:
without it a kiosk with no other fonts would draw empty boxes."""

from __future__ import annotations

import os
import re

from kiosk.i18n import catalogue
from kiosk.paths import font_path, resource_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QML_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def visible_texts() -> dict[str, str]:
    texts = {f"i18n {key}": text for key, entry in catalogue().items() for text in entry.values()}
    for qml in (resource_dir() / "ui" / "qml").rglob("*.qml"):
        for n, line in enumerate(qml.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip().startswith("//"):
                continue
            for literal in QML_STRING.findall(line):
                texts[f"{qml.name}:{n}"] = literal
    return texts


def test_the_bundled_font_has_every_visible_character(qapp) -> None:
    from PySide6.QtGui import QRawFont

    fonts = [QRawFont(str(font_path(weight)), 30) for weight in ("Regular", "Bold")]
    missing = {}
    for where, text in visible_texts().items():
        for char in set(text):
            if char.isprintable() and not all(f.supportsCharacter(ord(char)) for f in fonts):
                missing.setdefault(f"U+{ord(char):04X} {char}", []).append(where)
    assert not missing, f"characters the bundled font cannot draw: {missing}"
