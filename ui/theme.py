"""Colours and sizes for every screen, exposed to QML as `theme`.

Sizes follow ui.md for a 21.5" 1920×1080 screen (≈ 0.25 mm a pixel): touch targets ≥ 60 px,
body ≥ 28 px, headings ≥ 44 px, ticket number ≥ 120 px; colours keep text contrast ≥ 7:1.
The larger-text and high-contrast modes are one tap away and reset with the session.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot

_NORMAL = {
    "background": "#F4F6F8",
    "surface": "#FFFFFF",
    "text": "#111827",
    "mutedText": "#374151",
    "primary": "#0B4F8A",
    "onPrimary": "#FFFFFF",
    "danger": "#8A1C1C",
    "dangerSurface": "#FDECEC",
    "ok": "#14532D",
    "caution": "#7A5200",
    "border": "#4B5563",
    "focus": "#B45309",
    "pressed": "#083A66",
}
_HIGH_CONTRAST = {
    "background": "#000000",
    "surface": "#000000",
    "text": "#FFFFFF",
    "mutedText": "#FFFFFF",
    "primary": "#FFE600",
    "onPrimary": "#000000",
    "danger": "#FF8080",
    "dangerSurface": "#000000",
    "ok": "#7CFF7C",
    "caution": "#FFB020",
    "border": "#FFFFFF",
    "focus": "#00E5FF",
    "pressed": "#C8B400",
}


def _colour(name: str, notify: Signal) -> Property:
    return Property(str, lambda self: self._palette()[name], notify=notify)


def _size(base: int, notify: Signal) -> Property:
    return Property(int, lambda self: round(base * self._scale()), notify=notify)


class Theme(QObject):
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._high_contrast = False
        self._large_text = False

    def _palette(self) -> dict[str, str]:
        return _HIGH_CONTRAST if self._high_contrast else _NORMAL

    def _scale(self) -> float:
        return 1.25 if self._large_text else 1.0

    background = _colour("background", changed)
    surface = _colour("surface", changed)
    text = _colour("text", changed)
    mutedText = _colour("mutedText", changed)
    primary = _colour("primary", changed)
    onPrimary = _colour("onPrimary", changed)
    danger = _colour("danger", changed)
    dangerSurface = _colour("dangerSurface", changed)
    ok = _colour("ok", changed)
    caution = _colour("caution", changed)  # done, but not known to have worked
    border = _colour("border", changed)
    focus = _colour("focus", changed)
    pressed = _colour("pressed", changed)

    bodySize = _size(30, changed)
    smallSize = _size(26, changed)
    headingSize = _size(48, changed)
    buttonTextSize = _size(32, changed)
    ticketNumberSize = _size(160, changed)
    # The top bar's buttons keep their size in large text: they stay on one line in Vietnamese
    # and leave the room to the screen's own words, which are what large text is for.
    barTextSize = Property(int, lambda self: 32, constant=True)
    touchTarget = Property(int, lambda self: 96, constant=True)
    gap = Property(int, lambda self: 24, constant=True)
    margin = Property(int, lambda self: 64, constant=True)
    radius = Property(int, lambda self: 14, constant=True)

    def _get_hc(self) -> bool:
        return self._high_contrast

    def _get_lt(self) -> bool:
        return self._large_text

    highContrast = Property(bool, _get_hc, notify=changed)
    largeText = Property(bool, _get_lt, notify=changed)

    @Slot()
    def toggleHighContrast(self) -> None:
        self._high_contrast = not self._high_contrast
        self.changed.emit()

    @Slot()
    def toggleLargeText(self) -> None:
        self._large_text = not self._large_text
        self.changed.emit()

    def set_modes(self, *, large_text: bool, high_contrast: bool) -> None:
        """Both display modes at once (the screenshot and fit tours visit every pair)."""
        if (large_text, high_contrast) != (self._large_text, self._high_contrast):
            self._large_text, self._high_contrast = large_text, high_contrast
            self.changed.emit()

    def reset(self) -> None:
        if self._high_contrast or self._large_text:
            self._high_contrast = self._large_text = False
            self.changed.emit()
