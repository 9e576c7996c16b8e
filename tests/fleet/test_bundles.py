"""Central configuration bundles on a kiosk's own folders: a good bundle applied (settings,
the year's holidays, a catalogue through the catalogue store), a bad or unsigned one refused
with nothing changed, one that fails after the switch rolled back."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest

from devtools.release_builder import sign_payload
from kiosk.calendar.loader import load_working_calendar
from kiosk.catalogue.store import CatalogueStore, bundled_catalogue_path
from kiosk.config import config_files, load_config
from kiosk.fleet.bundles import ConfigBundles
from kiosk.paths import data_dir

SETTINGS = """
[queue]
number_range = [1, 499]

[[queue.services]]
id = "ho-tich"
prefix = "A"
name = { vi = "Hộ tịch", en = "Civil status" }
counters = ["1", "2", "9"]

[[queue.services]]
id = "dat-dai"
prefix = "D"
name = { vi = "Đất đai", en = "Land" }
counters = ["5"]
"""

YEAR_2027 = """
year = 2027

[[days_off]]
date = 2027-09-03
name = { vi = "Nghỉ bù Quốc khánh", en = "Day off in lieu (National Day)" }
source = "Thông báo của tỉnh (thử nghiệm)"
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def catalogue(home: Path) -> CatalogueStore:
    return CatalogueStore.open(installed_dir=data_dir() / "catalogue")


def newer_catalogue(version: str = "2026.12.1") -> bytes:
    document = json.loads(bundled_catalogue_path().read_text(encoding="utf-8"))
    document["version"] = version
    return json.dumps(document, ensure_ascii=False).encode()


def bundle(key, version: str, files: dict[str, bytes], kiosk_ids=None) -> bytes:
    payload = {
        "version": version,
        "created_at": "2026-12-03T10:00:00+07:00",
        "files": {name: base64.b64encode(data).decode() for name, data in files.items()},
    }
    if kiosk_ids is not None:
        payload["kiosk_ids"] = kiosk_ids
    return sign_payload(json.dumps(payload).encode(), key)


def test_a_good_bundle_is_applied(home, catalogue, releases, public_key) -> None:
    bundles = ConfigBundles(public_key, "kiosk-01", catalogue)
    document = bundle(
        releases.key,
        "1.0",
        {
            "settings.toml": SETTINGS.encode(),
            "calendar/2027.toml": YEAR_2027.encode(),
            "catalogue.json": newer_catalogue(),
        },
        kiosk_ids=["kiosk-01", "kiosk-02"],
    )

    result = bundles.apply(document)

    assert result.ok and result.step == "applied" and result.restart_needed
    config = load_config()
    assert [s.id for s in config.queue.services] == ["ho-tich", "dat-dai"]
    assert config.queue.services[0].counters == ["1", "2", "9"]
    assert any(p.parts[-2:] == ("central", "settings.toml") for p in config_files())
    calendar = load_working_calendar(config.calendar)
    assert not calendar.is_working_day(date(2027, 9, 3))  # a Friday, off by the bundle
    assert catalogue.current.version == "2026.12.1"
    assert bundles.active_version() == "1.0"
    assert bundles.apply(document).step == "up_to_date"


def test_a_bundle_that_breaks_the_rules_is_refused_and_nothing_changes(
    home, catalogue, releases, public_key
) -> None:
    bundles = ConfigBundles(public_key, "kiosk-01", catalogue)
    assert bundles.apply(bundle(releases.key, "1.0", {"settings.toml": SETTINGS.encode()})).ok
    broken = SETTINGS.replace("number_range = [1, 499]", "number_range = [500, 1]")

    result = bundles.apply(bundle(releases.key, "1.1", {"settings.toml": broken.encode()}))

    assert not result.ok and result.step == "refused"
    assert "queue.number_range" in result.detail and "central-bundles/1.1" in result.detail
    assert bundles.active_version() == "1.0" and load_config().queue.number_range == (1, 499)
    again = bundles.apply(bundle(releases.key, "1.1", {"settings.toml": broken.encode()}))
    assert again.detail == "rejected here before"  # not re-checked and re-reported hourly
    bad_year = YEAR_2027.replace("year = 2027", "year = 2028")
    result = bundles.apply(bundle(releases.key, "1.2", {"calendar/2027.toml": bad_year.encode()}))
    assert result.step == "refused" and "2027.toml" in result.detail
    result = bundles.apply(bundle(releases.key, "1.3", {"catalogue.json": b'{"version": 1}'}))
    assert result.step == "refused" and bundles.active_version() == "1.0"
    assert catalogue.current.version == "2026.05.1"


def test_an_unsigned_or_foreign_bundle_is_refused(home, catalogue, releases, public_key) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    bundles = ConfigBundles(public_key, "kiosk-01", catalogue)
    files = {"settings.toml": SETTINGS.encode()}
    forged = bundle(Ed25519PrivateKey.generate(), "1.0", files)
    assert "bad_signature" in bundles.apply(forged).detail
    assert "unsigned" in bundles.apply(json.dumps({"version": "1.0"}).encode()).detail
    other_kiosk = bundle(releases.key, "1.0", files, kiosk_ids=["kiosk-07"])
    assert "not for kiosk kiosk-01" in bundles.apply(other_kiosk).detail
    assert bundles.active_version() is None and len(config_files()) == 1


def test_a_bundle_failing_after_the_switch_is_rolled_back(
    home, catalogue, releases, public_key
) -> None:
    bundles = ConfigBundles(public_key, "kiosk-01", catalogue)
    assert bundles.apply(bundle(releases.key, "1.0", {"settings.toml": SETTINGS.encode()})).ok
    # the installed catalogue's place is taken by a folder (a damaged data folder): the
    # catalogue store cannot write the update after the new settings are switched in
    (data_dir() / "catalogue" / "catalogue.json").mkdir(parents=True)
    more = SETTINGS.replace('counters = ["5"]', 'counters = ["5", "6"]')

    result = bundles.apply(
        bundle(
            releases.key,
            "1.1",
            {"settings.toml": more.encode(), "catalogue.json": newer_catalogue()},
        )
    )

    assert not result.ok and result.step == "rolled_back"
    assert bundles.active_version() == "1.0"
    assert load_config().queue.services[1].counters == ["5"]
    assert catalogue.current.version == "2026.05.1"
