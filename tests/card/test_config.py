"""The `[card_reader]` configuration section and the driver factory."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from hardware.card_reader import CardReaderSettings, open_reader
from hardware.card_reader.pcsc import PcscCardReader
from hardware.card_reader.simulator import SimulatedCardReader
from kiosk.config import load_config


def test_defaults_come_from_kiosk_toml() -> None:
    settings = load_config().card_reader
    assert settings.driver == "simulator"
    assert settings.read_chunk_bytes == 4096 and settings.trust_list_path is None
    assert settings.extended_length == "auto"  # short reads unless the reader says otherwise


def test_site_files_naming_the_old_csca_folder_still_load() -> None:
    settings = CardReaderSettings(csca_folder="/etc/kiosk/csca")
    assert str(settings.trust_list_path) == "/etc/kiosk/csca"
    with pytest.raises(ValidationError):
        CardReaderSettings(extended_length="always")


def test_reader_pattern_is_a_case_insensitive_search() -> None:
    settings = CardReaderSettings(reader_pattern="acr1252")
    assert settings.matches("ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00")
    assert not settings.matches("Virtual PCD 00 00")
    assert CardReaderSettings().matches("anything at all")


@pytest.mark.parametrize(
    "values",
    [
        {"reader_pattern": "ACR(1252"},
        {"driver": "usb"},
        {"read_chunk_bytes": 100},
        {"apdu_timeout_seconds": 0},
        {"unknown_key": 1},
    ],
)
def test_bad_values_are_refused_with_the_key_named(values: dict) -> None:
    with pytest.raises(ValidationError) as caught:
        CardReaderSettings(**values)
    assert next(iter(values)) in str(caught.value)


def test_factory_picks_the_configured_driver() -> None:
    assert isinstance(open_reader(CardReaderSettings()), SimulatedCardReader)
    assert isinstance(open_reader(CardReaderSettings(driver="pcsc")), PcscCardReader)
