"""The journey step counter: which of a journey's steps ("Bước 2/5") each state belongs to, the
one progress language every multi-step journey speaks to its screens."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

S = TypeVar("S", bound=enum.Enum)


@dataclass(frozen=True)
class Steps(Generic[S]):
    """`of` maps each state to its step (1-based); a state not named counts as `otherwise`."""

    of: Mapping[S, int]
    total: int
    otherwise: int = 1

    def __post_init__(self) -> None:
        steps = [*self.of.values(), self.otherwise]
        if not all(1 <= step <= self.total for step in steps):
            raise ValueError(f"every step must lie in 1…{self.total}")

    def step(self, state: S) -> int:
        return self.of.get(state, self.otherwise)
