"""Exposes the translation layer to QML as `i18n`: `i18n.s["common.continue"]` re-evaluates when the
citizen switches language, `i18n.lang` says which language is on."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QJSEngine, QJSValue, qjsEngine

from kiosk.i18n import LANGUAGES, catalogue


class I18nBridge(QObject):
    languageChanged = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self._strings = self._build(lang)
        self._script_strings: QJSValue | None = None
        self._script_engine: QJSEngine | None = None

    @staticmethod
    def _build(lang: str) -> dict[str, str]:
        return {key: entry.get(lang) or entry["vi"] for key, entry in catalogue().items()}

    @property
    def strings(self) -> Mapping[str, str]:
        """Every string in the current language, for Python (QML reads `s`)."""
        return MappingProxyType(self._strings)

    def _get_lang(self) -> str:
        return self._lang

    def _get_strings(self) -> QJSValue:
        # Made once a language, not on every read: as a QVariantMap each `I18n.s[key]` in a
        # binding copied all ~700 strings into a new script object, milliseconds a read and
        # most of the time a screen took to build.
        engine = qjsEngine(self)  # the engine reading it, which owns the script object
        if self._script_strings is None or self._script_engine is not engine:
            if engine is None:
                raise RuntimeError("the strings were read as a QML property outside QML")
            self._script_strings = engine.toScriptValue(self._strings)
            self._script_engine = engine
        return self._script_strings

    lang = Property(str, _get_lang, notify=languageChanged)
    s = Property(QJSValue, _get_strings, notify=languageChanged)

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang not in LANGUAGES or lang == self._lang:
            return
        self._lang = lang
        self._strings = self._build(lang)
        self._script_strings = None
        self.languageChanged.emit()

    @Slot()
    def toggle(self) -> None:
        self.setLanguage("en" if self._lang == "vi" else "vi")
