"""Prints the time to load the administrative units and to search them on every keystroke, as a
citizen types a commune's name in the address picker (whole country and within one province).

    .venv/bin/python bench/admin_units_search.py [--repeat N]

Target: ≤ 5 ms p95 per keystroke, like the procedure search, so typing never lags.
"""

from __future__ import annotations

import argparse
import statistics
import time

from kiosk.admin_units.units import AdminUnits

# Names as citizens type them: without diacritics, with them, in capitals, word by word.
TYPED = [
    "hong ha",
    "Hồng Hà",
    "phuong ba dinh",
    "xa tan an",
    "con dao",
    "VAN DON",
    "thanh xuan",
    "Bến Thành",
    "nghia do",
    "an khanh",
]


def keystrokes(text: str) -> list[str]:
    return [text[:n] for n in range(1, len(text) + 1)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(units: AdminUnits, province: str | None, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        for text in TYPED:
            for query in keystrokes(text):
                started = time.perf_counter()
                units.search_communes(query, province_code=province)
                timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    units = AdminUnits.load()
    print(f"load: {(time.perf_counter() - started) * 1000:.1f} ms for 3,321 units")
    for label, province in (("whole country", None), ("one province (Hà Nội)", "01")):
        timings = measure(units, province, args.repeat)
        print(
            f"search, {label}: {len(timings)} keystrokes, "
            f"p50 {statistics.median(timings):.2f} ms, p95 {percentile(timings, 0.95):.2f} ms, "
            f"max {max(timings):.2f} ms"
        )


if __name__ == "__main__":
    main()
