"""Administrative units after the 2025 reform: counts and lookups."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from kiosk.admin_units.units import AdminUnits, AdminUnitsUnavailable, dataset_path
from kiosk.folding import fold
from kiosk.i18n import translate


def test_34_provinces_and_3321_communes(units: AdminUnits) -> None:
    provinces = units.provinces()
    assert len(provinces) == 34
    communes = [c for p in provinces for c in units.communes_of(p.code)]
    assert len(communes) == 3321
    assert len({c.code for c in communes}) == 3321
    assert Counter(p.kind for p in provinces) == {"Tỉnh": 28, "Thành phố": 6}
    assert Counter(c.kind for c in communes) == {"Xã": 2621, "Phường": 687, "Đặc khu": 13}


def test_codes_have_their_official_widths(units: AdminUnits) -> None:
    assert all(len(p.code) == 2 and p.code.isdigit() for p in units.provinces())
    assert [p.code for p in units.provinces()][:3] == ["01", "04", "08"]
    for province in units.provinces():
        assert all(len(c.code) == 5 and c.code.isdigit() for c in units.communes_of(province.code))


def test_lookup_by_code(units: AdminUnits) -> None:
    hanoi = units.province("01")
    assert hanoi is not None
    assert (hanoi.name, hanoi.short_name, hanoi.kind) == ("Thành phố Hà Nội", "Hà Nội", "Thành phố")
    assert units.province("1") == hanoi  # leading zero forgotten
    ward = units.commune("00097")
    assert ward is not None
    assert ward.address == "Phường Hồng Hà, Thành phố Hà Nội"
    assert units.commune(" 97 ") == ward
    assert units.commune("99999") is None
    assert units.province("00") is None


def test_every_kind_has_a_translation(units: AdminUnits) -> None:
    kinds = {p.kind_key for p in units.provinces()}
    kinds |= {c.kind_key for p in units.provinces() for c in units.communes_of(p.code)}
    for key in kinds:
        assert translate(key, "en") != key
    assert translate(units.commune("06994").kind_key, "en") == "Special zone"


def test_communes_of_a_province_are_in_alphabetical_order(units: AdminUnits) -> None:
    names = [fold(c.short_name) for c in units.communes_of("22")]
    assert names == sorted(names)
    assert "Đặc khu Vân Đồn" in [c.name for c in units.communes_of("22")]
    assert units.communes_of("00") == []


def test_the_dataset_is_found_without_importing_the_package() -> None:
    path = dataset_path()
    assert path.name == "dataset.db" and path.parent.name == "data"


def test_a_missing_or_broken_dataset_says_so(tmp_path: Path) -> None:
    with pytest.raises(AdminUnitsUnavailable) as missing:
        AdminUnits.load(tmp_path / "dataset.db")
    assert missing.value.message_key == "admin_units.unavailable"
    broken = tmp_path / "broken.db"
    sqlite3.connect(broken).execute("CREATE TABLE other (x)").connection.close()
    with pytest.raises(AdminUnitsUnavailable, match="no such table"):
        AdminUnits.load(broken)


def test_an_address_splits_into_its_line_and_commune(units: AdminUnits) -> None:
    line, commune = units.split("Số 12 phố Tràng Tiền,Phường Hoàn Kiếm,  Thành phố Hà Nội")
    assert line == "Số 12 phố Tràng Tiền"
    assert commune is not None and commune.code == "00070"
    # typed without diacritics, case or commas, and with nothing before the unit
    assert units.split("phuong hoan kiem thanh pho ha noi") == ("", commune)
    # the same short name in two provinces: the province decides
    line, other = units.split("Thôn 3, Xã Đông Anh, Thành phố Hà Nội")
    assert line == "Thôn 3" and other is not None and other.province.code == "01"


def test_an_address_of_before_2025_is_kept_whole(units: AdminUnits) -> None:
    old = "Số 5, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"
    assert units.split(old) == (old, None)
    assert units.split("") == ("", None)
