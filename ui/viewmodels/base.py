"""The one contract every journey view-model follows (QML sees its properties and slots):

- built with `(kiosk, shell, i18n)`: `self.kiosk` (and `self.core`) are the kiosk's frozen,
  typed services (`kiosk/app.py`), nothing looked up by name;
- `SCREENS` maps the journey's states to screens and `follow(journey)` in `__init__` makes every
  state change show its screen, then call the `entered(state)` hook (where slow work starts);
- `start()`: the citizen opened it; `forget()` hook: wipe what the view-model itself holds of the
  citizen (`reset()`, run by the shell whenever the citizen goes home, calls it: do not
  override `reset`);
- `subscribe(unsubscribe)`: keep what undoes a subscription to a device or a journey, so
  `close()` (the window is closing) leaves nothing listening to an object that outlives it.

Events from other threads reach the Qt thread through `ui.background` only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from kiosk.app import Kiosk
from kiosk.i18n import translate
from kiosk.journeys.base import Journey
from ui.i18n_bridge import I18nBridge
from ui.shell import Shell


class JourneyViewModel(QObject):
    """Subclasses declare their own `changed = Signal()` and use it as the notify signal of
    their properties: PySide6 drops a notify signal inherited from a Python base class."""

    changed: Signal
    SCREENS: ClassVar[Mapping[enum.Enum, str]] = {}
    journey: Journey

    def __init__(self, kiosk: Kiosk, shell: Shell, i18n: I18nBridge) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.core = kiosk.core
        self.shell = shell
        self.i18n = i18n
        self._resetting = False
        self._subscriptions: list[Callable[[], None]] = []
        i18n.languageChanged.connect(self.changed)
        self.subscribe(lambda: i18n.languageChanged.disconnect(self.changed))
        self.subscribe(shell.on_home(self.reset))

    def t(self, key: str, **values: Any) -> str:
        return translate(key, self.i18n.lang, **values)

    # --- following the journey ------------------------------------------------------------
    def follow(self, journey: Journey) -> None:
        self.journey = journey
        self.subscribe(journey.subscribe(self._on_state))

    def _on_state(self, state: enum.Enum) -> None:
        self.changed.emit()
        if self._resetting:
            return
        screen = self.SCREENS.get(state)
        if screen is not None:
            self.shell.go(screen)
        self.entered(state)

    def entered(self, state: enum.Enum) -> None:
        """Hook: the journey moved to `state` (its screen, if it has one, is showing)."""

    # --- life -----------------------------------------------------------------------------
    def start(self) -> None:
        """Called when the citizen opens the journey from the home screen."""
        self.reset()
        self._on_state(self.journey.state)

    def reset(self) -> None:
        """Forget everything about the current citizen (the journey's data and the view's)."""
        self._resetting = True
        try:
            self.journey.reset()
            self.forget()
        finally:
            self._resetting = False
        self.changed.emit()  # lists kept as models rebuild from the wiped state too

    def forget(self) -> None:
        """Hook: clear any per-citizen state the view-model itself holds."""

    def leave(self) -> None:
        """The citizen backed out of the journey's first screen: wipe it and return to where
        it was opened from (a procedure's page, its search kept), else home."""
        self.reset()
        self.shell.left_journey()

    def subscribe(self, unsubscribe: Callable[[], None]) -> None:
        """Keep what undoes a subscription; `close()` runs it."""
        self._subscriptions.append(unsubscribe)

    def close(self) -> None:
        """The window is closing: stop listening to everything that outlives this object."""
        subscriptions, self._subscriptions = self._subscriptions, []
        for unsubscribe in reversed(subscriptions):
            unsubscribe()
