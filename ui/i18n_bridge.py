"""Exposes the translation layer to QML as `i18n`: `i18n.s["common.continue"]` re-evaluates when the
citizen switches language, `i18n.lang` says which language is on."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.i18n import LANGUAGES, catalogue


class I18nBridge(QObject):
    languageChanged = Signal()

    def __init__(self, lang: str) -> None:
        super().__init__()
        self._lang = lang
        self._strings = self._build(lang)

    @staticmethod
    def _build(lang: str) -> dict[str, str]:
        return {key: entry.get(lang) or entry["vi"] for key, entry in catalogue().items()}

    def _get_lang(self) -> str:
        return self._lang

    def _get_strings(self) -> dict[str, str]:
        return self._strings

    lang = Property(str, _get_lang, notify=languageChanged)
    s = Property("QVariantMap", _get_strings, notify=languageChanged)

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang not in LANGUAGES or lang == self._lang:
            return
        self._lang = lang
        self._strings = self._build(lang)
        self.languageChanged.emit()

    @Slot()
    def toggle(self) -> None:
        self.setLanguage("en" if self._lang == "vi" else "vi")
