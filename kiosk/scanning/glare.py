"""Glare: a lamp's reflection burning part of the page out to white.

A reflection is told from white paper by two things. It is brighter than the page's own
paper: a sheet that is evenly bright (white paper, or a camera exposing for a dark desk)
burns out nowhere above its own level, so it is never glare. And it washes out the print
under it: a glossy sheen that lifts the paper without hiding the text is not glare either,
so a bright patch through which the page's print still shows as it does elsewhere counts
for nothing. A reflection's core is white through and through; paper that only brushes the
sensor's top comes out speckled.
"""

from __future__ import annotations

import cv2
import numpy as np

_OVER_PAPER = 10.0  # a reflection is this much brighter than the page's own paper…
_SENSOR_TOP = 244.0  # …and at least this bright (the sensor near saturation)
_INK_BELOW_PAPER = 60.0  # print is at least this much darker than the paper
_PRINT_SHOWS = 0.5  # print under a bright patch at this share of the page's density: sheen
_SPECKLE = 5  # bright specks smaller than this (pixels) are noise, not a reflection
_SOLID = 0.85  # a reflection burns its core out whole


def glare_fraction(view: np.ndarray, print_px: float) -> float:
    """Share of the page (`view`: greyscale, straightened) burnt out by reflections.
    `print_px`: how tall the page's small print is in `view`, which sets how far apart
    print may lie under a patch and still show through."""
    paper = float(np.percentile(view, 60))
    level = max(paper + _OVER_PAPER, _SENSOR_TOP)
    if level > 255:
        return 0.0  # the paper itself at the sensor's top: nothing can outshine it
    burnt = (view >= level).view(np.uint8)
    burnt = cv2.morphologyEx(burnt, cv2.MORPH_OPEN, np.ones((_SPECKLE, _SPECKLE), np.uint8))
    if not burnt.any():
        return 0.0
    # patches a little over two lines of print apart are one: strips of paper lifted
    # between lines join up with the print between them
    lines = np.ones((max(_SPECKLE, round(6 * print_px)) | 1,) * 2, np.uint8)
    patches = cv2.morphologyEx(burnt, cv2.MORPH_CLOSE, lines)
    ink = view <= paper - _INK_BELOW_PAPER
    page_ink = float(ink.mean())
    count, labels = cv2.connectedComponents(patches)
    washed = 0
    for patch in range(1, count):
        inside = labels == patch
        if page_ink > 0 and float(ink[inside].mean()) >= _PRINT_SHOWS * page_ink:
            continue  # the print shows through: a sheen, not glare
        if float(burnt[inside].mean()) < _SOLID:
            continue  # paper speckled around the sensor's top, no reflection's white core
        washed += int(burnt[inside].sum())
    return washed / burnt.size
