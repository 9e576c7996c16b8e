"""A text field stand-in for the composer tests: text, a cursor, and edits applied as the
on-screen keyboard applies them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.keyboard.composer import Edit, VietnameseComposer
from kiosk.keyboard.syllable import ToneStyle


class Field:
    def __init__(self, composer: VietnameseComposer, text: str = "") -> None:
        self.composer = composer
        self.text = text
        self.cursor = len(text)

    @property
    def before(self) -> str:
        return self.text[: self.cursor]

    def apply(self, edit: Edit) -> None:
        start = self.cursor - edit.remove
        self.text = self.text[:start] + edit.insert + self.text[self.cursor :]
        self.cursor = start + len(edit.insert)

    def keys(self, keys: str) -> Field:
        for char in keys:
            self.apply(self.composer.key(char, self.before))
        return self


@pytest.fixture
def typed() -> Callable[..., str]:
    """typed("Nguyeenx") → "Nguyễn": the text after tapping each key in turn."""

    def run(keys: str, style: ToneStyle = ToneStyle.MODERN, telex: bool = True) -> str:
        return Field(VietnameseComposer(telex=telex, style=style)).keys(keys).text

    return run


@pytest.fixture
def field() -> Field:
    return Field(VietnameseComposer())
