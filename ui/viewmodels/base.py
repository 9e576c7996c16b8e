"""What every journey view-model shares: access to the kiosk context and the shell, a
language-aware `t()`, a `changed` signal wired to language switches, and the session wipe."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.app import KioskContext
from kiosk.i18n import translate
from ui.i18n_bridge import I18nBridge
from ui.shell import Shell


class JourneyViewModel(QObject):
    """Subclasses declare their own `changed = Signal()` and use it as the notify signal of
    their properties: PySide6 drops a notify signal inherited from a Python base class."""

    changed: Signal

    def __init__(self, context: KioskContext, shell: Shell, i18n: I18nBridge) -> None:
        super().__init__()
        self.context = context
        self.shell = shell
        self.i18n = i18n
        i18n.languageChanged.connect(self.changed)
        shell.on_session_end(self.reset)

    def t(self, key: str, **values: Any) -> str:
        return translate(key, self.i18n.lang, **values)

    def start(self) -> None:
        """Called when the citizen opens the journey from the home screen."""
        self.reset()

    def reset(self) -> None:
        """Forget everything about the current citizen."""
        raise NotImplementedError
