"""Jaccard scores of the page detector on the hard desk set, grouped per desk, tag and
document: the figures the camera tests check and bench/camera_pipeline.py prints."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from kiosk.scanning.detection import detect_page
from tests.camera.desk_photos import DeskPhoto
from tests.camera.smartdoc import jaccard


@dataclass
class DeskScores:
    scores: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)  # wall clock
    cpu_seconds: list[float] = field(default_factory=list)  # this thread's CPU: apart from load
    by_desk: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_tag: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    by_document: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    misses: list[tuple[int, float]] = field(default_factory=list)  # (seed, score) below 0.9

    @property
    def mean(self) -> float:
        return float(np.mean(self.scores))

    def lines(self) -> list[str]:
        out = [
            f"all {len(self.scores)} photos: mean {self.mean:.4f}, median "
            f"{np.median(self.scores):.4f}, ≥ 0.95: {np.mean(np.array(self.scores) >= 0.95):.1%}"
        ]
        for title, groups in (
            ("desk", self.by_desk),
            ("tag", self.by_tag),
            ("document", self.by_document),
        ):
            for name, values in sorted(groups.items()):
                out.append(
                    f"  {title} {name:<14} n={len(values):3d}  mean {np.mean(values):.4f}  "
                    f"min {np.min(values):.3f}"
                )
        return out


def score_photos(photos: list[DeskPhoto]) -> DeskScores:
    """Detect with the document type a journey would announce, score against the labels."""
    result = DeskScores()
    for photo in photos:
        start, cpu = time.perf_counter(), time.thread_time()
        found = detect_page(photo.image, document_type=photo.spec.document_type)
        result.seconds.append(time.perf_counter() - start)
        result.cpu_seconds.append(time.thread_time() - cpu)
        score = (
            0.0 if found is None else jaccard(photo.corners, found.quad.corners, photo.page_size)
        )
        result.scores.append(score)
        result.by_desk[photo.spec.desk].append(score)
        result.by_document[photo.spec.document].append(score)
        for tag in photo.spec.tags or {"plain"}:
            result.by_tag[tag].append(score)
        if score < 0.9:
            result.misses.append((photo.spec.seed, score))
    return result
