"""Queue numbers: local midnight, ranges per kiosk, daily maximum, restarts and threads."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.clock import LocalTime
from kiosk.config import QueueSettings, load_config
from kiosk.errors import UserFacingError
from kiosk.tickets.numbering import TicketBook


class SettableClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def queue(**changes: object) -> QueueSettings:
    return load_config().queue.model_copy(update=changes)


def book_at(path: Path, clock: SettableClock, **changes: object) -> TicketBook:
    return TicketBook(path, queue(**changes), LocalTime("Asia/Ho_Chi_Minh", clock))


def test_numbers_reset_at_local_midnight_not_utc(tmp_path: Path) -> None:
    clock = SettableClock(datetime(2026, 11, 23, 16, 59, 0, tzinfo=UTC))  # 23:59 in Hà Nội
    book = book_at(tmp_path / "t.sqlite", clock)
    service = book.settings.services[0]
    assert book.allocate(service, None).label == "A001"
    assert book.allocate(service, None).label == "A002"
    clock.at = datetime(2026, 11, 23, 17, 0, 1, tzinfo=UTC)  # 00:00:01 on the 24th, local
    first = book.allocate(service, None)
    assert first.label == "A001" and first.issued_at.date().isoformat() == "2026-11-24"
    clock.at = datetime(2026, 11, 24, 0, 0, 1, tzinfo=UTC)  # UTC midnight: same local day
    assert book.allocate(service, None).label == "A002"


def test_each_service_has_its_own_sequence_and_prefix(tmp_path: Path) -> None:
    book = book_at(tmp_path / "t.sqlite", SettableClock(datetime(2026, 1, 5, 2, tzinfo=UTC)))
    a, b = book.settings.services[:2]
    assert [book.allocate(a, None).label, book.allocate(b, None).label] == ["A001", "B001"]


def test_two_kiosks_with_their_ranges_never_collide(tmp_path: Path) -> None:
    clock = SettableClock(datetime(2026, 1, 5, 2, tzinfo=UTC))
    first = book_at(tmp_path / "k1.sqlite", clock, number_range=(1, 499))
    second = book_at(tmp_path / "k2.sqlite", clock, number_range=(500, 999))
    service = first.settings.services[0]
    labels = [first.allocate(service, None).label for _ in range(20)]
    labels += [second.allocate(service, None).label for _ in range(20)]
    assert len(set(labels)) == 40
    assert labels[20] == "A500"


def test_the_daily_maximum_and_the_range_end_stop_issuing_with_a_message(tmp_path: Path) -> None:
    clock = SettableClock(datetime(2026, 1, 5, 2, tzinfo=UTC))
    book = book_at(tmp_path / "t.sqlite", clock, daily_maximum=3)
    service = book.settings.services[0]
    for _ in range(3):
        book.allocate(service, None)
    with pytest.raises(UserFacingError) as raised:
        book.allocate(service, None)
    assert raised.value.message_key == "ticket.no_more_today"
    ranged = book_at(tmp_path / "r.sqlite", clock, number_range=(998, 999))
    assert ranged.allocate(service, None).label == "A998"
    assert ranged.allocate(service, None).label == "A999"
    with pytest.raises(UserFacingError):
        ranged.allocate(service, None)


def test_a_restart_continues_the_sequence(tmp_path: Path) -> None:
    clock = SettableClock(datetime(2026, 1, 5, 2, tzinfo=UTC))
    book = book_at(tmp_path / "t.sqlite", clock)
    service = book.settings.services[0]
    book.allocate(service, None)
    book.close()
    again = book_at(tmp_path / "t.sqlite", clock)
    assert again.allocate(service, None).label == "A002"


def test_concurrent_workers_never_get_the_same_number(tmp_path: Path) -> None:
    book = book_at(tmp_path / "t.sqlite", SettableClock(datetime(2026, 1, 5, 2, tzinfo=UTC)))
    service = book.settings.services[0]
    labels: list[str] = []

    def take() -> None:
        for _ in range(10):
            labels.append(book.allocate(service, None).label)

    threads = [threading.Thread(target=take) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(labels) == [f"A{n:03d}" for n in range(1, 81)]


def test_four_digit_labels_when_the_range_goes_past_999(tmp_path: Path) -> None:
    clock = SettableClock(datetime(2026, 1, 5, 2, tzinfo=UTC))
    book = book_at(tmp_path / "t.sqlite", clock, number_range=(1000, 1999))
    assert book.allocate(book.settings.services[0], None).label == "A1000"
