"""The `[camera]` section: defaults load, bad values are named, messages are translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.i18n import translate


def test_defaults_give_a_simulated_1080p_camera():
    config = load_config()
    assert config.camera.driver == "simulator"
    assert (config.camera.width, config.camera.height) == (1920, 1080)
    assert config.camera.scan.dpi >= 200


def test_a_bad_camera_value_names_the_key_and_file(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path))
    site = tmp_path / "site.toml"
    site.write_text('[camera]\ndriver = "webcam"\n[camera.scan]\ndpi = 100\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(site)
    text = str(raised.value)
    assert "camera.driver" in text and "camera.scan.dpi" in text and str(site) in text


@pytest.mark.parametrize(
    "key",
    [
        "camera.no_device",
        "camera.lost",
        "camera.no_frames",
        "camera.closed",
        "camera.simulator_bad_file",
    ],
)
def test_camera_messages_are_translated(key):
    assert translate(key, "vi") != key and translate(key, "en") != key
