"""The national portal's dossier status codes (1 Mới đăng ký … 10 Đã trả kết quả), read from
`dossier_statuses.toml` beside this module so the codes live in one reviewed data file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STATUS_FILE = Path(__file__).with_name("dossier_statuses.toml")


@dataclass(frozen=True)
class DossierStatusCode:
    code: int
    name: str
    key: str
    final: bool

    @property
    def message_key(self) -> str:
        return f"provincial.status.{self.key}"


@cache
def dossier_status_codes() -> dict[int, DossierStatusCode]:
    with STATUS_FILE.open("rb") as fh:
        rows = tomllib.load(fh)["status"]
    codes = {
        row["code"]: DossierStatusCode(row["code"], row["name"], row["key"], row["final"])
        for row in rows
    }
    if sorted(codes) != list(range(1, 11)):
        raise ValueError(f"{STATUS_FILE}: expected the codes 1 to 10 exactly once each")
    return codes
