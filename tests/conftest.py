"""Shared by every test folder: Qt garbage is collected on the main (Qt) thread after each test."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_main_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """A closed kiosk UI leaves QObjects in reference cycles. Left to the cyclic collector they
    may be freed on whichever thread allocates next (the uploader's, the camera's), and a QObject
    deleted off its thread crashes Qt; collecting here frees them where they were made."""
    yield
    if {"qtbot", "qapp"} & set(request.fixturenames):
        gc.collect()
