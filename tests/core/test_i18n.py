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


# The receipt a dossier gets has one name (issue 10): "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
# (QĐ 468/QĐ-TTg, NĐ 61/2018), "giấy hẹn trả kết quả" for short; in English the "dossier receipt
# and appointment slip", "appointment slip" for short. "Receipt" alone is the fee's e-receipt.
OTHER_VI_NAMES = re.compile(
    r"biên nhận|phiếu hẹn|giấy hẹn(?! trả kết quả)|giấy tiếp nhận(?! hồ sơ và hẹn trả kết quả)",
    re.IGNORECASE,
)
OTHER_EN_NAMES = re.compile(r"(?<!e-)\breceipt(?! and appointment slip)", re.IGNORECASE)


def test_the_dossier_receipt_has_one_name_in_each_language() -> None:
    from kiosk.dossiers.receipt import DOCUMENT_NAME

    texts = catalogue()
    others = [
        f"{key}: {entry[lang]}"
        for key, entry in texts.items()
        for lang, other_names in (("vi", OTHER_VI_NAMES), ("en", OTHER_EN_NAMES))
        if other_names.search(entry[lang])
    ]
    for folder in ("forms", "catalogue"):  # the forms' words and the catalogue's notes
        for source in (ROOT / "config" / folder).glob("*.json"):
            found = OTHER_VI_NAMES.findall(source.read_text(encoding="utf-8"))
            others += [f"{source.name}: {name}" for name in found]
    assert not others, "other names for the receipt:\n" + "\n".join(others)
    assert texts["hand_in.receipt.title"]["vi"] == DOCUMENT_NAME.upper()  # the printed title


def _catalogue_folder(tmp_path: Path, english: str) -> Path:
    folder = tmp_path / "i18n"
    folder.mkdir(exist_ok=True)
    (folder / "home.toml").write_text(
        f'[home]\ntitle = {{ vi = "Xin chào", en = "{english}" }}\n', encoding="utf-8"
    )
    return folder


def test_translations_come_from_the_copy_until_a_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kiosk.i18n

    folder, cache = _catalogue_folder(tmp_path, "Hello"), tmp_path / "cache"
    assert kiosk.i18n.cached_catalogue(folder, cache) == load_catalogue(folder)

    def not_parsed(folder: Path) -> dict[str, dict[str, str]]:
        raise AssertionError("parsed again")

    with monkeypatch.context() as patch:
        patch.setattr(kiosk.i18n, "load_catalogue", not_parsed)
        assert kiosk.i18n.cached_catalogue(folder, cache)["home.title"]["en"] == "Hello"
    _catalogue_folder(tmp_path, "Hallo")  # same size, maybe the same modification time
    assert kiosk.i18n.cached_catalogue(folder, cache)["home.title"]["en"] == "Hallo"


def test_a_damaged_or_unwritable_copy_still_gives_the_translations(tmp_path: Path) -> None:
    from kiosk.i18n import cached_catalogue

    folder, cache = _catalogue_folder(tmp_path, "Hello"), tmp_path / "cache"
    cached_catalogue(folder, cache)
    (copy,) = cache.iterdir()
    copy.write_text('{"files": ', encoding="utf-8")  # cut off
    assert cached_catalogue(folder, cache) == load_catalogue(folder)
    assert cached_catalogue(folder, copy) == load_catalogue(folder)  # a file, not a folder
    assert [p.name for p in cache.iterdir()] == [copy.name]  # no temporary file left
