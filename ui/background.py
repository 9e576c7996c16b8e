"""The one way between the Qt thread and the others. Slow work (devices, network, disk) runs
off the Qt thread and its result comes back on it; events from other threads are carried to it.

`run_in_background(fn, on_done, on_error)` returns at once; `on_done(result)` or
`on_error(exc)` is later called on the Qt thread through a queued signal.
`call_on_qt_thread(fn, *args)` / `qt_thread_caller(fn)`: a device's or a session's event,
handled on the Qt thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

log = logging.getLogger(__name__)

_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kiosk-worker")


class _Relay(QObject):
    finished = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        from PySide6.QtCore import Qt  # made on first use, after the home screen's first frame

        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


_relay: _Relay | None = None


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            _relay.moveToThread(app.thread())
    return _relay


def _log_error(exc: BaseException) -> None:
    log.error("background task failed", exc_info=exc)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] = _log_error,
) -> Future:
    relay = _get_relay()

    def finished(future: Future) -> None:
        exc = future.exception()
        if exc is not None:
            relay.finished.emit(on_error, exc)
        else:
            relay.finished.emit(on_done, future.result())

    future = _executor.submit(fn)
    with _pending_lock:
        _pending.add(future)
    future.add_done_callback(finished)
    future.add_done_callback(_forget)
    return future


_pending: set[Future] = set()
_pending_lock = threading.Lock()


def _forget(future: Future) -> None:
    with _pending_lock:
        _pending.discard(future)


def wait_idle(timeout: float) -> bool:
    """Wait for every task in flight (before closing the UI); False if some still run."""
    with _pending_lock:
        running = list(_pending)
    _done, not_done = wait(running, timeout=timeout)
    return not not_done


def call_on_qt_thread(fn: Callable[..., None], *args: Any) -> None:
    """Run `fn(*args)` on the Qt thread, from any thread: how a device's, a session's or a
    journey's events reach the screens."""
    _get_relay().finished.emit(lambda _: fn(*args), None)


def qt_thread_caller(fn: Callable[..., None]) -> Callable[..., None]:
    """`fn` made callable from any thread; each call runs it later on the Qt thread."""
    return lambda *args: call_on_qt_thread(fn, *args)
