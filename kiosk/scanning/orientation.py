"""Which way up a straightened page reads, from its print alone: a page laid sideways or
upside down is turned upright before it is kept.

Lines of text make the ink's row profile (sum of ink per row) swing between lines and gaps;
across the lines the profile is flat, so the axis with the stronger swing is the reading
direction. Upright Latin script, and Vietnamese even more with its tone marks, thins out
gradually above the letters' core (capitals, ascenders, accents) but stops sharply at the
baseline below it: on an upside-down page the sharp edge is on top.
"""

from __future__ import annotations

import cv2
import numpy as np

_WORK_LONG_SIDE = 900  # judged on a copy this long: lines are still separate rows
_MIN_INK_ROWS = 6  # a text line is at least this many rows tall on the copy
_MIN_LINES = 3  # fewer lines than this: too little print to judge, the page is left as it is
_SIDEWAYS_MARGIN = 1.3  # the other axis must swing this much more to turn the page by 90°


def _ink(grey: np.ndarray) -> np.ndarray:
    scale = _WORK_LONG_SIDE / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 1, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    return ink.astype(np.float32)


def _swing(ink: np.ndarray) -> float:
    """How strongly the row profile alternates between lines and gaps."""
    profile = ink.sum(axis=1)
    return float(np.abs(np.diff(profile)).mean() / (profile.mean() + 1e-6))


def _line_bands(ink: np.ndarray) -> list[tuple[int, int]]:
    rows = ink.mean(axis=1)
    busy = rows > max(0.02, 0.15 * float(rows.max(initial=0)))
    bands, start = [], None
    for index, flag in enumerate([*busy, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            if index - start >= _MIN_INK_ROWS:
                bands.append((start, index))
            start = None
    return bands


def _upright_votes(ink: np.ndarray) -> tuple[int, int]:
    """(lines read upright, lines read upside down): every letter sits on the baseline, so
    ink stops sharply below a line's core; above it capitals, ascenders and tone marks
    thin it out gradually."""
    upright = flipped = 0
    rows = ink.mean(axis=1)
    for start, end in _line_bands(ink):
        profile = rows[max(0, start - 3) : end + 3]
        step = np.diff(profile)
        rise, fall = float(step.max(initial=0)), float(-step.min(initial=0))
        if fall > 1.15 * rise:
            upright += 1
        elif rise > 1.15 * fall:
            flipped += 1
    return upright, flipped


def upright_turns(grey: np.ndarray) -> int:
    """Quarter turns counter-clockwise (0‥3, for np.rot90) that make the page read upright."""
    ink = _ink(grey)
    turns = 0
    if _swing(ink.T) > _SIDEWAYS_MARGIN * _swing(ink):
        turns = 1
        ink = np.rot90(ink, 1)
    upright, flipped = _upright_votes(ink)
    if upright + flipped < _MIN_LINES:
        return turns  # sideways is still clear from the profile
    if flipped > upright:
        turns += 2
    return turns % 4
