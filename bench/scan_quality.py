"""Prints how often the scan's blur and glare checks are right on labelled frames
(tests/camera/quality_frames.py: made like a camera makes them, labelled by how they were
made), per condition, plus the time one check takes.

    .venv/bin/python bench/scan_quality.py [--frames N] [--hi-res-every N] [--calibrate]
        [--conditions base|hard|all|a,b,c] [--first-seed N]

For each condition (sharp, slight blur, defocus, motion, glare, sheen, bright white paper,
overexposure, low light): how many frames carry each label, and the share flagged blurred
and flagged glare. Then per check: missed (a labelled fault not flagged) and false (flagged
without the fault), targets ≤ 5 % each, and white paper flagged as glare (target 0); glare
also by the stricter label of a reflection over print; then every wrongly judged frame. The
page is given by its true outline, so the checks and not the page detector are measured.
Tune on one seed range and report on another never tuned on.

`--calibrate` prints tesseract's character error rate on a 13 pt form through the same camera
against the blur label's ratio: where the labels' SHARP_RATIO and BLURRED_RATIO come from.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.scanning.config import ScanSettings
from kiosk.scanning.detection import PageDetection
from kiosk.scanning.pipeline import straighten
from kiosk.scanning.quad import Quad
from kiosk.scanning.quality import QualityIssue, assess
from tests.camera.ocr import FORM_LINES, character_error_rate, read_text, tesseract_available
from tests.camera.ocr import render_form as render_known_form
from tests.camera.quality_frames import (
    BLURRED_RATIO,
    CONDITIONS,
    HARD_CONDITIONS,
    SHARP_RATIO,
    FrameSpec,
    LabelledFrame,
    _gaussian_kernel,
    _line_kernel,
    quality_specs,
    render_frame,
)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def judged(frame: LabelledFrame) -> tuple[tuple[QualityIssue, ...], float]:
    spec = frame.spec
    found = PageDetection(Quad.from_points(frame.corners), 1.0, (spec.width, spec.height))
    start = time.perf_counter()
    issues = assess(frame.image, found, document_type=spec.document_type).issues
    return issues, time.perf_counter() - start


def _share(flags: list[bool]) -> str:
    return f"{np.mean(flags):6.1%}" if flags else "     –"


def report(frames: list[LabelledFrame]) -> None:
    results = [judged(f) for f in frames]
    rows: dict[str, list[tuple[LabelledFrame, tuple[QualityIssue, ...]]]] = defaultdict(list)
    for frame, (issues, _) in zip(frames, results, strict=True):
        rows[frame.spec.condition].append((frame, issues))
    print(
        f"  {'condition':<13} {'n':>3}  {'blurred/ok/–':>12}  {'glare/no/–':>10}  "
        f"{'flag blur':>9}  {'flag glare':>10}  blur missed/false  glare missed/false"
    )
    for condition in CONDITIONS + HARD_CONDITIONS:
        pairs = rows.get(condition, [])
        if not pairs:
            continue
        blur = [QualityIssue.BLURRED in i for _, i in pairs]
        glare = [QualityIssue.GLARE in i for _, i in pairs]
        print(
            f"  {condition:<13} {len(pairs):3d}  {_counts(pairs, 'blurred'):>12}  "
            f"{_counts(pairs, 'glare'):>10}  {_share(blur):>9}  {_share(glare):>10}  "
            f"{_rates(pairs, 'blurred', QualityIssue.BLURRED):>17}  "
            f"{_rates(pairs, 'glare', QualityIssue.GLARE):>18}"
        )
    everything = [(f, i) for f, (i, _) in zip(frames, results, strict=True)]
    print(f"  all {len(frames)} frames:")
    for label, issue in (("blurred", QualityIssue.BLURRED), ("glare", QualityIssue.GLARE)):
        with_fault = [issue in i for f, i in everything if getattr(f, label) is True]
        without = [issue in i for f, i in everything if getattr(f, label) is False]
        print(
            f"    {issue.name.lower():<7}: {len(with_fault)} with, {len(without)} without, "
            f"{sum(getattr(f, label) is None for f, _ in everything)} borderline left out; "
            f"missed {_pct(with_fault, True, 1)}, false {_pct(without, False, 1)}"
        )
        for size in sorted({(f.spec.width, f.spec.height) for f in frames}):
            part = [(f, i) for f, i in everything if (f.spec.width, f.spec.height) == size]
            hit = [issue in i for f, i in part if getattr(f, label) is True]
            miss_free = [issue in i for f, i in part if getattr(f, label) is False]
            print(
                f"      at {size[0]}×{size[1]}: missed {_pct(hit, True)} of {len(hit)}, "
                f"false {_pct(miss_free, False)} of {len(miss_free)}"
            )
    # a reflection that hides print (one over blank paper only is left out)
    hit = [QualityIssue.GLARE in i for f, i in everything if f.glare_over_print is True]
    clean = [QualityIssue.GLARE in i for f, i in everything if f.glare_over_print is False]
    print(
        f"    glare over print (reflections over blank paper only left out): {len(hit)} with, "
        f"missed {_pct(hit, True)}; {len(clean)} without, false {_pct(clean, False)}"
    )
    white = [
        QualityIssue.GLARE in i
        for f, i in everything
        if f.spec.condition in ("bright_white", "overexposed")
    ]
    print(f"    white paper (bright, overexposed) flagged as glare: {sum(white)} of {len(white)}")
    by_document: dict[str, list[bool]] = defaultdict(list)
    for f, i in everything:
        if f.blurred is True:
            by_document[f.spec.document].append(QualityIssue.BLURRED in i)
    print(
        "    blur missed per document: "
        + ", ".join(f"{d} {1 - np.mean(v):.0%} of {len(v)}" for d, v in sorted(by_document.items()))
    )
    for f, i in everything:
        for label, issue in (("blurred", QualityIssue.BLURRED), ("glare", QualityIssue.GLARE)):
            fault = getattr(f, label)
            if fault is not None and fault != (issue in i):
                spec = f.spec
                print(
                    f"    {'missed' if fault else 'false'} {issue.name.lower()}: seed {spec.seed} "
                    f"{spec.condition} {spec.desk} {spec.document} {spec.width}×{spec.height} "
                    f"(blur ratio {f.blur_ratio:.3f}, glare share {f.glare_share:.4f}, "
                    f"over print {f.glare_print_share:.4f})"
                )
    for size in sorted({(f.spec.width, f.spec.height) for f in frames}):
        times = [t for f, (_, t) in zip(frames, results, strict=True) if f.spec.width == size[0]]
        median = statistics.median(times) * 1000
        print(
            f"  check time at {size[0]}×{size[1]}: median {median:.1f} ms, "
            f"max {max(times) * 1000:.1f} ms ({len(times)} frames)"
        )


def _counts(pairs: list[tuple[LabelledFrame, tuple[QualityIssue, ...]]], label: str) -> str:
    """Frames labelled with the fault / without it / borderline."""
    values = [getattr(f, label) for f, _ in pairs]
    return f"{values.count(True)}/{values.count(False)}/{values.count(None)}"


def _pct(flags: list[bool], fault: bool, digits: int = 0) -> str:
    """Missed share (`fault`: flags on frames with it) or false share; – for no frames."""
    if not flags:
        return "–"
    share = 1 - float(np.mean(flags)) if fault else float(np.mean(flags))
    return f"{share:.{digits}%}"


def _rates(pairs: list[tuple[LabelledFrame, tuple[QualityIssue, ...]]], label, issue) -> str:
    hit = [issue in i for f, i in pairs if getattr(f, label) is True]
    clean = [issue in i for f, i in pairs if getattr(f, label) is False]
    return f"{_pct(hit, True)}/{_pct(clean, False)}"


def calibrate(seeds: int) -> None:
    """Tesseract's reading of a 13 pt form at 1080p against the blur ratio of the frame."""
    if not tesseract_available():
        print("  tesseract-ocr with tesseract-ocr-vie is not installed (scripts/setup)")
        return
    image, size_mm = render_known_form()
    truth = "\n".join(FORM_LINES)
    lenses = [("none", (None, 0.0))]
    lenses += [(f"gaussian σ {s}", (_gaussian_kernel(s), s)) for s in (0.7, 1.0, 1.3, 1.6, 2.0)]
    lenses += [(f"motion {n} px", (_line_kernel(n, 30.0), n / np.sqrt(12))) for n in (4, 6, 8)]
    settings = ScanSettings()
    for name, psf in lenses:
        ratios, errors = [], []
        for seed in range(seeds):
            frame = render_frame(
                FrameSpec(31000 + seed, ("dark", "wood", "grey")[seed % 3], "form", "sharp"),
                page=(image, size_mm, 13.0),
                psf=psf,
            )
            flat, _ = straighten(frame.image, Quad.from_points(frame.corners), settings, "A4")
            errors.append(
                character_error_rate(read_text(cv2.cvtColor(flat, cv2.COLOR_BGR2GRAY)), truth)
            )
            ratios.append(frame.blur_ratio)
        print(
            f"  {name:<16} ratio {np.mean(ratios):.3f}  CER "
            + " ".join(f"{e:6.1%}" for e in errors)
            + f"  mean {np.mean(errors):.1%}"
        )
    print(f"  labels: sharp enough ≤ {SHARP_RATIO}, blurred ≥ {BLURRED_RATIO}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=270)
    parser.add_argument("--hi-res-every", type=int, default=10, help="every Nth frame at 12 MP")
    parser.add_argument("--first-seed", type=int, default=21000)
    parser.add_argument(
        "--conditions",
        default="base",
        help="base (the nine of the rate test), hard (reflections on laminate, sleeve, spots, "
        "edge, partly burnt; hand shake; a sleeve's veil), all (both), or a list a,b,c",
    )
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--seeds", type=int, default=3, help="frames per lens when calibrating")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    print(f"scan quality bench — {load()}")
    if args.calibrate:
        print("blur label calibration: tesseract CER of a 13 pt form at 1920×1080")
        calibrate(args.seeds)
    else:
        conditions = {
            "base": CONDITIONS,
            "hard": HARD_CONDITIONS,
            "all": CONDITIONS + HARD_CONDITIONS,
        }.get(args.conditions, tuple(args.conditions.split(",")))
        specs = quality_specs(args.frames, args.first_seed, args.hi_res_every, conditions)
        print(f"rendering {len(specs)} labelled frames (seeds {args.first_seed}…) …")
        frames = [render_frame(spec) for spec in specs]
        print("blur and glare checks on the true outline, one core:")
        report(frames)
    print(f"done — {load()}")


if __name__ == "__main__":
    main()
