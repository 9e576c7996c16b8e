"""Why the page detector misses on the hard desk set, photo by photo.

For every photo it prints the Jaccard index of the chosen outline and of the best outline the
detector weighed, so each miss is put down to one of two causes: "no candidate" (nothing it
proposed is near the page: candidate generation) or "scoring" (a good outline was proposed and
another one preferred). Optional overlays show the true outline (green), the chosen one (red)
and the best proposal (blue).

    .venv/bin/python -m devtools.page_diagnosis --first-seed 5000 --per-desk 12 \\
        [--hi-res-every 6] [--overlays /tmp/pages] [--cache /tmp/desk_photos]

Rendering takes a few seconds a photo; `--cache` keeps them as .npz files between runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.scanning.detection import detect_page, ranked_outlines
from tests.camera.desk_photos import DeskPhoto, DeskPhotoSpec, hard_specs, render_desk_photo
from tests.camera.smartdoc import jaccard

GOOD = 0.95  # a detection at least this close counts as found


@dataclass(frozen=True)
class Diagnosis:
    spec: DeskPhotoSpec
    chosen: float  # Jaccard of the detector's answer (0 when it found nothing)
    best: float  # Jaccard of the best outline it weighed
    best_rank: int  # where that outline stood in the ranking (0 = chosen)
    best_source: str
    candidates: int
    seconds: float  # detect_page on this thread's CPU

    @property
    def cause(self) -> str:
        if self.chosen >= GOOD:
            return "ok"
        return "scoring" if self.best >= GOOD else "no candidate"


def load_photo(spec: DeskPhotoSpec, cache: Path | None) -> DeskPhoto:
    if cache is None:
        return render_desk_photo(spec)
    tags = "-".join(sorted(spec.tags)) or "plain"
    path = cache / f"{spec.seed}_{spec.desk}_{spec.document}_{tags}_{spec.width}.npz"
    if path.exists():
        stored = np.load(path)
        return DeskPhoto(spec, stored["image"], stored["corners"], tuple(stored["size_mm"]))
    photo = render_desk_photo(spec)
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, image=photo.image, corners=photo.corners, size_mm=np.array(photo.size_mm))
    return photo


def diagnose(photo: DeskPhoto) -> tuple[Diagnosis, np.ndarray | None, np.ndarray | None]:
    """The diagnosis, the chosen corners and the best proposal's corners."""
    document_type = photo.spec.document_type
    start = time.thread_time()
    found = detect_page(photo.image, document_type=document_type)
    seconds = time.thread_time() - start
    chosen = 0.0 if found is None else jaccard(photo.corners, found.quad.corners, photo.page_size)
    ranked = ranked_outlines(photo.image, document_type)
    scores = [jaccard(photo.corners, r.quad.corners, photo.page_size) for r in ranked]
    rank = int(np.argmax(scores)) if scores else -1
    diagnosis = Diagnosis(
        photo.spec,
        chosen,
        max(scores[rank], chosen) if scores else chosen,
        rank,
        ranked[rank].source if scores else "-",
        len(ranked),
        seconds,
    )
    best = ranked[rank].quad.corners if scores else None
    return diagnosis, None if found is None else found.quad.corners, best


def overlay(photo: DeskPhoto, chosen: np.ndarray | None, best: np.ndarray | None) -> np.ndarray:
    scale = 960 / photo.image.shape[1]
    image = cv2.resize(photo.image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    for corners, colour, width in (
        (best, (255, 96, 0), 2),
        (photo.corners, (0, 200, 0), 2),
        (chosen, (0, 0, 255), 2),
    ):
        if corners is not None:
            cv2.polylines(image, [np.int32(np.asarray(corners) * scale)], True, colour, width)
    return image


def summary(rows: list[Diagnosis]) -> list[str]:
    lines = []
    groups: dict[str, list[Diagnosis]] = defaultdict(list)
    for row in rows:
        groups[f"desk {row.spec.desk}"].append(row)
        for tag in row.spec.tags or {"plain"}:
            groups[f"tag {tag}"].append(row)
    lines.append(
        f"all {len(rows)}: chosen {np.mean([r.chosen for r in rows]):.4f}, "
        f"best proposal {np.mean([r.best for r in rows]):.4f}"
    )
    for name, members in sorted(groups.items()):
        causes = defaultdict(int)
        for row in members:
            causes[row.cause] += 1
        lines.append(
            f"  {name:<22} n={len(members):3d} chosen {np.mean([r.chosen for r in members]):.3f}"
            f"  best {np.mean([r.best for r in members]):.3f}  "
            f"scoring {causes['scoring']}, no candidate {causes['no candidate']}"
        )
    seconds = [r.seconds for r in rows if r.spec.width <= 1920]
    if seconds:
        lines.append(
            f"detect_page CPU at 1080p: median {statistics.median(seconds) * 1000:.1f} ms, "
            f"p95 {np.percentile(seconds, 95) * 1000:.1f} ms"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-seed", type=int, default=5000)
    parser.add_argument("--per-desk", type=int, default=12)
    parser.add_argument("--hi-res-every", type=int, default=6)
    parser.add_argument("--overlays", type=Path, help="write an overlay PNG of every miss here")
    parser.add_argument("--cache", type=Path, help="keep rendered photos here between runs")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    rows = []
    for spec in hard_specs(args.per_desk, args.first_seed, args.hi_res_every):
        photo = load_photo(spec, args.cache)
        row, chosen, best = diagnose(photo)
        rows.append(row)
        print(
            f"{spec.seed} {spec.desk:<13} {spec.document:<8} chosen {row.chosen:.3f} "
            f"best {row.best:.3f} (#{row.best_rank} of {row.candidates}, {row.best_source}) "
            f"{row.cause:<12} {row.seconds * 1000:5.0f} ms  {','.join(sorted(spec.tags))}",
            flush=True,
        )
        if args.overlays and row.cause != "ok":
            args.overlays.mkdir(parents=True, exist_ok=True)
            cv2.imwrite(str(args.overlays / f"{spec.seed}.png"), overlay(photo, chosen, best))
    print("\n".join(summary(rows)))


if __name__ == "__main__":
    main()
