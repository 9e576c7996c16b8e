"""Helpers the outbox tests share: personal-data markers, a clock to move by hand, scans."""

from __future__ import annotations

import random

from offline_queue.outbox import Scan

# Values that stand for a citizen's personal data; none may appear in the outbox's raw bytes.
MARKERS = {
    "name": "Nguyễn Thị Hồng Nhung",
    "id_number": "079301004512",
    "birth": "14/02/1987",
    "address": "Số 17 ngõ 254 phố Minh Khai, phường Vĩnh Tuy, Hà Nội",
    "phone": "0912345678",
}


class ManualClock:
    """Wall-clock seconds that only move when a test says so."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_scans(count: int, size: int, seed: int = 0) -> list[Scan]:
    rng = random.Random(seed)
    return [Scan(f"giay-to-{n}.jpg", "image/jpeg", rng.randbytes(size)) for n in range(count)]


def dossier_data(n: int = 0) -> dict[str, object]:
    """A dossier's members as the contract names them, the applicant's carrying the markers."""
    return {
        "procedure_code": "1.001193",
        "submitted_at": "2026-11-23T09:15:00+07:00",
        "applicant": dict(MARKERS),
        "form": {"purpose": "Đăng ký khai sinh", "copies": 1 + n % 3, "seq": n},
    }
