"""Folds Vietnamese text for matching: no diacritics, đ as d, lower case, single spaces, so that
"hong ha", "Hồng Hà" and "HONG  HA" compare equal."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())
