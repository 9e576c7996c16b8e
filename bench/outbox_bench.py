"""Prints what the offline outbox costs and survives: enqueue latency of a dossier with 5 MB of
scans (sealed and fsynced), drain throughput of 1,000 queued dossiers to the stand-in province
on 127.0.0.1, and the counts of the kill -9 crash loop.

    .venv/bin/python bench/outbox_bench.py [--enqueues N] [--drain N] [--scan-kb K] [--kills N]
        [--dir PATH]

Targets: enqueue ≤ 80 ms (p95), drain ≥ 40 dossiers/s, crash loop: 0 lost, 0 duplicated.
The outbox lives in a temporary folder under --dir (default: the system's temp folder), so
the figures are those of that disk.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from offline_queue.client import ClientSettings, ProvincialClient
from offline_queue.crypto import FileKeyStore
from offline_queue.kiosk_secret import create_kiosk_secret
from offline_queue.outbox import Outbox, OutboxSettings, Scan
from offline_queue.uploader import Uploader

REPO = Path(__file__).resolve().parent.parent
FORM = {
    "procedure_code": "1.001193",
    "submitted_at": "2026-11-23T09:15:00+07:00",
    "applicant": {"full_name": "Nguyễn Thị Hoà", "id_number": "079301004512"},
    "form": {"purpose": "Đăng ký khai sinh", "copies": 2},
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def scans(total_bytes: int, pages: int) -> list[Scan]:
    size = total_bytes // pages
    return [Scan(f"trang-{n}.jpg", "image/jpeg", os.urandom(size)) for n in range(pages)]


def enqueue_latency(work: Path, count: int) -> list[float]:
    outbox = Outbox.open(OutboxSettings(disk_reserve_mb=0), work, FileKeyStore(work / "k.key"))
    timings = []
    for n in range(count):
        pages = scans(5 * 2**20, 5)  # fresh bytes each time: nothing cached to help
        start = time.perf_counter()
        outbox.enqueue_dossier(f"000.00.06.H56-261123-{n:04d}", FORM, pages)
        timings.append(time.perf_counter() - start)
    outbox.close()
    return timings


def standin_process(work: Path) -> tuple[subprocess.Popen[bytes], ClientSettings]:
    """The stand-in in a process of its own, as the province is another machine: its CPU
    does not compete with the uploader's for one interpreter lock."""
    secret_file = work / "kiosk.secret"
    secret = create_kiosk_secret(secret_file)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "offline_queue.standin",
            "--port",
            str(port),
            "--db",
            str(work / "standin.db"),
            "--kiosk",
            f"kiosk-01={secret_file}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    give_up = time.monotonic() + 20
    while time.monotonic() < give_up:
        with socket.socket() as attempt:
            if attempt.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.05)
    return server, ClientSettings(
        base_url=f"http://127.0.0.1:{port}", kiosk_id="kiosk-01", secret=secret
    )


def drain_throughput(work: Path, count: int, scan_kb: int) -> tuple[float, int]:
    work.mkdir(parents=True)
    outbox = Outbox.open(OutboxSettings(disk_reserve_mb=0), work, FileKeyStore(work / "k.key"))
    for n in range(count):
        outbox.enqueue_dossier(f"000.00.06.H56-261124-{n:04d}", FORM, scans(scan_kb * 1024, 2))
    server, settings = standin_process(work)
    client = ProvincialClient(settings)
    uploader = Uploader(outbox, client)
    try:
        start = time.perf_counter()
        uploader.start()
        while outbox.counts().waiting:
            time.sleep(0.01)
        elapsed = time.perf_counter() - start
        uploader.stop()
        delivered = outbox.counts().acked
    finally:
        client.close()
        server.terminate()
        server.wait()
        outbox.close()
    return count / elapsed, delivered


def crash_loop(kills: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.outbox.crash_harness", "--kills", str(kills)],
        cwd=REPO,
        capture_output=True,
        check=True,
        text=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enqueues", type=int, default=50)
    parser.add_argument("--drain", type=int, default=1000)
    parser.add_argument("--scan-kb", type=int, default=150, help="per scan, two per dossier")
    parser.add_argument("--kills", type=int, default=110)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="outbox-bench-", dir=args.dir) as work:
        timings = enqueue_latency(Path(work) / "latency", args.enqueues)
        print(
            f"enqueue, 5 × 1 MB scans, sealed + fsynced, {args.enqueues} dossiers in {work}: "
            f"p50 {percentile(timings, 0.5) * 1000:.1f} ms, "
            f"p95 {percentile(timings, 0.95) * 1000:.1f} ms, "
            f"max {max(timings) * 1000:.1f} ms (target ≤ 80 ms)"
        )
        rate, delivered = drain_throughput(Path(work) / "drain", args.drain, args.scan_kb)
        print(
            f"drain, {args.drain} dossiers of 2 × {args.scan_kb} KB scans to the stand-in "
            f"(own process) on 127.0.0.1: {rate:.0f} dossiers/s, {delivered} acknowledged "
            f"(target ≥ 40/s)"
        )
    report = crash_loop(args.kills)
    print(f"crash loop: {report['summary']}")
    if report["problems"]:
        print("PROBLEMS:", *report["problems"], sep="\n  ")


if __name__ == "__main__":
    main()
