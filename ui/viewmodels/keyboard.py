"""The on-screen keyboard's controller, exposed to QML: the keys to draw (from
`kiosk.keyboard.layouts`), shift and caps lock, and what each tap does to the text before the
cursor (from `kiosk.keyboard.composer`). `Keyboard.qml` applies the edits to the focused field.

A field tells the keyboard what it wants through standard input-method hints (digits only →
the digit pad; e-mail, URL or Latin only → no Telex; no auto-uppercase, uppercase only) and, for
names and addresses, a `kioskCapitalization: "words"` property (or "sentences", "none").
E-mail and URL fields get no automatic capitals.

The citizen's language decides the rest: in Vietnamese, Telex and the tone and shape buttons;
in English, or in a field of Latin letters only (a dossier code), plain letters (typing "birth"
must give "birth", not "bỉth") and no tone row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.keyboard.composer import (
    Capitalization,
    VietnameseComposer,
    wants_capital,
)
from kiosk.keyboard.layouts import DIGITS, LAYOUTS, LETTERS, PLAIN, Key, KeyKind, Layout
from kiosk.keyboard.letters import Tone
from kiosk.keyboard.syllable import ToneStyle
from ui.i18n_bridge import I18nBridge
from ui.list_model import RowsModel


@dataclass(frozen=True)
class _HintMasks:
    """Which of a field's input-method hints ask for what."""

    digits: int
    no_capitals: int
    no_telex: int
    no_auto_uppercase: int
    uppercase_only: int


@cache
def _hint_masks() -> _HintMasks:
    """Read once a field first takes the focus: Qt's namespace builds all its enums on first
    import (~35 ms CPU), which the home screen's first frame does not wait for."""
    from PySide6.QtCore import Qt

    hint = Qt.InputMethodHint
    no_capitals = hint.ImhEmailCharactersOnly.value | hint.ImhUrlCharactersOnly.value
    return _HintMasks(
        digits=hint.ImhDigitsOnly.value
        | hint.ImhDialableCharactersOnly.value
        | hint.ImhFormattedNumbersOnly.value,
        no_capitals=no_capitals,
        no_telex=no_capitals | hint.ImhLatinOnly.value,
        no_auto_uppercase=hint.ImhNoAutoUppercase.value,
        uppercase_only=hint.ImhUppercaseOnly.value,
    )


@dataclass(frozen=True)
class KeySpec:
    """A key to draw (a row of a `KeyRow.rowKeys`)."""

    kind: str  # a KeyKind's value: character, tone, mark, shift, layout, backspace…
    value: str
    label: str  # drawn as it is; empty for a key named by `labelKey` ("Dấu cách")
    labelKey: str
    span: float  # its width in key widths
    keyName: str  # its objectName


@dataclass(frozen=True)
class KeyRow:
    """A row of keys (a row of `KeyboardController.rows`)."""

    rowKeys: RowsModel


def _keys(row: tuple[Key, ...], owner: QObject) -> RowsModel:
    keys = RowsModel(KeySpec, owner)
    keys.set_rows(
        [
            KeySpec(
                kind=key.kind.value,
                value=key.value,
                label=key.label or (key.value if key.kind is KeyKind.CHARACTER else ""),
                labelKey=key.label_key,
                span=key.width,
                keyName=key.name,
            )
            for key in row
        ]
    )
    return keys


@dataclass(frozen=True)
class KeyLayout:
    """A layout's keys (a row of `KeyboardController.layouts`): the keyboard draws each one the
    first time it is shown and keeps it, so a layout switch shows keys already made."""

    layoutName: str
    layoutWidth: float  # in key widths
    layoutRows: RowsModel


def _rows(layout: Layout, owner: QObject) -> RowsModel:
    """The layout's rows, built once: a layout never changes while the kiosk runs."""
    rows = RowsModel(KeyRow, owner)
    rows.set_rows([KeyRow(_keys(row, rows)) for row in layout.rows])
    return rows


class KeyboardController(QObject):
    # Separate signals: redrawing the keys on every tap would be wasteful and would lose the
    # pressed state of the key under the finger.
    layoutChanged = Signal()
    shiftChanged = Signal()

    def __init__(self, style: ToneStyle = ToneStyle.MODERN, lang: str = "vi") -> None:
        super().__init__()
        self._composer = VietnameseComposer(style=style)
        self._lang = lang
        self._hints = 0  # of the field being typed into
        self._layout = self._letters()
        self._text_layout = self._layout  # where "ABC" returns to: letters, or digits for IDs
        self._shift = False
        self._caps_lock = False
        self._capitalization = Capitalization.SENTENCES
        self._rows_cache = {name: _rows(layout, self) for name, layout in LAYOUTS.items()}
        self._layouts = RowsModel(KeyLayout, self)
        self._layouts.set_rows(
            [
                KeyLayout(name, layout.width, self._rows_cache[name])
                for name, layout in LAYOUTS.items()
            ]
        )

    # --- what QML draws -----------------------------------------------------------------------
    def _get_rows(self) -> RowsModel:
        return self._rows_cache[self._layout.name]

    def _get_layouts(self) -> RowsModel:
        return self._layouts

    def _get_layout_name(self) -> str:
        return self._layout.name

    def _get_layout_width(self) -> float:
        return self._layout.width

    def _get_shift(self) -> bool:
        return self._shift

    def _get_caps_lock(self) -> bool:
        return self._caps_lock

    def _get_upper(self) -> bool:
        return self._shift or self._caps_lock

    def _get_telex(self) -> bool:
        return self._composer.telex

    rows = Property(QObject, _get_rows, notify=layoutChanged)
    layouts = Property(QObject, _get_layouts, constant=True)
    layoutName = Property(str, _get_layout_name, notify=layoutChanged)
    layoutWidth = Property(float, _get_layout_width, notify=layoutChanged)
    telex = Property(bool, _get_telex, notify=layoutChanged)
    shift = Property(bool, _get_shift, notify=shiftChanged)
    capsLock = Property(bool, _get_caps_lock, notify=shiftChanged)
    upper = Property(bool, _get_upper, notify=shiftChanged)

    def _set_state(
        self,
        layout: Layout | None = None,
        shift: bool | None = None,
        caps_lock: bool | None = None,
    ) -> None:
        """Changes what is drawn, telling QML only about what really changed."""
        if layout is not None and layout is not self._layout:
            self._layout = layout
            self.layoutChanged.emit()
        before = (self._shift, self._caps_lock)
        if shift is not None:
            self._shift = shift
        if caps_lock is not None:
            self._caps_lock = caps_lock
        if (self._shift, self._caps_lock) != before:
            self.shiftChanged.emit()

    def _letters(self) -> Layout:
        """The letter layout of the citizen's language; plain letters where the field takes
        no Vietnamese words (a dossier code): no tone row, so more of the screen shows."""
        return LETTERS if self._takes_vietnamese() else PLAIN

    def _takes_vietnamese(self) -> bool:
        """In Vietnamese, unless the field asks for other text (Latin, e-mail, a URL); until a
        field has taken the focus no hint is set."""
        return self._lang == "vi" and not (self._hints and self._hints & _hint_masks().no_telex)

    def _follow_telex(self) -> None:
        """Telex only in Vietnamese, and only where the field takes Vietnamese words."""
        telex = self._takes_vietnamese()
        if telex != self._composer.telex:
            self._composer.telex = telex
            self.layoutChanged.emit()

    def follow_language(self, i18n: I18nBridge) -> None:
        """Type in the language the screens are in, now and whenever the citizen switches."""
        self.setLanguage(i18n.lang)
        i18n.languageChanged.connect(lambda: self.setLanguage(i18n.lang))

    # --- what QML tells it --------------------------------------------------------------------
    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        """The citizen switched language: letters, Telex and the tone row follow at once."""
        if lang == self._lang:
            return
        self._lang = lang
        self._composer.reset()
        self._follow_telex()
        if self._text_layout in (LETTERS, PLAIN):
            self._text_layout = self._letters()
        if self._layout in (LETTERS, PLAIN):
            self._set_state(layout=self._letters())

    @Slot(int, str, str)
    def attach(self, hints: int, capitalization: str, before_cursor: str) -> None:
        """A text field took the focus: pick the layout, Telex and capitals it asks for."""
        masks = _hint_masks()
        self._composer.reset()
        self._hints = hints
        self._follow_telex()
        if capitalization in {mode.value for mode in Capitalization}:
            self._capitalization = Capitalization(capitalization)
        elif hints & (masks.no_capitals | masks.no_auto_uppercase):
            self._capitalization = Capitalization.NONE
        else:
            self._capitalization = Capitalization.SENTENCES
        self._text_layout = DIGITS if hints & masks.digits else self._letters()
        self._set_state(
            layout=self._text_layout,
            shift=wants_capital(before_cursor, self._capitalization),
            caps_lock=bool(hints & masks.uppercase_only),
        )

    @Slot(str)
    def cursorMoved(self, before_cursor: str) -> None:
        """The cursor moved (a tap in the field, a selection replaced): capitals follow it."""
        if not self._caps_lock:
            self._set_state(shift=wants_capital(before_cursor, self._capitalization))

    @Slot(str, str, str, result="QVariantMap")
    def tap(self, kind: str, value: str, before_cursor: str) -> dict[str, object]:
        """One key tapped; returns the edit as {remove, insert} for the focused field."""
        key_kind = KeyKind(kind)
        upper = self._get_upper()
        edit = None
        if key_kind is KeyKind.CHARACTER:
            edit = self._composer.key(value.upper() if upper else value, before_cursor)
        elif key_kind is KeyKind.SPACE:
            edit = self._composer.key(" ", before_cursor)
        elif key_kind is KeyKind.TONE:
            edit = self._composer.tone(Tone[value.upper()] if value else None, before_cursor)
        elif key_kind is KeyKind.MARK:
            edit = self._composer.mark(value.upper() if upper else value, before_cursor)
        elif key_kind is KeyKind.BACKSPACE:
            edit = self._composer.backspace(before_cursor)
        elif key_kind is KeyKind.SHIFT:
            self._cycle_shift()
        elif key_kind is KeyKind.LAYOUT:
            self._composer.reset()
            self._set_state(layout=self._letters() if value == LETTERS.name else LAYOUTS[value])
        elif key_kind is KeyKind.DONE:
            self.reset()
        if edit is None:
            return {"remove": 0, "insert": ""}
        after = before_cursor[: len(before_cursor) - edit.remove] + edit.insert
        self._set_state(shift=not self._caps_lock and wants_capital(after, self._capitalization))
        return {"remove": edit.remove, "insert": edit.insert}

    @Slot()
    def reset(self) -> None:
        """Forget everything of the session: the word being typed, shift, the layout."""
        self._composer.reset()
        self._hints = 0
        self._follow_telex()
        self._text_layout = self._letters()
        self._set_state(layout=self._text_layout, shift=False, caps_lock=False)

    def _cycle_shift(self) -> None:
        """Off → one capital → caps lock → off."""
        if self._caps_lock:
            self._set_state(shift=False, caps_lock=False)
        elif self._shift:
            self._set_state(shift=False, caps_lock=True)
        else:
            self._set_state(shift=True)
