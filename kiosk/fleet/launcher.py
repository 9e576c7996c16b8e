"""What the kiosk's service starts: picks the release to run and becomes it (exec, so the
service manager watches the kiosk itself, watchdog included).

    python3 -m kiosk.fleet.launcher ROOT [kiosk arguments…]

It keeps the start times of the last minutes. A crash loop — `starts` starts within `minutes` —
means the running release cannot stay up: the first time, the launcher returns to the previous
release (and never offers the failed one again); if that loops too, or there is none, it starts
the kiosk's plain "out of service, please go to the counter" screen instead, which asks nothing
of the devices or the province. A healthy new version (confirmed by the updater) re-arms the
fallback.

Standard library and platform_layer only: it runs on the system's Python, before any release.
"""

from __future__ import annotations

import argparse
import base64
import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.fleet.install_root import InstallRoot, write_json

log = logging.getLogger("kiosk.launcher")

CRASH_LOOP_STARTS = 5
CRASH_LOOP_MINUTES = 10.0
OUT_OF_SERVICE = "--out-of-service"


@dataclass(frozen=True)
class Launch:
    argv: list[str]
    why: str  # normal, fallback, out_of_service


def record_start(root: InstallRoot, now: float, window_s: float) -> list[float]:
    try:
        starts = [float(t) for t in json.loads(root.starts_file.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        starts = []
    starts = [t for t in starts if now - t < window_s] + [now]
    write_json(root.starts_file, starts)
    return starts


def entry_of(release: Path) -> str:
    """The program a release names in its manifest (read, not verified: the updater verified
    it before installing), else `kiosk`."""
    try:
        document = json.loads((release / ".release.json").read_text(encoding="utf-8"))
        entry = str(json.loads(base64.b64decode(document["manifest"]))["entry"])
    except (OSError, ValueError, KeyError, TypeError):
        return "kiosk"
    return entry if entry and not entry.startswith("/") and ".." not in entry else "kiosk"


def choose(
    root: InstallRoot,
    args: list[str],
    now: float | None = None,
    starts_limit: int = CRASH_LOOP_STARTS,
    minutes: float = CRASH_LOOP_MINUTES,
) -> Launch:
    now = time.time() if now is None else now
    starts = record_start(root, now, minutes * 60)
    why = "normal"
    if len(starts) >= starts_limit:
        state = root.read_state()
        fallen = None if state.fell_back else root.roll_back("crash loop", fell_back=True)
        if fallen is not None:
            log.error("crash loop in %s: back to %s", *fallen)
            write_json(root.starts_file, [])
            why = "fallback"
        else:
            log.error("crash loop and nothing to fall back to: out of service")
            why = "out_of_service"
    release = root.current.resolve()
    program = str(release / entry_of(release))
    extra = [OUT_OF_SERVICE] if why == "out_of_service" else []
    return Launch([program, *args, *extra], why)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-launcher", description=__doc__.split("\n")[0])
    parser.add_argument("root", type=Path, help="the install root (releases/, current)")
    parser.add_argument("--starts", type=int, default=CRASH_LOOP_STARTS)
    parser.add_argument("--minutes", type=float, default=CRASH_LOOP_MINUTES)
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed to the kiosk")
    options = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    root = InstallRoot(options.root)
    if not root.current.exists():
        log.error("%s has no current release; run install-kiosk", root.current)
        return 2
    launch = choose(root, options.args, starts_limit=options.starts, minutes=options.minutes)
    log.info("starting %s (%s)", launch.argv[0], launch.why)
    sys.stdout.flush()
    sys.stderr.flush()
    # the launcher's own module path must not leak into the frozen app
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    os.execve(launch.argv[0], launch.argv, env)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
