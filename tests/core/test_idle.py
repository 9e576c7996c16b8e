"""The idle rule: warn after the idle time, give at least 20 s, then expire."""

from __future__ import annotations

import pytest

from kiosk.idle import IdlePhase, IdlePolicy


def test_phases_follow_the_clock() -> None:
    policy = IdlePolicy(90, 25)
    policy.touched(0)
    assert policy.read(89).phase is IdlePhase.ACTIVE
    warning = policy.read(91)
    assert warning.phase is IdlePhase.WARNING and warning.seconds_left == 24
    assert policy.read(115).phase is IdlePhase.EXPIRED
    policy.touched(100)
    assert policy.read(150).phase is IdlePhase.ACTIVE


def test_less_than_20_seconds_to_answer_is_refused() -> None:
    with pytest.raises(ValueError):
        IdlePolicy(90, 10)
