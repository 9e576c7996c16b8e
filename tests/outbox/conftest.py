"""Fixtures of the outbox tests: an outbox in a temporary data folder with its own kiosk key, a
clock tests can move, and a stand-in province on 127.0.0.1 with a client for it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from offline_queue.client import ProvincialClient
from offline_queue.crypto import FileKeyStore
from offline_queue.outbox import Outbox, OutboxSettings
from offline_queue.standin.clock import SimulatedClock
from offline_queue.standin.embedded import EmbeddedStandin, start_standin
from tests.outbox.support import ManualClock


@pytest.fixture
def settings() -> OutboxSettings:
    return OutboxSettings(
        disk_reserve_mb=0,
        lease_seconds=30,
        backoff_base_seconds=0.01,
        backoff_cap_seconds=0.05,
        confirm_interval_seconds=0.05,
        wipe_interval_seconds=0.05,
        retention_hours=24,
    )


@pytest.fixture
def keystore(tmp_path: Path) -> FileKeyStore:
    return FileKeyStore(tmp_path / "keys" / "outbox.key")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def outbox(tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore) -> Iterator[Outbox]:
    box = Outbox.open(settings, tmp_path, keystore)
    yield box
    box.close()


@pytest.fixture
def timed_outbox(
    tmp_path: Path, settings: OutboxSettings, keystore: FileKeyStore, clock: ManualClock
) -> Iterator[Outbox]:
    box = Outbox.open(settings, tmp_path, keystore, clock=clock)
    yield box
    box.close()


@pytest.fixture
def standin(tmp_path: Path) -> Iterator[EmbeddedStandin]:
    # One real second is an hour at the stand-in, so dossiers get past "1 Mới đăng ký" quickly.
    server = start_standin(
        tmp_path / "standin.db", clock=SimulatedClock(speed=3600), confirm_after=timedelta(0)
    )
    yield server
    server.stop()


@pytest.fixture
def client(standin: EmbeddedStandin) -> Iterator[ProvincialClient]:
    link = ProvincialClient(
        standin.client_settings(
            connect_timeout=1.0, read_timeout=2.0, total_timeout=5.0, verify=False
        )
    )
    yield link
    link.close()
