"""Outlines of a page that runs off the frame: where an outline's side lies along the frame's
border, the sheet most likely carries on beyond it, and the document's known proportions say
how far. Each such outline is also offered with that side moved out, parallel to the side
across from it, until the outline has the document's proportions (either way round).

The judgement then decides: the three sides it sees must still step like a page's, and the
completed outline fits the document's proportions where the one cut at the border does not.
The screen's guidance reports such a page as cut off (its corners lie outside the frame).
"""

from __future__ import annotations

import numpy as np

_ON_BORDER = 2.5  # small pixels: a side this close to the frame's edge along its length
_LONGER = 1.04  # a completion must lengthen the sides it extends at least this much


def _on_border(start: np.ndarray, end: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Per side (k×2 ends): both ends at or beyond the same edge of the frame."""
    width, height = size
    near = []
    for axis, limit in ((0, 0.0), (0, width - 1.0), (1, 0.0), (1, height - 1.0)):
        if limit == 0.0:
            near.append((start[:, axis] <= _ON_BORDER) & (end[:, axis] <= _ON_BORDER))
        else:
            near.append(
                (start[:, axis] >= limit - _ON_BORDER) & (end[:, axis] >= limit - _ON_BORDER)
            )
    return np.any(near, axis=0)


def completions(corners: np.ndarray, size: tuple[int, int], aspect: float | None) -> np.ndarray:
    """For outlines (k×4×2, in order around the shape) with a side along the frame's border:
    that side moved out to give the outline the proportions `aspect` (long / short), each way
    round where that lengthens the outline. Returns m×4×2 (none without a known aspect)."""
    if aspect is None or not len(corners):
        return np.zeros((0, 4, 2))
    found = []
    for i in range(4):
        # side i runs from corner i to corner i+1; its neighbours come from corners i-1, i+2
        a, b = corners[:, i], corners[:, (i + 1) % 4]
        before, after = corners[:, (i - 1) % 4], corners[:, (i + 2) % 4]
        border = _on_border(a, b, size)
        if not border.any():
            continue
        a, b, before, after = a[border], b[border], before[border], after[border]
        across = np.linalg.norm(after - before, axis=1)  # the side opposite, fully seen
        to_a, to_b = a - before, b - after
        len_a = np.linalg.norm(to_a, axis=1)
        len_b = np.linalg.norm(to_b, axis=1)
        for ratio in (aspect, 1 / aspect):
            reach = across * ratio
            longer = reach >= _LONGER * np.maximum(len_a, len_b)
            if not longer.any():
                continue
            new_a = before + to_a / np.maximum(len_a, 1e-9)[:, None] * reach[:, None]
            new_b = after + to_b / np.maximum(len_b, 1e-9)[:, None] * reach[:, None]
            done = corners[border].copy()
            done[:, i], done[:, (i + 1) % 4] = new_a, new_b
            found.append(done[longer])
    return np.concatenate(found) if found else np.zeros((0, 4, 2))
