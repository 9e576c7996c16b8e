r"""Run the DEMO stand-in province on its own (not the provincial system; for demos and tests):

    python -m offline_queue.standin --port 8765 --db standin.sqlite \
        --kiosk kiosk-01=/path/to/kiosk.secret [--speed 600] [--tls-cert C --tls-key K]

Each `--kiosk ID=FILE` names a kiosk and the file holding its secret (the same file the kiosk
signs with). The contract is offline_queue/contract/openapi.yaml. Admin endpoints, JSON, for
127.0.0.1 only:

    GET|POST|DELETE /admin/faults      list / arm (a Fault as JSON, e.g. {"kind": "reset"}) / clear
    GET|POST /admin/clock              {"advance_seconds": 3600} moves the simulated clock
    PUT /admin/scenarios/CODE          {"scenario": "more_papers"} steers a dossier's timeline
    PUT /admin/queue/SERVICE           {"waiting": 7} people already waiting at the centre
    PUT /admin/payments/CODE           {"amount_vnd": 24000} the treasury reports the fees paid
    GET /admin/received/KIND           what arrived (dossier, rating, ticket_record, notice)

`--releases DIR` serves the releases and configuration bundles published there (a bundle for
one kiosk as DIR/config/<kiosk id>.json, for all as DIR/config/all.json); with
`--operator-token-file`, the dashboard reads every kiosk's latest heartbeat.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from datetime import timedelta
from pathlib import Path

from offline_queue.kiosk_secret import KioskSecretError, read_kiosk_secret
from offline_queue.standin.clock import SimulatedClock
from offline_queue.standin.server import ProvincialStandin, server_tls_context


def _kiosk(text: str) -> tuple[str, Path]:
    kiosk_id, sep, path = text.partition("=")
    if not sep or not kiosk_id or not path:
        raise argparse.ArgumentTypeError("use ID=SECRET_FILE, e.g. kiosk-01=/etc/kiosk.secret")
    return kiosk_id, Path(path)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="provincial-standin",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", type=Path, required=True, help="SQLite file of the stand-in")
    parser.add_argument(
        "--kiosk",
        type=_kiosk,
        action="append",
        required=True,
        metavar="ID=SECRET_FILE",
        help="a kiosk it accepts (repeatable)",
    )
    parser.add_argument(
        "--speed",
        type=float,
        default=1.0,
        help="simulated seconds per real second (600: ten minutes a second)",
    )
    parser.add_argument(
        "--ticket-block", type=int, default=500, help="ticket numbers per kiosk per day"
    )
    parser.add_argument(
        "--confirm-after",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="simulated delay before ratings/ticket records count as processed",
    )
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--client-ca", help="require kiosk certificates signed by this CA")
    parser.add_argument(
        "--releases",
        type=Path,
        help="the folder scripts/build-release --publish writes: releases and config bundles",
    )
    parser.add_argument(
        "--operator-token-file",
        type=Path,
        help="a file holding the bearer token of the dashboard (GET /v1/fleet/heartbeats)",
    )
    parser.add_argument("--verbose", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        secrets = {kiosk_id: read_kiosk_secret(path) for kiosk_id, path in args.kiosk}
    except KioskSecretError as exc:
        print(exc, file=sys.stderr)
        return 2
    if bool(args.tls_cert) != bool(args.tls_key):
        print("--tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    tls = server_tls_context(args.tls_cert, args.tls_key, args.client_ca) if args.tls_cert else None
    standin = ProvincialStandin(
        args.db,
        secrets,
        host=args.host,
        port=args.port,
        clock=SimulatedClock(speed=args.speed),
        ticket_block=args.ticket_block,
        confirm_after=timedelta(seconds=args.confirm_after),
        tls=tls,
        releases_dir=args.releases,
        operator_token=(
            args.operator_token_file.read_text().strip() if args.operator_token_file else None
        ),
    )
    # Installed explicitly: a shell starts background jobs with SIGINT ignored, and Python then
    # never raises KeyboardInterrupt; SIGTERM is what service managers and tests send.
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop_signal, lambda *_: standin.stopping.set())
    print(f"DEMO provincial stand-in (test data only) on {standin.url} (database {args.db})")
    sys.stdout.flush()
    standin.start()
    try:
        while not standin.stopping.wait(0.5):
            pass
    finally:
        standin.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
