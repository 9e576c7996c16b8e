"""What every journey view-model shares: access to the kiosk context and the shell, a
language-aware `t()`, a `changed` signal wired to language switches, following the journey's
state from screen to screen, and the session wipe."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Signal

from kiosk.app import KioskContext
from kiosk.i18n import translate
from kiosk.journeys.base import Journey
from ui.i18n_bridge import I18nBridge
from ui.shell import Shell


class JourneyViewModel(QObject):
    """Subclasses declare their own `changed = Signal()` and use it as the notify signal of
    their properties: PySide6 drops a notify signal inherited from a Python base class.

    A subclass sets `SCREENS` (journey state → screen name) and calls `follow(journey)`; every
    state change then shows its screen, except while the session is being wiped."""

    changed: Signal
    SCREENS: ClassVar[Mapping[enum.Enum, str]] = {}
    journey: Journey

    def __init__(self, context: KioskContext, shell: Shell, i18n: I18nBridge) -> None:
        super().__init__()
        self.context = context
        self.shell = shell
        self.i18n = i18n
        self._resetting = False
        i18n.languageChanged.connect(self.changed)
        shell.on_session_end(self.reset)

    def t(self, key: str, **values: Any) -> str:
        return translate(key, self.i18n.lang, **values)

    def follow(self, journey: Journey) -> None:
        self.journey = journey
        journey.subscribe(self._on_state)

    def _on_state(self, state: enum.Enum) -> None:
        self.changed.emit()
        if not self._resetting:
            self.shell.go(self.SCREENS[state])

    def start(self) -> None:
        """Called when the citizen opens the journey from the home screen."""
        self.reset()
        self.shell.go(self.SCREENS[self.journey.state])

    def reset(self) -> None:
        """Forget everything about the current citizen (the journey's data and the view's)."""
        self._resetting = True
        try:
            self.journey.reset()
            self.forget()
        finally:
            self._resetting = False

    def forget(self) -> None:
        """Subclasses clear any per-citizen state the view-model itself holds."""
