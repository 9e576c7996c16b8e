"""The device model every driver shares (after UnifiedPOS / CEN-XFS, kept small).

A device has a life (open → use → close), a `state`, a `status()` snapshot, static
`capabilities`, a `check_health()` sentence for the technician, and events. Every call that
touches hardware has a timeout, and a status that could not be read is *unknown*, never OK.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from foundation.errors import UserFacingError

log = logging.getLogger(__name__)
T = TypeVar("T")


class DeviceState(enum.Enum):
    CLOSED = "closed"
    IDLE = "idle"
    BUSY = "busy"
    ERROR = "error"


class DeviceError(UserFacingError):
    """A device failure. `message_key` is a translation key a person can be shown;
    `retryable` says whether trying again may help (paper out: yes, once refilled)."""

    def __init__(self, message_key: str, detail: str = "", *, retryable: bool = True) -> None:
        super().__init__(message_key, detail)
        self.retryable = retryable


class DeviceTimeout(DeviceError):
    def __init__(self, what: str, seconds: float) -> None:
        super().__init__("device.timeout", f"{what} took longer than {seconds:.1f} s")


@dataclass(frozen=True)
class HealthReport:
    """What `check_health()` returns: ok or not, and a sentence a technician can act on."""

    ok: bool
    text: str  # English, for the log
    details: dict[str, Any] = field(default_factory=dict)
    # the same sentence as a translation key and its values, for the technician screen
    text_key: str | None = None
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DeviceEvent:
    """Something a device reports by itself: status changed, card inserted, frame, error."""

    kind: str
    payload: Any = None
    retryable: bool = True


EventListener = Callable[[DeviceEvent], None]


class EventSource:
    """Listeners are called on the thread that raised the event; a UI marshals them itself."""

    def __init__(self) -> None:
        self._listeners: list[EventListener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: EventListener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: DeviceEvent) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a broken listener must not break the device thread
                log.exception("device event listener failed for %s", event.kind)


def run_with_timeout(fn: Callable[[], T], seconds: float, what: str) -> T:
    """Run a blocking call on a daemon thread and give up after `seconds`.

    For library calls that have no timeout of their own; the abandoned thread is a daemon so a
    hung device never keeps the process alive.
    """
    result: list[T] = []
    error: list[BaseException] = []

    def target() -> None:
        try:
            result.append(fn())
        except BaseException as exc:
            error.append(exc)

    worker = threading.Thread(target=target, name=f"device-call:{what}", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise DeviceTimeout(what, seconds)
    if error:
        raise error[0]
    return result[0]
