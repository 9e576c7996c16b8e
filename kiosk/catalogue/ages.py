"""Ages in procedure names and in queries: "cấp thẻ căn cước cho người dưới 14 tuổi" serves
ages below 14, "làm căn cước cho con 15 tuổi" states an age of 15, so the search can tell
which of two procedures that differ only by age a citizen needs. Words are folded
(`kiosk.folding.tokens`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Words that make a number an age: "6 tuổi", "10 year old", "3 yo".
_AGE_UNITS = frozenset({"tuoi", "year", "years", "yr", "yrs", "yo"})
_BELOW = frozenset({"duoi", "under", "below"})
_ABOVE = frozenset({"tren", "over", "above"})


@dataclass(frozen=True)
class AgeRange:
    """Ages from `low` (included) to `high` (excluded)."""

    low: float = 0.0
    high: float = math.inf

    def holds(self, age: float) -> bool:
        return self.low <= age < self.high


@dataclass(frozen=True)
class StatedAge:
    age: float
    positions: frozenset[int]  # which words state it, to be read as the age and not as words


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() and len(word) <= 3 else None


def age_range(words: Sequence[str]) -> AgeRange | None:
    """The ages a procedure's name serves: "dưới 14 tuổi", "under 14" → below 14; "từ đủ 14
    tuổi trở lên", "14 tuổi trở lên", "aged 14 or over" → 14 and above; None if it says none."""
    for i, word in enumerate(words):
        number = _number(word)
        if number is None:
            continue
        before = words[i - 1] if i else ""
        after = words[i + 1 : i + 4]
        if before in _BELOW:
            return AgeRange(high=number)
        if before in {"du", "aged"} or before in _ABOVE or {"len", "over"} & set(after):
            return AgeRange(low=number)
    return None


def stated_age(words: Sequence[str]) -> StatedAge | None:
    """The age a query states ("con 6 tuổi", "my 10 year old", "trẻ dưới 6 tuổi" → below 6),
    with the words that state it; None if it states none."""
    for i, word in enumerate(words):
        number = _number(word)
        if number is None or i + 1 >= len(words) or words[i + 1] not in _AGE_UNITS:
            continue
        positions = {i, i + 1}
        if i + 2 < len(words) and words[i + 2] == "old":
            positions.add(i + 2)
        age = float(number)
        if i and words[i - 1] in _BELOW:
            age, positions = number - 0.5, positions | {i - 1}
        elif i and words[i - 1] in _ABOVE:
            age, positions = number + 0.5, positions | {i - 1}
        return StatedAge(age, frozenset(positions))
    return None
