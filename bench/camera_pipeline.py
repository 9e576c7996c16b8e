"""Prints how fast and how well the kiosk finds pages, and how long a capture takes to become a
PDF, on the seeded photo set of tests/camera (generated here, nothing downloaded).

    .venv/bin/python bench/camera_pipeline.py [--scenes N] [--repeat N]

Figures, all on one core (cv2.setNumThreads(1)):
- page detection per frame at 1920×1080 and 4000×3000: mean and p95 time, frames per second
  (target ≥ 30 fps at 1080p);
- SmartDoc Jaccard index on the photo set, overall and per condition (target mean ≥ 0.97);
- the same on the hard desk set (tests/camera/desk_photos.py), per desk, tag and document,
  with the document type announced, and its detection time at 1080p and 12 MP
  (targets: mean ≥ 0.97, ≥ 0.95 on every desk, median ≤ 20 ms at 1080p);
- capture → PDF: straighten + clean + PDF of one A4 page, black-and-white and colour;
- live preview: analysed frames a second a scan session delivers (target ≥ 15).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hardware.camera import CameraSettings, open_camera
from kiosk.scanning.config import ScanSettings
from kiosk.scanning.detection import detect_page
from kiosk.scanning.document import ScannedDocument
from kiosk.scanning.enhance import EnhanceMode
from kiosk.scanning.output import document_pdf
from kiosk.scanning.pipeline import make_page
from kiosk.scanning.quad import Quad
from kiosk.scanning.session import ScanSession
from tests.camera.desk_photos import hard_specs, render_desk_photo
from tests.camera.desk_scores import score_photos
from tests.camera.ocr import measure, photographed_form, tesseract_available
from tests.camera.photoset import Scene, SceneSpec, render_scene, standard_specs
from tests.camera.smartdoc import jaccard


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def time_detection(scenes: list[Scene], repeat: int) -> list[float]:
    times = []
    for scene in scenes:
        detect_page(scene.image)  # warm caches for this frame size
        for _ in range(repeat):
            start = time.perf_counter()
            detect_page(scene.image)
            times.append(time.perf_counter() - start)
    return times


def report_speed(label: str, times: list[float]) -> None:
    mean = statistics.fmean(times)
    p95 = float(np.percentile(times, 95))
    print(
        f"  {label}: mean {mean * 1000:.1f} ms ({1 / mean:.0f} fps), "
        f"p95 {p95 * 1000:.1f} ms ({1 / p95:.0f} fps), {len(times)} runs"
    )


def report_jaccard(scenes: list[Scene]) -> None:
    scores = []
    for scene in scenes:
        found = detect_page(scene.image)
        scores.append(
            0.0 if found is None else jaccard(scene.corners, found.quad.corners, scene.page_size)
        )
    values = np.array(scores)
    print(
        f"  all {len(values)} photos: mean {values.mean():.4f}, median "
        f"{np.median(values):.4f}, ≥ 0.95: {(values >= 0.95).mean():.1%}, "
        f"worst {values.min():.3f}"
    )
    groups = {
        **{
            f"background {b}": [s.spec.background == b for s in scenes]
            for b in ("dark", "light", "wood", "clutter")
        },
        **{
            f"page {k}": [s.spec.page == k for s in scenes]
            for k in ("form", "letter", "table", "card")
        },
        **{
            c: [getattr(s.spec, c) for s in scenes]
            for c in ("hand", "touch_edge", "shadow", "uneven_light")
        },
    }
    for name, mask in groups.items():
        chosen = values[np.array(mask)]
        if len(chosen):
            print(
                f"    {name:<20} n={len(chosen):3d}  mean {chosen.mean():.4f}  "
                f"min {chosen.min():.3f}"
            )


def report_hard_set(per_desk: int, first_seed: int) -> None:
    photos = [render_desk_photo(spec) for spec in hard_specs(per_desk, first_seed, hi_res_every=6)]
    scores = score_photos(photos)
    for line in scores.lines():
        print(f"  {line}")
    for label, hi_res in (("1920×1080", False), ("4000×3000", True)):
        chosen = [("hi_res" in p.spec.tags) == hi_res for p in photos]
        wall = [t for t, keep in zip(scores.seconds, chosen, strict=True) if keep]
        cpu = [t for t, keep in zip(scores.cpu_seconds, chosen, strict=True) if keep]
        print(
            f"  detection {label}: median {statistics.median(wall) * 1000:.1f} ms, "
            f"p95 {np.percentile(wall, 95) * 1000:.1f} ms wall; CPU median "
            f"{statistics.median(cpu) * 1000:.1f} ms, p95 {np.percentile(cpu, 95) * 1000:.1f} ms; "
            f"{len(wall)} photos"
        )
    print(f"  below 0.9: {', '.join(f'{seed} ({score:.2f})' for seed, score in scores.misses)}")


def report_ocr(photos: int) -> None:
    """Character error rate (tesseract, Vietnamese) of a rendered form photographed at 1080p:
    the straightened photo before clean-up and each clean-up mode."""
    if not tesseract_available():
        print("  tesseract-ocr with tesseract-ocr-vie is not installed (scripts/setup)")
        return
    desks = ("dark", "glossy_white", "wood", "white_paper", "grey", "clutter")
    rows = []
    for index in range(photos):
        desk = desks[index % len(desks)]
        figures = measure(*photographed_form(7001 + index, desk))
        rows.append((figures.before, *figures.after.values()))
        modes = ", ".join(f"{m.value} {v:.2%}" for m, v in figures.after.items())
        print(f"  {desk:<13} before {figures.before:.2%}; {modes}")
    mean = np.mean(rows, axis=0)
    names = ["before", *(m.value for m in EnhanceMode)]
    print("  mean: " + ", ".join(f"{n} {v:.2%}" for n, v in zip(names, mean, strict=True)))


def report_capture(repeat: int) -> None:
    settings = ScanSettings()
    scene = render_scene(
        SceneSpec(
            seed=5,
            background="wood",
            page="letter",
            page_height=0.9,
            rotation_deg=6,
            uneven_light=True,
        )
    )
    quad = Quad.from_points(scene.corners)
    for mode in (EnhanceMode.BW, EnhanceMode.COLOUR):
        times, size = [], 0
        for _ in range(repeat):
            start = time.perf_counter()
            document = ScannedDocument()
            document.add(make_page(scene.image, quad, settings, mode))
            size = len(document_pdf(document))
            times.append(time.perf_counter() - start)
        print(
            f"  A4 page, {mode.value:>6}: median {statistics.median(times) * 1000:.0f} ms, "
            f"PDF {size / 1024:.0f} KB (200 dpi)"
        )


def report_session_rate(scene: Scene, seconds: float) -> None:
    """Analysed preview frames a second as the scan screen receives them: a simulated
    1920×1080 camera at 30 fps showing a page, detection, checks, auto-capture and the preview
    copy on the session's thread (captured pages are processed on another)."""
    with tempfile.TemporaryDirectory() as folder:
        still = Path(folder) / "page.png"
        cv2.imwrite(str(still), scene.image)
        settings = CameraSettings(simulator_fps=30, simulator_files=[str(still)])
        camera = open_camera(settings)
        camera.open()
        updates: list[float] = []
        session = ScanSession(
            camera,
            ScanSettings(),
            lambda u: u.preview is not None and updates.append(time.monotonic()),
        )
        session.start()
        time.sleep(seconds)
        session.stop()
        camera.close()
    steady = [t for t in updates if t - updates[0] > 1.0] if updates else []
    rate = (len(steady) - 1) / (steady[-1] - steady[0]) if len(steady) > 1 else 0.0
    print(f"  scan session: {rate:.1f} preview updates/s (camera 30 fps, 1920×1080, page in view)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenes", type=int, default=96)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-desk", type=int, default=12, help="hard-set photos per desk")
    parser.add_argument(
        "--hard-seeds",
        default="5000,9000",
        help="first seeds of the hard-set ranges: 5000 was tuned on, 9000 is the check range",
    )
    parser.add_argument("--ocr-photos", type=int, default=6, help="forms read by tesseract")
    args = parser.parse_args()
    cv2.setNumThreads(1)
    print(f"camera pipeline bench — {load()}")
    print(f"rendering {args.scenes} photos at 1920×1080 …")
    scenes = [render_scene(spec) for spec in standard_specs(args.scenes)]
    large = [
        render_scene(spec) for spec in standard_specs(6, width=4000, height=3000, first_seed=500)
    ]
    print("page detection, one core:")
    report_speed("1920×1080", time_detection(scenes, args.repeat))
    report_speed("4000×3000", time_detection(large, args.repeat))
    print("SmartDoc Jaccard index (detected vs true outline, in the page's frame):")
    report_jaccard(scenes)
    for first_seed in (int(seed) for seed in args.hard_seeds.split(",")):
        print(f"hard desk set from seed {first_seed}, Jaccard with the document type announced:")
        report_hard_set(args.per_desk, first_seed)
    print("legibility: OCR character error rate of a form photographed at 1080p:")
    report_ocr(args.ocr_photos)
    print("capture → PDF (straighten, clean, encode):")
    report_capture(args.repeat + 2)
    print("live preview:")
    report_session_rate(scenes[0], 6.0)
    print(f"done — {load()}")


if __name__ == "__main__":
    main()
