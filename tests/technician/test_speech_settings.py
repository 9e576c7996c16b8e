"""The technician's speech settings on the screen: each press applies at once, is written to
override.toml (keeping what the file already held) and holds at the next start; the next
visit starts speaking when the centre wants it; a file the kiosk cannot write is named."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.technician.pin import Argon2Cost, PinStore

EARLIER = "# set by hand at installation\n[speech]\nsounds = true  # the centre wants the sounds\n"


@pytest.fixture
def kiosk_at_home(monkeypatch, tmp_path: Path, request):
    """The kiosk with its site folder in tmp_path (never the machine's own)."""
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "override.toml").write_text(EARLIER, encoding="utf-8")
    return request.getfixturevalue("kiosk_ui")


def open_speech_settings(ui, driver) -> None:
    store = ui.kiosk.services.technician_pin
    PinStore(store.path, cost=Argon2Cost(1, 8 * 1024, 1)).set_pin("482915")
    ui.technician.open()
    ui.technician.submitPin("482915")  # (the PIN screen has its own test)
    driver.wait_screen("TechnicianStatus")
    driver.tap("openSpeechSettings")
    driver.wait_screen("TechnicianSpeech")
    driver.qtbot.waitUntil(lambda: ui.technician.speechVoicesFound, timeout=10_000)


def test_speech_settings_apply_at_once_and_hold_at_the_next_start(
    kiosk_at_home, driver, tmp_path: Path
) -> None:
    ui, vm = kiosk_at_home, kiosk_at_home.technician
    speaker = ui.core.speaker
    assert speaker.defaults.rate_wpm == 130 and not speaker.defaults.on_by_default
    open_speech_settings(ui, driver)
    assert driver.text("speechRate") == "Tốc độ đọc: 130 từ mỗi phút"
    assert vm.speechVoiceVi == "Giọng tiếng Việt: Vietnamese (Northern)"
    # the default "en" is espeak-ng's gmw/en, listed as en-gb: named, not shown as a code
    assert vm.speechVoiceEn == "Giọng tiếng Anh: English (Great Britain)"

    for name in ("speechSlower", "speechSlower", "speechLouder", "speechLouder", "speechLouder"):
        driver.tap(name)
    for name in ("speechOnByDefault", "speechNumbers", "speechSounds", "speechVoiceVi"):
        driver.tap(name)
    assert driver.text("speechRate") == "Tốc độ đọc: 110 từ mỗi phút"
    assert driver.text("speechVolume") == "Âm lượng: 100%"  # 80 + 3 × 10, held at 100
    assert vm.speechOnByDefault.endswith("Bật") and vm.speechSounds.endswith("Tắt")
    assert vm.speechVoiceVi == "Giọng tiếng Việt: Vietnamese (Central)"
    override = tmp_path / "etc" / "override.toml"
    driver.qtbot.waitUntil(lambda: driver.text("technicianNotice").startswith("Đã lưu vào "))
    assert str(override) in driver.text("technicianNotice")

    written = override.read_text(encoding="utf-8")
    assert written.startswith("# set by hand at installation\n")  # the file's own words kept
    speech = tomllib.loads(written)["speech"]
    assert speech == {
        "sounds": False,
        "voice_vi": "vi-vn-x-central",
        "voice_en": "en",
        "rate_wpm": 110,
        "volume_percent": 100,
        "on_by_default": True,
        "numbers": "digits",
    }
    # the next start reads the same (the tests' own player aside)
    tests_own = {"players"}
    assert load_config().speech.model_dump(exclude=tests_own) == speaker.defaults.model_dump(
        exclude=tests_own
    )

    said = []
    speaker.listeners.append(said.append)
    driver.tap("speechTry")  # in the new voice, numbers digit by digit
    driver.qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "một không hai ba" in said[-1].text and said[-1].language == "vi"
    assert said[-1].wav.stat().st_size > 10_000

    driver.tap("backButton")
    driver.wait_screen("TechnicianStatus")
    driver.tap("leaveTechnician")
    driver.wait_screen("Home")
    assert speaker.enabled  # the next visit starts speaking
    assert speaker.settings.rate_wpm == 110 and speaker.settings.numbers == "digits"


def test_an_override_file_it_cannot_read_is_left_alone_and_named(
    kiosk_at_home, driver, tmp_path: Path
) -> None:
    ui = kiosk_at_home
    open_speech_settings(ui, driver)
    override = tmp_path / "etc" / "override.toml"
    broken = EARLIER + "[queue\n"  # someone's hand edit, half done, while the kiosk runs
    override.write_text(broken, encoding="utf-8")
    driver.tap("speechFaster")
    driver.qtbot.waitUntil(lambda: "Không lưu được" in driver.text("technicianNotice"))
    assert str(override) in driver.text("technicianNotice")
    assert override.read_text(encoding="utf-8") == broken
    assert ui.core.speaker.defaults.rate_wpm == 140  # in use until the kiosk restarts


@pytest.mark.parametrize(
    ("start", "change", "key", "after"),
    [
        ({"rate_wpm": 85}, "slower", "rate_wpm", 80),  # stops at the slowest
        ({"rate_wpm": 80}, "slower", "rate_wpm", 80),
        ({"rate_wpm": 255}, "faster", "rate_wpm", 260),
        ({"volume_percent": 10}, "softer", "volume_percent", 10),  # never silent
        ({"volume_percent": 95}, "louder", "volume_percent", 100),
        ({"numbers": "digits"}, "numbers", "numbers", "whole"),
        ({"on_by_default": True}, "on_by_default", "on_by_default", False),
    ],
)
def test_each_press_stays_within_bounds(start, change, key, after) -> None:
    from kiosk.speech.settings import SpeechSettings

    assert getattr(SpeechSettings(**start).changed(change), key) == after
