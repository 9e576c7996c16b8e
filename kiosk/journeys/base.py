"""What every journey shares: a current state, allowed transitions, listeners, and a wipe.

A journey owns the citizen's data for one session. `reset()` must forget all of it: the kiosk
calls it when the citizen goes home or the idle timer runs out, so nothing of one citizen is
visible to the next.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from typing import ClassVar, Generic, TypeVar

from kiosk.journeys.progress import Steps

S = TypeVar("S", bound=enum.Enum)


class InvalidTransition(RuntimeError):
    pass


class Journey(Generic[S]):
    TRANSITIONS: Mapping[S, frozenset[S]] = {}
    # the "Bước n/total" a multi-step journey shows; one step for a journey without steps
    STEPS: ClassVar[Steps] = Steps({}, total=1)

    def __init__(self, initial: S) -> None:
        self._initial = initial
        self._state = initial
        self._listeners: list[Callable[[S], None]] = []

    @property
    def state(self) -> S:
        return self._state

    @property
    def step(self) -> int:
        return self.STEPS.step(self._state)

    @property
    def step_total(self) -> int:
        return self.STEPS.total

    def subscribe(self, listener: Callable[[S], None]) -> Callable[[], None]:
        """`listener(state)` on every change; returns what undoes the subscription."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def _go(self, new: S) -> None:
        if new not in self.TRANSITIONS.get(self._state, frozenset()):
            raise InvalidTransition(f"{type(self).__name__}: {self._state.name} → {new.name}")
        self._state = new
        for listener in list(self._listeners):
            listener(new)

    def reset(self) -> None:
        """Forget the session's data and return to the first state."""
        self._wipe()
        self._state = self._initial
        for listener in list(self._listeners):
            listener(self._initial)

    def _wipe(self) -> None:
        """Subclasses clear every personal field here."""
