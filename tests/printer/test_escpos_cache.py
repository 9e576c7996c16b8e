"""Kiosks (or test workers) started together on a fresh machine all get python-escpos' profiles.

python-escpos' own cache write leaves an empty file for about 0.3 s; CI once failed to import it
in a second pytest worker with ``EOFError: Ran out of input``.
"""

import os
import pickle
import platform
import subprocess
import sys
from pathlib import Path

from escpos.capabilities import CAPABILITIES

STARTS_AT_ONCE = 6
IMPORT_PRINTER = "; ".join(
    (
        "import hardware",
        "from escpos.printer import Dummy",
        "print(Dummy().profile.profile_data['name'])",
    )
)


def _start_together(cache: Path) -> list[subprocess.CompletedProcess[str]]:
    environment = {**os.environ, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(cache)}
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORT_PRINTER],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(STARTS_AT_ONCE)
    ]
    return [subprocess.CompletedProcess(s.args, s.wait(60), *s.communicate()) for s in starts]


def test_starts_at_once_on_an_empty_cache_all_load_the_profiles(tmp_path: Path) -> None:
    runs = _start_together(tmp_path / "cache")
    assert [run.stderr for run in runs if run.returncode] == []
    assert {run.stdout.strip() for run in runs} == {"Default"}
    cached = tmp_path / "cache" / f"{platform.python_version()}.capabilities.pickle"
    assert pickle.loads(cached.read_bytes()) == CAPABILITIES
    assert [p.name for p in cached.parent.iterdir()] == [cached.name]  # no temporary left behind


def test_a_cache_older_than_the_profiles_is_replaced(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / f"{platform.python_version()}.capabilities.pickle"
    stale.write_bytes(b"")  # what python-escpos' own interrupted write leaves
    os.utime(stale, (0, 0))
    runs = _start_together(cache)
    assert [run.stderr for run in runs if run.returncode] == []
    assert pickle.loads(stale.read_bytes()) == CAPABILITIES
