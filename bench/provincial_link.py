"""Prints how fast the provincial link is against the stand-in on 127.0.0.1: dossier
submissions per second over one kept-alive connection, latency percentiles, a 5 MB dossier,
repeats, and status lookups.

    .venv/bin/python bench/provincial_link.py [--dossiers 1000]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from offline_queue.client import ProvincialClient
from offline_queue.standin.embedded import start_standin


def dossier(n: int, scan_bytes: int) -> tuple[str, str, bytes, str]:
    code = f"000.00.06.H56-261123-{n:04d}"
    document = {
        "dossier_code": code,
        "procedure_code": "1.001193",
        "applicant": {"full_name": "Nguyễn Thị Hoà", "phone": "0912345678"},
        "files": [
            {
                "name": "scan.jpg",
                "content_type": "image/jpeg",
                "data_base64": base64.b64encode(os.urandom(scan_bytes)).decode(),
            }
        ],
    }
    body = json.dumps(document, ensure_ascii=False).encode()
    return f"dossier-{n:05d}", code, body, hashlib.sha256(body).hexdigest()


def timed(calls: list[Callable[[], object]]) -> list[float]:
    times = []
    for call in calls:
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"{label:<44} n={len(times):>5}  {len(times) / sum(times):8.1f}/s  "
        f"p50 {statistics.median(times) * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        standin = start_standin(Path(folder) / "bench.sqlite")
        client = ProvincialClient(standin.client_settings())
        try:
            small = [dossier(n, 2_000) for n in range(args.dossiers)]
            report(
                "submit dossier (2 KB scan)",
                timed([lambda d=d: client.submit_dossier(d[0], d[2], d[3]) for d in small]),
            )
            report(
                "repeat of a received dossier",
                timed([lambda d=d: client.submit_dossier(d[0], d[2], d[3]) for d in small[:200]]),
            )
            report(
                "status lookup",
                timed([lambda d=d: client.dossier_status(d[1]) for d in small[:200]]),
            )
            report(
                "confirmations, 200 ids a call",
                timed([lambda: client.confirmations([d[0] for d in small[:200]])] * 20),
            )
            big = [dossier(100_000 + n, 5_000_000) for n in range(10)]
            report(
                "submit dossier (5 MB scan, 6.7 MB JSON)",
                timed([lambda d=d: client.submit_dossier(d[0], d[2], d[3]) for d in big]),
            )
            stored = len(standin.store.items("dossier"))
            print(f"stand-in holds {stored} dossiers (expected {args.dossiers + len(big)})")
        finally:
            client.close()
            standin.stop()


if __name__ == "__main__":
    main()
