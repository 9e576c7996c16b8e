"""A step is a journey other journeys run (identity, scan): opened alone from a test or a tile,
or run for a journey that waits for its result. `run_for(finished, cancelled)` hands the step a
caller; the step reports back exactly once, with `finished(result)` or `cancelled(problem_key)`
("" when the citizen chose to go back, a translation key when a device made the step
impossible), and forgets its caller. A step no journey waits for tells its own screens instead.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from kiosk.journeys.base import Journey

S = TypeVar("S", bound=enum.Enum)
R = TypeVar("R")


@dataclass(frozen=True)
class StepCaller(Generic[R]):
    finished: Callable[[R], None]
    cancelled: Callable[[str], None]
    # the caller's "Bước n/total" while the step runs for it: one progress for the journey
    progress: tuple[int, int] | None = None


class StepJourney(Journey[S], Generic[S, R]):
    _caller: StepCaller[R] | None = None

    def run_for(
        self,
        finished: Callable[[R], None],
        cancelled: Callable[[str], None],
        progress: tuple[int, int] | None = None,
    ) -> None:
        """Start again from the first state, reporting to this caller (and showing its step)."""
        self._start(StepCaller(finished, cancelled, progress))

    @property
    def step(self) -> int:
        progress = self._caller.progress if self._caller else None
        return progress[0] if progress else super().step

    @property
    def step_total(self) -> int:
        progress = self._caller.progress if self._caller else None
        return progress[1] if progress else super().step_total

    def run_alone(self) -> None:
        """Start again from the first state, for no caller (a home tile, a test)."""
        self._start(None)

    def _start(self, caller: StepCaller[R] | None) -> None:
        """The caller is known before the first state is announced: its screen shows the
        caller's step from its first frame."""
        self._caller = caller
        super().reset()

    @property
    def has_caller(self) -> bool:
        return self._caller is not None

    def _finish(self, result: R) -> bool:
        """Hand the result to the caller; False when none waits (the step's own screens say
        it is done)."""
        caller, self._caller = self._caller, None
        if caller is None:
            return False
        caller.finished(result)
        return True

    def cancel(self, problem_key: str = "") -> bool:
        """Leave the step without a result; False when no caller waits (go home instead)."""
        caller, self._caller = self._caller, None
        if caller is None:
            return False
        caller.cancelled(problem_key)
        return True

    def reset(self) -> None:
        """The session ended: the caller's session too, so nobody waits any more."""
        self._caller = None
        super().reset()
