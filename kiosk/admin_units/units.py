"""The units themselves, read from the dataset the MIT package `vietnamadminunits` ships, and a
small service to list and look them up.

Only the package's SQLite file is read: importing the package would load its address parser
(shapely, geopy, 4 MB of JSON), which the kiosk does not need. A frozen build therefore needs
that one data file, not the package's code.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from foundation.errors import UserFacingError
from kiosk.folding import fold

PACKAGE = "vietnamadminunits"
DATASET = Path("data") / "dataset.db"

_KIND_KEYS = {
    "Tỉnh": "admin_units.kind.province",
    "Thành phố": "admin_units.kind.city",
    "Phường": "admin_units.kind.ward",
    "Xã": "admin_units.kind.commune",
    "Đặc khu": "admin_units.kind.special_zone",
}


@dataclass(frozen=True)
class Province:
    code: str  # 2 digits, e.g. "01" for Hà Nội
    name: str  # "Thành phố Hà Nội"
    short_name: str  # "Hà Nội"
    kind: str  # "Tỉnh" or "Thành phố"
    aliases: tuple[str, ...] = ()  # what people type for it, e.g. ("hcm",)

    @property
    def kind_key(self) -> str:
        return _KIND_KEYS[self.kind]


@dataclass(frozen=True)
class Commune:
    code: str  # 5 digits, e.g. "00097"
    name: str  # "Phường Hồng Hà"
    short_name: str  # "Hồng Hà"
    kind: str  # "Phường", "Xã" or "Đặc khu"
    province: Province

    @property
    def kind_key(self) -> str:
        return _KIND_KEYS[self.kind]

    @property
    def address(self) -> str:
        """As written on a form: `Phường Hồng Hà, Thành phố Hà Nội`."""
        return f"{self.name}, {self.province.name}"


class AdminUnitsUnavailable(UserFacingError):
    """The dataset is missing (e.g. a frozen build without it); `message_key` is for the screen."""

    message_key = "admin_units.unavailable"


def dataset_path() -> Path:
    """Where the package's dataset is, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / DATASET
        if candidate.is_file():
            return candidate
    raise AdminUnitsUnavailable(detail=f"{PACKAGE}/{DATASET.as_posix()} not found")


def _province_kind(name: str, short_name: str) -> str:
    return name.removesuffix(short_name).strip()


def read_units(path: Path) -> list[Commune]:
    """Every commune with its province, in the dataset's order (province code, then commune)."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with sqlite3.connect(uri, uri=True) as conn:
            rows = conn.execute(
                "SELECT provinceCode, province, provinceShort, provinceAlias,"
                " wardCode, ward, wardShort, wardType"
                " FROM admin_units ORDER BY provinceCode, wardCode"
            ).fetchall()
    except sqlite3.Error as exc:
        raise AdminUnitsUnavailable(detail=f"{path}: {exc}") from exc
    provinces: dict[str, Province] = {}
    communes = []
    for p_code, p_name, p_short, p_aliases, c_code, c_name, c_short, c_kind in rows:
        province = provinces.get(p_code)
        if province is None:
            aliases = tuple(json.loads(p_aliases)) if p_aliases else ()
            province = Province(p_code, p_name, p_short, _province_kind(p_name, p_short), aliases)
            provinces[p_code] = province
        communes.append(Commune(c_code, c_name, c_short, c_kind, province))
    return communes


class AdminUnits:
    """Lists and looks up the units; all in memory (3,321 rows)."""

    def __init__(self, communes: list[Commune]) -> None:
        self._communes = communes
        self._by_code = {c.code: c for c in communes}
        self._provinces = list({c.province.code: c.province for c in communes}.values())
        self._province_by_code = {p.code: p for p in self._provinces}

    @classmethod
    def load(cls, path: Path | None = None) -> AdminUnits:
        return cls(read_units(path or dataset_path()))

    def provinces(self) -> list[Province]:
        """In the official code order (Hà Nội first)."""
        return list(self._provinces)

    def communes_of(self, province_code: str) -> list[Commune]:
        """Sorted as a person looks for them: by name, Vietnamese letters folded."""
        found = [c for c in self._communes if c.province.code == province_code]
        return sorted(found, key=lambda c: (fold(c.short_name), c.short_name))

    def province(self, code: str) -> Province | None:
        return self._province_by_code.get(_pad(code, 2))

    def commune(self, code: str) -> Commune | None:
        return self._by_code.get(_pad(code, 5))

    def split(self, address: str) -> tuple[str, Commune | None]:
        """An address as written (`Số 12 phố Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội`)
        as its first line and the commune it ends with, found without minding diacritics or
        case; (the whole text, None) when it names no current commune and province (an address
        written before the 2025 reorganisation)."""
        text = " ".join(re.sub(r"\s*,\s*", ", ", address).split()).strip(" ,")
        folded = fold(text)
        for province in self._provinces:
            if not folded.endswith(fold(province.name)):
                continue
            for commune in self.communes_of(province.code):
                unit = fold(commune.address)
                if folded == unit or folded.endswith(" " + unit):
                    words = text.split()  # folding keeps the words, not the commas
                    return " ".join(words[: len(words) - len(unit.split())]).strip(" ,"), commune
        return text, None


def _pad(code: str, width: int) -> str:
    code = code.strip()
    return code.zfill(width) if code.isdigit() else code
