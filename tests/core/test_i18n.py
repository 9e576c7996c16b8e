"""Every string has Vietnamese and English, and every key the screens and code use exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.i18n import catalogue, load_catalogue, translate
from kiosk.paths import resource_dir

ROOT = resource_dir()


def test_every_entry_has_both_languages() -> None:
    for key, entry in catalogue().items():
        assert entry.get("vi", "").strip(), key
        assert entry.get("en", "").strip(), key


def test_every_key_used_in_qml_exists() -> None:
    used = set()
    for qml in (ROOT / "ui" / "qml").rglob("*.qml"):
        used |= set(re.findall(r'i18n\.s\["([\w.]+)"\]', qml.read_text(encoding="utf-8")))
    missing = sorted(used - catalogue().keys())
    assert not missing, f"QML uses keys with no translation: {missing}"


def test_every_literal_key_used_in_python_exists() -> None:
    pattern = re.compile(
        r"""(?:\bt|translate|DeviceError|UserFacingError)\(\s*"([a-z_]+\.[\w.]+)\""""
    )
    used = set()
    for folder in ("kiosk", "ui", "hardware"):
        for source in (ROOT / folder).rglob("*.py"):
            used |= set(pattern.findall(source.read_text(encoding="utf-8")))
    missing = sorted(used - catalogue().keys())
    assert not missing, f"code uses keys with no translation: {missing}"


def test_formatting_and_fallbacks() -> None:
    assert translate("common.step", "en", n=2, total=5) == "Step 2 of 5"
    assert translate("no.such.key") == "no.such.key"


def test_a_file_redefining_another_files_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('[x]\ny = { vi = "a", en = "a" }\n')
    (tmp_path / "b.toml").write_text('[x]\ny = { vi = "b", en = "b" }\n')
    with pytest.raises(ValueError, match="redefines"):
        load_catalogue(tmp_path)
